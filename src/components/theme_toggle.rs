use leptos::prelude::*;

use crate::browser::{apply_theme, saved_theme};

/// A button cycling the colour theme: follow the system, light, dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(saved_theme().unwrap_or_else(|| "auto".to_string()));
    apply_theme(&theme.get_untracked());
    let next = move |_| {
        let new = match theme.get_untracked().as_str() {
            "auto" => "light",
            "light" => "dark",
            _ => "auto",
        };
        apply_theme(new);
        theme.set(new.to_string());
    };
    let label = move || match theme.get().as_str() {
        "light" => "Theme: light",
        "dark" => "Theme: dark",
        _ => "Theme: system",
    };
    view! {
        <button type="button" class="theme-toggle mini" data-testid="theme" on:click=next
            aria-label=move || format!("{} (click to change)", label())>
            {label}
        </button>
    }
}
