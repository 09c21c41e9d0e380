use super::{CpuLane, TaskStatus};

/// Something that happened during a run, reported live to an observer (the timeline).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunEvent {
    /// Task `id` started, `at_ms` after the start of the run.
    Started {
        /// The task's position in the scenario.
        id: usize,
        /// Milliseconds since the run started.
        at_ms: f64,
    },
    /// The CPU job of task `id` started computing on `lane`, `at_ms` after the start of
    /// the run (until then, since it started, it waited for a free worker).
    Computing {
        /// The task's position in the scenario.
        id: usize,
        /// Milliseconds since the run started.
        at_ms: f64,
        /// Where it computes.
        lane: CpuLane,
    },
    /// Task `id` ended with `status`, `at_ms` after the start of the run.
    Ended {
        /// The task's position in the scenario.
        id: usize,
        /// Milliseconds since the run started.
        at_ms: f64,
        /// How it ended (ok, failed, cancelled, timed out or rejected).
        status: TaskStatus,
    },
    /// The error of task `id` reached the caller `at_ms` after the start of the run (only
    /// strategies that raise errors report this; see [`crate::engine::RunFailure`]).
    Raised {
        /// The task whose error was raised.
        id: usize,
        /// Milliseconds since the run started.
        at_ms: f64,
    },
}
