use leptos::prelude::*;

use crate::browser::{
    hardware_concurrency, register_service_worker, report_height_to_parent, watch_visibility,
    PageUrl,
};
use crate::engine::{ParamKind, ParamValues};
use crate::lessons::permalink::Permalink;
use crate::lessons::{self, Lesson};

use super::{LessonPage, ThemeToggle, TimingPanel};

/// The current permalink query (without `?` and `embed`), kept up to date by the page.
#[derive(Debug, Clone, Copy)]
pub struct CurrentLink(pub RwSignal<String>);

/// Whether the page is embedded in another site (`embed=1`): minimal chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedMode(pub bool);

/// The whole app: a header with the lesson navigation, and the current lesson's page.
///
/// The lesson and its parameters come from the URL query (see
/// [`crate::lessons::permalink`]); anything malformed there is listed in a notice and
/// replaced by defaults. With `embed=1` the page shows one lesson with minimal chrome
/// and reports its height to the host page.
#[component]
pub fn App() -> impl IntoView {
    let query = PageUrl::query();
    let mut link = Permalink::parse(&query);
    with_machine_workers(link.lesson, &mut link.values, &link.named);
    let embed = link.embed;
    provide_context(EmbedMode(embed));
    let current_link = RwSignal::new(PageUrl::query().trim_start_matches('?').to_string());
    provide_context(CurrentLink(current_link));
    watch_visibility();
    register_service_worker();
    if embed {
        report_height_to_parent();
    }
    let current: RwSignal<&'static str> = RwSignal::new(link.lesson.info().id);
    let initial = StoredValue::new(Some(link.values));
    let notices = RwSignal::new(link.notices);
    let nav = lessons::ALL
        .iter()
        .map(|lesson| {
            let id = lesson.info().id;
            let is_current = move || current.get() == id;
            let section = lessons::SECTIONS
                .iter()
                .find(|(first, _)| *first == id)
                .map(|(_, name)| view! { <span class="nav-section">{*name}</span> });
            // A section's name shares its first lesson's item, so a line never ends on it.
            let starts_section = section.is_some();
            view! {
                <li class:starts-section=starts_section>
                    {section}
                    <a href=format!("?lesson={id}")
                        aria-current=move || if is_current() { "page" } else { "false" }
                        on:click=move |ev| {
                            ev.prevent_default();
                            notices.set(Vec::new());
                            current.set(id);
                        }>
                        {lesson.info().nav_title}
                    </a>
                </li>
            }
        })
        .collect_view();
    let page = move || {
        let lesson: &'static dyn Lesson = lessons::find(current.get()).unwrap_or(lessons::ALL[0]);
        let values = initial
            .try_update_value(|v| v.take())
            .flatten()
            .unwrap_or_else(|| {
                let mut values = ParamValues::defaults(lesson.info().params);
                with_machine_workers(lesson, &mut values, &[]);
                values
            });
        view! { <LessonPage lesson initial=values /> }
    };
    let notice_view = move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <p>"Some of this link could not be used:"</p>
                    <ul>{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    let chrome = (!embed).then(|| {
        view! {
            <header class="site-header">
                <a class="brand" href="./">
                    <img src="icon.svg" alt="" width="28" height="28" />
                    <span>"Asyncscope"</span>
                </a>
                <nav aria-label="Lessons"><ul>{nav}</ul></nav>
                <ThemeToggle />
            </header>
        }
    });
    let footer = move || {
        if embed {
            let href = format!("{}?{}", PageUrl::base(), current_link.get());
            view! {
                <footer class="embed-footer">
                    <a href=href target="_blank" rel="noopener" data-testid="open-full">
                        "Open in Asyncscope ↗"
                    </a>
                    <TimingPanel />
                </footer>
            }
            .into_any()
        } else {
            view! {
                <footer class="site-footer">
                    <p>"Timings are measured in your browser with performance.now(); predictions come from a virtual clock."</p>
                    <TimingPanel />
                </footer>
            }
            .into_any()
        }
    };
    view! {
        <div class="app" class:embed=embed>
            {chrome}
            {notice_view}
            <main id="main">{page}</main>
            {footer}
        </div>
    }
}

/// Sets each of a lesson's [`ParamKind::Workers`] parameters that the link did not name
/// to this machine's processor count, within the parameter's range: a pool's natural size.
fn with_machine_workers(lesson: &dyn Lesson, values: &mut ParamValues, named: &[&str]) {
    let specs = lesson.info().params.iter();
    for spec in specs.filter(|s| s.kind == ParamKind::Workers && !named.contains(&s.key)) {
        let n = (hardware_concurrency() as f64).clamp(spec.min, spec.max);
        values.0.insert(spec.key.to_string(), n);
    }
}
