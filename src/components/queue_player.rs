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
    let player = Player::new(span_ms);
    on_cleanup(move || player.frames.set_value(None));
    player.drop_finished_sweeps();
    let (at, playing) = (player.at, player.playing);
    let rows = runs
        .into_iter()
        .map(|run| queue_row(run, at))
        .collect_view();
    view! {
        <div class="queue-player" data-testid="queue-player">
            <div class="queue-controls">
                <button type="button" class="secondary" data-testid="queue-play"
                    on:click=move |_| player.play_or_pause()>
                    {move || if playing.get() { "Pause" } else { "Play the queue" }}
                </button>
                <label for="queue-time">"Time"</label>
                <input id="queue-time" type="range" min="0" max=format!("{span_ms:.0}") step="1"
                    prop:value=move || format!("{:.0}", at.get())
                    aria-valuetext=move || format_ms(at.get())
                    on:input=move |ev| player.seek(&event_target_value(&ev)) />
                <output for="queue-time">{move || format_ms(at.get())}</output>
            </div>
            <ul class="queue-now">{rows}</ul>
        </div>
    }
}

/// The player's state (the time shown, whether Play is sweeping it, the sweep's frame
/// loop), with its operations as methods.
#[derive(Clone, Copy)]
struct Player {
    /// The simulated span the slider covers, in milliseconds (at least 1).
    span_ms: f64,
    /// The simulated time shown, in milliseconds.
    at: RwSignal<f64>,
    /// Whether Play is sweeping the time.
    playing: RwSignal<bool>,
    /// The sweep's frame loop, while it runs.
    frames: StoredValue<Option<FrameLoop>, LocalStorage>,
}

impl Player {
    fn new(span_ms: f64) -> Self {
        Self {
            span_ms,
            at: RwSignal::new(0.0_f64),
            playing: RwSignal::new(false),
            frames: StoredValue::new_local(None::<FrameLoop>),
        }
    }

    /// Stops the sweep, if any.
    fn stop(&self) {
        self.playing.set(false);
        self.frames.set_value(None);
    }

    /// The Play button: pauses a sweep in progress, else plays.
    fn play_or_pause(&self) {
        if self.playing.get_untracked() {
            self.stop();
            return;
        }
        if prefers_reduced_motion() {
            self.at.set(self.span_ms);
            return;
        }
        self.sweep();
    }

    /// Moves the time to the end of the span in [`PLAY_MS`] (from the start if it is
    /// already at the end), one step per frame.
    fn sweep(&self) {
        let (at, playing, span_ms) = (self.at, self.playing, self.span_ms);
        if at.get_untracked() >= span_ms {
            at.set(0.0);
        }
        playing.set(true);
        let mut last: Option<f64> = None;
        self.frames.set_value(Some(FrameLoop::start(move |now| {
            let step = last.map_or(0.0, |l| (now - l).max(0.0));
            last = Some(now);
            let next = (at.get_untracked() + step * span_ms / PLAY_MS).min(span_ms);
            at.set(next);
            if next >= span_ms {
                playing.set(false);
            }
        })));
    }

    /// The slider moved to `value` (ms): stops the sweep and shows that time.
    fn seek(&self, value: &str) {
        self.stop();
        self.at
            .set(value.parse::<f64>().unwrap_or(0.0).clamp(0.0, self.span_ms));
    }

    /// A finished sweep drops its frame loop (outside the frame callback).
    fn drop_finished_sweeps(&self) {
        let (playing, frames) = (self.playing, self.frames);
        Effect::new(move |_| {
            if !playing.get() {
                frames.set_value(None);
            }
        });
    }
}

/// One model's queue at the time `at`: its name, how many requests wait, and a square
/// per waiting request (at most [`MAX_DOTS`], then "+n").
fn queue_row(run: ServerRun, at: RwSignal<f64>) -> impl IntoView {
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
}
