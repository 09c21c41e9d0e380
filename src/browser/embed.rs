use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The message type an embedded page posts to its host with its height.
pub const RESIZE_MESSAGE: &str = "asyncscope:resize";

/// Posts `{type: "asyncscope:resize", height}` to the parent window now and whenever the
/// page's height changes, so the host can size the iframe to fit (see docs/embedding.md).
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let post = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document().and_then(|d| d.document_element()) else {
            return;
        };
        let height = doc.scroll_height();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    };
    post();
    let on_resize = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    on_resize.forget();
}
