use futures::future::LocalBoxFuture;

use crate::engine::{Clock, RunEvent, RunRecord, Scenario, Strategy, VirtualClock};

/// One run a lesson asks for: a strategy applied to a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct RunPlan {
    /// How the tasks are awaited.
    pub strategy: Strategy,
    /// The tasks.
    pub scenario: Scenario,
}

impl RunPlan {
    /// Runs the plan on `clock`, reporting progress to `observer`.
    pub fn run<'a>(
        &'a self,
        clock: &'a dyn Clock,
        observer: &'a dyn Fn(RunEvent),
    ) -> LocalBoxFuture<'a, RunRecord> {
        Box::pin(self.strategy.run(clock, &self.scenario, observer))
    }

    /// The exact timeline this plan has on virtual time: the prediction that measured
    /// runs are compared with. `None` only if the plan could never finish.
    pub fn predict(&self) -> Option<RunRecord> {
        let clock = VirtualClock::new();
        clock
            .run(self.strategy.run(&clock, &self.scenario, &|_| {}))
            .ok()
    }
}
