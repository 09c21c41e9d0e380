use leptos::prelude::*;

/// The lesson navigation's frame: on a wide screen the list is always shown; on a phone
/// it folds behind one button naming the current lesson, and closes again once a lesson
/// is chosen (so the lesson, not the menu, fills the first screen).
#[component]
pub fn NavMenu(
    /// The name of the lesson shown, on the button.
    current: Signal<&'static str>,
    /// The list of lessons.
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <nav aria-label="Lessons" class="lesson-nav" data-open=move || open.get().to_string()>
            <button type="button" class="nav-toggle secondary" aria-controls="lesson-list"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="nav-toggle-label">"Lessons"</span>
                <span class="nav-toggle-current">{current}</span>
                <span aria-hidden="true">{move || if open.get() { "▴" } else { "▾" }}</span>
            </button>
            <div id="lesson-list" class="nav-list" on:click=move |_| open.set(false)>
                {children()}
            </div>
        </nav>
    }
}
