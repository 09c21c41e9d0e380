/// The error a strategy raised to its caller: which task raised it, when, and what it said.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunFailure {
    /// The task whose error reached the caller.
    pub task: usize,
    /// When the caller received the error, in milliseconds from the start of the run.
    pub at_ms: f64,
    /// The error text (for example `task 2 failed`).
    pub message: String,
}
