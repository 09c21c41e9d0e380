//! When a task fails: errors returned in place, the first error raised while the others run
//! on, or a task group cancelling the siblings; plus a timeout per task.

use crate::engine::{
    NumberRange, ParamError, ParamKind, ParamSpec, ParamValues, RunOptions, Scenario,
    ScenarioParams, Strategy,
};

use super::support;
use super::{params, CodeSample, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// Three ways of meeting an error, on the same random tasks.
pub struct FailuresLesson;

/// Which task fails at the end of its wait, counting from 1 (0: none).
pub const FAILING: ParamSpec = ParamSpec {
    key: "fail",
    label: "Failing task",
    help: "This task raises an error at the end of its wait (counting from 1); 0 for none.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 50.0,
        default: 2.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// The chance that any task fails, drawn per task from the seed.
pub const CHANCE: ParamSpec = ParamSpec {
    key: "p",
    label: "Failure chance",
    help:
        "Each task also fails with this probability (0 to 1); the same seed fails the same tasks.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 1.0,
        default: 0.0,
        step: 0.05,
        unit: "",
        whole: false,
    }),
};

/// The per-task timeout, in seconds before scaling (0: none).
pub const TIMEOUT: ParamSpec = ParamSpec {
    key: "timeout",
    label: "Timeout per task",
    help: "A task still waiting after this long is stopped with a timeout error; 0 for none.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 60.0,
        default: 0.0,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

static PARAMS: [ParamSpec; 8] = [
    params::COUNT,
    params::MIN_S,
    params::MAX_S,
    params::SEED,
    params::SCALE,
    FAILING,
    CHANCE,
    TIMEOUT,
];

const STRATEGIES: [Strategy; 3] = [
    Strategy::GatherReturnExceptions,
    Strategy::GatherPropagate,
    Strategy::TaskGroupCancel,
];

/// Mixed into the seed for the failure draws, so they do not reuse the duration draws.
const FAILURE_STREAM: u64 = 0xFA11_5EED_0DD5_0001;

const PYTHON_ERRORS: &str = include_str!("code/failures_errors.py").trim_ascii_end();

const RUST_ERRORS: &str = include_str!("code/failures_errors.rs").trim_ascii_end();

const PYTHON_TIMEOUT: &str = include_str!("code/failures_timeout.py").trim_ascii_end();

const RUST_TIMEOUT: &str = include_str!("code/failures_timeout.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "failures",
    title: "When a task fails",
    nav_title: "When a task fails",
    summary: "One failing call, met three ways: errors kept in place, the first error \
              raised while the others run on, or a task group that cancels the rest.",
    explanation: &[
        "Real calls fail: a server answers with an error, or never answers at all. Here \
         the chosen task waits its full time and then raises an error, and any task may \
         also fail at random with the chance you set. The draws come from the seed, so \
         the same values always fail the same tasks.",
        "Gather with return_exceptions=True lets every call run to its end and puts each \
         error in the results list, where that call's value would have been. Nothing is \
         raised; you check each entry yourself. Rust's join_all over Results is the same.",
        "Plain gather raises the first error to your code the moment it happens. The \
         other calls are not stopped: they keep running in the background, and whatever \
         they return is lost to you. The timeline shows them finishing after the error.",
        "A task group (async with asyncio.TaskGroup) also raises the first error, but \
         cancels every sibling still running at that moment, so nothing is left behind. \
         The cancelled bars all end at the failure time.",
        "A timeout stops a call that takes too long: it ends with a timeout error exactly \
         at the deadline. In the raising strategies a timeout counts as a failure like \
         any other.",
    ],
    params: &PARAMS,
    panels: &[Panel::TIMELINES, Panel::Makespan, Panel::Outcomes],
    runs: RunOrder::SideBySide,
};

crate::actions! {
    /// The failures lesson's buttons.
    pub enum FailuresAction {
        /// The three strategies side by side on the same tasks.
        All = ("all", "Run all three"),
        /// Errors returned in place only.
        ReturnExceptions = ("gather_return_exceptions", "Run return_exceptions"),
        /// Plain gather only.
        Propagate = ("gather_propagate", "Run plain gather"),
        /// The task group only.
        TaskGroup = ("task_group_cancel", "Run task group"),
    }
}

/// The clamped parameters: the random tasks, which of them fail, and the timeout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Failures {
    /// The random tasks.
    pub scenario: ScenarioParams,
    /// The task that fails, counting from 1 (0: none).
    pub failing: usize,
    /// The chance that any task fails (0 to 1).
    pub chance: f64,
    /// The per-task timeout in seconds, before scaling (0: none).
    pub timeout_s: f64,
}

impl Params for Failures {
    fn read(values: &ParamValues) -> Self {
        Self {
            scenario: support::scenario_params(values, &params::COUNT),
            failing: support::read_count(values, &FAILING),
            chance: support::read_number(values, &CHANCE),
            timeout_s: support::read_number(values, &TIMEOUT),
        }
    }
}

impl Failures {
    /// The random scenario with its failing tasks: task `failing` (from 1) and every task
    /// whose seeded draw falls below the failure chance.
    pub fn scenario(&self) -> Scenario {
        let mut scenario = Scenario::generate(&self.scenario);
        let mut rng = fastrand::Rng::with_seed(self.scenario.seed ^ FAILURE_STREAM);
        for task in &mut scenario.tasks {
            let drawn = rng.f64() < self.chance;
            task.fails = drawn || task.id + 1 == self.failing;
        }
        scenario
    }

    /// The per-task timeout in scaled milliseconds, or `None` for 0.
    pub fn timeout_ms(&self) -> Option<f64> {
        (self.timeout_s > 0.0).then(|| support::scaled_ms(self.timeout_s, self.scenario.scale))
    }
}

impl Lesson for FailuresLesson {
    type Params = Failures;
    type Action = FailuresAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        let mut errors = params::check_range(values);
        let n = support::read_count(values, &params::COUNT);
        let chosen = values.get_or(FAILING.key, FAILING.default_number());
        if chosen > n as f64 {
            errors.push(ParamError::new(
                FAILING.key,
                format!("The failing task must be one of the {n} tasks (1 to {n}), or 0 for none."),
            ));
        }
        errors
    }

    fn plan(&self, action: FailuresAction, params: &Failures) -> Vec<RunPlan> {
        let strategies: &[Strategy] = match action {
            FailuresAction::All => &STRATEGIES,
            FailuresAction::ReturnExceptions => &[Strategy::GatherReturnExceptions],
            FailuresAction::Propagate => &[Strategy::GatherPropagate],
            FailuresAction::TaskGroup => &[Strategy::TaskGroupCancel],
        };
        let options = RunOptions {
            capacity: None,
            timeout_ms: params.timeout_ms(),
            ..RunOptions::default()
        };
        support::plans_for(strategies.iter().copied(), &params.scenario(), options)
    }

    fn code(&self, params: &Failures) -> Vec<CodeSample> {
        let (chance, timeout) = (params.chance, params.timeout_s);
        let (timeout_py, timeout_rs) = if timeout > 0.0 {
            (
                support::param_text(timeout),
                format!(
                    "Some(Duration::from_millis({}))",
                    (timeout * 1000.0).round()
                ),
            )
        } else {
            ("None".to_string(), "None".to_string())
        };
        let errors = CodeSample::new(
            "Errors in place, raised, or cancelling",
            PYTHON_ERRORS,
            RUST_ERRORS,
        )
        .with("fail", params.failing)
        .with("p_f64", format!("{chance:?}"))
        .with("p", support::param_text(chance));
        vec![
            errors.with_scenario(&params.scenario),
            CodeSample::new("A timeout per task", PYTHON_TIMEOUT, RUST_TIMEOUT)
                .with("timeout_rs", timeout_rs)
                .with("timeout", timeout_py),
        ]
    }
}

#[cfg(test)]
#[path = "tests/failures.rs"]
mod tests;
