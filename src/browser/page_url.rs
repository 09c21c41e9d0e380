/// The page's address: its query string is read once at start and rewritten in place
/// (no reload, no history entry) as the visitor changes lesson or parameters.
pub struct PageUrl;

impl PageUrl {
    /// The current query string including its `?` (empty if none).
    pub fn query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }

    /// The page's address without query or hash (`origin` + `pathname`).
    pub fn base() -> String {
        web_sys::window()
            .map(|w| {
                let l = w.location();
                format!(
                    "{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }

    /// Replaces the query string with `query` (without `?`), keeping the path.
    pub fn replace_query(query: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if window.location().search().ok().as_deref() == Some(&format!("?{query}")) {
            return;
        }
        let path = window.location().pathname().unwrap_or_default();
        let url = format!("{path}?{query}");
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}
