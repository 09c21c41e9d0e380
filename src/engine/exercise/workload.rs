use super::WorkKind;

/// What a task of the exercise really is once it runs: equal waits, or equal CPU jobs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Workload {
    /// `count` independent waits of `wait_ms` each (simulated I/O).
    Waits {
        /// How many waits.
        count: usize,
        /// How long each wait lasts, in milliseconds.
        wait_ms: f64,
    },
    /// `count` independent CPU jobs of about `job_ms` of computing each (in this browser;
    /// an estimate).
    Jobs {
        /// How many jobs.
        count: usize,
        /// Estimated computing time of each job, in milliseconds.
        job_ms: f64,
    },
}

impl Workload {
    /// The kind of work this is: waits are I/O-bound, jobs CPU-bound.
    pub fn kind(self) -> WorkKind {
        match self {
            Workload::Waits { .. } => WorkKind::Io,
            Workload::Jobs { .. } => WorkKind::Cpu,
        }
    }

    /// How many tasks it is made of.
    pub fn count(self) -> usize {
        match self {
            Workload::Waits { count, .. } | Workload::Jobs { count, .. } => count,
        }
    }

    /// The duration of each task, in milliseconds (the wait, or the estimated job).
    pub fn each_ms(self) -> f64 {
        match self {
            Workload::Waits { wait_ms, .. } => wait_ms,
            Workload::Jobs { job_ms, .. } => job_ms,
        }
    }

    /// What it really is, in words (`50 waits of 20 ms`, `5 CPU jobs of about 80 ms`).
    pub fn describe(self) -> String {
        match self {
            Workload::Waits { count, wait_ms } => {
                let noun = if count == 1 { "wait" } else { "waits" };
                format!("{count} {noun} of {wait_ms:.0} ms")
            }
            Workload::Jobs { count, job_ms } => {
                let noun = if count == 1 { "CPU job" } else { "CPU jobs" };
                format!("{count} {noun} of about {job_ms:.0} ms")
            }
        }
    }
}
