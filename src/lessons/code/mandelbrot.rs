use futures::future::join_all;

«pool_rs»

const WIDTH: u32 = «width»;
const HEIGHT: u32 = «height»;
const SIDE: u32 = «side»;
const MAX_ITER: u32 = «iter»;

/// A rectangle of pixels: left, top, right, bottom (the last two excluded).
type Tile = (u32, u32, u32, u32);

/// Iteration counts of one tile, row by row, over x ∈ [-2.2, 0.8], y ∈ [-1.2, 1.2].
fn render_tile((x0, y0, x1, y1): Tile) -> Vec<u16> {
    let mut counts = Vec::new();
    for py in y0..y1 {
        let ci = -1.2 + 2.4 * (py as f64 + 0.5) / HEIGHT as f64;
        for px in x0..x1 {
            let cr = -2.2 + 3.0 * (px as f64 + 0.5) / WIDTH as f64;
            let (mut zr, mut zi, mut n) = (0.0f64, 0.0f64, 0);
            while n < MAX_ITER && zr * zr + zi * zi <= 4.0 {
                (zr, zi) = (zr * zr - zi * zi + cr, 2.0 * zr * zi + ci);
                n += 1;
            }
            counts.push(n as u16);
        }
    }
    counts
}

fn tiles() -> Vec<Tile> {
    let (w, h) = (WIDTH, HEIGHT);
    (0..SIDE * SIDE)
        .map(|i| (i % SIDE, i / SIDE))
        .map(|(c, r)| (w * c / SIDE, h * r / SIDE, w * (c + 1) / SIDE, h * (r + 1) / SIDE))
        .collect()
}

async fn render(workers: usize) -> Vec<Vec<u16>> {
    let pool = Pool::new(workers);
    // each tile goes to a free worker; this loop stays free meanwhile
    join_all(tiles().into_iter().map(|t| pool.run(move || render_tile(t)))).await
}

// render(«workers»).await
