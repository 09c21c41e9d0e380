use futures::future::LocalBoxFuture;

use super::timer_queue::{now_ms, QueuedSleep};
use crate::engine::Clock;

/// The real clock: `performance.now()` for time, and for sleeps this thread's timer queue
/// (one heap of deadlines, one `setTimeout` for the earliest: see `timer_queue.rs`), on
/// the page's or the worker's event loop.
///
/// Dropping a sleep cancels it, so cancelling a run cancels its timers. The clock holds no
/// state: every `BrowserClock` on a thread shares that thread's queue and `performance`.
#[derive(Clone, Default)]
pub struct BrowserClock;

impl BrowserClock {
    /// A clock on the current global scope (window or worker).
    pub fn new() -> Self {
        Self
    }
}

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        now_ms()
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        Box::pin(QueuedSleep::new(ms))
    }
}
