use super::TaskSpan;

/// Everything measured in one run of one strategy: per-task spans, the makespan, the
/// theoretical bound and the results in the order the strategy returned them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunRecord {
    /// The strategy's key (`sequential`, `gather`).
    pub strategy: String,
    /// One span per task, in input order.
    pub tasks: Vec<TaskSpan>,
    /// Time from the start of the run to the end of the last task, in milliseconds.
    pub makespan_ms: f64,
    /// The theoretical makespan of this strategy (Σd for sequential, max d for gather).
    pub bound_ms: f64,
    /// Results in the order the strategy handed them back.
    pub results: Vec<String>,
}

impl RunRecord {
    /// Measured minus theoretical makespan: scheduling overhead plus timer lateness.
    pub fn overhead_ms(&self) -> f64 {
        self.makespan_ms - self.bound_ms
    }

    /// Task ids in the order they finished.
    pub fn completion_order(&self) -> Vec<usize> {
        let mut ids: Vec<&TaskSpan> = self.tasks.iter().collect();
        ids.sort_by_key(|s| s.finish_rank);
        ids.into_iter().map(|s| s.id).collect()
    }
}
