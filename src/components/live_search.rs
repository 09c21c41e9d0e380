use futures::channel::mpsc::{unbounded, UnboundedSender};
use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{BrowserClock, FrameLoop};
use crate::charts::SearchTimeline;
use crate::engine::search::{PolicyOutcome, SearchLog};
use crate::engine::{Clock, ParamError, ParamValues};
use crate::lessons::live_search::{
    clamp_query, database, policies, replay_script, LiveSearchLesson, SearchParams,
    MAX_QUERY_CHARS, REPLAY_WORD,
};
use crate::lessons::{AnyLesson, Params};

use super::SearchPane;

/// A typing session: one running policy per pane, each fed the box's text.
struct Session {
    senders: Vec<UnboundedSender<String>>,
    aborts: Vec<AbortHandle>,
    origin_ms: f64,
    keys: usize,
}

/// Keystrokes per session: the next one starts a new session, so a long typing spree
/// does not grow the records (and the data table) without bound.
const MAX_SESSION_KEYS: usize = 200;

/// The live-search widget: a search box whose every change is sent to three policies
/// running side by side on the browser's timers (the engine's own policy code), their
/// three result panes, and the query timeline, live. "Replay typing" types a fixed word
/// at a fixed pace; "Clear" stops everything. A new session starts at the first
/// keystroke after a clear; changing a parameter clears. Every timer is dropped when the
/// widget goes away.
#[component]
pub fn LiveSearch(
    /// The lesson's parameters as the form validates them (the last valid ones are used).
    validated: Memo<Result<ParamValues, Vec<ParamError>>>,
) -> impl IntoView {
    let current = Memo::new(
        move |previous: Option<&SearchParams>| match validated.get() {
            Ok(values) => SearchParams::read(&values),
            Err(_) => previous.copied().unwrap_or_else(|| {
                SearchParams::read(&ParamValues::defaults(LiveSearchLesson.info().params))
            }),
        },
    );
    let fresh = move || -> Vec<PolicyOutcome> {
        policies(&current.get_untracked())
            .into_iter()
            .map(PolicyOutcome::new)
            .collect()
    };
    let outcomes = RwSignal::new(fresh());
    let text = RwSignal::new(String::new());
    let now = RwSignal::new(0.0);
    let session: StoredValue<Option<Session>, LocalStorage> = StoredValue::new_local(None);
    let replay: StoredValue<Option<AbortHandle>> = StoredValue::new(None);
    let frames: StoredValue<Option<FrameLoop>, LocalStorage> = StoredValue::new_local(None);

    let stop_replay = move || {
        if let Some(handle) = replay.try_update_value(|r| r.take()).flatten() {
            handle.abort();
        }
    };
    let stop_session = move || {
        if let Some(old) = session.try_update_value(|s| s.take()).flatten() {
            // Aborting drops each policy's future, its queries and so their timeouts.
            old.aborts.iter().for_each(AbortHandle::abort);
        }
        frames.try_update_value(|f| f.take());
    };
    let reset = move || {
        stop_replay();
        stop_session();
        text.set(String::new());
        now.set(0.0);
        outcomes.set(fresh());
    };
    let start_session = move || {
        let params = current.get_untracked();
        let db = database(&params);
        let clock = BrowserClock::new();
        let origin_ms = clock.now_ms();
        let mut senders = Vec::new();
        let mut aborts = Vec::new();
        outcomes.set(fresh());
        for (i, policy) in policies(&params).into_iter().enumerate() {
            let (tx, rx) = unbounded::<String>();
            let log = SearchLog::new(policy, origin_ms).observed(move |o| {
                outcomes.try_update(|all| {
                    if let Some(slot) = all.get_mut(i) {
                        *slot = o.clone();
                    }
                });
            });
            let (db, clock) = (db.clone(), clock.clone());
            let (task, handle) = abortable(async move {
                policy.run(&clock, &db, rx, &log).await;
            });
            spawn_local(async move {
                let _ = task.await;
            });
            senders.push(tx);
            aborts.push(handle);
        }
        session.set_value(Some(Session {
            senders,
            aborts,
            origin_ms,
            keys: 0,
        }));
    };
    let send_key = move |raw: String| {
        let query = clamp_query(&raw);
        text.try_set(query.clone());
        let full =
            session.try_with_value(|s| s.as_ref().is_some_and(|s| s.keys >= MAX_SESSION_KEYS));
        if full == Some(true) {
            stop_session();
        }
        if session.try_with_value(Option::is_none).unwrap_or(false) {
            start_session();
        }
        session.try_update_value(|s| {
            if let Some(s) = s {
                s.keys += 1;
                for tx in &s.senders {
                    let _ = tx.unbounded_send(query.clone());
                }
            }
        });
    };
    let replay_typing = move |_| {
        reset();
        let (task, handle) = abortable(async move {
            let clock = BrowserClock::new();
            let t0 = clock.now_ms();
            for key in replay_script() {
                clock.sleep(t0 + key.at_ms - clock.now_ms()).await;
                send_key(key.text);
            }
        });
        replay.set_value(Some(handle));
        spawn_local(async move {
            let _ = task.await;
            replay.try_set_value(None);
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        stop_replay();
        send_key(event_target_value(&ev));
    };

    // The "now" line moves only while some query is pending.
    Effect::new(move |_| {
        let busy = outcomes.with(|all| all.iter().any(|o| !o.is_settled()));
        let origin = session.with_value(|s| s.as_ref().map(|s| s.origin_ms));
        let clock = BrowserClock::new();
        if let Some(origin) = origin {
            now.set(clock.now_ms() - origin);
        }
        if !busy {
            frames.update_value(|f| *f = None);
        } else if frames.with_value(Option::is_none) {
            let looped = FrameLoop::start(move |_| {
                let origin = session.try_with_value(|s| s.as_ref().map(|s| s.origin_ms));
                if let Some(origin) = origin.flatten() {
                    now.try_set(clock.now_ms() - origin);
                }
            });
            frames.set_value(Some(looped));
        }
    });
    // New parameters: a new table and new policies, so start over.
    Effect::new(move |first: Option<()>| {
        current.track();
        if first.is_some() {
            reset();
        }
    });
    on_cleanup(move || {
        stop_replay();
        stop_session();
    });

    let panes = (0..3)
        .map(|i| {
            let outcome = Memo::new(move |_| {
                outcomes.with(|all| all.get(i).cloned().unwrap_or_else(|| fresh()[0].clone()))
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
                        on:click=replay_typing>{replay_label}</button>
                    <button type="button" class="secondary" data-testid="search-clear"
                        on:click=move |_| reset()>"Clear"</button>
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
