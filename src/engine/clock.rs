use futures::future::LocalBoxFuture;

use super::TaskPhase;

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
}
