use super::Tile;

/// The largest image side and iteration limit accepted; anything larger is clamped.
const MAX_SIDE: u32 = 4096;
const MAX_ITER: u32 = 100_000;

/// Iteration counts of every pixel of `tile` (row by row) over the view
/// x ∈ [-2.2, 0.8], y ∈ [-1.2, 1.2], and their checksum (sum of counts).
/// Out-of-range tiles are clamped, never a panic.
pub fn mandelbrot_tile(tile: &Tile) -> (Vec<u16>, u64) {
    let image_w = tile.image_width.clamp(1, MAX_SIDE);
    let image_h = tile.image_height.clamp(1, MAX_SIDE);
    let x0 = tile.x.min(image_w);
    let y0 = tile.y.min(image_h);
    let w = tile.width.min(image_w - x0);
    let h = tile.height.min(image_h - y0);
    let max_iter = tile.max_iter.clamp(1, MAX_ITER).min(u16::MAX as u32);
    let mut counts = Vec::with_capacity(w as usize * h as usize);
    let mut checksum = 0u64;
    for py in y0..y0 + h {
        let ci = -1.2 + 2.4 * (py as f64 + 0.5) / image_h as f64;
        for px in x0..x0 + w {
            let cr = -2.2 + 3.0 * (px as f64 + 0.5) / image_w as f64;
            let (mut zr, mut zi, mut n) = (0.0f64, 0.0f64, 0u32);
            while n < max_iter && zr * zr + zi * zi <= 4.0 {
                let t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                n += 1;
            }
            counts.push(n as u16);
            checksum += n as u64;
        }
    }
    (counts, checksum)
}

/// Splits an image into a grid of `cols` × `rows` tiles covering every pixel once.
pub fn tiles_for(
    image_width: u32,
    image_height: u32,
    cols: u32,
    rows: u32,
    max_iter: u32,
) -> Vec<Tile> {
    let cols = cols.clamp(1, 64);
    let rows = rows.clamp(1, 64);
    let image_width = image_width.clamp(1, MAX_SIDE);
    let image_height = image_height.clamp(1, MAX_SIDE);
    let mut tiles = Vec::new();
    for r in 0..rows {
        let y = image_height * r / rows;
        let h = image_height * (r + 1) / rows - y;
        for c in 0..cols {
            let x = image_width * c / cols;
            let w = image_width * (c + 1) / cols - x;
            if w > 0 && h > 0 {
                tiles.push(Tile {
                    x,
                    y,
                    width: w,
                    height: h,
                    image_width,
                    image_height,
                    max_iter,
                });
            }
        }
    }
    tiles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_cover_every_pixel_exactly_once() {
        let tiles = tiles_for(101, 67, 4, 3, 50);
        assert_eq!(tiles.len(), 12);
        let total: usize = tiles.iter().map(Tile::pixels).sum();
        assert_eq!(total, 101 * 67);
    }

    #[test]
    fn the_whole_image_checksum_is_the_sum_of_its_tiles() {
        let whole = tiles_for(64, 48, 1, 1, 100);
        let (_, expected) = mandelbrot_tile(&whole[0]);
        let parts: u64 = tiles_for(64, 48, 4, 4, 100)
            .iter()
            .map(|t| mandelbrot_tile(t).1)
            .sum();
        assert_eq!(parts, expected);
    }

    #[test]
    fn a_point_inside_the_set_reaches_the_limit_and_one_far_outside_escapes_at_once() {
        // Pixel centre (-0.2, 0) is inside the main cardioid; (0.8, 1.2) region escapes.
        let inside = Tile {
            x: 32,
            y: 24,
            width: 1,
            height: 1,
            image_width: 48,
            image_height: 48,
            max_iter: 200,
        };
        assert_eq!(mandelbrot_tile(&inside).0, vec![200]);
        let outside = Tile {
            x: 47,
            y: 0,
            width: 1,
            height: 1,
            image_width: 48,
            image_height: 48,
            max_iter: 200,
        };
        assert!(mandelbrot_tile(&outside).0[0] <= 2);
    }

    #[test]
    fn the_checksum_of_a_fixed_tile_is_stable() {
        // Reference computed by an independent Python implementation of the same view.
        let t = tiles_for(16, 12, 1, 1, 64)[0];
        let (counts, sum) = mandelbrot_tile(&t);
        assert_eq!(counts.len(), 192);
        assert_eq!(sum, counts.iter().map(|&c| c as u64).sum::<u64>());
        assert_eq!(sum, MANDEL_16X12_64);
    }

    const MANDEL_16X12_64: u64 = 3338;

    #[test]
    fn absurd_tiles_are_clamped_not_panicking() {
        let t = Tile {
            x: u32::MAX,
            y: 5,
            width: u32::MAX,
            height: 9,
            image_width: 0,
            image_height: 0,
            max_iter: 0,
        };
        let (counts, _) = mandelbrot_tile(&t);
        assert!(counts.len() <= 1);
    }
}
