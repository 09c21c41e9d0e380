//! The hero lesson: the same I/O tasks awaited one after another, then gathered.

use crate::engine::{ParamError, ParamValues, Scenario, ScenarioParams, Strategy};

use super::{panels, params, support, CodeSample, Lesson, LessonInfo, Params, RunOrder, RunPlan};

/// Sequential vs gather: Σd against max d, drawn live.
pub struct GatherLesson;

const PYTHON: &str = include_str!("code/gather.py").trim_ascii_end();

const RUST: &str = include_str!("code/gather.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "gather",
    title: "One after another, or all at once",
    nav_title: "Sequential vs gather",
    summary: "The same simulated I/O calls, awaited in turn and then gathered: the sum of the \
              waits against the longest one.",
    explanation: &[
        "Each task stands in for an I/O call, such as a request to a server or a database \
         query, simulated by a timer of 1 to 5 seconds. While a task waits, the processor \
         has nothing to do for it.",
        "Awaited one after another, a task cannot begin before the previous one has \
         finished, so the run lasts the sum of all the waits (Σd). Nothing overlaps.",
        "Gathered, every task begins at once and the event loop waits for all of them \
         together. The waits overlap, so the run lasts about as long as the slowest task \
         (max d). The results still come back in the order the tasks were given, even \
         though the shortest finishes first: the small numbers on the bars give the order \
         in which they finished.",
        "The measured bars sit a little to the right of the faint predicted ones: browser \
         timers fire a few milliseconds late and the loop needs a moment to switch tasks. \
         That gap is shown, not hidden.",
        "Gathering pays off only for independent tasks that spend their time waiting. \
         Starting very many at once can flood the service on the other end, and a \
         long computation does not get faster this way: later lessons show both.",
    ],
    params: &params::SCENARIO,
    panels: panels::STANDARD,
    runs: RunOrder::SideBySide,
};

crate::actions! {
    /// The gather lesson's buttons.
    pub enum GatherAction {
        /// Sequential, then gather, side by side on the same tasks.
        Both = ("both", "Run both"),
        /// One after another only.
        Sequential = ("sequential", "Run sequential"),
        /// Gathered only.
        Gather = ("gather", "Run gather"),
    }
}

/// The random tasks, read from the five shared parameters.
impl Params for ScenarioParams {
    fn read(values: &ParamValues) -> Self {
        support::scenario_params(values, &params::COUNT)
    }
}

impl Lesson for GatherLesson {
    type Params = ScenarioParams;
    type Action = GatherAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, action: GatherAction, params: &ScenarioParams) -> Vec<RunPlan> {
        let scenario = Scenario::generate(params);
        let strategies: &[Strategy] = match action {
            GatherAction::Both => &[Strategy::Sequential, Strategy::Gather],
            GatherAction::Sequential => &[Strategy::Sequential],
            GatherAction::Gather => &[Strategy::Gather],
        };
        strategies
            .iter()
            .map(|&strategy| RunPlan::new(strategy, scenario.clone()))
            .collect()
    }

    fn code(&self, _params: &ScenarioParams) -> Vec<CodeSample> {
        vec![CodeSample::new("Sequential awaits vs gather", PYTHON, RUST)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> ScenarioParams {
        ScenarioParams::read(&ParamValues::defaults(INFO.params))
    }

    #[test]
    fn run_both_plans_sequential_then_gather_on_the_same_tasks() {
        let plans = GatherLesson.plan(GatherAction::Both, &defaults());
        assert_eq!(plans.len(), 2);
        assert_eq!(plans[0].strategy, Strategy::Sequential);
        assert_eq!(plans[1].strategy, Strategy::Gather);
        assert_eq!(plans[0].scenario, plans[1].scenario);
        assert_eq!(plans[0].scenario.tasks.len(), 5);
    }

    #[test]
    fn predictions_match_the_theoretical_bounds_exactly() {
        for plan in GatherLesson.plan(GatherAction::Both, &defaults()) {
            let predicted = plan.predict().unwrap();
            assert_eq!(predicted.makespan_ms, predicted.bound_ms);
        }
    }

    #[test]
    fn min_above_max_is_reported_on_the_max_field() {
        let mut values = ParamValues::defaults(INFO.params);
        values.0.insert("min".into(), 4.0);
        values.0.insert("max".into(), 2.0);
        let errors = GatherLesson.check(&values);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].key, "max");
    }

    #[test]
    fn the_default_scenario_takes_a_few_seconds_sequentially() {
        let plans = GatherLesson.plan(GatherAction::Sequential, &defaults());
        let total = plans[0].scenario.total_ms();
        assert!((1000.0..=5000.0).contains(&total), "total {total} ms");
    }
}
