use crate::engine::cpu::CpuOutput;

use super::tile_colour;

/// One computed Mandelbrot tile turned into RGBA pixels, clipped to a canvas: what the
/// browser layer copies onto the canvas with `putImageData`.
#[derive(Debug, Clone, PartialEq)]
pub struct TilePixels {
    /// Left canvas pixel.
    pub x: u32,
    /// Top canvas pixel.
    pub y: u32,
    /// Width in pixels (at least 1).
    pub width: u32,
    /// Height in pixels (at least 1).
    pub height: u32,
    /// `width × height × 4` bytes, row by row. Pixels the tile has no count for are
    /// transparent.
    pub rgba: Vec<u8>,
}

impl TilePixels {
    /// The pixels of `output` if it is a [`CpuOutput::Tile`] computed by `worker`,
    /// clipped to a `canvas_width × canvas_height` canvas; `None` for any other output
    /// or a tile wholly outside the canvas.
    pub fn from_output(
        output: &CpuOutput,
        worker: usize,
        canvas_width: u32,
        canvas_height: u32,
    ) -> Option<Self> {
        let CpuOutput::Tile { tile, counts, .. } = output else {
            return None;
        };
        if tile.x >= canvas_width || tile.y >= canvas_height {
            return None;
        }
        let width = tile.width.min(canvas_width - tile.x);
        let height = tile.height.min(canvas_height - tile.y);
        if width == 0 || height == 0 {
            return None;
        }
        let mut rgba = Vec::with_capacity(width as usize * height as usize * 4);
        for row in 0..height as usize {
            for col in 0..width as usize {
                let index = row * tile.width as usize + col;
                match counts.get(index) {
                    Some(&count) => {
                        rgba.extend_from_slice(&tile_colour(count, tile.max_iter, worker));
                        rgba.push(255);
                    }
                    None => rgba.extend_from_slice(&[0, 0, 0, 0]),
                }
            }
        }
        Some(Self {
            x: tile.x,
            y: tile.y,
            width,
            height,
            rgba,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cpu::{tiles_for, CpuJob, Tile};

    fn computed(tile: Tile) -> CpuOutput {
        CpuJob::Mandelbrot(tile).run()
    }

    #[test]
    fn a_tile_inside_the_canvas_becomes_four_bytes_per_pixel() {
        let tile = tiles_for(32, 24, 2, 2, 50)[3];
        let pixels = TilePixels::from_output(&computed(tile), 1, 32, 24).unwrap();
        assert_eq!(
            (pixels.x, pixels.y, pixels.width, pixels.height),
            (16, 12, 16, 12)
        );
        assert_eq!(pixels.rgba.len(), 16 * 12 * 4);
        assert!(pixels.rgba.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn a_tile_is_clipped_to_a_smaller_canvas_and_one_outside_is_skipped() {
        let tile = tiles_for(32, 24, 2, 2, 50)[3];
        let clipped = TilePixels::from_output(&computed(tile), 0, 20, 14).unwrap();
        assert_eq!((clipped.width, clipped.height), (4, 2));
        assert_eq!(clipped.rgba.len(), 4 * 2 * 4);
        assert_eq!(TilePixels::from_output(&computed(tile), 0, 16, 24), None);
    }

    #[test]
    fn outputs_other_than_tiles_draw_nothing() {
        assert_eq!(TilePixels::from_output(&CpuOutput::Pong, 0, 10, 10), None);
        assert_eq!(
            TilePixels::from_output(&CpuOutput::Count(4), 0, 10, 10),
            None
        );
    }

    #[test]
    fn missing_counts_leave_transparent_pixels_instead_of_panicking() {
        let tile = tiles_for(4, 4, 1, 1, 10)[0];
        let output = CpuOutput::Tile {
            tile,
            counts: vec![10, 3],
            checksum: 13,
        };
        let pixels = TilePixels::from_output(&output, 0, 4, 4).unwrap();
        assert_eq!(&pixels.rgba[0..4], &[0, 0, 0, 255]);
        assert_eq!(pixels.rgba[7], 255);
        assert!(pixels.rgba[8..].iter().all(|&b| b == 0));
    }

    #[test]
    fn an_empty_tile_draws_nothing() {
        let tile = Tile {
            x: 0,
            y: 0,
            width: 0,
            height: 5,
            image_width: 5,
            image_height: 5,
            max_iter: 10,
        };
        let output = CpuOutput::Tile {
            tile,
            counts: vec![],
            checksum: 0,
        };
        assert_eq!(TilePixels::from_output(&output, 0, 5, 5), None);
    }
}
