use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. Fails (with a message) where the browser refuses,
/// for example in an iframe without clipboard permission; callers then show the text.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or("No clipboard here.")?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying; select the text below instead.".into())
}
