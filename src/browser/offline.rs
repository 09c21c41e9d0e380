/// Registers the service worker (`sw.js`, beside `index.html`) that keeps the app
/// working offline after the first visit. Does nothing where service workers are not
/// available (file://, old browsers, some private modes); errors are ignored, because
/// the app works without it.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    let navigator = window.navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
