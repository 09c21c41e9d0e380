use wasm_bindgen::{Clamped, JsCast};

use crate::engine::pixels::TilePixels;

/// The 2D context of `canvas`, if the browser gives one.
fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
}

/// Copies one tile's pixels onto `canvas` at the tile's place. Returns whether it was
/// drawn (`false` when the browser refuses, never a panic).
pub fn draw_tile_pixels(canvas: &web_sys::HtmlCanvasElement, pixels: &TilePixels) -> bool {
    let expected = pixels.width as usize * pixels.height as usize * 4;
    if pixels.width == 0 || pixels.rgba.len() != expected {
        return false;
    }
    let Some(context) = context_2d(canvas) else {
        return false;
    };
    web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(&pixels.rgba),
        pixels.width,
        pixels.height,
    )
    .and_then(|image| context.put_image_data(&image, f64::from(pixels.x), f64::from(pixels.y)))
    .is_ok()
}

/// Clears the whole of `canvas` to transparent.
pub fn clear_canvas(canvas: &web_sys::HtmlCanvasElement) {
    if let Some(context) = context_2d(canvas) {
        context.clear_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
    }
}
