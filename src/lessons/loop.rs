//! Inside the event loop: one small run, step by step — which task runs, which timer
//! fires, what waits in the ready queue and who is asleep.

use crate::engine::{
    EventLoopTrace, LoopAction, ParamChoice, ParamError, ParamKind, ParamSpec, ParamValues,
    RunOptions, RunRecord, Scenario, ScenarioParams, Strategy,
};

use super::support::{self, in_seconds};
use super::{params, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// A traced run of gather, sequential or semaphore(2) on a few tasks.
pub struct EventLoopLesson;

/// Number of tasks (1–8): every step of the loop is shown, so keep it small.
pub const COUNT: ParamSpec = params::COUNT
    .with_default(3.0)
    .with_help("A few tasks keep the step list short enough to follow.")
    .with_range(params::COUNT.number().unwrap().min, 8.0);

/// Which strategy to trace: 0 gather, 1 sequential, 2 semaphore of 2.
pub const STRATEGY: ParamSpec = ParamSpec {
    key: "strategy",
    label: "Strategy",
    help: "How the tasks are awaited: all gathered, each in turn, or at most two at once.",
    kind: ParamKind::Choice {
        options: &[
            ParamChoice {
                key: "gather",
                label: "Gather",
            },
            ParamChoice {
                key: "sequential",
                label: "Sequential (each in turn)",
            },
            ParamChoice {
                key: "semaphore",
                label: "Semaphore of 2",
            },
        ],
        default: "gather",
    },
};

static PARAMS: [ParamSpec; 6] = [
    COUNT,
    params::MIN_S,
    params::MAX_S,
    params::SEED,
    params::SCALE,
    STRATEGY,
];

const PYTHON: &str = include_str!("code/event_loop.py").trim_ascii_end();

const PYTHON_GATHER: &str = include_str!("code/event_loop_gather.py").trim_ascii_end();

const PYTHON_SEQUENTIAL: &str = include_str!("code/event_loop_sequential.py").trim_ascii_end();

const PYTHON_SEMAPHORE: &str = include_str!("code/event_loop_semaphore.py").trim_ascii_end();

const RUST: &str = include_str!("code/event_loop.rs").trim_ascii_end();

const RUST_GATHER: &str = include_str!("code/event_loop_gather.rs").trim_ascii_end();

const RUST_SEQUENTIAL: &str = include_str!("code/event_loop_sequential.rs").trim_ascii_end();

const RUST_SEMAPHORE: &str = include_str!("code/event_loop_semaphore.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "loop",
    title: "Inside the event loop",
    nav_title: "Inside the event loop",
    summary: "One thread, one loop: step through a small run and watch tasks move between \
              running, sleeping on a timer and waiting in the ready queue.",
    explanation: &[
        "An event loop runs on a single thread and does one thing at a time. It keeps a \
         ready queue of tasks that can run now, and a set of timers for tasks that are \
         asleep until some moment. Nothing runs in parallel here.",
        "The loop takes the first task in the ready queue and runs its code until that \
         code reaches an await on something that is not finished yet, such as a sleep or \
         a network reply. The task is suspended right there and control returns to the \
         loop, which picks the next ready task.",
        "When the ready queue is empty, the loop waits for the earliest timer. When it \
         fires, the sleeping task moves back into the ready queue and later resumes just \
         after its await, with all its local variables intact.",
        "With gather every task is ready at the start, so all timers are set within the \
         same instant and the waits overlap. Sequentially, the next task does not even \
         exist until the previous one is done. A semaphore of 2 keeps a third task waiting \
         for a permit, off the ready queue, until one of the first two finishes.",
        "Step through the trace and compare it with the live timeline of the same run. In \
         Rust the same thing happens with futures: .await polls a future, Pending hands \
         the thread back to the executor, and a waker puts the task back in its queue.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Stepper,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
    ],
    runs: RunOrder::SideBySide,
};

crate::actions! {
    /// The event-loop lesson's button.
    pub enum EventLoopAction {
        /// The chosen strategy, run live beside its recorded trace.
        Run = ("run", "Run and trace"),
    }
}

/// The strategy the [`STRATEGY`] parameter picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyChoice {
    /// Every task gathered (`gather`).
    Gather,
    /// Each task awaited in turn (`sequential`).
    Sequential,
    /// A semaphore of 2 (`semaphore`).
    SemaphoreOf2,
}

impl StrategyChoice {
    /// The choice of the parameter's option (gather for a missing or unknown key).
    fn read(values: &ParamValues) -> Self {
        match values.text(STRATEGY.key) {
            Some("sequential") => StrategyChoice::Sequential,
            Some("semaphore") => StrategyChoice::SemaphoreOf2,
            _ => StrategyChoice::Gather,
        }
    }

    /// The strategy that runs.
    pub fn strategy(self) -> Strategy {
        match self {
            StrategyChoice::Gather => Strategy::Gather,
            StrategyChoice::Sequential => Strategy::Sequential,
            StrategyChoice::SemaphoreOf2 => Strategy::Semaphore { limit: 2 },
        }
    }
}

/// The clamped parameters: a few random tasks and the strategy to trace.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TracedRun {
    /// The random tasks (at most [`COUNT`]'s maximum).
    pub scenario: ScenarioParams,
    /// The strategy.
    pub choice: StrategyChoice,
}

impl Params for TracedRun {
    fn read(values: &ParamValues) -> Self {
        Self {
            scenario: support::scenario_params(values, &COUNT),
            choice: StrategyChoice::read(values),
        }
    }
}

impl Lesson for EventLoopLesson {
    type Params = TracedRun;
    type Action = EventLoopAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, action: EventLoopAction, run: &TracedRun) -> Vec<RunPlan> {
        match action {
            EventLoopAction::Run => vec![RunPlan::new(
                run.choice.strategy(),
                Scenario::generate(&run.scenario),
            )],
        }
    }

    fn code(&self, run: &TracedRun) -> Vec<CodeSample> {
        let (python, rust, uses) = match run.choice {
            StrategyChoice::Gather => {
                (PYTHON_GATHER, RUST_GATHER, "use futures::future::join_all;")
            }
            StrategyChoice::Sequential => (PYTHON_SEQUENTIAL, RUST_SEQUENTIAL, ""),
            StrategyChoice::SemaphoreOf2 => (
                PYTHON_SEMAPHORE,
                RUST_SEMAPHORE,
                "use futures::stream::{self, StreamExt};",
            ),
        };
        let python = PYTHON.replace("«body»", python);
        let rust = RUST.replace("«body»", rust).replace("«uses»", uses);
        let title = format!("What await does, with {}", run.choice.strategy().spec());
        vec![CodeSample::new(&title, &python, &rust).with_scenario(&run.scenario)]
    }

    fn insights(&self, runs: &[RunRecord], run: &TracedRun) -> Vec<Insight> {
        let Some((record, trace)) = self.trace(run) else {
            return Vec::new();
        };
        let count =
            |f: fn(&LoopAction) -> bool| trace.steps.iter().filter(|s| f(&s.action)).count();
        let most_ready = trace.steps.iter().map(|s| s.ready.len()).max().unwrap_or(0);
        let most_asleep = trace
            .steps
            .iter()
            .map(|s| s.sleeping.len())
            .max()
            .unwrap_or(0);
        let mut out = vec![
            Insight::new("steps", "Loop steps", trace.steps.len().to_string()),
            Insight::new(
                "task-runs",
                "Times a task ran until an await or its end",
                count(|a| matches!(a, LoopAction::Run { .. })).to_string(),
            ),
            Insight::new(
                "timer-wakes",
                "Timers that fired",
                count(|a| matches!(a, LoopAction::Wake { .. })).to_string(),
            ),
            Insight::new("most-ready", "Longest ready queue", most_ready.to_string()),
            Insight::new(
                "most-sleeping",
                "Most tasks asleep at once",
                most_asleep.to_string(),
            ),
            Insight::new(
                "predicted",
                "Predicted makespan",
                in_seconds(record.makespan_ms),
            ),
        ];
        if let Some(measured) = support::run_of(runs, record.strategy.as_str()) {
            out.push(Insight::new(
                "measured",
                "Measured makespan",
                in_seconds(measured.makespan_ms),
            ));
        }
        out
    }

    fn trace(&self, run: &TracedRun) -> Option<(RunRecord, EventLoopTrace)> {
        let scenario = Scenario::generate(&run.scenario);
        EventLoopTrace::record(run.choice.strategy(), &scenario, &RunOptions::default()).ok()
    }
}

#[cfg(test)]
#[path = "tests/loop.rs"]
mod tests;
