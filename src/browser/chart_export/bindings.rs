//! The few DOM and canvas calls the PNG export needs that the project's web-sys features
//! leave out: SVG geometry (screen matrices, text positions) and `Path2D`.

use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d as Context, Element};

#[wasm_bindgen]
extern "C" {
    /// An SVG element that draws (`SVGGraphicsElement`, and text's `SVGTextContentElement`).
    #[wasm_bindgen(extends = Element, js_name = SVGGraphicsElement)]
    pub(super) type Graphic;
    /// The matrix from the element's user space to the viewport (CSS pixels).
    #[wasm_bindgen(method, js_name = getScreenCTM)]
    pub(super) fn screen_ctm(this: &Graphic) -> Option<Matrix>;
    /// Where a text's first character starts (anchor, dx and dy applied), in user space.
    #[wasm_bindgen(method, catch, js_name = getStartPositionOfChar)]
    pub(super) fn start_of_char(this: &Graphic, index: u32) -> Result<Point, JsValue>;

    /// A `DOMMatrix`.
    #[wasm_bindgen(js_name = DOMMatrix)]
    pub(super) type Matrix;
    #[wasm_bindgen(method, getter)]
    pub(super) fn a(this: &Matrix) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn b(this: &Matrix) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn c(this: &Matrix) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn d(this: &Matrix) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn e(this: &Matrix) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn f(this: &Matrix) -> f64;

    /// A `DOMPoint`.
    #[wasm_bindgen(js_name = DOMPoint)]
    pub(super) type Point;
    #[wasm_bindgen(method, getter)]
    pub(super) fn x(this: &Point) -> f64;
    #[wasm_bindgen(method, getter)]
    pub(super) fn y(this: &Point) -> f64;

    /// A canvas `Path2D`.
    #[wasm_bindgen(js_name = Path2D)]
    pub(super) type Path;
    #[wasm_bindgen(constructor, js_class = "Path2D")]
    pub(super) fn new() -> Path;
    /// A path from SVG path data (`d`).
    #[wasm_bindgen(constructor, js_class = "Path2D")]
    pub(super) fn from_data(d: &str) -> Path;
    #[wasm_bindgen(method, js_name = moveTo)]
    pub(super) fn move_to(this: &Path, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = lineTo)]
    pub(super) fn line_to(this: &Path, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = closePath)]
    pub(super) fn close_path(this: &Path);
    #[wasm_bindgen(method, js_name = roundRect)]
    pub(super) fn round_rect(this: &Path, x: f64, y: f64, width: f64, height: f64, radius: f64);
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    pub(super) fn ellipse(
        this: &Path,
        x: f64,
        y: f64,
        rx: f64,
        ry: f64,
        rotation: f64,
        from: f64,
        to: f64,
    );
    /// Adds `path` transformed by `matrix` (any `{a, b, c, d, e, f}`).
    #[wasm_bindgen(method, js_name = addPath)]
    pub(super) fn add_path(this: &Path, path: &Path, matrix: &JsValue);

    /// The 2D context's `fill` and `stroke` of a `Path2D` (web-sys's need a feature).
    #[wasm_bindgen(extends = Context, js_name = CanvasRenderingContext2D)]
    pub(super) type PathPainter;
    #[wasm_bindgen(method, js_name = fill)]
    pub(super) fn fill_path(this: &PathPainter, path: &Path, rule: &str);
    #[wasm_bindgen(method, js_name = stroke)]
    pub(super) fn stroke_path(this: &PathPainter, path: &Path);
}
