use futures::future::LocalBoxFuture;
use wasm_bindgen::JsCast;

use super::timer_queue::QueuedSleep;
use crate::engine::Clock;

/// The real clock: `performance.now()` for time, and for sleeps this thread's timer queue
/// (one heap of deadlines, one `setTimeout` for the earliest: see `timer_queue.rs`), on
/// the page's or the worker's event loop.
///
/// Dropping a sleep cancels it, so cancelling a run cancels its timers.
#[derive(Clone)]
pub struct BrowserClock {
    performance: Option<web_sys::Performance>,
}

impl BrowserClock {
    /// A clock on the current global scope (window or worker).
    pub fn new() -> Self {
        let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
        Self { performance }
    }
}

impl Default for BrowserClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        match &self.performance {
            Some(p) => p.now(),
            None => js_sys::Date::now(),
        }
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        Box::pin(QueuedSleep::new(ms))
    }
}
