use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static IN_VIEW: Cell<bool> = const { Cell::new(true) };
    static HIDE_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// Whether the page can be seen: its tab is visible and (in an iframe) it is scrolled
/// into view. Browsers throttle timers otherwise, so runs there are flagged.
pub fn is_visible() -> bool {
    let tab_visible = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden());
    tab_visible && IN_VIEW.with(Cell::get)
}

/// How many times the page has become invisible since [`watch_visibility`] started:
/// a run that sees this change was throttled at some point.
pub fn hide_count() -> u64 {
    HIDE_COUNT.with(Cell::get)
}

/// Starts watching tab visibility and (with an IntersectionObserver, which in an iframe
/// measures against the top page's viewport) whether the page is in view.
/// Call once at start; the watchers live as long as the page.
pub fn watch_visibility() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if !is_visible() {
            HIDE_COUNT.with(|c| c.set(c.get() + 1));
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    on_change.forget();

    let on_intersect = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            let visible = entry.is_intersecting();
            IN_VIEW.with(|v| v.set(visible));
            if !visible {
                HIDE_COUNT.with(|c| c.set(c.get() + 1));
            }
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::IntersectionObserver::new(on_intersect.as_ref().unchecked_ref()),
        document.body(),
    ) {
        observer.observe(&body);
    }
    on_intersect.forget();
}
