use super::CpuJob;

/// A job as sent to a worker: the job and the id its reply will carry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JobRequest {
    /// Chosen by the pool; unique while the pool lives.
    pub id: u64,
    /// What to compute.
    pub job: CpuJob,
}
