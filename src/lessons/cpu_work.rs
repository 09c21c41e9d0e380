//! Helpers shared by the CPU-bound lessons: the hash-chain job and its estimated cost,
//! where a plan runs its CPU work (the main thread or a pool of workers), how late the
//! I/O tasks of a run ended, and the code the panes share.
//!
//! A job's cost is the time it computes for: each thread that runs one (the page's, or a
//! worker's) sizes it with the speed it measured of itself ([`crate::engine::cpu::speed`]),
//! so a job labelled d ms takes about d ms wherever it runs.

use crate::engine::cpu::CpuJob;
use crate::engine::{
    NumberRange, ParamKind, ParamSpec, RunOptions, RunRecord, Scenario, Strategy, TaskSpan,
    TaskSpec,
};

use super::support::in_seconds;
use super::{CodeSample, Insight, RunPlan};

/// The estimated cost of one CPU job, in milliseconds (key `cost`).
pub(super) const JOB_MS: ParamSpec = ParamSpec {
    key: "cost",
    label: "Work per job",
    help: "How long each job computes. Jobs are sized by the speed measured on this \
           device, on the page's thread and on each worker.",
    kind: ParamKind::Number(NumberRange {
        min: 10.0,
        max: 300.0,
        default: 100.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// How many web workers run the pool's CPU jobs (key `workers`).
pub(super) const WORKERS: ParamSpec = ParamSpec {
    key: "workers",
    label: "Workers",
    help: "Size of the worker pool. More workers than the machine has cores do not help.",
    kind: ParamKind::Workers(NumberRange {
        min: 1.0,
        max: 8.0,
        default: 2.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Hash rounds of a job of `cost_ms` at the speed of this page's thread (clamped to
/// 0–1,000 ms, so never absurd): what the code panes show.
pub(super) fn rounds_for(cost_ms: f64) -> u32 {
    crate::engine::cpu::speed::current().rounds_for(cost_ms)
}

/// A CPU task computing for `cost_ms` from `seed` wherever it runs, with `cost_ms` as its
/// nominal cost on virtual time.
pub(super) fn cpu_task(id: usize, seed: usize, label: impl Into<String>, cost_ms: f64) -> TaskSpec {
    let job = CpuJob::Work {
        seed: seed as u64,
        ms: crate::engine::wait_ms(cost_ms).min(1000.0),
    };
    TaskSpec::new(id, label, cost_ms).computing(job)
}

/// Run options for CPU work on the page's main thread (`None`) or on `n` workers.
pub(super) fn on(workers: Option<usize>) -> RunOptions {
    RunOptions {
        workers: workers.map(|n| n.max(1)),
        ..RunOptions::default()
    }
}

/// A plan of `strategy` on `scenario`, its CPU work where `workers` says (see [`on`]).
pub(super) fn plan_on(strategy: Strategy, scenario: &Scenario, workers: Option<usize>) -> RunPlan {
    RunPlan::new(strategy, scenario.clone()).with_options(on(workers))
}

/// Where a lesson runs its CPU work: on the page's main thread, on a pool of workers, or
/// both (one run each, the main thread first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Places {
    /// On the main thread only.
    Main,
    /// On the pool only.
    Pool,
    /// On the main thread, then on the pool.
    Both,
}

/// The same strategy and scenario with the CPU work where `places` says: on the main
/// thread, on `workers` workers, or both in that order.
pub(super) fn main_and_pool(
    places: Places,
    strategy: Strategy,
    scenario: &Scenario,
    workers: usize,
) -> Vec<RunPlan> {
    let places: &[Option<usize>] = match places {
        Places::Main => &[None],
        Places::Pool => &[Some(workers)],
        Places::Both => &[None, Some(workers)],
    };
    places
        .iter()
        .map(|&place| plan_on(strategy, scenario, place))
        .collect()
}

/// For each run: how late its latest I/O task ended (`late-main`, `late-pool`) and its
/// makespan (`makespan-main`, `makespan-pool`).
pub(super) fn lateness_and_makespan(runs: &[RunRecord], io_name: &str) -> Vec<Insight> {
    let mut out = Vec::new();
    for run in runs {
        let place = place_key(run);
        let title = run.title();
        out.push(Insight::new(
            format!("late-{place}"),
            format!("{title}: the latest {io_name} ended"),
            format!("{} late", in_millis(worst_lateness_ms(run))),
        ));
        out.push(Insight::new(
            format!("makespan-{place}"),
            format!("{title}: makespan"),
            in_seconds(run.makespan_ms),
        ));
    }
    out
}

/// `main` for a run whose CPU work stayed on the main thread, `pool` otherwise.
pub(super) fn place_key(run: &RunRecord) -> &'static str {
    match run.options.workers {
        None => "main",
        Some(_) => "pool",
    }
}

/// How much later than asked an I/O task ended (0 for CPU tasks and unfinished spans).
pub(super) fn lateness_ms(span: &TaskSpan) -> f64 {
    let late = span.end_ms - span.start_ms - span.requested_ms;
    if span.cpu || !late.is_finite() {
        0.0
    } else {
        late.max(0.0)
    }
}

/// The worst lateness of any I/O task of `run` (0 if it has none).
pub(super) fn worst_lateness_ms(run: &RunRecord) -> f64 {
    run.tasks.iter().map(lateness_ms).fold(0.0, f64::max)
}

/// Milliseconds written whole (`250 ms`); `–` for a missing time.
pub(super) fn in_millis(ms: f64) -> String {
    if ms.is_finite() {
        format!("{ms:.0} ms")
    } else {
        "–".to_string()
    }
}

/// `a / b` written as a speedup (`1.96×`); `–` when it cannot be computed.
pub(super) fn ratio(a: f64, b: f64) -> String {
    let r = a / b;
    if r.is_finite() && b > 0.0 {
        format!("{r:.2}×")
    } else {
        "–".to_string()
    }
}

/// Python: the CPU job (`«crunch_py»`).
pub(super) const CRUNCH_PY: &str = include_str!("code/cpu_work_crunch.py").trim_ascii_end();

/// Rust: the CPU job (`«crunch_rs»`).
pub(super) const CRUNCH_RS: &str = include_str!("code/cpu_work_crunch.rs").trim_ascii_end();

/// Rust: a pool of threads that async code can await (`«pool_rs»`).
pub(super) const POOL_RS: &str = include_str!("code/cpu_work_pool.rs").trim_ascii_end();

/// `sample` with the shared snippets filled in (`«crunch_py»`, `«crunch_rs»`,
/// `«pool_rs»`), then `«rounds»` for a job of `cost_ms`.
pub(super) fn with_crunch(sample: CodeSample, cost_ms: f64) -> CodeSample {
    sample
        .with("crunch_py", CRUNCH_PY)
        .with("crunch_rs", CRUNCH_RS)
        .with("pool_rs", POOL_RS)
        .with("rounds", grouped(rounds_for(cost_ms)))
}

/// A whole number with `_` between groups of three digits (valid in Python and Rust).
pub(super) fn grouped(n: u32) -> String {
    crate::engine::cpu::speed::group_digits(u64::from(n), '_')
}

/// Seconds for Python's `asyncio.sleep` from milliseconds (`0.05`).
pub(super) fn code_seconds(ms: f64) -> String {
    super::support::param_text(ms / 1000.0)
}

/// Test helpers shared by the CPU lessons' tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_of_100_ms_is_sized_where_it_runs_and_odd_costs_are_clamped() {
        // Before this thread measured its speed, the estimate sizes the code's numbers.
        assert_eq!(rounds_for(100.0), 15_000_000);
        assert_eq!(rounds_for(f64::NAN), 0);
        let task = cpu_task(2, 1, "crunch 1", 100.0);
        assert_eq!(task.duration_ms, 100.0);
        assert_eq!(task.cpu, Some(CpuJob::Work { seed: 1, ms: 100.0 }));
        let odd = |ms| cpu_task(0, 1, "odd", ms).cpu;
        assert_eq!(odd(-5.0), Some(CpuJob::Work { seed: 1, ms: 0.0 }));
        assert_eq!(
            odd(1e12),
            Some(CpuJob::Work {
                seed: 1,
                ms: 1000.0
            })
        );
    }

    #[test]
    fn numbers_in_code_are_grouped_by_thousands() {
        assert_eq!(grouped(15_000_000), "15_000_000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1_000");
        assert_eq!(grouped(0), "0");
        assert_eq!(code_seconds(50.0), "0.05");
    }

    #[test]
    fn speedups_and_milliseconds_are_written_for_people() {
        assert_eq!(ratio(400.0, 200.0), "2.00×");
        assert_eq!(ratio(400.0, 0.0), "–");
        assert_eq!(in_millis(249.6), "250 ms");
        assert_eq!(in_millis(f64::NAN), "–");
    }

    #[test]
    fn each_place_plans_its_runs_the_main_thread_first() {
        let scenario = Scenario {
            tasks: vec![cpu_task(0, 1, "crunch 1", 10.0)],
        };
        let workers = |places| -> Vec<Option<usize>> {
            main_and_pool(places, Strategy::Gather, &scenario, 3)
                .iter()
                .map(|p| p.options.workers)
                .collect()
        };
        assert_eq!(workers(Places::Main), vec![None]);
        assert_eq!(workers(Places::Pool), vec![Some(3)]);
        assert_eq!(workers(Places::Both), vec![None, Some(3)]);
    }

    #[test]
    fn zero_workers_count_as_one() {
        assert_eq!(on(Some(0)).workers, Some(1));
        assert_eq!(on(None).workers, None);
    }
}
