//! Fetch, then process: each item is fetched (a wait) and then processed (computing).
//! Processing on the main thread holds up the fetches; on workers the two overlap.

use crate::engine::{
    NumberRange, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec,
};

use super::cpu_work::{self, Places, JOB_MS};
use super::{
    support, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan,
    TimelineExtra,
};

/// Items fetched then processed, chained per item, processing on the loop or on a pool.
pub struct MixedLesson;

/// Number of items.
pub const ITEMS: ParamSpec = ParamSpec {
    key: "items",
    label: "Items",
    help: "Each item is fetched, then processed.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 12.0,
        default: 6.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Time between two answers of the server.
pub const GAP: ParamSpec = ParamSpec {
    key: "d",
    label: "Answer every",
    help: "The server answers one request at a time: item i arrives after i times this.",
    kind: ParamKind::Number(NumberRange {
        min: 10.0,
        max: 500.0,
        default: 50.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// Estimated cost of processing one item (default 150 ms).
pub const COST: ParamSpec = JOB_MS.with_label("Processing per item").with_default(150.0);

/// Size of the pool (default 3).
pub const WORKERS: ParamSpec = cpu_work::WORKERS.with_default(3.0);

static PARAMS: [ParamSpec; 4] = [ITEMS, GAP, COST, WORKERS];

const PYTHON: &str = include_str!("code/mixed.py").trim_ascii_end();

const RUST: &str = include_str!("code/mixed.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "mixed",
    title: "Fetch, then process",
    nav_title: "Fetch, then process",
    summary: "Items that must be fetched and then computed on: async for the waiting, \
              workers for the computing.",
    explanation: &[
        "A common shape of real programs: fetch some data, then compute on it. Here the \
         server answers one request at a time, so item i arrives after i·d, and each item \
         is processed as soon as it has arrived.",
        "With the processing on the main thread, the loop is stuck while an item is \
         processed: the next answers have arrived but cannot be taken in, so the fetches \
         end late and the items queue up behind each other. With the processing on \
         workers, the loop only hands out jobs and collects answers, so fetching and \
         processing overlap like a pipeline and the run ends soon after the last item \
         arrives.",
        "Processing is sized by the speed this device measured of itself (see About these \
         timings), so each step computes for about its label, on the page or a worker.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Lag,
        Panel::PoolStatus,
        Panel::Timelines(&[TimelineExtra::Graph]),
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The fetch-then-process lesson's buttons.
    pub enum MixedAction {
        /// The processing on the main thread, then on the pool.
        Both = ("both", "Run both"),
        /// The processing on the main thread only.
        Main = ("main", "Run on the main thread"),
        /// The processing on the pool only.
        Pool = ("pool", "Run on the pool"),
    }
}

/// The clamped parameters.
pub struct Mixed {
    items: usize,
    gap_ms: f64,
    cost_ms: f64,
    workers: usize,
}

impl Params for Mixed {
    fn read(values: &ParamValues) -> Self {
        Self {
            items: support::read_count(values, &ITEMS).max(1),
            gap_ms: support::read_count(values, &GAP) as f64,
            cost_ms: support::read_count(values, &COST) as f64,
            workers: support::read_count(values, &WORKERS).max(1),
        }
    }
}

impl Mixed {
    /// `fetch i` (task 2i − 2, i·gap) and `process i` (task 2i − 1, after its fetch).
    fn scenario(&self) -> Scenario {
        let tasks = (1..=self.items).flat_map(|i| {
            let fetch = 2 * (i - 1);
            let process = cpu_work::cpu_task(fetch + 1, i, format!("process {i}"), self.cost_ms);
            [
                TaskSpec::new(fetch, format!("fetch {i}"), i as f64 * self.gap_ms),
                process.after(&[fetch]),
            ]
        });
        Scenario {
            tasks: tasks.collect(),
        }
    }
}

/// What runs where in one run of the pipeline: the fetches always wait on the event loop;
/// the processing runs on the main thread or on `workers` workers.
pub fn pipeline_caption(workers: Option<usize>) -> String {
    match workers {
        None => "Fetch and process on the main thread".to_string(),
        Some(1) => "Fetch on the main thread, process on 1 worker".to_string(),
        Some(n) => format!("Fetch on the main thread, process on {n} workers"),
    }
}

impl Lesson for MixedLesson {
    type Params = Mixed;
    type Action = MixedAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: MixedAction, m: &Mixed) -> Vec<RunPlan> {
        let places = match action {
            MixedAction::Both => Places::Both,
            MixedAction::Main => Places::Main,
            MixedAction::Pool => Places::Pool,
        };
        cpu_work::main_and_pool(places, Strategy::Chained, &m.scenario(), m.workers)
            .into_iter()
            .map(|plan| {
                let caption = pipeline_caption(plan.options.workers);
                plan.with_caption(caption)
            })
            .collect()
    }

    fn code(&self, m: &Mixed) -> Vec<CodeSample> {
        let sample = CodeSample::new("Fetch, then process, as items arrive", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, m.cost_ms)
            .with("items", m.items)
            .with("d_s", cpu_work::code_seconds(m.gap_ms))
            .with("d", m.gap_ms)
            .with("workers", m.workers)]
    }

    fn insights(&self, runs: &[RunRecord], _params: &Mixed) -> Vec<Insight> {
        cpu_work::lateness_and_makespan(runs, "fetch")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn params(pairs: &[(&str, f64)]) -> Mixed {
        Mixed::read(&values_with(&PARAMS, pairs))
    }

    fn runs(action: MixedAction, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
        predicted(&MixedLesson.plan(action, &params(pairs)))
    }

    #[test]
    fn on_three_workers_each_item_is_processed_as_it_arrives_6_times_50_plus_150_ms() {
        let pool = &runs(MixedAction::Pool, &[])[0];
        assert_eq!(pool.makespan_ms, 450.0);
        for i in 0..6 {
            let arrives = (i + 1) as f64 * 50.0;
            assert_eq!(pool.tasks[2 * i].end_ms, arrives);
            assert_eq!(pool.tasks[2 * i + 1].start_ms, arrives);
        }
    }

    #[test]
    fn on_the_main_thread_the_processing_queues_up_50_plus_6_times_150_ms() {
        let main = &runs(MixedAction::Main, &[])[0];
        assert_eq!(main.makespan_ms, 950.0);
        // Fetch 2 was due at 100 ms but the loop was processing item 1 until 200 ms.
        assert_eq!(main.tasks[2].end_ms, 200.0);
        for pair in main.tasks.chunks(2) {
            assert!(pair[1].start_ms >= pair[0].end_ms, "{}", pair[1].label);
        }
    }

    #[test]
    fn a_single_item_takes_its_fetch_plus_its_processing_anywhere() {
        for run in runs(MixedAction::Both, &[("items", 1.0)]) {
            assert_eq!(run.makespan_ms, 200.0, "{}", run.title());
        }
    }

    #[test]
    fn one_worker_still_frees_the_loop_for_the_fetches() {
        let pool = &runs(MixedAction::Pool, &[("workers", 1.0)])[0];
        assert_eq!(cpu_work::worst_lateness_ms(pool), 0.0);
        assert_eq!(pool.makespan_ms, 950.0);
    }

    #[test]
    fn insights_give_the_latest_fetch_and_the_makespan_of_each_run() {
        let all = MixedLesson.insights(&runs(MixedAction::Both, &[]), &params(&[]));
        assert_eq!(insight(&all, "makespan-main"), "0.95 s");
        assert_eq!(insight(&all, "makespan-pool"), "0.45 s");
        assert_eq!(insight(&all, "late-pool"), "0 ms late");
        assert_ne!(insight(&all, "late-main"), "0 ms late");
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let code = &MixedLesson.code(&params(&[("items", 9.0), ("d", 120.0), ("workers", 5.0)]))[0];
        assert!(code.python.contains("item * 0.12)") && code.python.contains("range(1, 9 + 1)"));
        assert!(code.python.contains("max_workers=5"));
        assert!(code.rust.contains("item * 120)") && code.rust.contains("Pool::new(5)"));
    }
}
