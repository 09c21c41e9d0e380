//! The engine benchmark behind `bench_engine` (only with the `bench` feature).

use std::cell::Cell;

use crate::engine::{RunEvent, Scenario, Strategy, TaskSpec};

use super::BrowserClock;

/// Figures of one engine run on the browser's timers (for `make bench`, P1 and P2).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EngineBench {
    /// The strategy's key (`gather`, `sequential`).
    pub strategy: &'static str,
    /// Tasks in the run.
    pub tasks: usize,
    /// Each task's wait, in milliseconds.
    pub duration_ms: f64,
    /// The theoretical makespan: one wait for gather, the sum for sequential.
    pub ideal_ms: f64,
    /// The measured makespan.
    pub makespan_ms: f64,
    /// From the call until the last task had started (the engine's set-up work; for
    /// sequential it includes the waits before the last task).
    pub last_start_ms: f64,
    /// When the first task ended (for gather: how late the first timer fired).
    pub first_end_ms: f64,
}

/// Runs `tasks` waits of `duration_ms` each with `strategy` on the browser's timers, with
/// no observer work beyond noting the last start and the first end, and reports the
/// timings.
pub async fn engine_bench(strategy: Strategy, tasks: usize, duration_ms: f64) -> EngineBench {
    let clock = BrowserClock::new();
    let scenario = Scenario {
        tasks: (0..tasks)
            .map(|id| TaskSpec::new(id, format!("task {}", id + 1), duration_ms))
            .collect(),
    };
    let last_start = Cell::new(0.0_f64);
    let first_end = Cell::new(f64::INFINITY);
    let record = strategy
        .run(&clock, &scenario, &|event| match event {
            RunEvent::Started { at_ms, .. } => last_start.set(at_ms),
            RunEvent::Ended { at_ms, .. } => first_end.set(first_end.get().min(at_ms)),
            _ => {}
        })
        .await;
    EngineBench {
        strategy: strategy.key(),
        tasks,
        duration_ms,
        ideal_ms: strategy.bound_ms(&scenario),
        makespan_ms: record.makespan_ms,
        last_start_ms: last_start.get(),
        first_end_ms: first_end.get(),
    }
}
