use super::RunRecord;

/// Sequential against gather on the same scenario: the speedup a visitor came to see.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// Measured sequential makespan, in milliseconds.
    pub sequential_ms: f64,
    /// Measured gather makespan, in milliseconds.
    pub gather_ms: f64,
}

impl Comparison {
    /// Pairs the first sequential and the first gather record in `runs`, if both exist.
    pub fn from_runs(runs: &[RunRecord]) -> Option<Self> {
        let find = |key: &str| {
            runs.iter()
                .find(|r| r.strategy == key)
                .map(|r| r.makespan_ms)
        };
        Some(Self {
            sequential_ms: find("sequential")?,
            gather_ms: find("gather")?,
        })
    }

    /// Sequential makespan divided by gather makespan (`None` if gather took no time).
    pub fn speedup(&self) -> Option<f64> {
        (self.gather_ms > 0.0).then(|| self.sequential_ms / self.gather_ms)
    }
}
