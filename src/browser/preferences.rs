/// Whether the visitor asked the system for less motion (`prefers-reduced-motion`).
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// Whether the screen is phone-narrow (at most 44rem wide, where the page's layout
/// folds its navigation and parameters).
pub fn is_narrow_screen() -> bool {
    media_matches("(max-width: 44rem)")
}

/// Whether the media query `query` matches now.
fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page is hidden (background tab): browsers throttle timers there.
pub fn is_page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// How many logical processors the browser reports (`navigator.hardwareConcurrency`),
/// at least 1.
pub fn hardware_concurrency() -> usize {
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .filter(|n| n.is_finite() && *n >= 1.0)
        .map(|n| n as usize)
        .unwrap_or(1)
}
