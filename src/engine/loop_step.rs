/// What the event loop did in one step of an [`crate::engine::EventLoopTrace`].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoopAction {
    /// The loop ran `task` until its next `await` (or until it returned, if `done`).
    Run {
        /// The task that ran.
        task: usize,
        /// Whether the task returned (or raised) in this step.
        done: bool,
    },
    /// The timer of `task` fired: the task moved from sleeping to the ready queue.
    Wake {
        /// The task whose timer fired.
        task: usize,
    },
    /// `task` was cancelled from outside before it finished.
    Cancel {
        /// The task that was cancelled.
        task: usize,
    },
}

/// A task waiting on a timer, and when that timer fires.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SleepingTask {
    /// The sleeping task.
    pub task: usize,
    /// When its timer fires, in milliseconds of virtual time.
    pub wake_ms: f64,
}

/// One step of the event loop and the loop's state right after it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LoopStep {
    /// Virtual time of the step, in milliseconds (a fresh clock starts at 0).
    pub at_ms: f64,
    /// What happened.
    pub action: LoopAction,
    /// Tasks ready to run, oldest first, after the step.
    pub ready: Vec<usize>,
    /// Tasks waiting on a timer after the step, earliest wake first.
    pub sleeping: Vec<SleepingTask>,
}
