//! Async does not speed up computing: CPU jobs awaited in turn and gathered take the same
//! time on one thread; only a pool of workers shares them out.

use crate::engine::cpu::CpuJob;
use crate::engine::{
    NumberRange, ParamChoice, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy,
    TaskSpec,
};

use super::cpu_work::{self, JOB_MS};
use super::support::{self, in_seconds};
use super::{CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// Equal CPU jobs: sequential and gathered on the main thread, then on pools of 1..W.
pub struct CpuGatherLesson;

/// Number of jobs.
pub const COUNT: ParamSpec = ParamSpec {
    key: "n",
    label: "Jobs",
    help: "How many equal CPU jobs to run.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 12.0,
        default: 4.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Estimated cost of each job.
pub const COST: ParamSpec = JOB_MS;

/// The largest pool tried: one run for each size from 1 up to it.
pub const WORKERS: ParamSpec = cpu_work::WORKERS
    .with_label("Most workers")
    .with_help("One pool run for each size from 1 worker up to this many.");

/// The faults that can be injected. The keys are the digits links have always used
/// (`fault=0`, `fault=1`), so older links keep working.
pub const FAULTS: [ParamChoice; 3] = [
    ParamChoice {
        key: "0",
        label: "None",
    },
    ParamChoice {
        key: "1",
        label: "A job that panics",
    },
    ParamChoice {
        key: "2",
        label: "A job that closes its worker",
    },
];

/// Fault injection: one more job that breaks its worker (key `fault`).
pub const FAULT: ParamSpec = ParamSpec {
    key: "fault",
    label: "Faulty job",
    help: "Adds one job that breaks its worker. A panic is reported at once; a worker that \
           closes itself just goes silent, like one killed from outside, and is given up \
           after about 2 s. Either way the job fails, the pool replaces the worker and \
           every other job still finishes. (The main thread refuses both.)",
    kind: ParamKind::Choice {
        options: &FAULTS,
        default: "0",
    },
};

static PARAMS: [ParamSpec; 4] = [COUNT, COST, WORKERS, FAULT];

const PYTHON: &str = include_str!("code/cpu_gather.py").trim_ascii_end();

const RUST: &str = include_str!("code/cpu_gather.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "cpu-gather",
    title: "Async does not make computing faster",
    nav_title: "Async vs CPU work",
    summary: "The same CPU jobs one after another, gathered, and on pools of workers: \
              gather changes nothing, workers share the work.",
    explanation: &[
        "Every job here computes without ever waiting. Gathered on the main thread they \
         still run one after another, because an event loop can only switch tasks at an \
         await, and a job that computes has none. Sequential and gather take the same \
         time: the sum of the jobs.",
        "A pool of web workers runs jobs at the same time on different processor cores, \
         so n workers can finish up to n times sooner. That ideal needs at least n free \
         cores and enough jobs to share: past the number of cores, workers only take \
         turns, and starting the workers and sending them the jobs costs a little too.",
        "The faint predicted bars assume a free core for every worker. Each job is sized \
         by the speed this device measured of itself (see About these timings), so it \
         computes for about its label wherever it runs.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::PoolStatus,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The CPU gather lesson's buttons.
    pub enum CpuGatherAction {
        /// In turn and gathered on the main thread, then gathered on each pool.
        All = ("all", "Run all"),
        /// In turn and gathered on the main thread only.
        Main = ("main", "Run on the main thread"),
        /// Gathered on pools of 1 up to the most workers.
        Pools = ("pool", "Run on the pools"),
    }
}

/// The clamped parameters.
pub struct Jobs {
    count: usize,
    cost_ms: f64,
    most_workers: usize,
    fault: Option<CpuJob>,
}

impl Params for Jobs {
    fn read(values: &ParamValues) -> Self {
        Self {
            count: support::read_count(values, &COUNT).max(1),
            cost_ms: support::read_count(values, &COST) as f64,
            most_workers: support::read_count(values, &WORKERS).max(1),
            fault: fault_job(values.text(FAULT.key).unwrap_or(FAULT.default_text())),
        }
    }
}

impl Jobs {
    fn scenario(&self) -> Scenario {
        let mut tasks: Vec<TaskSpec> = (1..=self.count)
            .map(|i| cpu_work::cpu_task(i - 1, i, format!("job {i}"), self.cost_ms))
            .collect();
        if let Some(job) = &self.fault {
            tasks.push(TaskSpec::new(self.count, "faulty job", 0.0).computing(job.clone()));
        }
        Scenario { tasks }
    }

    /// The best speedup `workers` can give these equal jobs: n / ⌈n/w⌉ (w when it
    /// divides n), given at least `workers` free cores.
    fn ideal(&self, workers: usize) -> f64 {
        self.count as f64 / self.count.div_ceil(workers.max(1)) as f64
    }
}

/// The faulty job for the key of a [`FAULTS`] option (`None` for none, or an unknown key:
/// values are validated before they get here, so that only protects the page).
fn fault_job(key: &str) -> Option<CpuJob> {
    match key {
        "1" => Some(CpuJob::Panic),
        "2" => Some(CpuJob::CloseWorker),
        _ => None,
    }
}

impl Lesson for CpuGatherLesson {
    type Params = Jobs;
    type Action = CpuGatherAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: CpuGatherAction, jobs: &Jobs) -> Vec<RunPlan> {
        let scenario = jobs.scenario();
        let main =
            [Strategy::Sequential, Strategy::Gather].map(|s| cpu_work::plan_on(s, &scenario, None));
        let pools = (1..=jobs.most_workers)
            .map(|w| cpu_work::plan_on(Strategy::Gather, &scenario, Some(w)));
        match action {
            CpuGatherAction::All => main.into_iter().chain(pools).collect(),
            CpuGatherAction::Main => main.to_vec(),
            CpuGatherAction::Pools => pools.collect(),
        }
    }

    fn code(&self, jobs: &Jobs) -> Vec<CodeSample> {
        let sample = CodeSample::new("In turn, gathered, on pools", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, jobs.cost_ms)
            .with("n", jobs.count)
            .with("workers", jobs.most_workers)]
    }

    fn insights(&self, runs: &[RunRecord], jobs: &Jobs) -> Vec<Insight> {
        let gathered = runs
            .iter()
            .find(|r| r.options.workers.is_none() && r.strategy == Strategy::Gather.key());
        let mut out = Vec::new();
        for run in runs {
            let title = run.title();
            let Some(w) = run.options.workers else {
                out.push(Insight::new(
                    format!("makespan-{}", run.strategy),
                    format!("{title}: makespan"),
                    in_seconds(run.makespan_ms),
                ));
                continue;
            };
            out.push(Insight::new(
                format!("makespan-w{w}"),
                format!("{title}: makespan"),
                in_seconds(run.makespan_ms),
            ));
            if let Some(g) = gathered {
                out.push(Insight::new(
                    format!("speedup-w{w}"),
                    format!("{title}: speedup over gather on the main thread"),
                    format!(
                        "{} (ideal {:.2}× with at least {w} free cores)",
                        cpu_work::ratio(g.makespan_ms, run.makespan_ms),
                        jobs.ideal(w)
                    ),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/cpu_gather.rs"]
mod tests;
