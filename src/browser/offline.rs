use wasm_bindgen::JsCast;

/// Registers the service worker (`sw.js`, beside `index.html`) that keeps the app
/// working offline after the first visit. Does nothing where service workers are not
/// available (file://, old browsers, some private modes, sandboxed iframes); errors are
/// ignored, because the app works without it.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    // Read through Reflect: in a sandboxed iframe without `allow-same-origin` merely
    // reading `navigator.serviceWorker` throws a SecurityError, which would abort the app.
    let navigator = window.navigator();
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok());
    let Some(container) = container else {
        return;
    };
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
