//! The pool's watchdog: finds jobs whose worker stopped answering.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

use crate::engine::Clock;

use super::super::BrowserClock;
use super::WorkerPool;

/// How often the watchdog looks for jobs whose worker went silent, in milliseconds.
const WATCHDOG_PERIOD_MS: f64 = 250.0;

impl WorkerPool {
    /// Every [`WATCHDOG_PERIOD_MS`], gives up the jobs past their deadline (their worker
    /// stopped answering); stops with the pool.
    ///
    /// A tick that comes late (the page was busy, so an answer may be waiting in the
    /// queue behind the timer) only notes the time: the answers are handled before the
    /// next tick, which judges. At most one tick in a row is skipped, so a throttled
    /// background tab (a tick a second) still finds dead workers.
    pub(super) fn start_watchdog(&self) {
        let weak = Rc::downgrade(&self.inner);
        spawn_local(async move {
            let clock = BrowserClock::new();
            let mut last_tick = clock.now_ms();
            let mut skipped = false;
            loop {
                clock.sleep(WATCHDOG_PERIOD_MS).await;
                let Some(inner) = weak.upgrade() else {
                    return;
                };
                let mut guard = inner.borrow_mut();
                let now = guard.clock.now_ms();
                let late = now - last_tick > 2.0 * WATCHDOG_PERIOD_MS;
                last_tick = now;
                if late && !skipped {
                    skipped = true;
                    continue;
                }
                skipped = false;
                let rule = guard.deadline;
                let stuck: Vec<(usize, f64)> = (0..guard.slots.len())
                    .filter_map(|i| {
                        let slot = &guard.slots[i];
                        let r = slot.running.as_ref()?;
                        rule.is_overdue(r.limit_ms, r.started_ms, slot.warm_ms, now)
                            .then_some((i, r.limit_ms))
                    })
                    .collect();
                for (index, limit_ms) in stuck {
                    let why = format!(
                        "its worker stopped answering (silent for more than {:.1} s)",
                        limit_ms / 1000.0
                    );
                    guard.replace(index, &inner, &why);
                }
                guard.dispatch();
                drop(guard);
                WorkerPool { inner }.bury_retired();
            }
        });
    }
}
