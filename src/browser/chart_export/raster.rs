//! Paints an on-screen SVG chart onto a canvas with the 2D canvas API, element by element,
//! so a PNG is made without loading the SVG as an image: a strict Content-Security-Policy
//! (`img-src 'self'`, or a `default-src 'self'` standing for it) blocks the `data:` and
//! `blob:` images that the usual "draw an `<img>` of the SVG" route needs.
//!
//! It reads what the browser laid out (each element's screen matrix, its resolved lengths,
//! its computed style, the start of each text), so percentages, viewBoxes, the theme and
//! `vector-effect: non-scaling-stroke` come out as on screen. It knows the shapes the
//! charts draw: rect, line, polyline, polygon, circle, ellipse, path and text.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d as Context, CssStyleDeclaration, Element};

use super::bindings::{Graphic, Path, PathPainter};

/// An affine transform `[a, b, c, d, e, f]`, as canvas and DOM matrices take it.
type Affine = [f64; 6];

/// Paints every drawing element of `svg` onto `context`, `scale` canvas pixels per CSS
/// pixel. The canvas's origin is the SVG's top-left corner. Returns None if the browser
/// refused something.
pub fn paint_svg(context: &Context, svg: &Element, scale: f64) -> Option<()> {
    let window = web_sys::window()?;
    let rect = svg.get_bounding_client_rect();
    let origin = (
        rect.left() + f64::from(svg.client_left()),
        rect.top() + f64::from(svg.client_top()),
    );
    let shapes = svg
        .query_selector_all("rect, line, polyline, polygon, circle, ellipse, path, text")
        .ok()?;
    for i in 0..shapes.length() {
        let Some(element) = shapes.item(i).and_then(|n| n.dyn_into::<Graphic>().ok()) else {
            continue;
        };
        let hidden = "defs, marker, clipPath, mask, pattern, symbol";
        if element.closest(hidden).ok().flatten().is_some() {
            continue;
        }
        let Some(opacity) = shown_opacity(&window, &element, svg) else {
            continue;
        };
        let Some(m) = element.screen_ctm() else {
            continue;
        };
        let transform = [
            scale * m.a(),
            scale * m.b(),
            scale * m.c(),
            scale * m.d(),
            scale * (m.e() - origin.0),
            scale * (m.f() - origin.1),
        ];
        let style = window.get_computed_style(&element).ok()??;
        let [a, b, c, d, e, f] = transform;
        context.set_transform(a, b, c, d, e, f).ok()?;
        if element.local_name() == "text" {
            paint_text(context, &element, &style, opacity);
        } else if let Some(path) = shape_path(&element) {
            paint_shape(context, &path, &style, opacity, transform, scale);
        }
    }
    context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok()
}

/// The element's opacity (its own times its groups'), or None if it or a group is not
/// displayed or it is invisible.
fn shown_opacity(window: &web_sys::Window, element: &Element, svg: &Element) -> Option<f64> {
    let own = window.get_computed_style(element).ok()??;
    if css(&own, "visibility") != "visible" {
        return None;
    }
    let mut opacity = 1.0;
    let mut node = Some(element.clone());
    while let Some(e) = node {
        let style = window.get_computed_style(&e).ok()??;
        if css(&style, "display") == "none" {
            return None;
        }
        opacity *= number(&css(&style, "opacity")).unwrap_or(1.0);
        if &e == svg {
            break;
        }
        node = e.parent_element();
    }
    Some(opacity)
}

/// The outline of a shape element in its user space.
fn shape_path(element: &Graphic) -> Option<Path> {
    let length = |name: &str| resolved_length(element, name);
    let path = Path::new();
    match element.local_name().as_str() {
        "rect" => {
            let (w, h) = (length("width"), length("height"));
            if w <= 0.0 || h <= 0.0 {
                return None;
            }
            let (rx, ry) = (length("rx"), length("ry"));
            let radius = if rx > 0.0 && ry > 0.0 {
                rx.min(ry)
            } else {
                rx.max(ry)
            };
            path.round_rect(
                length("x"),
                length("y"),
                w,
                h,
                radius.min(w / 2.0).min(h / 2.0),
            );
        }
        "line" => {
            path.move_to(length("x1"), length("y1"));
            path.line_to(length("x2"), length("y2"));
        }
        kind @ ("polyline" | "polygon") => {
            let points = element.get_attribute("points").unwrap_or_default();
            let numbers: Vec<f64> = points
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter_map(|s| s.parse().ok())
                .collect();
            for (i, pair) in numbers.chunks_exact(2).enumerate() {
                if i == 0 {
                    path.move_to(pair[0], pair[1]);
                } else {
                    path.line_to(pair[0], pair[1]);
                }
            }
            if kind == "polygon" {
                path.close_path();
            }
        }
        kind @ ("circle" | "ellipse") => {
            let (rx, ry) = match kind {
                "circle" => (length("r"), length("r")),
                _ => (length("rx"), length("ry")),
            };
            let tau = std::f64::consts::TAU;
            path.ellipse(length("cx"), length("cy"), rx, ry, 0.0, 0.0, tau);
        }
        "path" => return Some(Path::from_data(&element.get_attribute("d")?)),
        _ => return None,
    }
    Some(path)
}

/// Fills and strokes `path` as the computed `style` says; the context's transform is the
/// element's (`transform`, `scale` canvas pixels per CSS pixel included).
fn paint_shape(
    context: &Context,
    path: &Path,
    style: &CssStyleDeclaration,
    opacity: f64,
    transform: Affine,
    scale: f64,
) {
    let fill = css(style, "fill");
    if is_paint(&fill) {
        context.set_global_alpha(opacity * number(&css(style, "fill-opacity")).unwrap_or(1.0));
        context.set_fill_style_str(&fill);
        let rule = if css(style, "fill-rule") == "evenodd" {
            "evenodd"
        } else {
            "nonzero"
        };
        context.unchecked_ref::<PathPainter>().fill_path(path, rule);
    }
    let stroke = css(style, "stroke");
    let width = number(&css(style, "stroke-width")).unwrap_or(1.0);
    if !is_paint(&stroke) || width <= 0.0 {
        return;
    }
    context.set_global_alpha(opacity * number(&css(style, "stroke-opacity")).unwrap_or(1.0));
    context.set_stroke_style_str(&stroke);
    // A non-scaling stroke is drawn in canvas pixels: its outline goes through the
    // element's transform, its pen only through the export's scale.
    let non_scaling = css(style, "vector-effect") == "non-scaling-stroke";
    let pen = if non_scaling { scale } else { 1.0 };
    context.set_line_width(width * pen);
    context.set_line_cap(&css(style, "stroke-linecap"));
    context.set_line_join(&css(style, "stroke-linejoin"));
    let dashes: js_sys::Array = css(style, "stroke-dasharray")
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(number)
        .map(|dash| JsValue::from_f64(dash * pen))
        .collect();
    let _ = context.set_line_dash(&dashes);
    if non_scaling {
        let placed = Path::new();
        placed.add_path(path, &matrix_init(transform));
        let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        context.unchecked_ref::<PathPainter>().stroke_path(&placed);
    } else {
        context.unchecked_ref::<PathPainter>().stroke_path(path);
    }
}

/// Writes a text element's text where the browser placed it, in its computed font.
fn paint_text(context: &Context, element: &Graphic, style: &CssStyleDeclaration, opacity: f64) {
    let text = element.text_content().unwrap_or_default();
    let fill = css(style, "fill");
    if text.trim().is_empty() || !is_paint(&fill) {
        return;
    }
    let Ok(start) = element.start_of_char(0) else {
        return;
    };
    context.set_font(&format!(
        "{} {} {} {}",
        css(style, "font-style"),
        css(style, "font-weight"),
        css(style, "font-size"),
        css(style, "font-family")
    ));
    context.set_text_align("left");
    context.set_text_baseline("alphabetic");
    context.set_global_alpha(opacity * number(&css(style, "fill-opacity")).unwrap_or(1.0));
    context.set_fill_style_str(&fill);
    let _ = context.fill_text(&text, start.x(), start.y());
}

/// A length attribute as the browser resolved it (percentages included), in user units;
/// 0 when absent.
fn resolved_length(element: &Element, name: &str) -> f64 {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    get(element, name)
        .and_then(|animated| get(&animated, "baseVal"))
        .and_then(|length| get(&length, "value"))
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// A `DOMMatrix2DInit` for `Path2D.addPath`.
fn matrix_init(m: Affine) -> JsValue {
    let init = js_sys::Object::new();
    for (key, value) in ["a", "b", "c", "d", "e", "f"].iter().zip(m) {
        let _ = js_sys::Reflect::set(&init, &(*key).into(), &value.into());
    }
    init.into()
}

fn css(style: &CssStyleDeclaration, property: &str) -> String {
    style.get_property_value(property).unwrap_or_default()
}

/// Whether a computed `fill` or `stroke` is a colour (not `none`, not a gradient).
fn is_paint(value: &str) -> bool {
    !value.is_empty() && value != "none" && !value.starts_with("url(")
}

/// The number in a computed value such as `1.5px` or `0.4`.
fn number(value: &str) -> Option<f64> {
    value.trim().trim_end_matches("px").parse().ok()
}
