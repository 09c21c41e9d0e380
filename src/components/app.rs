use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::browser::{
    hardware_concurrency, measure_page_speed_soon, register_service_worker,
    report_height_to_parent, watch_visibility, PageUrl, PopListener,
};
use crate::engine::{ParamKind, ParamValues};
use crate::lessons::permalink::{query_for, Permalink};
use crate::lessons::{self, AnyLesson};

use super::{LessonPage, NavMenu, ThemeToggle, TimingPanel};

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
///
/// A lesson chosen in the navigation gets a history entry of its own (its parameters'
/// edits only rewrite that entry), so Back and Forward move between lessons and bring
/// back each one's parameters from its address. The document's title names the lesson.
#[component]
pub fn App() -> impl IntoView {
    let mut link = Permalink::parse(&PageUrl::query());
    with_machine_workers(link.lesson, &mut link.values, &link.named);
    let embed = link.embed;
    provide_context(EmbedMode(embed));
    let current_link = RwSignal::new(PageUrl::query().trim_start_matches('?').to_string());
    provide_context(CurrentLink(current_link));
    watch_visibility();
    register_service_worker();
    measure_page_speed_soon();
    if embed {
        report_height_to_parent();
    }
    PageUrl::set_title(&lesson_title(link.lesson));
    let opener = Opener {
        shown: RwSignal::new(Shown {
            id: link.lesson.info().id,
            visit: 0,
        }),
        initial: StoredValue::new(Some(link.values)),
        notices: RwSignal::new(link.notices),
    };
    // The App lives as long as the page, so this cleanup only runs if it is ever
    // unmounted; the listener reaches the signals through `try_` accessors regardless.
    let listener: StoredValue<Option<PopListener>, LocalStorage> =
        StoredValue::new_local(PageUrl::on_pop(move || {
            follow_history(opener, current_link)
        }));
    on_cleanup(move || {
        listener.try_set_value(None);
    });
    let notices = opener.notices;
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
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let current = Signal::derive(move || {
        lessons::find(opener.shown.get().id).map_or("", |l| l.info().nav_title)
    });
    let chrome = (!embed).then(|| {
        let skip = move |ev: MouseEvent| {
            ev.prevent_default();
            if let Some(main) = main_ref.get() {
                let _ = main.focus();
            }
        };
        view! {
            <a class="skip-link" href="#main" on:click=skip>"Skip to the lesson"</a>
            <header class="site-header">
                <a class="brand" href="./">
                    <img src="icon.svg" alt="" width="28" height="28" />
                    <span>"Asyncscope"</span>
                </a>
                <NavMenu current>{lesson_nav(opener, embed)}</NavMenu>
                <ThemeToggle />
            </header>
        }
    });
    view! {
        <div class="app" class:embed=embed>
            {chrome}
            {notice_view}
            <main id="main" tabindex="-1" node_ref=main_ref>{move || opener.page()}</main>
            {move || footer(embed, current_link)}
        </div>
    }
}

/// Which lesson the page shows, and the how-manieth opening of a lesson this is: every
/// opening (a click in the navigation, Back, Forward) rebuilds the lesson page from the
/// values it came with, even when the lesson is the one already shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    id: &'static str,
    visit: u32,
}

/// The signals the lesson page is drawn from, and the one way to change them.
#[derive(Clone, Copy)]
struct Opener {
    shown: RwSignal<Shown>,
    /// The values the next lesson page starts from (taken by it), `None` for defaults.
    initial: StoredValue<Option<ParamValues>>,
    notices: RwSignal<Vec<String>>,
}

impl Opener {
    /// Shows `lesson` starting from `values`, lists `notices` and names the lesson in the
    /// document's title; does nothing once the App is gone.
    fn open(self, lesson: &'static dyn AnyLesson, values: ParamValues, notices: Vec<String>) {
        if self.initial.try_set_value(Some(values)).is_some() {
            return;
        }
        PageUrl::set_title(&lesson_title(lesson));
        self.notices.try_set(notices);
        self.shown.try_update(|shown| {
            shown.id = lesson.info().id;
            shown.visit = shown.visit.wrapping_add(1);
        });
    }

    /// The page of the lesson shown, from the values it was opened with (or defaults).
    fn page(self) -> impl IntoView {
        let id = self.shown.get().id;
        let lesson: &'static dyn AnyLesson = lessons::find(id).unwrap_or(lessons::ALL[0]);
        let values = self
            .initial
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| default_values(lesson));
        view! { <LessonPage lesson initial=values /> }
    }
}

/// The document title for a lesson: "One after another, or all at once — Asyncscope".
fn lesson_title(lesson: &dyn AnyLesson) -> String {
    format!("{} — Asyncscope", lesson.info().title)
}

/// A lesson's default values, with its worker counts set to this machine's.
fn default_values(lesson: &dyn AnyLesson) -> ParamValues {
    let mut values = ParamValues::defaults(lesson.info().params);
    with_machine_workers(lesson, &mut values, &[]);
    values
}

/// Opens `lesson` from the navigation: a new history entry with its default values
/// (`embed=1` kept when the page has it).
fn go_to(opener: Opener, lesson: &'static dyn AnyLesson, embed: bool) {
    let values = default_values(lesson);
    PageUrl::push_query(&query_for(lesson, &values, embed));
    opener.open(lesson, values, Vec::new());
}

/// After Back or Forward (`popstate`): shows the lesson and values of the address now
/// current. An entry that differs from the page only by its hash (the "About these
/// timings" link undone) leaves the page as it is, runs and all.
fn follow_history(opener: Opener, current_link: RwSignal<String>) {
    let mut link = Permalink::parse(&PageUrl::query());
    with_machine_workers(link.lesson, &mut link.values, &link.named);
    let query = query_for(link.lesson, &link.values, false);
    if current_link.try_get_untracked().as_deref() == Some(query.as_str()) {
        return;
    }
    opener.open(link.lesson, link.values, link.notices);
}

/// The lesson navigation: one link per lesson, grouped in sections. A plain click opens
/// the lesson in place; a click with a modifier key is left to the browser (new tab…).
fn lesson_nav(opener: Opener, embed: bool) -> impl IntoView {
    let current = Memo::new(move |_| opener.shown.get().id);
    let items = lessons::ALL
        .iter()
        .map(|&lesson| {
            let id = lesson.info().id;
            let section = lessons::SECTIONS
                .iter()
                .find(|(first, _)| *first == id)
                .map(|(_, name)| view! { <span class="nav-section">{*name}</span> });
            // A section's name shares its first lesson's item, so a line never ends on it.
            let starts_section = section.is_some();
            let on_click = move |ev: MouseEvent| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    go_to(opener, lesson, embed);
                }
            };
            view! {
                <li class:starts-section=starts_section>
                    {section}
                    <a href=format!("?lesson={id}")
                        aria-current=move || if current.get() == id { "page" } else { "false" }
                        on:click=on_click>
                        {lesson.info().nav_title}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// A primary-button click without Ctrl, Meta, Shift or Alt (which open a new tab or
/// window, or download).
fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// The page's footer: a link to the full app when embedded, a note on timings otherwise.
fn footer(embed: bool, current_link: RwSignal<String>) -> AnyView {
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
}

/// Sets each of a lesson's [`ParamKind::Workers`] parameters that the link did not name
/// to this machine's processor count, within the parameter's range: a pool's natural size.
fn with_machine_workers(lesson: &dyn AnyLesson, values: &mut ParamValues, named: &[&str]) {
    let specs = lesson.info().params.iter();
    for spec in specs.filter(|s| !named.contains(&s.key)) {
        let ParamKind::Workers(range) = spec.kind else {
            continue;
        };
        let n = (hardware_concurrency() as f64).clamp(range.min, range.max);
        values.0.insert(spec.key.to_string(), n);
    }
}
