use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The message type an embedded page posts to its host with its height.
pub const RESIZE_MESSAGE: &str = "asyncscope:resize";

/// Posts `{type: "asyncscope:resize", height}` to the parent window now and whenever the
/// height of the page's content changes, up or down, so the host can size the iframe to
/// fit (see docs/embedding.md).
///
/// The height is the content's own (the bottom of the `.app` root, or of the body before
/// the app is mounted, rounded up), not the document's scroll height: that one never
/// drops below the iframe's current height, so a frame the host once grew could never
/// shrink again. A ResizeObserver on the body (which holds the whole app) reports every
/// change, and a height equal to the last one posted is not posted again.
pub fn report_height_to_parent() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last_posted = Rc::new(Cell::new(None::<f64>));
    let post = move || {
        let Some(height) = content_height() else {
            return;
        };
        if last_posted.get() == Some(height) {
            return;
        }
        if post_height(height) {
            last_posted.set(Some(height));
        }
    };
    post();
    let on_resize = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    on_resize.forget();
}

/// The bottom of the app's content in CSS pixels from the top of the document, rounded up.
fn content_height() -> Option<f64> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let root = match document.query_selector(".app").ok().flatten() {
        Some(app) => app,
        None => document.body()?.into(),
    };
    let bottom = root.get_bounding_client_rect().bottom() + window.scroll_y().unwrap_or(0.0);
    bottom.is_finite().then(|| bottom.max(0.0).ceil())
}

/// Posts the resize message with `height` to the parent window; false when there is none.
fn post_height(height: f64) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(parent)) = window.parent() else {
        return false;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    parent.post_message(&message, "*").is_ok()
}
