//! The exercise: classify tasks as I/O-bound or CPU-bound, pick async or a pool for each,
//! then run every task both ways for real and see whether the choice paid off.
//!
//! The catalogue, the answers and the scoring are pure data in
//! [`crate::engine::exercise`]; this lesson turns each item into two run plans (async on
//! the event loop, and the pool) and carries the explanation and the code.

use crate::engine::exercise::{ExerciseItem, Runner, Workload, CATALOGUE};
use crate::engine::{ParamValues, RunOptions, Scenario, Strategy, TaskSpec};

use super::cpu_work;
use super::{CodeSample, Lesson, LessonInfo, NoAction, Panel, Params, RunOrder, RunPlan};

/// Classify, choose a runner, then measure both runners. The page shows no button for it:
/// its widget starts the runs of [`check_plans`].
pub struct ExerciseLesson;

/// The exercise has no parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoParams;

impl Params for NoParams {
    fn read(_values: &ParamValues) -> Self {
        NoParams
    }
}

/// Workers in the pool the exercise compares with (the size the machine is assumed to
/// have free cores for).
pub const POOL_WORKERS: usize = 2;

/// The items of the exercise, in the order the form shows them.
pub fn items() -> &'static [ExerciseItem] {
    &CATALOGUE
}

/// Where the run of `item` (its position) with `runner` is in [`check_plans`]:
/// each item has two runs, async first, then the pool.
pub fn run_index(item: usize, runner: Runner) -> usize {
    2 * item
        + match runner {
            Runner::Async => 0,
            Runner::Pool => 1,
        }
}

/// The tasks of one item: timers for waits, hash-chain jobs for CPU work.
fn scenario(item: &ExerciseItem) -> Scenario {
    let tasks = match item.workload {
        Workload::Waits { count, wait_ms } => (0..count)
            .map(|i| TaskSpec::new(i, format!("{} {}", item.key, i + 1), wait_ms))
            .collect(),
        Workload::Jobs { count, job_ms } => (0..count)
            .map(|i| cpu_work::cpu_task(i, i + 1, format!("{} {}", item.key, i + 1), job_ms))
            .collect(),
    };
    Scenario { tasks }
}

/// The run of `item` with `runner`.
///
/// Async: every task gathered on the page's event loop (CPU jobs then compute on it, one
/// after another, blocking it). Pool: CPU jobs gathered and shared out by a pool of
/// [`POOL_WORKERS`] workers; waits at most [`POOL_WORKERS`] at a time, because a worker
/// that makes a blocking call sits in it until the answer comes (the waits are the page's
/// timers, limited as busy workers would limit them).
pub fn plan_for(item: &ExerciseItem, runner: Runner) -> RunPlan {
    let scenario = scenario(item);
    let (strategy, workers) = match (runner, item.workload) {
        (Runner::Async, _) => (Strategy::Gather, None),
        (Runner::Pool, Workload::Jobs { .. }) => (Strategy::Gather, Some(POOL_WORKERS)),
        (Runner::Pool, Workload::Waits { .. }) => (
            Strategy::Semaphore {
                limit: POOL_WORKERS,
            },
            Some(POOL_WORKERS),
        ),
    };
    let options = RunOptions {
        workers,
        ..RunOptions::default()
    };
    let place = match runner {
        Runner::Async => "async".to_string(),
        Runner::Pool => format!("pool of {POOL_WORKERS}"),
    };
    RunPlan::new(strategy, scenario)
        .with_options(options)
        .with_caption(format!("{} · {place}", item.label))
}

const PYTHON: &str = include_str!("code/exercise.py").trim_ascii_end();

const RUST: &str = include_str!("code/exercise.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "exercise",
    title: "Exercise: waiting or computing?",
    nav_title: "Exercise",
    summary: "Classify each task as I/O-bound or CPU-bound, choose async or a pool for it, \
              then run every task both ways and see whether your choice paid off.",
    explanation: &[
        "For each task, decide two things. Is it I/O-bound, spending its time waiting for \
         something outside the program (a server, a disk, a database), or CPU-bound, \
         spending it computing? And should it run as async tasks on one event loop, or be \
         handed to a pool of workers? Then press Check and run: every task runs for real, \
         in this browser, both ways, and you see the two times side by side.",
        "The tasks are scaled down so the whole check takes a few seconds: a wait of a few \
         tens of milliseconds stands in for a request, a few tens of milliseconds of \
         hashing for a training run. What each task really was is shown with its result.",
        "Async pays off when the time goes into waiting: one loop keeps every wait in \
         flight together, so fifty requests take about as long as one. A pool pays off \
         when the time goes into computing: the pool here has two web workers, so CPU \
         jobs can finish up to twice as fast when the machine has two free cores.",
        "The wrong choice still works, which is why it is easy to miss. I/O on the pool \
         gains nothing: each worker just sits in its wait, so only two waits are in \
         flight at a time (here the waits are timers, two at a time, as two busy workers \
         would allow). CPU work as async tasks gains nothing either: the loop can only \
         switch tasks at an await, a computation has none, so the jobs run one after \
         another and the page cannot respond until they are all done.",
        "The runs go one at a time so that they do not disturb each other, and the pool \
         is started and warmed up before it is timed. A slower or busier machine changes \
         the numbers, but rarely which runner wins.",
    ],
    params: &[],
    panels: &[Panel::Exercise, Panel::Insights],
    runs: RunOrder::OneAtATime,
};

/// Every run of "Check and run": each item async, then on the pool (see [`run_index`]).
pub fn check_plans() -> Vec<RunPlan> {
    items()
        .iter()
        .flat_map(|item| Runner::BOTH.map(|runner| plan_for(item, runner)))
        .collect()
}

impl Lesson for ExerciseLesson {
    type Params = NoParams;
    type Action = NoAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: NoAction, _params: &NoParams) -> Vec<RunPlan> {
        match action {}
    }

    fn code(&self, _params: &NoParams) -> Vec<CodeSample> {
        vec![
            CodeSample::new("Waiting on one loop, computing on a pool", PYTHON, RUST)
                .with("workers", POOL_WORKERS),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::exercise::WorkKind;
    use crate::engine::RunRecord;

    fn predicted(item: &ExerciseItem, runner: Runner) -> RunRecord {
        plan_for(item, runner).predict().expect("finishes")
    }

    #[test]
    fn plans_are_finite_and_small_two_per_item_in_run_index_order() {
        let plans = check_plans();
        assert_eq!(plans.len(), 2 * items().len());
        let mut total = 0.0;
        for (i, item) in items().iter().enumerate() {
            let mut both = 0.0;
            for runner in Runner::BOTH {
                let plan = &plans[run_index(i, runner)];
                assert_eq!(plan, &plan_for(item, runner));
                assert!(plan.scenario.tasks.len() <= 100, "{}", item.key);
                let ms = plan.predict().expect("finishes").makespan_ms;
                assert!(ms.is_finite() && ms > 0.0, "{}", item.key);
                both += ms;
            }
            assert!(both <= 1000.0, "{}: {both} ms both ways", item.key);
            total += both;
        }
        assert!(
            total <= 6000.0,
            "the whole check is predicted at {total} ms"
        );
    }

    #[test]
    fn the_page_shows_no_button_and_the_check_runs_every_item_both_ways() {
        use crate::lessons::AnyLesson;
        assert!(AnyLesson::actions(&ExerciseLesson).is_empty());
        assert!(AnyLesson::plan(&ExerciseLesson, "check", &ParamValues::default()).is_empty());
        let plans = check_plans();
        for (i, item) in items().iter().enumerate() {
            for runner in Runner::BOTH {
                assert_eq!(plans[run_index(i, runner)], plan_for(item, runner));
            }
        }
    }

    #[test]
    fn waits_take_one_wait_async_and_one_wait_per_round_of_two_on_the_pool() {
        for item in items().iter().filter(|i| i.kind == WorkKind::Io) {
            let d = item.workload.each_ms();
            assert_eq!(
                predicted(item, Runner::Async).makespan_ms,
                d,
                "{}",
                item.key
            );
            assert_pool_takes_one_round_of_two_at_a_time(item);
        }
    }

    /// On the pool, `n` items of `d` ms take ⌈n / 2⌉ rounds of `d`.
    fn assert_pool_takes_one_round_of_two_at_a_time(item: &ExerciseItem) {
        let (n, d) = (item.workload.count(), item.workload.each_ms());
        let rounds = n.div_ceil(POOL_WORKERS) as f64;
        assert_eq!(
            predicted(item, Runner::Pool).makespan_ms,
            rounds * d,
            "{}",
            item.key
        );
    }

    #[test]
    fn cpu_jobs_take_their_sum_async_and_are_shared_by_two_workers_on_the_pool() {
        for item in items().iter().filter(|i| i.kind == WorkKind::Cpu) {
            let (n, d) = (item.workload.count(), item.workload.each_ms());
            let plan = plan_for(item, Runner::Pool);
            assert_eq!(plan.options.workers, Some(POOL_WORKERS));
            assert!(plan.scenario.tasks.iter().all(|t| t.cpu.is_some()));
            assert_eq!(predicted(item, Runner::Async).makespan_ms, n as f64 * d);
            assert_pool_takes_one_round_of_two_at_a_time(item);
        }
    }

    #[test]
    fn on_virtual_time_the_right_runner_of_every_item_is_the_faster_one() {
        for item in items() {
            let right = predicted(item, item.runner).makespan_ms;
            let wrong = predicted(item, item.runner.other()).makespan_ms;
            assert!(right * 1.5 <= wrong, "{}: {right} vs {wrong}", item.key);
        }
    }

    #[test]
    fn the_code_names_both_runners_in_both_languages_with_no_placeholder_left() {
        let code = &ExerciseLesson.code(&NoParams)[0];
        assert!(code.python.contains("asyncio.gather") && code.python.contains("run_in_executor"));
        assert!(code.python.contains("max_workers=2"));
        assert!(code.rust.contains("join_all") && code.rust.contains("spawn_blocking"));
        assert!(!code.python.contains("{workers}") && !code.rust.contains("{workers}"));
    }
}
