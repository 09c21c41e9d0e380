//! When a task fails: errors returned in place, the first error raised while the others run
//! on, or a task group cancelling the siblings; plus a timeout per task.

use crate::engine::{
    ParamError, ParamKind, ParamSpec, ParamValues, RunOptions, RunRecord, Scenario, Strategy,
    TaskStatus,
};

use super::support::{self, secs};
use super::{
    panels, params, ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, RunOrder, RunPlan,
};

/// Three ways of meeting an error, on the same random tasks.
pub struct FailuresLesson;

/// Which task fails at the end of its wait, counting from 1 (0: none).
pub const FAILING: ParamSpec = ParamSpec {
    key: "fail",
    label: "Failing task",
    unit: "",
    kind: ParamKind::Integer,
    min: 0.0,
    max: 50.0,
    default: 2.0,
    step: 1.0,
    help: "This task raises an error at the end of its wait (counting from 1); 0 for none.",
};

/// The chance that any task fails, drawn per task from the seed.
pub const CHANCE: ParamSpec = ParamSpec {
    key: "p",
    label: "Failure chance",
    unit: "",
    kind: ParamKind::Decimal,
    min: 0.0,
    max: 1.0,
    default: 0.0,
    step: 0.05,
    help:
        "Each task also fails with this probability (0 to 1); the same seed fails the same tasks.",
};

/// The per-task timeout, in seconds before scaling (0: none).
pub const TIMEOUT: ParamSpec = ParamSpec {
    key: "timeout",
    label: "Timeout per task",
    unit: "s",
    kind: ParamKind::Decimal,
    min: 0.0,
    max: 60.0,
    default: 0.0,
    step: 0.1,
    help: "A task still waiting after this long is stopped with a timeout error; 0 for none.",
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
    panels: panels::STANDARD,
    runs: RunOrder::SideBySide,
};

/// The random scenario with its failing tasks: task `fail` (from 1) and every task whose
/// seeded draw falls below the failure chance.
pub fn failing_scenario(values: &ParamValues) -> Scenario {
    let mut scenario = support::scenario(values, &params::COUNT);
    let chosen = support::whole(values, &FAILING);
    let chance = support::decimal(values, &CHANCE);
    let seed = support::decimal(values, &params::SEED) as u64;
    let mut rng = fastrand::Rng::with_seed(seed ^ FAILURE_STREAM);
    for task in &mut scenario.tasks {
        let drawn = rng.f64() < chance;
        task.fails = drawn || task.id + 1 == chosen;
    }
    scenario
}

/// The per-task timeout in scaled milliseconds, or `None` for 0.
pub fn timeout_ms(values: &ParamValues) -> Option<f64> {
    let seconds = support::decimal(values, &TIMEOUT);
    (seconds > 0.0).then(|| support::scaled_ms(seconds, support::decimal(values, &params::SCALE)))
}

/// `n of total` for a count of tasks.
fn of(count: usize, run: &RunRecord) -> String {
    format!("{count} of {}", run.tasks.len())
}

/// What the caller saw: the error and when, or the errors returned in place.
fn error_seen(run: &RunRecord) -> String {
    if let Some(f) = &run.failure {
        return format!("{}, at {}", f.message, secs(f.at_ms));
    }
    let in_place = run.count(TaskStatus::Failed) + run.count(TaskStatus::TimedOut);
    match in_place {
        0 => "none".to_string(),
        1 => "none raised: 1 error returned in place".to_string(),
        k => format!("none raised: {k} errors returned in place"),
    }
}

impl AnyLesson for FailuresLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![
            support::RUN_ALL_THREE,
            ActionSpec {
                key: "gather_return_exceptions",
                label: "Run return_exceptions",
            },
            ActionSpec {
                key: "gather_propagate",
                label: "Run plain gather",
            },
            ActionSpec {
                key: "task_group_cancel",
                label: "Run task group",
            },
        ]
    }

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        let mut errors = params::check_range(values);
        let n = support::whole(values, &params::COUNT);
        let chosen = values.get_or(FAILING.key, FAILING.default);
        if chosen > n as f64 {
            errors.push(ParamError::new(
                FAILING.key,
                format!("The failing task must be one of the {n} tasks (1 to {n}), or 0 for none."),
            ));
        }
        errors
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let options = RunOptions {
            capacity: None,
            timeout_ms: timeout_ms(values),
            ..RunOptions::default()
        };
        support::plans(action, &STRATEGIES, &failing_scenario(values), options)
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let chance = support::decimal(values, &CHANCE);
        let timeout = support::decimal(values, &TIMEOUT);
        let (timeout_py, timeout_rs) = if timeout > 0.0 {
            (
                support::number(timeout),
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
        .with("fail", support::whole(values, &FAILING))
        .with("p_f64", format!("{chance:?}"))
        .with("p", support::number(chance));
        vec![
            support::with_scenario(errors, values, &params::COUNT),
            CodeSample::new("A timeout per task", PYTHON_TIMEOUT, RUST_TIMEOUT)
                .with("timeout_rs", timeout_rs)
                .with("timeout", timeout_py),
        ]
    }

    fn insights(&self, runs: &[RunRecord], _values: &ParamValues) -> Vec<Insight> {
        let mut out = Vec::new();
        for strategy in STRATEGIES {
            let key = strategy.key();
            let Some(run) = support::run_of(runs, key) else {
                continue;
            };
            let title = strategy.title();
            let ok = run.count(TaskStatus::Ok);
            let (kept, lost) = if run.failed() { (0, ok) } else { (ok, 0) };
            let counts = [
                ("kept", "results you got", kept),
                ("lost", "finished but lost", lost),
                ("failed", "failed", run.count(TaskStatus::Failed)),
                ("cancelled", "cancelled", run.count(TaskStatus::Cancelled)),
                ("timed-out", "timed out", run.count(TaskStatus::TimedOut)),
            ];
            for (what, label, count) in counts {
                out.push(Insight::new(
                    format!("{what}-{key}"),
                    format!("{title}: {label}"),
                    of(count, run),
                ));
            }
            out.push(Insight::new(
                format!("error-{key}"),
                format!("{title}: error seen by the caller"),
                error_seen(run),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/failures.rs"]
mod tests;
