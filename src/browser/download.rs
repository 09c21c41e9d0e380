use wasm_bindgen::JsCast;

/// Offers `text` to the visitor as a file download named `filename`.
///
/// Returns a message if the browser refused (the page then says so instead of failing
/// silently).
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not start the download: {what}.");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the browser refused to make a file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail("the browser refused a file address"))?;
    let result = download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers the resource at `url` (a blob: or data: URL) as a download named `filename`.
pub fn download_url(filename: &str, url: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not start the download: {what}.");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let anchor = document
        .create_element("a")
        .map_err(|_| fail("no link element"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail("no link element"))?;
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.click();
    Ok(())
}
