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

/// Duration of the slowest calls, in seconds.
pub const DURATION: ParamSpec = ParamSpec {
    key: "d",
    label: "Slowest call",
    help: "The longest a call takes; the others are shorter by the spread.",
    kind: ParamKind::Number(NumberRange {
        min: 0.05,
        max: 10.0,
        default: 1.0,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

/// How much shorter than d the calls may be (0: every call takes d).
pub const SPREAD: ParamSpec = ParamSpec {
    key: "spread",
    label: "Spread",
    help: "Call i takes d·(1 − spread·s), s going 0, ¾, ½, ¼, 1 and round again; \
           0 makes every call take d.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 0.9,
        default: 0.7,
        step: 0.1,
        unit: "",
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

static PARAMS: [ParamSpec; 6] = [COUNT, DURATION, SPREAD, CAPACITY, LIMIT, SCALE];

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
         the next waiting one starts at once, so no slot stays idle; as long as k does \
         not exceed the capacity, nothing is refused.",
        "Batches of k also keep at most k calls in flight, but a batch starts only when \
         the whole previous batch is done, so each batch waits for its slowest call while \
         the finished slots stay idle, and batches fall behind. Set the spread to 0 and \
         every call takes d: both then take ⌈n/k⌉·d.",
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
    /// How long the slowest calls take, in seconds (before scaling).
    pub call_s: f64,
    /// How long the slowest calls take, in scaled milliseconds.
    pub call_ms: f64,
    /// How much shorter than d the calls may be (0 to 0.9).
    pub spread: f64,
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
            spread: support::read_number(values, &SPREAD).clamp(0.0, 0.9),
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

    /// How long call `id` (from 0) takes, in scaled milliseconds: d·(1 − spread·s).
    pub fn call_ms_of(&self, id: usize) -> f64 {
        self.call_ms * (1.0 - self.spread * shortening(id))
    }

    fn scenario(&self) -> Scenario {
        Scenario {
            tasks: (0..self.count)
                .map(|id| TaskSpec::new(id, format!("request {}", id + 1), self.call_ms_of(id)))
                .collect(),
        }
    }
}

/// The share s by which call `id` (from 0) is shorter, at full spread: 0, ¾, ½, ¼, 1 and
/// round again, so each batch of 3 mixes a slow call with quicker ones.
pub fn shortening(id: usize) -> f64 {
    ((id * 3) % 5) as f64 / 4.0
}

/// `8 of 12 calls got 429`, or `no call got 429`.
fn refused(run: &RunRecord) -> String {
    match run.count(TaskStatus::Rejected) {
        0 => "no call got 429".to_string(),
        k => format!("{k} of {} calls got 429", run.tasks.len()),
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
                .with("d_ms_f64", format!("{:?}", (d * 1000.0).round()))
                .with("spread_f64", format!("{:?}", flood.spread))
                .with("spread", support::param_text(flood.spread))
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
            let title = strategy.display();
            out.push(Insight::new(
                format!("rejected-{key}"),
                format!("{title}: refused with 429 Too Many Requests"),
                refused(run),
            ));
            out.push(Insight::new(
                format!("peak-{key}"),
                format!("{title}: most calls in flight"),
                run.concurrency().peak.to_string(),
            ));
            let served = run.count(TaskStatus::Ok);
            out.push(Insight::new(
                format!("makespan-{key}"),
                format!("{title}: makespan"),
                format!(
                    "{} for {served} of {} answers ({} = {})",
                    in_seconds(run.makespan_ms),
                    run.tasks.len(),
                    run.bound_label(),
                    in_seconds(run.bound_ms)
                ),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/flood.rs"]
mod tests;
