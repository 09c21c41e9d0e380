//! Async does not speed up computing: CPU jobs awaited in turn and gathered take the same
//! time on one thread; only a pool of workers shares them out.

use crate::engine::cpu::CpuJob;
use crate::engine::{
    ParamChoice, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec,
};

use super::cpu_work::{self, JOB_MS};
use super::support::RUN_MAIN;
use super::support::{self, secs};
use super::{ActionSpec, CodeSample, Insight, Lesson, LessonInfo, Panels, RunPlan};

/// Equal CPU jobs: sequential and gathered on the main thread, then on pools of 1..W.
pub struct CpuGatherLesson;

/// Number of jobs.
pub const COUNT: ParamSpec = ParamSpec {
    key: "n",
    label: "Jobs",
    unit: "",
    kind: ParamKind::Integer,
    min: 1.0,
    max: 12.0,
    default: 4.0,
    step: 1.0,
    help: "How many equal CPU jobs to run.",
};

/// Estimated cost of each job.
pub const COST: ParamSpec = JOB_MS;

/// The largest pool tried: one run for each size from 1 up to it.
pub const WORKERS: ParamSpec = ParamSpec {
    label: "Most workers",
    help: "One pool run for each size from 1 worker up to this many.",
    ..cpu_work::WORKERS
};

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
    unit: "",
    kind: ParamKind::Choice {
        options: &FAULTS,
        default: "0",
    },
    min: 0.0,
    max: 0.0,
    default: 0.0,
    step: 1.0,
    help: "Adds one job that breaks its worker. A panic is reported at once; a worker that \
           closes itself just goes silent, like one killed from outside, and is given up \
           after about 2 s. Either way the job fails, the pool replaces the worker and \
           every other job still finishes. (The main thread refuses both.)",
};

static PARAMS: [ParamSpec; 4] = [COUNT, COST, WORKERS, FAULT];

/// The button running only the pools.
const RUN_POOLS: ActionSpec = ActionSpec {
    key: "pool",
    label: "Run on the pools",
};

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
        "The faint predicted bars assume that number of cores and use an estimate of \
         how fast this browser computes, so the measured ones may differ.",
    ],
    params: &PARAMS,
    actions: &[
        ActionSpec {
            key: "all",
            label: "Run all",
        },
        RUN_MAIN,
        RUN_POOLS,
    ],
    panels: Panels {
        results: false,
        one_at_a_time: true,
        ..Panels::STANDARD
    },
};

/// The clamped parameters.
struct Jobs {
    count: usize,
    cost_ms: f64,
    most_workers: usize,
    fault: Option<CpuJob>,
}

impl Jobs {
    fn read(values: &ParamValues) -> Self {
        Self {
            count: support::whole(values, &COUNT).max(1),
            cost_ms: support::whole(values, &COST) as f64,
            most_workers: support::whole(values, &WORKERS).max(1),
            fault: fault_job(values.text(FAULT.key).unwrap_or(FAULT.default_text())),
        }
    }

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
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let jobs = Jobs::read(values);
        let scenario = jobs.scenario();
        let main =
            [Strategy::Sequential, Strategy::Gather].map(|s| cpu_work::plan_on(s, &scenario, None));
        let pools = (1..=jobs.most_workers)
            .map(|w| cpu_work::plan_on(Strategy::Gather, &scenario, Some(w)));
        match action {
            "main" => main.to_vec(),
            "pool" => pools.collect(),
            _ => main.into_iter().chain(pools).collect(),
        }
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let jobs = Jobs::read(values);
        let sample = CodeSample::new("In turn, gathered, on pools", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, jobs.cost_ms)
            .with("n", jobs.count)
            .with("workers", jobs.most_workers)]
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let jobs = Jobs::read(values);
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
                    secs(run.makespan_ms),
                ));
                continue;
            };
            out.push(Insight::new(
                format!("makespan-w{w}"),
                format!("{title}: makespan"),
                secs(run.makespan_ms),
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
mod tests {
    use super::*;
    use crate::lessons::cpu_work::testing::assert_code_filled;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn runs(action: &str, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
        predicted(&CpuGatherLesson.plan(action, &values_with(&PARAMS, pairs)))
    }

    fn makespans(runs: &[RunRecord]) -> Vec<f64> {
        runs.iter().map(|r| r.makespan_ms).collect()
    }

    #[test]
    fn four_jobs_of_100_ms_take_400_ms_in_turn_or_gathered_and_200_on_two_workers() {
        let all = runs("all", &[]);
        assert_eq!(makespans(&all), vec![400.0, 400.0, 400.0, 200.0]);
        let titles: Vec<String> = all.iter().map(RunRecord::title).collect();
        assert_eq!(titles[1], "Gather on the main thread");
        assert_eq!(titles[3], "Gather on 2 workers");
    }

    #[test]
    fn gathered_on_the_main_thread_each_job_starts_when_the_previous_one_ends() {
        let gathered = &runs("main", &[])[1];
        let starts: Vec<f64> = gathered.tasks.iter().map(|t| t.start_ms).collect();
        assert_eq!(starts, vec![0.0, 100.0, 200.0, 300.0]);
    }

    #[test]
    fn there_is_one_pool_run_for_each_size_up_to_the_most_workers() {
        let plans = CpuGatherLesson.plan("pool", &values_with(&PARAMS, &[("workers", 3.0)]));
        let sizes: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
        assert_eq!(sizes, vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            CpuGatherLesson.plan("main", &ParamValues::default()).len(),
            2
        );
    }

    #[test]
    fn five_jobs_on_two_workers_take_three_rounds_so_the_ideal_is_five_thirds() {
        let pairs = [("n", 5.0), ("workers", 2.0)];
        let values = values_with(&PARAMS, &pairs);
        let all = runs("all", &pairs);
        assert_eq!(all[3].makespan_ms, 300.0);
        let insights = CpuGatherLesson.insights(&all, &values);
        assert_eq!(
            insight(&insights, "speedup-w2"),
            "1.67× (ideal 1.67× with at least 2 free cores)"
        );
        assert_eq!(insight(&insights, "makespan-gather"), "0.50 s");
        assert_eq!(insight(&insights, "makespan-w1"), "0.50 s");
    }

    #[test]
    fn speedups_need_the_main_thread_gather_to_compare_with() {
        let values = ParamValues::defaults(&PARAMS);
        let pools_only = CpuGatherLesson.insights(&runs("pool", &[]), &values);
        assert!(pools_only.iter().all(|i| !i.key.starts_with("speedup")));
        assert_eq!(insight(&pools_only, "makespan-w2"), "0.20 s");
    }

    #[test]
    fn even_the_largest_parameters_predict_under_30_seconds_in_all() {
        let pairs = [("n", 1e9), ("cost", 1e9), ("workers", 1e9)];
        let total: f64 = makespans(&runs("all", &pairs)).iter().sum();
        assert_eq!(
            CpuGatherLesson
                .plan("all", &values_with(&PARAMS, &pairs))
                .len(),
            10
        );
        assert!(total <= 30_000.0, "{total} ms");
    }

    #[test]
    fn each_fault_option_adds_its_own_faulty_job_and_old_links_keep_their_meaning() {
        let faulty = |query: &str| {
            let values = ParamValues::parse(&PARAMS, |k| (k == "fault").then_some(query))
                .expect("a valid fault key");
            let plans = CpuGatherLesson.plan("pool", &values);
            let tasks = &plans[0].scenario.tasks;
            tasks
                .iter()
                .find(|t| t.label == "faulty job")
                .map(|t| t.cpu.clone())
        };
        assert_eq!(faulty("0"), None);
        assert_eq!(faulty("1"), Some(Some(CpuJob::Panic)));
        assert_eq!(faulty("2"), Some(Some(CpuJob::CloseWorker)));
        assert_eq!(
            CpuGatherLesson.plan("pool", &ParamValues::defaults(&PARAMS))[0]
                .scenario
                .tasks
                .len(),
            4,
            "no faulty job by default"
        );
    }

    #[test]
    fn an_unknown_fault_is_refused_with_a_message_naming_the_options() {
        let errors = ParamValues::parse(&PARAMS, |k| (k == "fault").then_some("boom")).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].key, "fault");
        assert!(
            errors[0].message.contains("0, 1, 2"),
            "{}",
            errors[0].message
        );
        assert_eq!(fault_job("boom"), None);
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let values = values_with(&PARAMS, &[("n", 7.0), ("workers", 5.0), ("cost", 10.0)]);
        let code = &CpuGatherLesson.code(&values)[0];
        assert!(code.python.contains("JOBS = 7") && code.python.contains("range(1, 5 + 1)"));
        assert!(code.rust.contains("const JOBS: u64 = 7;") && code.rust.contains("1..=5"));
        assert!(code.rust.contains("crunch(seed, 1_500_000)"));
        assert_code_filled(&CpuGatherLesson);
    }
}
