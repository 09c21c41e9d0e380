use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::LagMeter;
use crate::charts::{LagStrip, LagWindow};
use crate::engine::lag::{LagKind, LagSample};

use super::Heartbeat;

/// Samples collected before they are handed to the chart in one batch (a batch is also
/// handed over at every animation frame).
const BATCH: usize = 8;

/// The main thread's lag, live: a [`Heartbeat`] and a [`LagStrip`] fed by a
/// [`LagMeter`] that runs while the panel is shown. Samples are
/// batched (one chart update per frame, not per sample) and trimmed to the window.
#[component]
pub fn LagPanel(
    /// How much recent time the strip shows, in milliseconds.
    #[prop(default = 10_000.0)]
    window_ms: f64,
    /// Clears the strip whenever it changes (the page passes its run generation, so the
    /// strip shows the current run's lag, not the page load's).
    #[prop(into, optional)]
    reset: Option<Signal<u64>>,
) -> impl IntoView {
    let samples = RwSignal::new(Vec::<LagSample>::new());
    if let Some(reset) = reset {
        Effect::new(move |_| {
            reset.track();
            samples.set(Vec::new());
        });
    }
    let pending: Rc<RefCell<Vec<LagSample>>> = Rc::new(RefCell::new(Vec::new()));
    let meter = StoredValue::new_local(Some(LagMeter::start(move |sample| {
        let flush = {
            let mut batch = pending.borrow_mut();
            batch.push(sample);
            sample.kind == LagKind::Frame || batch.len() >= BATCH
        };
        if flush {
            let batch = std::mem::take(&mut *pending.borrow_mut());
            samples.update(|all| {
                all.extend(batch);
                LagWindow::latest(all, window_ms * 2.0).retain(all);
            });
        }
    })));
    on_cleanup(move || {
        meter.try_set_value(None);
    });
    view! {
        <section class="lag-panel" aria-label="Main-thread responsiveness">
            <Heartbeat active=Signal::stored(true) />
            <LagStrip samples=samples window_ms=window_ms />
        </section>
    }
}
