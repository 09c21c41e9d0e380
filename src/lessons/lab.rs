//! The lab: the visitor writes their own scenario, one task per line (I/O waits, CPU
//! work, failures, dependencies), picks a strategy and runs it like any other lesson.
//! The script is parsed by [`crate::engine::lab::LabScript`]: data, never code.

use crate::engine::lab::LabScript;
use crate::engine::{
    CriticalPath, ParamError, ParamSpec, ParamValues, RunOptions, RunRecord, Strategy, TaskStatus,
};

use super::lab_code::{self, LabWay};
use super::support::in_seconds;
use super::{CodeSample, Insight, Lesson, LessonInfo, Panel, RunOrder, RunPlan, TimelineExtra};

mod params;

pub use params::{Lab, DEFAULT_SCRIPT, LIMIT, SCRIPT, STRATEGY, WAYS, WORKERS};

/// Your own tasks, your own strategy.
pub struct LabLesson;

static PARAMS: [ParamSpec; 4] = [SCRIPT, STRATEGY, LIMIT, WORKERS];

static INFO: LessonInfo = LessonInfo {
    id: "lab",
    title: "The lab: your own scenario",
    nav_title: "Lab",
    summary: "Write your own tasks (waits, computing, failures, dependencies), choose how to \
              await them, and see what happens.",
    explanation: &[
        "Write one task per line: a name, its kind, its duration, and optionally what it \
         waits for and whether it fails. For example “charge io 500ms after fetch_user, \
         orders fails” is an I/O call of half a second that starts once fetch_user and \
         orders are done, and raises an error at its end.",
        "The rules. A name uses letters, digits, “_” and “-” (at most 40 characters), is \
         unique, and is not one of the words io, cpu, after, fails. The kind is io (a wait, \
         such as a network call) or cpu (computing). A duration is a number and a unit: \
         250ms, 2s, 1.5s; 0 is allowed. After the duration come, in either order, “after” \
         with one or more names separated by commas (a name may be defined further down), \
         and “fails”. Keywords are lowercase. A # starts a comment; blank lines are \
         ignored.",
        "The limits: at most 500 tasks and 200 characters per line; an I/O wait of at most \
         60 s; CPU work of at most 1 s per task and 10 s in all, because computing may run \
         on this page's own thread and freeze it. Every mistake is listed under the box \
         with its line and column; a circle of tasks waiting for each other is named in \
         order (a → b → a). The script is only read as data: nothing in it is run as code.",
        "Strategies. Sequential awaits each task in turn. Gather starts them all and keeps \
         errors in place among the results. A semaphore lets at most k run at once. A \
         TaskGroup cancels every task still running at the first failure. Only \
         “dependencies honoured” waits for what a task names after “after”: the others \
         ignore dependencies, as asyncio.gather would; a task whose dependency failed is \
         then skipped. “Compare all five” runs your script with each strategy in turn, one \
         after another so that their computing does not overlap, each with its timeline.",
        "CPU work is a hash chain sized to take about the duration you wrote in this \
         browser. With 0 workers it runs on the page's own thread: every other task, timer \
         and animation waits meanwhile. With workers, it runs on web workers while the \
         event loop goes on. The code below is written from your script for the strategy \
         you chose; names become identifiers (“fetch-user” becomes fetch_user).",
    ],
    params: &PARAMS,
    panels: &[
        Panel::PoolStatus,
        Panel::Timelines(&[TimelineExtra::Concurrency, TimelineExtra::Graph]),
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The lab's buttons.
    pub enum LabAction {
        /// The script with the chosen strategy.
        Run = ("run", "Run"),
        /// The script with each of the five strategies, one after another.
        Compare = ("compare", "Compare all five"),
    }
}

/// The engine's strategy for a way.
fn strategy(way: LabWay) -> Strategy {
    match way {
        LabWay::Sequential => Strategy::Sequential,
        LabWay::Gather => Strategy::GatherReturnExceptions,
        LabWay::Semaphore(limit) => Strategy::Semaphore { limit },
        LabWay::TaskGroup => Strategy::TaskGroupCancel,
        LabWay::Chained => Strategy::Chained,
    }
}

impl Lesson for LabLesson {
    type Params = Lab;
    type Action = LabAction;
    const INFO: &'static LessonInfo = &INFO;

    /// Every error of the script, as `Line L, column C: …`, on the script's field.
    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        let text = values.text(SCRIPT.key).unwrap_or(DEFAULT_SCRIPT);
        match LabScript::parse(text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| ParamError::new(SCRIPT.key, e.to_string()))
                .collect(),
        }
    }

    /// `run`: the chosen strategy. `compare`: the same script with each of the five, one
    /// after another, in the order of [`WAYS`] (the semaphore with the chosen k).
    fn plan(&self, action: LabAction, lab: &Lab) -> Vec<RunPlan> {
        let scenario = lab.script.scenario();
        let n = lab.workers;
        let options = RunOptions {
            workers: (n > 0).then_some(n),
            ..RunOptions::default()
        };
        let ways = match action {
            LabAction::Run => vec![lab.way],
            LabAction::Compare => vec![
                LabWay::Sequential,
                LabWay::Gather,
                LabWay::Semaphore(lab.limit),
                LabWay::TaskGroup,
                LabWay::Chained,
            ],
        };
        ways.into_iter()
            .map(|w| RunPlan::new(strategy(w), scenario.clone()).with_options(options))
            .collect()
    }

    fn code(&self, lab: &Lab) -> Vec<CodeSample> {
        vec![lab_code::code(&lab.script, lab.way, lab.workers)]
    }

    fn insights(&self, runs: &[RunRecord], lab: &Lab) -> Vec<Insight> {
        let script = &lab.script;
        let scenario = script.scenario();
        let mut out = Vec::new();
        if script.has_dependencies() {
            if let Ok(path) = CriticalPath::of(&scenario, &RunOptions::default()) {
                let names: Vec<&str> = path
                    .tasks
                    .iter()
                    .filter_map(|&id| scenario.tasks.get(id))
                    .map(|t| t.label.as_str())
                    .collect();
                out.push(Insight::new("path", "Critical path", names.join(" → ")));
                out.push(Insight::new(
                    "path-length",
                    "Critical path length",
                    in_seconds(path.length_ms),
                ));
            }
            if runs.len() > 1 {
                out.push(Insight::new(
                    "ignored",
                    "Dependencies",
                    "only “dependencies honoured” waits for them; the other four ignore them",
                ));
            } else if lab.way != LabWay::Chained {
                out.push(Insight::new(
                    "ignored",
                    "Dependencies",
                    "ignored by this strategy: choose “dependencies honoured” to wait for them",
                ));
            }
        }
        // With several runs (a comparison), each figure is named after its run.
        let named = |label: &str, run: &RunRecord| match runs.len() {
            1 => label.to_string(),
            _ => format!("{label}, {}", run.title()),
        };
        for run in runs {
            out.push(Insight::new(
                "makespan",
                named("Measured makespan", run),
                in_seconds(run.makespan_ms),
            ));
            let count =
                |status: TaskStatus| run.tasks.iter().filter(|t| t.status == status).count();
            out.push(Insight::new(
                "outcome",
                named("Tasks", run),
                format!(
                    "{} ok, {} failed, {} cancelled or skipped",
                    count(TaskStatus::Ok),
                    count(TaskStatus::Failed),
                    count(TaskStatus::Cancelled)
                ),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/lab.rs"]
mod tests;
