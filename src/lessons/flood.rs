//! Flooding and limits: starting every call at once against a service that accepts only so
//! many, then a semaphore of k and batches of k.

use crate::engine::{
    NumberRange, ParamKind, ParamSpec, ParamValues, RunOptions, RunRecord, Scenario, Strategy,
    TaskSpec, TaskStatus,
};

use super::support::{self, in_seconds};
use super::{
    params, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan,
    TimelineExtra,
};

/// Gather, semaphore(k) and batches(k) against a service of limited capacity.
pub struct FloodLesson;

/// Number of calls (default 12).
pub const COUNT: ParamSpec = params::COUNT
    .with_default(12.0)
    .with_help("How many calls to send to the service.");

/// Duration of every call, in seconds.
pub const DURATION: ParamSpec = ParamSpec {
    key: "d",
    label: "Each call",
    help: "Every call takes the same time, so the limits are easy to read.",
    kind: ParamKind::Number(NumberRange {
        min: 0.05,
        max: 10.0,
        default: 1.0,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

/// How many calls the service handles at once.
pub const CAPACITY: ParamSpec = ParamSpec {
    key: "capacity",
    label: "Service capacity",
    help: "A call arriving while this many are in flight is refused with 429 Too Many Requests.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 50.0,
        default: 4.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// The semaphore size and the batch size.
pub const LIMIT: ParamSpec = ParamSpec {
    key: "k",
    label: "Limit k",
    help: "Semaphore size and batch size. It may exceed the capacity, to see what happens then.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 50.0,
        default: 3.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Time scale (default 0.25: the 4-second limited runs take about a second).
pub const SCALE: ParamSpec = params::SCALE.with_default(0.25);

static PARAMS: [ParamSpec; 5] = [COUNT, DURATION, CAPACITY, LIMIT, SCALE];

const PYTHON: &str = include_str!("code/flood.py").trim_ascii_end();

const RUST: &str = include_str!("code/flood.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "flood",
    title: "Flooding a service, and how to hold back",
    nav_title: "Flooding and limits",
    summary: "Starting every call at once can overwhelm the service on the other end; a \
              semaphore or fixed batches keep at most k calls in flight.",
    explanation: &[
        "The service these calls go to can handle only a few requests at once (its \
         capacity). Any request that arrives while it is full is refused straight away \
         with 429 Too Many Requests, the answer many real APIs give.",
        "Gathering every call starts them all in the same instant. The first few are \
         accepted and the rest are refused, so the run is fast but most of its results \
         are errors. Nothing is retried here.",
        "A semaphore of size k lets at most k calls be in flight. When one call ends, \
         the next waiting one starts at once. With equal durations d this takes ⌈n/k⌉·d, \
         and as long as k does not exceed the capacity, nothing is refused.",
        "Batches of k also keep at most k calls in flight, but a batch starts only when \
         the whole previous batch is done, so each batch waits for its slowest call. With \
         equal durations both approaches take the same time; with uneven ones, batches \
         leave slots idle and fall behind.",
        "Try a limit above the capacity: the limit no longer protects the service and \
         refusals come back. The concurrency chart shows how many calls were in flight at \
         each moment.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Timelines(&[TimelineExtra::Concurrency]),
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::SideBySide,
};

crate::actions! {
    /// The flood lesson's buttons.
    pub enum FloodAction {
        /// Gather, semaphore and batches side by side.
        All = ("all", "Run all three"),
        /// Everything at once only.
        Gather = ("gather", "Run gather"),
        /// The semaphore of k only.
        Semaphore = ("semaphore", "Run semaphore"),
        /// The batches of k only.
        Batches = ("batches", "Run batches"),
    }
}

/// The clamped parameters of the runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flood {
    /// How many calls.
    pub count: usize,
    /// How long each call takes, in seconds (before scaling).
    pub call_s: f64,
    /// How long each call takes, in scaled milliseconds.
    pub call_ms: f64,
    /// How many calls the service accepts at once.
    pub capacity: usize,
    /// The semaphore size and the batch size.
    pub limit: usize,
}

impl Params for Flood {
    fn read(values: &ParamValues) -> Self {
        let call_s = support::read_number(values, &DURATION);
        Self {
            count: support::read_count(values, &COUNT).max(1),
            call_s,
            call_ms: support::scaled_ms(call_s, support::read_number(values, &SCALE)),
            capacity: support::read_count(values, &CAPACITY).max(1),
            limit: support::read_count(values, &LIMIT).max(1),
        }
    }
}

impl Flood {
    fn strategies(&self) -> [Strategy; 3] {
        [
            Strategy::Gather,
            Strategy::Semaphore { limit: self.limit },
            Strategy::Batches { size: self.limit },
        ]
    }

    fn scenario(&self) -> Scenario {
        Scenario {
            tasks: (0..self.count)
                .map(|id| TaskSpec::new(id, format!("request {}", id + 1), self.call_ms))
                .collect(),
        }
    }

    /// ⌈n/k⌉·d, in milliseconds.
    fn limited_ms(&self) -> f64 {
        self.count.div_ceil(self.limit) as f64 * self.call_ms
    }
}

impl Lesson for FloodLesson {
    type Params = Flood;
    type Action = FloodAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: FloodAction, flood: &Flood) -> Vec<RunPlan> {
        let strategies = match action {
            FloodAction::All => flood.strategies().to_vec(),
            FloodAction::Gather => vec![Strategy::Gather],
            FloodAction::Semaphore => vec![Strategy::Semaphore { limit: flood.limit }],
            FloodAction::Batches => vec![Strategy::Batches { size: flood.limit }],
        };
        let options = RunOptions {
            capacity: Some(flood.capacity),
            timeout_ms: None,
            ..RunOptions::default()
        };
        support::plans_for(strategies, &flood.scenario(), options)
    }

    fn code(&self, flood: &Flood) -> Vec<CodeSample> {
        let d = flood.call_s;
        vec![
            CodeSample::new("Everything at once, a semaphore, batches", PYTHON, RUST)
                .with("k", flood.limit)
                .with("capacity", flood.capacity)
                .with("d", support::param_text(d))
                .with("d_ms", (d * 1000.0).round())
                .with("n", flood.count),
        ]
    }

    fn insights(&self, runs: &[RunRecord], flood: &Flood) -> Vec<Insight> {
        let mut out = Vec::new();
        for strategy in flood.strategies() {
            let key = strategy.key();
            let Some(run) = support::run_of(runs, key) else {
                continue;
            };
            let title = strategy.title();
            out.push(Insight::new(
                format!("rejected-{key}"),
                format!("{title}: refused with 429"),
                format!("{} of {}", run.count(TaskStatus::Rejected), run.tasks.len()),
            ));
            out.push(Insight::new(
                format!("peak-{key}"),
                format!("{title}: most calls in flight"),
                run.concurrency().peak.to_string(),
            ));
            let expected = match strategy {
                Strategy::Gather => format!("d = {}", in_seconds(flood.call_ms)),
                _ => format!(
                    "⌈{}/{}⌉·d = {}",
                    flood.count,
                    flood.limit,
                    in_seconds(flood.limited_ms())
                ),
            };
            out.push(Insight::new(
                format!("makespan-{key}"),
                format!("{title}: makespan"),
                format!("{} ({expected})", in_seconds(run.makespan_ms)),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/flood.rs"]
mod tests;
