/// A point in a task's life that the recorder reports to its clock, so that a tracing
/// clock can follow the event loop (see [`crate::engine::Clock::observe_task`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskPhase {
    /// The task exists and is waiting for the loop to run it.
    Ready,
    /// The loop is running the task's code (it started, or resumed after its timer).
    Running,
    /// The task's code has returned; it will not run again.
    Done,
    /// The task was cancelled from outside before it finished.
    Cancelled,
}
