//! Blocking the loop: computing inside an async task keeps the event loop from firing
//! anyone's timers; the same computing on a pool of workers does not.

use crate::engine::{
    NumberRange, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec,
};

use super::cpu_work::{self, Places, JOB_MS};
use super::{support, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// A few timers gathered with CPU jobs, the jobs on the main thread and then on a pool.
pub struct BlockingLesson;

/// Number of I/O calls (timers).
pub const CALLS: ParamSpec = ParamSpec {
    key: "io",
    label: "I/O calls",
    help: "Timers standing in for network calls, started before any computing.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 6.0,
        default: 3.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Spacing of the I/O calls: call i is due after i times this.
pub const SPACING: ParamSpec = ParamSpec {
    key: "d",
    label: "I/O spacing",
    help: "Call 1 is due after this long, call 2 after twice as long, and so on.",
    kind: ParamKind::Number(NumberRange {
        min: 10.0,
        max: 1000.0,
        default: 50.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// Number of CPU jobs.
pub const JOBS: ParamSpec = ParamSpec {
    key: "jobs",
    label: "CPU jobs",
    help: "Jobs that compute without ever waiting.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 8.0,
        default: 2.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Estimated cost of each CPU job (default 150 ms).
pub const COST: ParamSpec = JOB_MS.with_default(150.0);

/// Size of the pool.
pub const WORKERS: ParamSpec = cpu_work::WORKERS;

static PARAMS: [ParamSpec; 5] = [CALLS, SPACING, JOBS, COST, WORKERS];

const PYTHON: &str = include_str!("code/blocking.py").trim_ascii_end();

const RUST: &str = include_str!("code/blocking.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "blocking",
    title: "Computing blocks the event loop",
    nav_title: "Blocking the loop",
    summary: "A few timers gathered with some heavy computing: on the main thread every \
              timer fires late, on a pool of workers they fire on time.",
    explanation: &[
        "Each fetch is a timer standing in for a network call. Each crunch is real \
         computing done by this page: hashing a number millions of times. The fetches \
         start first, so their timers are already running when the crunching begins.",
        "On the main thread, an async task that computes never reaches an await, so the \
         event loop cannot fire any timer until the computing is done: every fetch ends \
         late, and the heartbeat and the lag meter freeze with the rest of the page. On \
         a pool of web workers the computing happens elsewhere, the loop stays free and \
         the fetches end on time.",
        "Each CPU job is sized by the speed this device measured of itself (see About \
         these timings), so a job labelled 100 ms computes for about 100 ms; the faint \
         predicted bars count it at its label.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Lag,
        Panel::PoolStatus,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The blocking lesson's buttons.
    pub enum BlockingAction {
        /// The jobs on the main thread, then on the pool.
        Both = ("both", "Run both"),
        /// The jobs on the main thread only.
        Main = ("main", "Run on the main thread"),
        /// The jobs on the pool only.
        Pool = ("pool", "Run on the pool"),
    }
}

/// The clamped parameters.
pub struct Blocking {
    calls: usize,
    spacing_ms: f64,
    jobs: usize,
    cost_ms: f64,
    workers: usize,
}

impl Params for Blocking {
    fn read(values: &ParamValues) -> Self {
        Self {
            calls: support::read_count(values, &CALLS).max(1),
            spacing_ms: support::read_count(values, &SPACING) as f64,
            jobs: support::read_count(values, &JOBS).max(1),
            cost_ms: support::read_count(values, &COST) as f64,
            workers: support::read_count(values, &WORKERS).max(1),
        }
    }
}

impl Blocking {
    /// The fetches first (fetch i due after i·spacing), then the crunching jobs.
    fn scenario(&self) -> Scenario {
        let fetches = (1..=self.calls)
            .map(|i| TaskSpec::new(i - 1, format!("fetch {i}"), i as f64 * self.spacing_ms));
        let jobs = (1..=self.jobs).map(|j| {
            cpu_work::cpu_task(self.calls + j - 1, j, format!("crunch {j}"), self.cost_ms)
        });
        Scenario {
            tasks: fetches.chain(jobs).collect(),
        }
    }
}

impl Lesson for BlockingLesson {
    type Params = Blocking;
    type Action = BlockingAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: BlockingAction, b: &Blocking) -> Vec<RunPlan> {
        let places = match action {
            BlockingAction::Both => Places::Both,
            BlockingAction::Main => Places::Main,
            BlockingAction::Pool => Places::Pool,
        };
        cpu_work::main_and_pool(places, Strategy::Gather, &b.scenario(), b.workers)
    }

    fn code(&self, b: &Blocking) -> Vec<CodeSample> {
        let sample = CodeSample::new("Computing on the loop, then on a pool", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, b.cost_ms)
            .with("io", b.calls)
            .with("jobs", b.jobs)
            .with("d_s", cpu_work::code_seconds(b.spacing_ms))
            .with("d", b.spacing_ms)
            .with("workers", b.workers)]
    }

    fn insights(&self, runs: &[RunRecord], _params: &Blocking) -> Vec<Insight> {
        cpu_work::lateness_and_makespan(runs, "fetch")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn params(pairs: &[(&str, f64)]) -> Blocking {
        Blocking::read(&values_with(&PARAMS, pairs))
    }

    fn runs(action: BlockingAction, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
        predicted(&BlockingLesson.plan(action, &params(pairs)))
    }

    #[test]
    fn a_fetch_of_50_ms_before_two_jobs_of_100_ms_ends_at_200_on_the_main_thread_and_50_on_the_pool(
    ) {
        let pairs = [("io", 1.0), ("d", 50.0), ("jobs", 2.0), ("cost", 100.0)];
        let [main, pool] = &runs(BlockingAction::Both, &pairs)[..] else {
            panic!("two runs")
        };
        assert_eq!(main.tasks[0].end_ms, 200.0);
        assert_eq!(main.makespan_ms, 200.0);
        assert_eq!(pool.tasks[0].end_ms, 50.0);
        assert_eq!(pool.makespan_ms, 100.0);
    }

    #[test]
    fn on_the_main_thread_every_timer_waits_for_all_the_computing() {
        // Fetches due at 50, 100 and 150 ms; two jobs of 150 ms keep the loop busy to 300.
        let main = &runs(BlockingAction::Main, &[])[0];
        let ends: Vec<f64> = main.tasks[..3].iter().map(|t| t.end_ms).collect();
        assert_eq!(ends, vec![300.0, 300.0, 300.0]);
        assert_eq!(cpu_work::worst_lateness_ms(main), 250.0);
    }

    #[test]
    fn one_worker_runs_the_jobs_one_after_another_but_the_timers_stay_on_time() {
        let pool = &runs(BlockingAction::Pool, &[("workers", 1.0)])[0];
        assert_eq!(pool.makespan_ms, 300.0);
        assert_eq!(cpu_work::worst_lateness_ms(pool), 0.0);
        assert_eq!(pool.tasks[4].start_ms, 0.0);
        assert_eq!(pool.tasks[4].end_ms, 300.0);
    }

    #[test]
    fn the_fetches_come_first_and_only_the_jobs_compute() {
        let plans = BlockingLesson.plan(BlockingAction::Both, &params(&[]));
        assert_eq!(plans.len(), 2);
        assert_eq!(plans[0].options.workers, None);
        assert_eq!(plans[1].options.workers, Some(2));
        let kinds: Vec<bool> = plans[0]
            .scenario
            .tasks
            .iter()
            .map(|t| t.cpu.is_some())
            .collect();
        assert_eq!(kinds, vec![false, false, false, true, true]);
        assert!(INFO.panels.contains(&Panel::Lag));
        assert_eq!(INFO.runs, RunOrder::OneAtATime);
    }

    #[test]
    fn insights_give_the_latest_fetch_and_the_makespan_of_each_run() {
        let all = BlockingLesson.insights(&runs(BlockingAction::Both, &[]), &params(&[]));
        assert_eq!(insight(&all, "late-main"), "250 ms late");
        assert_eq!(insight(&all, "makespan-main"), "0.30 s");
        assert_eq!(insight(&all, "late-pool"), "0 ms late");
        assert_eq!(insight(&all, "makespan-pool"), "0.15 s");
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let code =
            &BlockingLesson.code(&params(&[("d", 200.0), ("workers", 3.0), ("cost", 20.0)]))[0];
        assert!(code.python.contains("number * 0.2)"));
        assert!(code.python.contains("max_workers=3"));
        assert!(code.python.contains("crunch(seed, 3_000_000)"));
        assert!(code.rust.contains("number * 200)"));
        assert!(code.rust.contains("Pool::new(3)"));
    }
}
