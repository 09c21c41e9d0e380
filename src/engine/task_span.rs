use super::{CpuLane, TaskStatus};

/// What happened to one task during a run: when it was asked to wait, when it started and
/// ended (milliseconds from the start of the run), how it ended and what it returned.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TaskSpan {
    /// The task's position in the scenario.
    pub id: usize,
    /// The task's label.
    pub label: String,
    /// The duration the task asked to sleep, in milliseconds (negative or non-finite
    /// durations are recorded as the 0 actually slept).
    pub requested_ms: f64,
    /// When the task started, in milliseconds from the start of the run.
    pub start_ms: f64,
    /// When the task ended, in milliseconds from the start of the run.
    pub end_ms: f64,
    /// How the task ended (`ok` in exports written before statuses existed).
    #[serde(default)]
    pub status: TaskStatus,
    /// The value the task returned, or its error text (`error: …`, `cancelled`).
    pub result: String,
    /// 1 for the first task to finish, 2 for the second, and so on.
    pub finish_rank: usize,
    /// Whether the task was CPU work (its `requested_ms` is then a nominal cost).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cpu: bool,
    /// For CPU work: when its job started computing, in milliseconds from the start of
    /// the run. From `start_ms` until then it waited for a free worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_start_ms: Option<f64>,
    /// For CPU work: where its job computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<CpuLane>,
}

impl TaskSpan {
    /// How long the task actually took.
    pub fn elapsed_ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }

    /// How long the task waited for a free worker before its job computed (0 for I/O, a
    /// job on the page's thread, or a job that never computed).
    pub fn queued_ms(&self) -> f64 {
        let queued = self.compute_start_ms.map_or(0.0, |c| c - self.start_ms);
        if queued.is_finite() {
            queued.max(0.0)
        } else {
            0.0
        }
    }

    /// Whether the task has started but not yet ended.
    pub fn is_running(&self) -> bool {
        !self.start_ms.is_nan() && self.end_ms.is_nan()
    }
}
