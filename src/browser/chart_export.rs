use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
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

/// Saves the first SVG chart inside the `<figure>` that contains the clicked element.
pub async fn export_chart(
    event_target: web_sys::EventTarget,
    format: ChartFormat,
    name: &str,
) -> Result<(), String> {
    let fail = |what: &str| format!("Could not export the chart: {what}.");
    let clicked = event_target
        .dyn_into::<web_sys::Element>()
        .map_err(|_| fail("no element"))?;
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
    let (markup, width, height) =
        standalone_svg(&svg).ok_or_else(|| fail("the browser refused"))?;
    match format {
        ChartFormat::Svg => download_text(&format!("{name}.svg"), "image/svg+xml", &markup),
        ChartFormat::Png => {
            let url = render_png(&markup, width, height).await.ok_or_else(|| {
                fail("the browser would not draw it (a strict Content-Security-Policy blocks data: images)")
            })?;
            download_url(&format!("{name}.png"), &url)
        }
    }
}

/// Clones `svg`, inlines computed styles, fixes its pixel size and paints a background.
fn standalone_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
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
    let background = document
        .body()
        .and_then(|b| window.get_computed_style(&b).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".into());
    let _ = clone.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = clone.set_attribute("width", &width.to_string());
    let _ = clone.set_attribute("height", &height.to_string());
    let _ = clone.set_attribute(
        "style",
        &format!("background:{background};overflow:visible"),
    );
    let serializer = web_sys::XmlSerializer::new().ok()?;
    let markup = serializer.serialize_to_string(&clone).ok()?;
    Some((markup, width, height))
}

/// Draws SVG markup onto a canvas at 2× and returns a PNG data URL.
async fn render_png(markup: &str, width: f64, height: f64) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let (tx, rx) = oneshot::channel::<bool>();
    let tx = std::rc::Rc::new(std::cell::RefCell::new(Some(tx)));
    let (ok_tx, err_tx) = (tx.clone(), tx);
    let on_load = Closure::once(move || {
        if let Some(t) = ok_tx.borrow_mut().take() {
            let _ = t.send(true);
        }
    });
    let on_error = Closure::once(move || {
        if let Some(t) = err_tx.borrow_mut().take() {
            let _ = t.send(false);
        }
    });
    image.set_onload(Some(on_load.as_ref().unchecked_ref()));
    image.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(markup).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    if !rx.await.unwrap_or(false) {
        return None;
    }
    let canvas = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context.scale(2.0, 2.0).ok()?;
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
