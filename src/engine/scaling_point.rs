use super::{Scenario, Strategy, VirtualClock};

/// The makespans of one task count in a scaling sweep, measured on virtual time, with the
/// theoretical value of each strategy beside it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ScalingPoint {
    /// How many tasks (the first `n` durations).
    pub n: usize,
    /// Sequential makespan, in milliseconds.
    pub sequential_ms: f64,
    /// Gather makespan, in milliseconds.
    pub gather_ms: f64,
    /// Semaphore makespan, in milliseconds.
    pub semaphore_ms: f64,
    /// Σd of the first `n` tasks.
    pub sequential_bound_ms: f64,
    /// max d of the first `n` tasks.
    pub gather_bound_ms: f64,
    /// Greedy `limit`-slot schedule of the first `n` tasks (⌈n/k⌉·d for equal durations).
    pub semaphore_bound_ms: f64,
}

/// The most tasks a sweep goes up to: a sweep runs about 1.5·n² tasks in all.
pub const MAX_SCALING_N: usize = 2000;

/// For n = 1..=`max_n` (at most the number of durations and [`MAX_SCALING_N`]), runs the
/// first n durations sequentially, gathered and through a semaphore of `limit` (0 counts
/// as 1) on virtual time, and pairs each makespan with its theoretical value.
pub fn scaling(durations_ms: &[f64], max_n: usize, limit: usize) -> Vec<ScalingPoint> {
    let max_n = max_n.min(durations_ms.len()).min(MAX_SCALING_N);
    let semaphore = Strategy::Semaphore {
        limit: limit.max(1),
    };
    (1..=max_n)
        .map(|n| {
            let scenario = Scenario::from_durations(&durations_ms[..n]);
            let (sequential_ms, sequential_bound_ms) = measure(Strategy::Sequential, &scenario);
            let (gather_ms, gather_bound_ms) = measure(Strategy::Gather, &scenario);
            let (semaphore_ms, semaphore_bound_ms) = measure(semaphore, &scenario);
            ScalingPoint {
                n,
                sequential_ms,
                gather_ms,
                semaphore_ms,
                sequential_bound_ms,
                gather_bound_ms,
                semaphore_bound_ms,
            }
        })
        .collect()
}

/// The measured makespan (NaN if the run stalled, which only sleeping tasks cannot do)
/// and the bound.
fn measure(strategy: Strategy, scenario: &Scenario) -> (f64, f64) {
    let clock = VirtualClock::new();
    let makespan_ms = clock
        .run(strategy.run(&clock, scenario, &|_| {}))
        .map_or(f64::NAN, |r| r.makespan_ms);
    (makespan_ms, strategy.bound_ms(scenario))
}
