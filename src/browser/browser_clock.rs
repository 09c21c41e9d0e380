use futures::future::LocalBoxFuture;

use super::timer_queue::{now_ms, QueuedSleep};
use crate::engine::cpu::{speed, CpuJob, CpuOutput};
use crate::engine::{Clock, CpuLane, OnRun};

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

    /// Runs the job right here, blocking the page (as the trait's default does), and
    /// learns from how long it took (see [`speed::learn_from`]).
    fn compute<'a>(
        &'a self,
        job: &CpuJob,
        _nominal_ms: f64,
        on_run: OnRun<'a>,
    ) -> LocalBoxFuture<'a, Result<CpuOutput, String>> {
        let job = job.clone();
        Box::pin(async move {
            on_run(CpuLane::Page);
            let t0 = now_ms();
            let output = job.run_here();
            speed::learn_from(&job, now_ms() - t0);
            output
        })
    }
}
