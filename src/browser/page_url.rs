/// The page's query string: read once at start, rewritten in place when the visitor
/// changes lesson (no reload, no history entry per click).
pub struct PageUrl;

impl PageUrl {
    /// The value of `key` in the current query string, if present.
    pub fn param(key: &str) -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        params.get(key)
    }

    /// Replaces the query string with `key=value` pairs, keeping the path and hash.
    pub fn replace(pairs: &[(&str, &str)]) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new() else {
            return;
        };
        for (k, v) in pairs {
            params.append(k, v);
        }
        let query: String = params.to_string().into();
        let path = window.location().pathname().unwrap_or_default();
        let url = format!("{path}?{query}");
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}
