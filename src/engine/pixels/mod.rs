//! The Mandelbrot picture as pixels: each worker's hue and each computed tile's RGBA
//! bytes, which the browser layer copies onto the canvas and the chart's legend names.

mod tile_colours;
mod tile_pixels;

pub use tile_colours::{rgb_css, tile_colour, worker_hue, worker_rgb};
pub use tile_pixels::TilePixels;
