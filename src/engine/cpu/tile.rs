/// One rectangular tile of the Mandelbrot picture, in pixels of the whole image.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tile {
    /// Left pixel of the tile.
    pub x: u32,
    /// Top pixel of the tile.
    pub y: u32,
    /// Tile width in pixels.
    pub width: u32,
    /// Tile height in pixels.
    pub height: u32,
    /// Width of the whole image in pixels.
    pub image_width: u32,
    /// Height of the whole image in pixels.
    pub image_height: u32,
    /// Iteration limit per pixel.
    pub max_iter: u32,
}

impl Tile {
    /// Number of pixels in the tile.
    pub fn pixels(&self) -> usize {
        self.width as usize * self.height as usize
    }
}
