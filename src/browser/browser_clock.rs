use futures::future::LocalBoxFuture;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;

use crate::engine::Clock;

/// The real clock: `performance.now()` for time and `setTimeout` (via gloo-timers) for
/// sleeps, on the page's or the worker's event loop.
///
/// Dropping a sleep clears its timeout, so cancelling a run cancels its timers.
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
        let ms = if ms.is_finite() {
            ms.round().clamp(0.0, i32::MAX as f64)
        } else {
            0.0
        };
        Box::pin(TimeoutFuture::new(ms as u32))
    }
}
