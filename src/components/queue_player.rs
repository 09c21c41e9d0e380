use leptos::prelude::*;

use crate::browser::{prefers_reduced_motion, FrameLoop};
use crate::charts::format_ms;
use crate::engine::server::ServerRun;

/// How long "Play" takes to sweep the whole simulated span, in real milliseconds.
const PLAY_MS: f64 = 6000.0;
/// The most waiting requests drawn one by one; the rest are counted.
const MAX_DOTS: usize = 60;

/// The queue of each server model replayed in time: a time slider (and a Play button
/// that moves it) and, for each model, the requests waiting at that moment, one square
/// each. With reduced motion, Play jumps straight to the end.
#[component]
pub fn QueuePlayer(
    /// One simulated run per model, at the chosen load.
    runs: Vec<ServerRun>,
) -> impl IntoView {
    let span_ms = runs
        .iter()
        .map(ServerRun::makespan_ms)
        .fold(0.0, f64::max)
        .max(1.0);
    let at = RwSignal::new(0.0_f64);
    let playing = RwSignal::new(false);
    let frames = StoredValue::new_local(None::<FrameLoop>);
    let stop = move || {
        playing.set(false);
        frames.set_value(None);
    };
    on_cleanup(move || frames.set_value(None));
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        if prefers_reduced_motion() {
            at.set(span_ms);
            return;
        }
        if at.get_untracked() >= span_ms {
            at.set(0.0);
        }
        playing.set(true);
        let mut last: Option<f64> = None;
        frames.set_value(Some(FrameLoop::start(move |now| {
            let step = last.map_or(0.0, |l| (now - l).max(0.0));
            last = Some(now);
            let next = (at.get_untracked() + step * span_ms / PLAY_MS).min(span_ms);
            at.set(next);
            if next >= span_ms {
                playing.set(false);
            }
        })));
    };
    // A finished sweep drops its frame loop (outside the frame callback).
    Effect::new(move |_| {
        if !playing.get() {
            frames.set_value(None);
        }
    });
    let rows = runs
        .into_iter()
        .map(|run| {
            let model = run.model;
            let waiting = Memo::new(move |_| run.waiting_at(at.get()));
            let dots = move || {
                (0..waiting.get().min(MAX_DOTS))
                    .map(|_| view! { <span class="queue-dot"></span> })
                    .collect_view()
            };
            let more = move || {
                let n = waiting.get();
                (n > MAX_DOTS).then(|| format!("+{}", n - MAX_DOTS))
            };
            view! {
                <li data-series=model.key() data-testid=format!("queue-now-{}", model.key())
                    data-waiting=move || waiting.get().to_string()>
                    <span class="queue-model">{model.title()}</span>
                    <span class="queue-count">{move || format!("{} waiting", waiting.get())}</span>
                    <span class="queue-dots" aria-hidden="true">{dots}{more}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="queue-player" data-testid="queue-player">
            <div class="queue-controls">
                <button type="button" class="secondary" data-testid="queue-play" on:click=play>
                    {move || if playing.get() { "Pause" } else { "Play the queue" }}
                </button>
                <label for="queue-time">"Time"</label>
                <input id="queue-time" type="range" min="0" max=format!("{span_ms:.0}") step="1"
                    prop:value=move || format!("{:.0}", at.get())
                    aria-valuetext=move || format_ms(at.get())
                    on:input=move |ev| {
                        stop();
                        at.set(event_target_value(&ev).parse::<f64>().unwrap_or(0.0).clamp(0.0, span_ms));
                    } />
                <output for="queue-time">{move || format_ms(at.get())}</output>
            </div>
            <ul class="queue-now">{rows}</ul>
        </div>
    }
}
