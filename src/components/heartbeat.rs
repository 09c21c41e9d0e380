use leptos::prelude::*;

use crate::browser::{hide_count, prefers_reduced_motion, BrowserClock, FrameLoop};
use crate::charts::{bounce_transform, freeze_text, FreezeTracker};
use crate::engine::Clock;

/// A dot that bounces and turns, moved by JavaScript on every animation frame, so it
/// visibly freezes whenever the main thread is blocked (a CSS animation would not: the
/// compositor keeps it running). After a freeze of more than 100 ms it says for how long
/// (`frozen for 1.2 s`, `data-testid="heartbeat-frozen"`). With reduced motion there is
/// no dot, only the status text (`responsive` or `blocked for …`), still checked on every
/// frame.
#[component]
pub fn Heartbeat(
    /// Whether the heartbeat runs; while `false` no frame callback is requested and the
    /// dot rests.
    #[prop(into)]
    active: Signal<bool>,
) -> impl IntoView {
    let reduced = prefers_reduced_motion();
    let verb = if reduced { "blocked" } else { "frozen" };
    let transform = RwSignal::new(bounce_transform(0.0));
    let freeze = RwSignal::new(None::<f64>);
    let frames = StoredValue::new_local(None::<FrameLoop>);

    Effect::new(move |_| {
        if !active.get() {
            frames.set_value(None);
            freeze.set(None);
            return;
        }
        if frames.with_value(Option::is_some) {
            return;
        }
        let clock = BrowserClock::new();
        let mut tracker = FreezeTracker::new();
        let mut hides = hide_count();
        frames.set_value(Some(FrameLoop::start(move |t| {
            // A hidden tab gets no frames on purpose: that gap is not a freeze.
            if hide_count() != hides {
                hides = hide_count();
                tracker.skip_gap();
            }
            tracker.frame(t);
            let recent = tracker.recent_freeze(clock.now_ms().max(t));
            if freeze.get_untracked() != recent {
                freeze.set(recent);
            }
            if !reduced {
                transform.set(bounce_transform(t));
            }
        })));
    });
    on_cleanup(move || {
        frames.try_set_value(None);
    });

    let status = move || match freeze.get() {
        Some(ms) => view! {
            <span class="heartbeat-frozen" data-testid="heartbeat-frozen">
                {freeze_text(Some(ms), verb)}
            </span>
        }
        .into_any(),
        None if active.get() => freeze_text(None, verb).into_any(),
        None => "paused".into_any(),
    };
    let dot = (!reduced).then(|| {
        view! {
            <span class="heartbeat-track" aria-hidden="true">
                <span class="heartbeat-dot" style:transform=move || transform.get()></span>
            </span>
        }
    });
    view! {
        <div class="heartbeat" data-active=move || active.get().to_string()
            data-reduced-motion=reduced.to_string()>
            {dot}
            <span class="heartbeat-label">"Main thread: "</span>
            <span class="heartbeat-status" role="status" data-testid="heartbeat-status">
                {status}
            </span>
        </div>
    }
}
