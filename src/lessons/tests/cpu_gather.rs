//! Tests of `cpu_gather.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn jobs(pairs: &[(&str, f64)]) -> Jobs {
    Jobs::read(&values_with(&PARAMS, pairs))
}

fn runs(action: CpuGatherAction, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
    predicted(&CpuGatherLesson.plan(action, &jobs(pairs)))
}

fn makespans(runs: &[RunRecord]) -> Vec<f64> {
    runs.iter().map(|r| r.makespan_ms).collect()
}

#[test]
fn four_jobs_of_100_ms_take_400_ms_in_turn_or_gathered_and_200_on_two_workers() {
    let all = runs(CpuGatherAction::All, &[]);
    assert_eq!(makespans(&all), vec![400.0, 400.0, 400.0, 200.0]);
    let titles: Vec<String> = all.iter().map(RunRecord::title).collect();
    assert_eq!(titles[1], "Gather on the main thread");
    assert_eq!(titles[3], "Gather on 2 workers");
}

#[test]
fn gathered_on_the_main_thread_each_job_starts_when_the_previous_one_ends() {
    let gathered = &runs(CpuGatherAction::Main, &[])[1];
    let starts: Vec<f64> = gathered.tasks.iter().map(|t| t.start_ms).collect();
    assert_eq!(starts, vec![0.0, 100.0, 200.0, 300.0]);
}

#[test]
fn there_is_one_pool_run_for_each_size_up_to_the_most_workers() {
    let plans = CpuGatherLesson.plan(CpuGatherAction::Pools, &jobs(&[("workers", 3.0)]));
    let sizes: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
    assert_eq!(sizes, vec![Some(1), Some(2), Some(3)]);
    assert_eq!(
        CpuGatherLesson
            .plan(CpuGatherAction::Main, &Jobs::read(&ParamValues::default()))
            .len(),
        2
    );
}

#[test]
fn five_jobs_on_two_workers_take_three_rounds_so_the_ideal_is_five_thirds() {
    let pairs = [("n", 5.0), ("workers", 2.0)];
    let all = runs(CpuGatherAction::All, &pairs);
    assert_eq!(all[3].makespan_ms, 300.0);
    let insights = CpuGatherLesson.insights(&all, &jobs(&pairs));
    assert_eq!(
        insight(&insights, "speedup-w2"),
        "1.67× (ideal 1.67× with at least 2 free cores)"
    );
    assert_eq!(insight(&insights, "makespan-gather"), "0.50 s");
    assert_eq!(insight(&insights, "makespan-w1"), "0.50 s");
}

#[test]
fn speedups_need_the_main_thread_gather_to_compare_with() {
    let pools_only = CpuGatherLesson.insights(&runs(CpuGatherAction::Pools, &[]), &jobs(&[]));
    assert!(pools_only.iter().all(|i| !i.key.starts_with("speedup")));
    assert_eq!(insight(&pools_only, "makespan-w2"), "0.20 s");
}

#[test]
fn even_the_largest_parameters_predict_under_30_seconds_in_all() {
    let pairs = [("n", 1e9), ("cost", 1e9), ("workers", 1e9)];
    let total: f64 = makespans(&runs(CpuGatherAction::All, &pairs)).iter().sum();
    assert_eq!(
        CpuGatherLesson
            .plan(CpuGatherAction::All, &jobs(&pairs))
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
        let plans = CpuGatherLesson.plan(CpuGatherAction::Pools, &Jobs::read(&values));
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
        CpuGatherLesson.plan(CpuGatherAction::Pools, &jobs(&[]))[0]
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
    let code = &CpuGatherLesson.code(&jobs(&[("n", 7.0), ("workers", 5.0), ("cost", 10.0)]))[0];
    assert!(code.python.contains("JOBS = 7") && code.python.contains("range(1, 5 + 1)"));
    assert!(code.rust.contains("const JOBS: u64 = 7;") && code.rust.contains("1..=5"));
    assert!(code.rust.contains("crunch(seed, 1_500_000)"));
}
