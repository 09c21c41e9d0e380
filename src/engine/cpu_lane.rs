/// Where a CPU job ran: on the event loop's own thread (the page's, in a browser), or on
/// one of a pool's workers (stable per pool slot, from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CpuLane {
    /// The event loop's own thread: nothing else runs while the job computes.
    Page,
    /// Worker `n` of the run's pool.
    Worker(usize),
}

impl CpuLane {
    /// The lane's name for people (`page's thread`, `worker 2`, counting workers from 1).
    pub fn label(self) -> String {
        match self {
            CpuLane::Page => "page's thread".to_string(),
            CpuLane::Worker(n) => format!("worker {}", n + 1),
        }
    }
}

/// Told when a CPU job starts computing, and where: a job sent to a pool may first wait
/// for a free worker.
pub type OnRun<'a> = Box<dyn FnOnce(CpuLane) + 'a>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_are_named_for_people_and_exported_in_snake_case() {
        assert_eq!(CpuLane::Page.label(), "page's thread");
        assert_eq!(CpuLane::Worker(1).label(), "worker 2");
        assert_eq!(serde_json::to_string(&CpuLane::Page).unwrap(), r#""page""#);
        assert_eq!(
            serde_json::to_string(&CpuLane::Worker(0)).unwrap(),
            r#"{"worker":0}"#
        );
    }
}
