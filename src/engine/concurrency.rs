use super::TaskSpan;

/// The number of tasks in flight at one moment of a run.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ConcurrencyPoint {
    /// Milliseconds from the start of the run.
    pub at_ms: f64,
    /// Tasks in flight from this moment until the next point.
    pub in_flight: usize,
}

/// How many tasks were in flight over a run: a step function and its maximum.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Concurrency {
    /// One point per moment the count changed, in time order; the last is 0 at the end.
    pub points: Vec<ConcurrencyPoint>,
    /// The largest count reached.
    pub peak: usize,
}

impl Concurrency {
    /// The step function of `spans`. A task is in flight on `[start, end)`, so a task that
    /// ends when another starts does not overlap it, and zero-length spans (rejected or
    /// skipped tasks) never count. Spans with a missing time are ignored.
    pub fn of(spans: &[TaskSpan]) -> Self {
        let mut changes: Vec<(f64, i64)> = Vec::with_capacity(spans.len() * 2);
        for s in spans {
            if s.start_ms.is_finite() && s.end_ms.is_finite() && s.end_ms > s.start_ms {
                changes.push((s.start_ms, 1));
                changes.push((s.end_ms, -1));
            }
        }
        changes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut points: Vec<ConcurrencyPoint> = Vec::new();
        let mut count: i64 = 0;
        for (at_ms, delta) in changes {
            count += delta;
            let in_flight = usize::try_from(count).unwrap_or(0);
            if points.last().is_some_and(|last| last.at_ms == at_ms) {
                points.pop();
            }
            if points.last().is_none_or(|last| last.in_flight != in_flight) {
                points.push(ConcurrencyPoint { at_ms, in_flight });
            }
        }
        let peak = points.iter().map(|p| p.in_flight).max().unwrap_or(0);
        Self { points, peak }
    }
}
