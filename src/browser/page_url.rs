use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The page's address and title. Changing lesson pushes a history entry
/// ([`PageUrl::push_query`]); editing parameters rewrites the current one in place
/// ([`PageUrl::replace_query`]); Back and Forward are reported by [`PageUrl::on_pop`].
/// Nothing here reloads the page.
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

    /// Replaces the query string with `query` (without `?`) in the current history entry,
    /// keeping the path and the hash.
    pub fn replace_query(query: &str) {
        write_query(query, Write::Replace);
    }

    /// Adds a history entry whose query string is `query` (without `?`), same path, no
    /// hash; when the address would not change, the current entry is kept instead.
    pub fn push_query(query: &str) {
        write_query(query, Write::Push);
    }

    /// Sets the document's title (what the tab and the history list show).
    pub fn set_title(title: &str) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }

    /// Calls `on_pop` on every `popstate` (Back, Forward, or a hash link undone) until
    /// the returned listener is dropped; `None` outside a window.
    pub fn on_pop(on_pop: impl FnMut() + 'static) -> Option<PopListener> {
        let window = web_sys::window()?;
        let closure = Closure::<dyn FnMut()>::new(on_pop);
        window
            .add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(PopListener { closure })
    }
}

/// A `popstate` listener on the window, removed when this is dropped.
pub struct PopListener {
    closure: Closure<dyn FnMut()>,
}

impl Drop for PopListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "popstate",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Write {
    Replace,
    Push,
}

/// Writes `?query` into the history (see [`PageUrl::replace_query`] and
/// [`PageUrl::push_query`]); nothing when the query is already that one.
fn write_query(query: &str, how: Write) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.search().ok().as_deref() == Some(&format!("?{query}")) {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let Ok(history) = window.history() else {
        return;
    };
    let _ = match how {
        Write::Replace => {
            let hash = location.hash().unwrap_or_default();
            let url = format!("{path}?{query}{hash}");
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        }
        Write::Push => {
            let url = format!("{path}?{query}");
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        }
    };
}
