use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::probe_timing;
use crate::charts::format_ms;

/// "About these timings": this browser's clock resolution, cross-origin isolation and
/// timer clamp, measured when opened, and why runs in hidden pages are flagged.
#[component]
pub fn TimingPanel() -> impl IntoView {
    let facts = RwSignal::new(None);
    let probed = StoredValue::new(false);
    let on_toggle = move |_| {
        if !probed.get_value() {
            probed.set_value(true);
            spawn_local(async move {
                facts.set(Some(probe_timing().await));
            });
        }
    };
    let body = move || {
        match facts.get() {
        None => view! { <p>"Measuring…"</p> }.into_any(),
        Some(f) => view! {
            <dl class="timing-facts">
                <dt>"performance.now() resolution"</dt>
                <dd data-testid="timing-resolution">{format_ms(f.resolution_ms)}</dd>
                <dt>"Cross-origin isolated"</dt>
                <dd>{if f.cross_origin_isolated { "yes (finer clock)" } else { "no (a static host or an embed never is)" }}</dd>
                <dt>"Nested setTimeout(0), after 5 levels"</dt>
                <dd data-testid="timing-clamp">{format_ms(f.nested_timeout_ms)}</dd>
                <dt>"Computing speed, the page's thread"</dt>
                <dd data-testid="speed-page">{f.page_speed.describe()}</dd>
                <dt>"Computing speed, a worker"</dt>
                <dd data-testid="speed-worker">{f.worker_speed.map_or_else(
                    || "not measured yet: each worker measures itself when it starts".to_string(),
                    |s| s.describe(),
                )}</dd>
            </dl>
        }
        .into_any(),
    }
    };
    view! {
        <details class="timing-panel" id="timing" on:toggle=on_toggle>
            <summary>"About these timings"</summary>
            {body}
            <p>
                "Browsers coarsen the clock to blunt timing attacks, clamp nested timers to about 4 ms, "
                "and slow timers to 1 s or more in hidden tabs and off-screen frames. A run that was "
                "hidden at any point is flagged instead of shown as a normal result."
            </p>
            <p>
                "CPU jobs are sized by these speeds: each thread measures itself once, after its "
                "compiled code has warmed up, and a job labelled 100 ms computes for about 100 ms "
                "on whichever thread runs it. Predictions count each job at its label."
            </p>
            <p>
                "The waits here do not go through one browser timer each: like asyncio's event "
                "loop, Asyncscope keeps its own queue of deadlines. One browser timer wakes it a "
                "millisecond before the earliest, and messages to itself cover the rest, so a wait "
                "ends within about a tenth of a millisecond of its deadline, unclamped."
            </p>
        </details>
    }
}
