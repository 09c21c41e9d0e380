/// One simulated I/O task of a scenario: what to wait for and for how long.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TaskSpec {
    /// Position in the scenario, from 0; results are reported in this order by `gather`.
    pub id: usize,
    /// Human-readable name (for example `task 3`).
    pub label: String,
    /// How long the simulated I/O waits, in milliseconds (already time-scaled).
    pub duration_ms: f64,
}
