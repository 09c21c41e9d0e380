/// The state of a simulated server from one instant on, until the next point.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QueuePoint {
    /// When this state begins, in milliseconds from the first arrival.
    pub at_ms: f64,
    /// Requests that have arrived and are waiting: for a thread, for a core, for the loop
    /// or for a worker (neither in their I/O nor computing).
    pub waiting: usize,
    /// Requests that have arrived and have not been answered yet.
    pub in_system: usize,
}
