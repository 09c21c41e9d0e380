use crate::engine::cpu::CpuOutput;

/// How one job submitted to the [`super::WorkerPool`] ended, with its timings
/// (milliseconds on the page's `performance.now()` clock).
#[derive(Debug, Clone, PartialEq)]
pub struct JobOutcome {
    /// The pool's id for the job.
    pub id: u64,
    /// Index of the worker that ran it (stable per pool slot, from 0).
    pub worker: usize,
    /// The output, or why the job failed, was cancelled or was lost with its worker.
    pub result: Result<CpuOutput, String>,
    /// When the job was submitted.
    pub queued_ms: f64,
    /// When it was sent to a worker (equals `queued_ms` if it never was).
    pub started_ms: f64,
    /// When its answer arrived (or it was given up).
    pub ended_ms: f64,
    /// Time spent computing inside the worker, as the worker measured it.
    pub compute_ms: f64,
}
