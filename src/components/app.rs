use leptos::prelude::*;

use crate::browser::PageUrl;
use crate::lessons::{self, Lesson};

use super::LessonPage;

/// The whole app: a header with the lesson navigation, and the current lesson's page.
///
/// The lesson comes from `?lesson=` (unknown ids fall back to the first lesson with a
/// notice) and the navigation rewrites that query in place.
#[component]
pub fn App() -> impl IntoView {
    let requested = PageUrl::param("lesson");
    let initial = requested
        .as_deref()
        .and_then(lessons::find)
        .unwrap_or(lessons::ALL[0]);
    let notice = requested
        .filter(|id| lessons::find(id).is_none())
        .map(|_| "That link names a lesson that does not exist; here is the first one.");
    let current: RwSignal<&'static str> = RwSignal::new(initial.info().id);
    let nav = lessons::ALL
        .iter()
        .map(|lesson| {
            let id = lesson.info().id;
            let is_current = move || current.get() == id;
            view! {
                <li>
                    <a href=format!("?lesson={id}")
                        aria-current=move || if is_current() { "page" } else { "false" }
                        on:click=move |ev| {
                            ev.prevent_default();
                            current.set(id);
                            PageUrl::replace(&[("lesson", id)]);
                        }>
                        {lesson.info().nav_title}
                    </a>
                </li>
            }
        })
        .collect_view();
    let page = move || {
        let lesson: &'static dyn Lesson = lessons::find(current.get()).unwrap_or(lessons::ALL[0]);
        view! { <LessonPage lesson /> }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="./">
                <img src="icon.svg" alt="" width="28" height="28" />
                <span>"Asyncscope"</span>
            </a>
            <nav aria-label="Lessons"><ul>{nav}</ul></nav>
        </header>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <main id="main">{page}</main>
        <footer class="site-footer">
            <p>"Timings are measured in your browser with performance.now(); predictions come from a virtual clock."</p>
        </footer>
    }
}
