use futures::future::LocalBoxFuture;

use super::cpu::{CpuJob, CpuOutput};
use super::{CpuLane, OnRun, TaskPhase};

/// A source of time and of sleeps: the one thing a strategy needs from the outside world.
///
/// The engine implements it on virtual time ([`crate::engine::VirtualClock`]); the browser
/// layer implements it with `performance.now()` and `setTimeout`. Times are milliseconds
/// as `f64`, like `performance.now()`.
pub trait Clock {
    /// Milliseconds since this clock's arbitrary origin.
    fn now_ms(&self) -> f64;

    /// A future that completes once `ms` milliseconds have passed (negative counts as 0).
    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()>;

    /// Hears that task `id` reached `phase`; sleeps created while a task is running belong
    /// to it. Does nothing unless the clock traces its event loop (a tracing
    /// [`crate::engine::VirtualClock`] builds an [`crate::engine::EventLoopTrace`] from it).
    fn observe_task(&self, id: usize, phase: TaskPhase) {
        let _ = (id, phase);
    }

    /// Runs a CPU-bound job, calling `on_run` with where it runs at the moment it starts
    /// computing. By default it runs right here, on this thread, when the future is first
    /// polled: it blocks this event loop until done, which is the point of the "blocking
    /// the loop" lesson, and the thread learns its speed from how long it took
    /// ([`crate::engine::cpu::speed::learn_from`]). A worker-pool clock sends it away instead, where it may wait for
    /// a free worker first; virtual time charges `nominal_ms` for it. Jobs that would
    /// crash the thread are refused.
    fn compute<'a>(
        &'a self,
        job: &CpuJob,
        nominal_ms: f64,
        on_run: OnRun<'a>,
    ) -> LocalBoxFuture<'a, Result<CpuOutput, String>> {
        let _ = nominal_ms;
        let job = job.clone();
        Box::pin(async move {
            on_run(CpuLane::Page);
            let t0 = self.now_ms();
            let output = job.run_here();
            super::cpu::speed::learn_from(&job, self.now_ms() - t0);
            output
        })
    }
}
