/// How one task ended: the colour of its bar and the reason shown beside it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// The task waited its full duration and returned its result.
    #[default]
    Ok,
    /// The task waited its full duration and then raised its error.
    Failed,
    /// A sibling's failure (or a failed dependency) stopped the task before it finished.
    Cancelled,
    /// The per-task timeout expired first; the task ended exactly at the timeout.
    TimedOut,
    /// The service was at capacity when the request arrived: `429 Too Many Requests`.
    Rejected,
}

impl TaskStatus {
    /// The key written in exports (`ok`, `failed`, `cancelled`, `timed_out`, `rejected`).
    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::Ok => "ok",
            TaskStatus::Failed => "failed",
            TaskStatus::Cancelled => "cancelled",
            TaskStatus::TimedOut => "timed_out",
            TaskStatus::Rejected => "rejected",
        }
    }

    /// Whether the task produced its normal result.
    pub fn is_ok(self) -> bool {
        self == TaskStatus::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_serialise_as_their_lowercase_keys() {
        for status in [
            TaskStatus::Ok,
            TaskStatus::Failed,
            TaskStatus::Cancelled,
            TaskStatus::TimedOut,
            TaskStatus::Rejected,
        ] {
            let json = serde_json::to_string(&status).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", status.key()));
        }
    }
}
