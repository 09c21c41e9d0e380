use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{BrowserClock, FrameLoop};
use crate::charts::SearchTimeline;
use crate::engine::search::{PaneObserver, PolicyOutcome, PolicyRun, TypingSession, Typist};
use crate::engine::{Clock, ParamValues};
use crate::lessons::search::{
    clamp_query, database, policies, replay_script, LiveSearchLesson, SearchParams,
    MAX_QUERY_CHARS, REPLAY_WORD,
};
use crate::lessons::{AnyLesson, Params};

use super::{SearchPane, Validated};

/// The live-search widget: a search box whose every change is sent to three policies
/// running side by side on the browser's timers (the engine's own policy code, through
/// [`Typist`]), their three result panes, and the query timeline, live. "Replay typing"
/// types a fixed word at a fixed pace; "Clear" stops everything. A new session starts at
/// the first keystroke after a clear; changing a parameter clears. Every timer is dropped
/// when the widget goes away.
#[component]
pub fn LiveSearch(
    /// The lesson's parameters as the form validates them (the last valid ones are used).
    validated: Memo<Validated>,
) -> impl IntoView {
    let search = Search::new(validated);
    search.follow_pending_queries();
    // New parameters: a new table and new policies, so start over.
    Effect::new(move |first: Option<()>| {
        search.current.track();
        if first.is_some() {
            search.reset();
        }
    });
    on_cleanup(move || {
        search.stop_replay();
        search.stop_session();
    });
    let (outcomes, now, text) = (search.outcomes, search.now, search.text);
    let on_input = move |ev: leptos::ev::Event| {
        search.stop_replay();
        search.send_key(event_target_value(&ev));
    };

    let panes = (0..3)
        .map(|i| {
            let outcome = Memo::new(move |_| {
                outcomes.with(|all| {
                    all.get(i)
                        .cloned()
                        .unwrap_or_else(|| search.fresh()[0].clone())
                })
            });
            view! { <SearchPane outcome=outcome.into() /> }
        })
        .collect_view();
    let replay_label = format!("Replay typing “{REPLAY_WORD}”");
    view! {
        <div class="live-search" data-testid="live-search">
            <div class="search-controls">
                <label for="search-box">"Search the package table"</label>
                <div class="search-row">
                    <input id="search-box" type="search" autocomplete="off" spellcheck="false"
                        maxlength=MAX_QUERY_CHARS.to_string() data-testid="search-box"
                        placeholder="type a few letters, quickly"
                        prop:value=move || text.get() on:input=on_input />
                    <button type="button" class="primary" data-testid="search-replay"
                        on:click=move |_| search.replay_typing()>{replay_label}</button>
                    <button type="button" class="secondary" data-testid="search-clear"
                        on:click=move |_| search.reset()>"Clear"</button>
                </div>
                <p class="search-hint">
                    "Each keystroke sends a query to each pane's policy. Short queries match \
                     more rows and take longer."
                </p>
            </div>
            <div class="search-panes">{panes}</div>
            <SearchTimeline outcomes=outcomes.into() now=now.into() />
        </div>
    }
}

/// The widget's state, with its operations as methods.
#[derive(Clone, Copy)]
struct Search {
    /// The last valid parameters.
    current: Memo<SearchParams>,
    outcomes: RwSignal<Vec<PolicyOutcome>>,
    text: RwSignal<String>,
    /// Milliseconds since the session started, moved every frame while a query is pending.
    now: RwSignal<f64>,
    typist: StoredValue<Typist, LocalStorage>,
    runs: StoredValue<Vec<AbortHandle>>,
    replay: StoredValue<Option<AbortHandle>>,
    frames: StoredValue<Option<FrameLoop>, LocalStorage>,
}

impl Search {
    fn new(validated: Memo<Validated>) -> Self {
        let current = Memo::new(
            move |previous: Option<&SearchParams>| match validated.get() {
                Ok(values) => SearchParams::read(&values),
                Err(_) => previous.copied().unwrap_or_else(|| {
                    SearchParams::read(&ParamValues::defaults(LiveSearchLesson.info().params))
                }),
            },
        );
        let search = Self {
            current,
            outcomes: RwSignal::new(Vec::new()),
            text: RwSignal::new(String::new()),
            now: RwSignal::new(0.0),
            typist: StoredValue::new_local(Typist::default()),
            runs: StoredValue::new(Vec::new()),
            replay: StoredValue::new(None),
            frames: StoredValue::new_local(None),
        };
        search.outcomes.set(search.fresh());
        search
    }

    /// One empty outcome per pane.
    fn fresh(&self) -> Vec<PolicyOutcome> {
        policies(&self.current.get_untracked())
            .into_iter()
            .map(PolicyOutcome::new)
            .collect()
    }

    fn stop_replay(&self) {
        if let Some(handle) = self.replay.try_update_value(|r| r.take()).flatten() {
            handle.abort();
        }
    }

    /// Ends the session: aborting drops each policy's run, its queries and their timers.
    fn stop_session(&self) {
        self.typist.try_update_value(Typist::clear);
        if let Some(runs) = self.runs.try_update_value(std::mem::take) {
            runs.iter().for_each(AbortHandle::abort);
        }
        self.frames.try_update_value(|f| f.take());
    }

    fn reset(&self) {
        self.stop_replay();
        self.stop_session();
        self.text.set(String::new());
        self.now.set(0.0);
        self.outcomes.set(self.fresh());
    }

    /// A new session's policies on the browser's timers, writing into the panes.
    fn start_session(&self) -> (TypingSession, Vec<PolicyRun>) {
        let params = self.current.get_untracked();
        let outcomes = self.outcomes;
        outcomes.set(self.fresh());
        let observe: PaneObserver = Rc::new(move |i, o| {
            outcomes.try_update(|all| {
                if let Some(slot) = all.get_mut(i) {
                    *slot = o.clone();
                }
            });
        });
        let clock: Rc<dyn Clock> = Rc::new(BrowserClock::new());
        TypingSession::start(&policies(&params), &database(&params), clock, observe)
    }

    /// Shows the box's text and sends it to the policies (a new session if needed).
    fn send_key(&self, raw: String) {
        let query = clamp_query(&raw);
        self.text.try_set(query.clone());
        let search = *self;
        let started = self
            .typist
            .try_update_value(|t| t.key(&query, || search.start_session()))
            .flatten();
        if let Some(runs) = started {
            if let Some(old) = self.runs.try_update_value(std::mem::take) {
                old.iter().for_each(AbortHandle::abort);
            }
            let handles = runs.into_iter().map(spawn_abortable).collect();
            self.runs.try_set_value(handles);
        }
    }

    /// Types the replay word at its fixed pace (after a reset).
    fn replay_typing(&self) {
        self.reset();
        let search = *self;
        let (task, handle) = abortable(async move {
            let clock = BrowserClock::new();
            let t0 = clock.now_ms();
            for key in replay_script() {
                clock.sleep(t0 + key.at_ms - clock.now_ms()).await;
                search.send_key(key.text);
            }
        });
        self.replay.set_value(Some(handle));
        let replay = self.replay;
        spawn_local(async move {
            let _ = task.await;
            replay.try_set_value(None);
        });
    }

    /// Moves the "now" line every frame, only while some query is pending.
    fn follow_pending_queries(&self) {
        let search = *self;
        Effect::new(move |_| {
            let busy = search
                .outcomes
                .with(|all| all.iter().any(|o| !o.is_settled()));
            let clock = BrowserClock::new();
            if let Some(origin) = search.origin_ms() {
                search.now.set(clock.now_ms() - origin);
            }
            if !busy {
                search.frames.update_value(|f| *f = None);
            } else if search.frames.with_value(Option::is_none) {
                let looped = FrameLoop::start(move |_| {
                    if let Some(origin) = search.origin_ms() {
                        search.now.try_set(clock.now_ms() - origin);
                    }
                });
                search.frames.set_value(Some(looped));
            }
        });
    }

    /// When the session in progress started, if one is.
    fn origin_ms(&self) -> Option<f64> {
        self.typist
            .try_with_value(|t| t.session().map(TypingSession::origin_ms))
            .flatten()
    }
}

/// Runs a policy on the page's event loop until it ends or is aborted.
fn spawn_abortable(run: PolicyRun) -> AbortHandle {
    let (task, handle) = abortable(run);
    spawn_local(async move {
        let _ = task.await;
    });
    handle
}
