/// What happened to one simulated request, in milliseconds from the first arrival.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RequestOutcome {
    /// When the client sent it.
    pub arrival_ms: f64,
    /// When its I/O began (for the thread pool: when a thread took it).
    pub io_start_ms: f64,
    /// When its CPU part began (a core, the loop or a worker took it).
    pub cpu_start_ms: f64,
    /// When the response was ready.
    pub end_ms: f64,
}

impl RequestOutcome {
    /// Time from arrival to response, as the client sees it.
    pub fn latency_ms(&self) -> f64 {
        self.end_ms - self.arrival_ms
    }
}
