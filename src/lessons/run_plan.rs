use futures::future::LocalBoxFuture;

use crate::engine::{Clock, RunEvent, RunOptions, RunRecord, Scenario, Stalled, Strategy};

/// One run a lesson asks for: a strategy applied to a scenario, with options.
#[derive(Debug, Clone, PartialEq)]
pub struct RunPlan {
    /// How the tasks are awaited.
    pub strategy: Strategy,
    /// The tasks.
    pub scenario: Scenario,
    /// Service capacity, per-task timeout and where CPU jobs run.
    pub options: RunOptions,
    /// A name for this run shown instead of the strategy's (copied into its record).
    pub caption: Option<String>,
}

impl RunPlan {
    /// A plan with default options.
    pub fn new(strategy: Strategy, scenario: Scenario) -> Self {
        Self {
            strategy,
            scenario,
            options: RunOptions::default(),
            caption: None,
        }
    }

    /// The same plan with a caption.
    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// The same plan with `options`.
    pub fn with_options(mut self, options: RunOptions) -> Self {
        self.options = options;
        self
    }

    /// Runs the plan on `clock`, reporting progress to `observer`.
    pub fn run<'a>(
        &'a self,
        clock: &'a dyn Clock,
        observer: &'a dyn Fn(RunEvent),
    ) -> LocalBoxFuture<'a, RunRecord> {
        let run = self
            .strategy
            .run_with(clock, &self.scenario, &self.options, observer);
        Box::pin(async move {
            let mut record = run.await;
            record.caption = self.caption.clone();
            record
        })
    }

    /// Whether the plan runs CPU jobs on the page's own thread (it has some, and no
    /// workers).
    pub fn computes_on_the_page(&self) -> bool {
        self.options.workers.is_none() && self.scenario.tasks.iter().any(|t| t.cpu.is_some())
    }

    /// The exact timeline this plan has on virtual time: the prediction that measured
    /// runs are compared with. `None` only if the plan could never finish or is too large
    /// to simulate (see [`RunPlan::try_predict`] for why).
    pub fn predict(&self) -> Option<RunRecord> {
        self.try_predict().ok()
    }

    /// Like [`RunPlan::predict`], saying why there is no prediction.
    pub fn try_predict(&self) -> Result<RunRecord, Stalled> {
        let mut record = self.strategy.simulate(&self.scenario, &self.options)?;
        record.caption = self.caption.clone();
        Ok(record)
    }
}
