//! The lab's parameters: their specs, and [`Lab`], what they say once read.

use crate::engine::lab::{LabScript, MAX_TEXT_CHARS};
use crate::engine::{NumberRange, ParamChoice, ParamKind, ParamSpec, ParamValues};
use crate::lessons::lab_code::LabWay;
use crate::lessons::{cpu_work, support, Params};

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
    help: "One task per line: name, io or cpu, a duration (250ms, 2s, 1.5s), then \
           optionally “after a, b” and “fails”. # starts a comment.",
    kind: ParamKind::Text {
        default: DEFAULT_SCRIPT,
        max_chars: MAX_TEXT_CHARS,
        rows: 9,
    },
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
    help: "Only “dependencies honoured” waits for what a task names after “after”.",
    kind: ParamKind::Choice {
        options: &WAYS,
        default: "chained",
    },
};

/// The semaphore's size (key `k`).
pub const LIMIT: ParamSpec = ParamSpec {
    key: "k",
    label: "Semaphore size k",
    help: "Most tasks in flight at once, for the semaphore strategy.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 50.0,
        default: 2.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Where CPU work runs (key `workers`): 0 on the page's own thread, else a pool.
pub const WORKERS: ParamSpec = cpu_work::WORKERS
    .with_key("workers")
    .with_label("CPU workers")
    .with_help(
        "0 computes on the page's own thread (it freezes meanwhile); 1 to 8 use a pool \
           of web workers.",
    )
    .with_range(0.0, cpu_work::WORKERS.number().unwrap().max);

/// The clamped parameters: the script, how to await it, and where CPU work runs.
pub struct Lab {
    /// The script, or the default one if it is missing or invalid (only hand-built
    /// values can be invalid: the page checks them first).
    pub(super) script: LabScript,
    /// The chosen way of awaiting (the default if the choice is missing or unknown).
    pub(super) way: LabWay,
    /// The semaphore's size, for the chosen way or a comparison.
    pub(super) limit: usize,
    /// Workers for CPU work (0: the page's own thread).
    pub(super) workers: usize,
}

impl Params for Lab {
    fn read(values: &ParamValues) -> Self {
        let script = values
            .text(SCRIPT.key)
            .and_then(|t| LabScript::parse(t).ok())
            .or_else(|| LabScript::parse(DEFAULT_SCRIPT).ok())
            .unwrap_or(LabScript { tasks: Vec::new() });
        let limit = support::read_count(values, &LIMIT).max(1);
        let way = match values.text(STRATEGY.key).unwrap_or(STRATEGY.default_text()) {
            "sequential" => LabWay::Sequential,
            "gather" => LabWay::Gather,
            "semaphore" => LabWay::Semaphore(limit),
            "taskgroup" => LabWay::TaskGroup,
            _ => LabWay::Chained,
        };
        Self {
            script,
            way,
            limit,
            workers: support::read_count(values, &WORKERS),
        }
    }
}
