const KEY: &str = "asyncscope-theme";

/// The colour theme the visitor chose before (`light` or `dark`), or `None` for "follow
/// the system". Storage may be blocked (private mode, sandboxed frames): then `None`.
pub fn saved_theme() -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage
        .get_item(KEY)
        .ok()?
        .filter(|t| t == "light" || t == "dark")
}

/// Applies a theme (`light`, `dark`, anything else = follow the system) to the page and
/// remembers it where storage is allowed.
pub fn apply_theme(theme: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = match theme {
            "light" | "dark" => storage.set_item(KEY, theme),
            _ => storage.remove_item(KEY),
        };
    }
}
