use super::CpuOutput;

/// A worker's answer to a [`super::JobRequest`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JobReply {
    /// The request's id.
    pub id: u64,
    /// The output, or why the job failed (for example the panic message).
    pub result: Result<CpuOutput, String>,
    /// Time spent computing inside the worker, in milliseconds.
    pub compute_ms: f64,
    /// Whether the worker can no longer be used (it panicked): the pool replaces it.
    pub fatal: bool,
}
