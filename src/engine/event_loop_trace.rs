use super::{LoopStep, RunOptions, RunRecord, Scenario, Stalled, Strategy, VirtualClock};

/// The event loop of one run, step by step: which task ran or whose timer fired, with the
/// ready queue and the sleeping tasks after each step.
///
/// It is recorded by a tracing [`VirtualClock`] while the strategy really runs on it (the
/// recorder tells the clock when each task runs; the clock knows its timers), so it always
/// agrees with the run's record. Meant for small runs: each step copies the queues.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct EventLoopTrace {
    /// The steps, in the order the loop took them.
    pub steps: Vec<LoopStep>,
}

impl EventLoopTrace {
    /// Runs `strategy` on `scenario` under `options` on a fresh tracing virtual clock and
    /// returns the record with its trace.
    pub fn record(
        strategy: Strategy,
        scenario: &Scenario,
        options: &RunOptions,
    ) -> Result<(RunRecord, Self), Stalled> {
        let clock = VirtualClock::traced();
        let record = clock.run(strategy.run_with(&clock, scenario, options, &|_| {}))?;
        Ok((record, clock.take_trace()))
    }
}
