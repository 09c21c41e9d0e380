//! Saves an on-screen chart as a standalone SVG file or as a PNG picture.

mod bindings;
mod raster;

use wasm_bindgen::JsCast;

use super::download::{download_text, download_url};

/// The picture formats a chart can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// A standalone SVG file with the page's computed styles inlined.
    Svg,
    /// A PNG picture at twice the on-screen size.
    Png,
}

/// Canvas pixels per CSS pixel in a PNG export.
const PNG_SCALE: f64 = 2.0;

/// Style properties copied from the page onto each exported SVG element, so the file
/// looks the same without the stylesheet (and in the page's current theme).
const STYLE_PROPS: [&str; 10] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "opacity",
    "font-size",
    "font-weight",
    "font-family",
    "text-anchor",
    "display",
];

/// Saves the first SVG chart inside the `<figure>` that contains the element `click` was
/// sent to, and returns the name of the file offered.
pub fn export_chart(
    click: &web_sys::Event,
    format: ChartFormat,
    name: &str,
) -> Result<String, String> {
    let fail = |what: &str| format!("Could not export the chart: {what}.");
    let clicked = click
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .ok_or_else(|| fail("no element"))?;
    let figure = clicked
        .closest("figure")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no chart around the button"))?;
    let svg = figure
        .query_selector("svg")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no SVG in this chart"))?;
    let background = page_background();
    let file = match format {
        ChartFormat::Svg => {
            let markup =
                standalone_svg(&svg, &background).ok_or_else(|| fail("the browser refused"))?;
            let file = format!("{name}.svg");
            download_text(&file, "image/svg+xml", &markup)?;
            file
        }
        ChartFormat::Png => {
            let url = render_png(&svg, &background)
                .ok_or_else(|| fail("the browser would not draw it; use SVG"))?;
            let file = format!("{name}.png");
            download_url(&file, &url)?;
            file
        }
    };
    Ok(file)
}

/// The page's background colour (the theme's), for the exported picture.
fn page_background() -> String {
    let window = web_sys::window();
    let body = window.as_ref().and_then(|w| w.document()?.body());
    window
        .zip(body)
        .and_then(|(w, b)| w.get_computed_style(&b).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)" && c != "transparent")
        .unwrap_or_else(|| "#ffffff".into())
}

/// Clones `svg`, inlines computed styles, fixes its pixel size and paints `background`.
fn standalone_svg(svg: &web_sys::Element, background: &str) -> Option<String> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    let clone = svg
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = clone.query_selector_all("*").ok()?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(orig), Some(copy)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(orig), Ok(copy)) = (
            orig.dyn_into::<web_sys::Element>(),
            copy.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Ok(Some(style)) = window.get_computed_style(&orig) {
            // Presentation attributes rather than a `style` attribute: a strict
            // Content-Security-Policy (no 'unsafe-inline' styles) blocks the latter.
            for p in STYLE_PROPS {
                if let Ok(v) = style.get_property_value(p) {
                    if !v.is_empty() {
                        let _ = copy.set_attribute(p, &v);
                    }
                }
            }
        }
    }
    let _ = clone.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = clone.set_attribute("width", &width.to_string());
    let _ = clone.set_attribute("height", &height.to_string());
    // Presentation attributes and a background rectangle, not a `style` attribute.
    let _ = clone.set_attribute("overflow", "visible");
    let backdrop = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (key, value) in [("width", "100%"), ("height", "100%"), ("fill", background)] {
        let _ = backdrop.set_attribute(key, value);
    }
    let _ = clone.prepend_with_node_1(&backdrop);
    let serializer = web_sys::XmlSerializer::new().ok()?;
    serializer.serialize_to_string(&clone).ok()
}

/// Paints `svg` onto a canvas at twice its on-screen size, on `background`, and returns
/// a PNG data URL. No image is loaded (see [`raster`]), so a strict policy allows it.
fn render_png(svg: &web_sys::Element, background: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let rect = svg.get_bounding_client_rect();
    let canvas = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width((rect.width().max(1.0) * PNG_SCALE).round() as u32);
    canvas.set_height((rect.height().max(1.0) * PNG_SCALE).round() as u32);
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context.set_fill_style_str(background);
    context.fill_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    raster::paint_svg(&context, svg, PNG_SCALE)?;
    canvas.to_data_url_with_type("image/png").ok()
}
