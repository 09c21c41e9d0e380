/// One simulated I/O task of a scenario: what to wait for, for how long, whether it fails
/// and which tasks it must wait for first.
use super::cpu::CpuJob;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TaskSpec {
    /// Position in the scenario, from 0; results are reported in this order by `gather`.
    pub id: usize,
    /// Human-readable name (for example `task 3`).
    pub label: String,
    /// How long the simulated I/O waits, in milliseconds (already time-scaled).
    pub duration_ms: f64,
    /// Whether the task raises an error (`<label> failed`) at the end of its wait instead
    /// of returning its result.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fails: bool,
    /// Ids of the tasks that must be done before this one starts. Only
    /// [`crate::engine::Strategy::Chained`] honours them; every other strategy ignores them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<usize>,
    /// CPU work instead of an I/O wait: the job runs where the clock computes (the main
    /// thread, a worker pool, or virtual time, where `duration_ms` is its nominal cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<CpuJob>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl TaskSpec {
    /// A task that waits `duration_ms`, succeeds and depends on nothing.
    pub fn new(id: usize, label: impl Into<String>, duration_ms: f64) -> Self {
        Self {
            id,
            label: label.into(),
            duration_ms,
            fails: false,
            after: Vec::new(),
            cpu: None,
        }
    }

    /// The same task doing `job` (CPU-bound) instead of waiting; `duration_ms` stays its
    /// nominal cost for predictions.
    pub fn computing(mut self, job: CpuJob) -> Self {
        self.cpu = Some(job);
        self
    }

    /// The same task, but raising an error at the end of its wait.
    pub fn failing(mut self) -> Self {
        self.fails = true;
        self
    }

    /// The same task, but starting only once every task in `ids` is done.
    pub fn after(mut self, ids: &[usize]) -> Self {
        self.after = ids.to_vec();
        self
    }

    /// The wait actually slept: the duration, with negative and non-finite values as 0
    /// (the clocks treat them so).
    pub fn wait_ms(&self) -> f64 {
        super::wait_ms(self.duration_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_export_without_fails_or_after_still_parses() {
        let json = r#"{"id":2,"label":"task 3","duration_ms":1500.0}"#;
        let task: TaskSpec = serde_json::from_str(json).unwrap();
        assert_eq!(task, TaskSpec::new(2, "task 3", 1500.0));
    }

    #[test]
    fn a_plain_task_serialises_without_the_optional_fields() {
        let json = serde_json::to_string(&TaskSpec::new(0, "a", 1.0)).unwrap();
        assert_eq!(json, r#"{"id":0,"label":"a","duration_ms":1.0}"#);
        let chained = TaskSpec::new(1, "b", 1.0).failing().after(&[0]);
        let json = serde_json::to_string(&chained).unwrap();
        assert!(json.ends_with(r#""fails":true,"after":[0]}"#), "{json}");
    }
}
