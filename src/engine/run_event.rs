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
    /// Task `id` finished, `at_ms` after the start of the run.
    Ended {
        /// The task's position in the scenario.
        id: usize,
        /// Milliseconds since the run started.
        at_ms: f64,
    },
}
