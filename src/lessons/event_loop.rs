//! Inside the event loop: one small run, step by step — which task runs, which timer
//! fires, what waits in the ready queue and who is asleep.

use crate::engine::{
    EventLoopTrace, LoopAction, ParamError, ParamKind, ParamSpec, ParamValues, RunOptions,
    RunRecord, Strategy,
};

use super::support::{self, secs};
use super::{
    params, ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, Panel, RunOrder, RunPlan,
};

/// A traced run of gather, sequential or semaphore(2) on a few tasks.
pub struct EventLoopLesson;

/// Number of tasks (1–8): every step of the loop is shown, so keep it small.
pub const COUNT: ParamSpec = ParamSpec {
    max: 8.0,
    default: 3.0,
    help: "A few tasks keep the step list short enough to follow.",
    ..params::COUNT
};

/// Which strategy to trace: 0 gather, 1 sequential, 2 semaphore of 2.
pub const STRATEGY: ParamSpec = ParamSpec {
    key: "strategy",
    label: "Strategy",
    unit: "",
    kind: ParamKind::Integer,
    min: 0.0,
    max: 2.0,
    default: 0.0,
    step: 1.0,
    help: "0 = gather, 1 = sequential (await each in turn), 2 = semaphore of 2.",
};

static PARAMS: [ParamSpec; 6] = [
    COUNT,
    params::MIN_S,
    params::MAX_S,
    params::SEED,
    params::SCALE,
    STRATEGY,
];

/// The strategies of [`STRATEGY`], by value.
pub const CHOICES: [Strategy; 3] = [
    Strategy::Gather,
    Strategy::Sequential,
    Strategy::Semaphore { limit: 2 },
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

/// The strategy chosen by the `strategy` parameter (clamped to 0–2).
pub fn chosen(values: &ParamValues) -> Strategy {
    let index = support::whole(values, &STRATEGY).min(CHOICES.len() - 1);
    CHOICES[index]
}

impl AnyLesson for EventLoopLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![ActionSpec {
            key: "run",
            label: "Run and trace",
        }]
    }

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, _action: &str, values: &ParamValues) -> Vec<RunPlan> {
        vec![RunPlan::new(
            chosen(values),
            support::scenario(values, &COUNT),
        )]
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let (python, rust, uses) = match chosen(values) {
            Strategy::Sequential => (PYTHON_SEQUENTIAL, RUST_SEQUENTIAL, ""),
            Strategy::Semaphore { .. } => (
                PYTHON_SEMAPHORE,
                RUST_SEMAPHORE,
                "use futures::stream::{self, StreamExt};",
            ),
            _ => (PYTHON_GATHER, RUST_GATHER, "use futures::future::join_all;"),
        };
        let python = PYTHON.replace("«body»", python);
        let rust = RUST.replace("«body»", rust).replace("«uses»", uses);
        let title = format!("What await does, with {}", chosen(values).spec());
        vec![support::with_scenario(
            CodeSample::new(&title, &python, &rust),
            values,
            &COUNT,
        )]
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let Some((record, trace)) = self.trace(values) else {
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
            Insight::new("predicted", "Predicted makespan", secs(record.makespan_ms)),
        ];
        if let Some(run) = support::run_of(runs, record.strategy.as_str()) {
            out.push(Insight::new(
                "measured",
                "Measured makespan",
                secs(run.makespan_ms),
            ));
        }
        out
    }

    fn trace(&self, values: &ParamValues) -> Option<(RunRecord, EventLoopTrace)> {
        let scenario = support::scenario(values, &COUNT);
        EventLoopTrace::record(chosen(values), &scenario, &RunOptions::default()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    #[test]
    fn the_strategy_parameter_picks_gather_sequential_or_a_semaphore_of_2() {
        let keys: Vec<String> = (0..3)
            .map(|i| chosen(&values_with(&PARAMS, &[("strategy", i as f64)])).spec())
            .collect();
        assert_eq!(keys, vec!["gather", "sequential", "semaphore(2)"]);
        assert_eq!(
            chosen(&values_with(&PARAMS, &[("strategy", 99.0)])).key(),
            "semaphore"
        );
        assert_eq!(
            chosen(&values_with(&PARAMS, &[("strategy", f64::NAN)])).key(),
            "gather"
        );
    }

    #[test]
    fn every_task_is_run_woken_and_run_again_so_the_trace_has_3n_steps() {
        for strategy in 0..3 {
            for n in [1.0, 3.0, 8.0] {
                let v = values_with(&PARAMS, &[("strategy", strategy as f64), ("n", n)]);
                let (record, trace) = EventLoopLesson.trace(&v).expect("traced");
                assert_eq!(
                    trace.steps.len(),
                    3 * n as usize,
                    "strategy {strategy}, n {n}"
                );
                let done = trace
                    .steps
                    .iter()
                    .filter(|s| matches!(s.action, LoopAction::Run { done: true, .. }))
                    .count();
                assert_eq!(done, record.tasks.len());
                let last = trace.steps.last().map(|s| s.at_ms);
                assert_eq!(last, Some(record.makespan_ms));
            }
        }
    }

    #[test]
    fn the_traced_run_is_the_run_the_page_predicts() {
        let v = values_with(&PARAMS, &[("strategy", 2.0), ("n", 5.0)]);
        let (record, _) = EventLoopLesson.trace(&v).expect("traced");
        let planned = predicted(&EventLoopLesson.plan("run", &v));
        assert_eq!(planned, vec![record]);
    }

    #[test]
    fn gathering_3_tasks_first_runs_each_once_at_time_0_and_readies_them_all() {
        let (_, trace) = EventLoopLesson
            .trace(&values_with(&PARAMS, &[]))
            .expect("traced");
        let first: Vec<(f64, LoopAction)> = trace.steps[..3]
            .iter()
            .map(|s| (s.at_ms, s.action))
            .collect();
        let ran = |task| (0.0, LoopAction::Run { task, done: false });
        assert_eq!(first, vec![ran(0), ran(1), ran(2)]);
        assert_eq!(trace.steps[0].ready, vec![1, 2]);
        let all = EventLoopLesson.insights(&[], &values_with(&PARAMS, &[]));
        assert_eq!(insight(&all, "most-ready"), "2");
        assert_eq!(insight(&all, "most-sleeping"), "3");
        assert_eq!(insight(&all, "steps"), "9");
        assert_eq!(insight(&all, "timer-wakes"), "3");
    }

    #[test]
    fn sequentially_never_more_than_one_task_is_asleep() {
        let all =
            EventLoopLesson.insights(&[], &values_with(&PARAMS, &[("strategy", 1.0), ("n", 6.0)]));
        assert_eq!(insight(&all, "most-sleeping"), "1");
        assert_eq!(insight(&all, "most-ready"), "1");
    }

    #[test]
    fn the_code_matches_the_chosen_strategy() {
        let gather = &EventLoopLesson.code(&values_with(&PARAMS, &[]))[0];
        assert!(gather.python.contains("asyncio.gather(*(task(i, d)"));
        assert!(gather.rust.contains("use futures::future::join_all;"));
        let limited = &EventLoopLesson.code(&values_with(&PARAMS, &[("strategy", 2.0)]))[0];
        assert!(limited.python.contains("asyncio.Semaphore(2)"));
        assert!(limited.rust.contains(".buffer_unordered(2)"));
        let sequential = &EventLoopLesson.code(&values_with(&PARAMS, &[("strategy", 1.0)]))[0];
        assert!(sequential.rust.contains("task(i, ms).await;"));
        assert!(!sequential.rust.contains("«uses»") && !sequential.python.contains("«body»"));
    }
}
