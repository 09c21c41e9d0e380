//! The lab: the visitor writes their own scenario, one task per line (I/O waits, CPU
//! work, failures, dependencies), picks a strategy and runs it like any other lesson.
//! The script is parsed by [`crate::engine::lab::LabScript`]: data, never code.

use crate::engine::lab::{LabScript, MAX_TEXT_CHARS};
use crate::engine::{
    CriticalPath, ParamChoice, ParamError, ParamKind, ParamSpec, ParamValues, RunOptions,
    RunRecord, Strategy, TaskStatus,
};

use super::cpu_work::{self, ROUNDS_PER_MS};
use super::lab_code::{self, LabWay};
use super::support::{self, secs};
use super::{
    ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, Panel, RunOrder, RunPlan, TimelineExtra,
};

/// Your own tasks, your own strategy.
pub struct LabLesson;

/// The script the lab opens with: I/O, CPU work and a chain of dependencies.
pub const DEFAULT_SCRIPT: &str = "# A checkout page. Edit freely: one task per line.
fetch_user  io  800ms
orders      io  600ms after fetch_user
prices      io  500ms
thumbnails  cpu 150ms
recommend   cpu 200ms after orders
charge      io  400ms after orders, prices
receipt     io  300ms after charge";

/// The scenario, as text (key `script`).
pub const SCRIPT: ParamSpec = ParamSpec {
    key: "script",
    label: "Your scenario",
    unit: "",
    kind: ParamKind::Text {
        default: DEFAULT_SCRIPT,
        max_chars: MAX_TEXT_CHARS,
        rows: 9,
    },
    min: 0.0,
    max: 0.0,
    default: 0.0,
    step: 1.0,
    help: "One task per line: name, io or cpu, a duration (250ms, 2s, 1.5s), then \
           optionally “after a, b” and “fails”. # starts a comment.",
};

/// The strategies the lab offers.
pub const WAYS: [ParamChoice; 5] = [
    ParamChoice {
        key: "sequential",
        label: "Sequential",
    },
    ParamChoice {
        key: "gather",
        label: "Gather",
    },
    ParamChoice {
        key: "semaphore",
        label: "Semaphore (k at once)",
    },
    ParamChoice {
        key: "taskgroup",
        label: "TaskGroup (cancel on failure)",
    },
    ParamChoice {
        key: "chained",
        label: "Dependencies honoured",
    },
];

/// How the tasks are awaited (key `strategy`).
pub const STRATEGY: ParamSpec = ParamSpec {
    key: "strategy",
    label: "Strategy",
    kind: ParamKind::Choice {
        options: &WAYS,
        default: "chained",
    },
    help: "Only “dependencies honoured” waits for what a task names after “after”.",
    ..SCRIPT
};

/// The semaphore's size (key `k`).
pub const LIMIT: ParamSpec = ParamSpec {
    key: "k",
    label: "Semaphore size k",
    unit: "",
    kind: ParamKind::Integer,
    min: 1.0,
    max: 50.0,
    default: 2.0,
    step: 1.0,
    help: "Most tasks in flight at once, for the semaphore strategy.",
};

/// Where CPU work runs (key `workers`): 0 on the page's own thread, else a pool.
pub const WORKERS: ParamSpec = ParamSpec {
    key: "workers",
    label: "CPU workers",
    min: 0.0,
    help: "0 computes on the page's own thread (it freezes meanwhile); 1 to 8 use a pool \
           of web workers.",
    ..cpu_work::WORKERS
};

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

/// The script of `values`, or the default one if it is missing or invalid (only hand-built
/// values can be invalid: the page checks them first).
fn script(values: &ParamValues) -> LabScript {
    values
        .text(SCRIPT.key)
        .and_then(|t| LabScript::parse(t).ok())
        .or_else(|| LabScript::parse(DEFAULT_SCRIPT).ok())
        .unwrap_or(LabScript { tasks: Vec::new() })
}

/// The chosen way of awaiting (the default if the choice is missing or unknown).
fn way(values: &ParamValues) -> LabWay {
    let key = values.text(STRATEGY.key).unwrap_or(STRATEGY.default_text());
    match key {
        "sequential" => LabWay::Sequential,
        "gather" => LabWay::Gather,
        "semaphore" => LabWay::Semaphore(support::whole(values, &LIMIT).max(1)),
        "taskgroup" => LabWay::TaskGroup,
        _ => LabWay::Chained,
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

/// Workers for CPU work (0: the page's own thread).
fn workers(values: &ParamValues) -> usize {
    support::whole(values, &WORKERS)
}

impl AnyLesson for LabLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![
            ActionSpec {
                key: "run",
                label: "Run",
            },
            ActionSpec {
                key: "compare",
                label: "Compare all five",
            },
        ]
    }

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
    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let scenario = script(values).scenario(ROUNDS_PER_MS);
        let n = workers(values);
        let options = RunOptions {
            workers: (n > 0).then_some(n),
            ..RunOptions::default()
        };
        let ways = if action == "compare" {
            vec![
                LabWay::Sequential,
                LabWay::Gather,
                LabWay::Semaphore(support::whole(values, &LIMIT).max(1)),
                LabWay::TaskGroup,
                LabWay::Chained,
            ]
        } else {
            vec![way(values)]
        };
        ways.into_iter()
            .map(|w| RunPlan::new(strategy(w), scenario.clone()).with_options(options))
            .collect()
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        vec![lab_code::code(
            &script(values),
            way(values),
            workers(values),
        )]
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let script = script(values);
        let scenario = script.scenario(ROUNDS_PER_MS);
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
                    secs(path.length_ms),
                ));
            }
            if runs.len() > 1 {
                out.push(Insight::new(
                    "ignored",
                    "Dependencies",
                    "only “dependencies honoured” waits for them; the other four ignore them",
                ));
            } else if way(values) != LabWay::Chained {
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
                secs(run.makespan_ms),
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
