//! Tests of `scaling.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn with(pairs: &[(&str, f64)]) -> Sweep {
    Sweep::read(&values_with(&PARAMS, pairs))
}

#[test]
fn the_sweep_plans_three_runs_for_each_task_count_from_1_to_n() {
    for n in [1.0, 10.0, 30.0] {
        let plans = ScalingLesson.plan(ScalingAction::Run, &with(&[("n", n)]));
        assert_eq!(plans.len(), 3 * n as usize);
    }
    let plans = ScalingLesson.plan(ScalingAction::Run, &with(&[]));
    let first: Vec<(String, usize)> = plans[..4]
        .iter()
        .map(|p| (p.strategy.spec(), p.scenario.tasks.len()))
        .collect();
    assert_eq!(
        first,
        vec![
            ("sequential".to_string(), 1),
            ("gather".to_string(), 1),
            ("semaphore(3)".to_string(), 1),
            ("sequential".to_string(), 2),
        ]
    );
}

#[test]
fn every_run_takes_the_first_tasks_of_one_and_the_same_scenario() {
    let plans = ScalingLesson.plan(ScalingAction::Run, &with(&[]));
    let longest = &plans.last().expect("planned").scenario.tasks;
    for p in &plans {
        assert_eq!(p.scenario.tasks[..], longest[..p.scenario.tasks.len()]);
    }
}

#[test]
fn the_theory_lines_never_go_down_and_sequential_always_goes_up() {
    let points = ScalingLesson.scaling(&with(&[("n", 30.0)]));
    assert_eq!(points.len(), 30);
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(b.sequential_bound_ms > a.sequential_bound_ms);
        assert!(b.gather_bound_ms >= a.gather_bound_ms);
        assert!(b.semaphore_bound_ms >= a.semaphore_bound_ms);
        assert!(b.gather_bound_ms <= b.semaphore_bound_ms);
        assert!(b.semaphore_bound_ms <= b.sequential_bound_ms);
    }
}

#[test]
fn equal_two_second_tasks_give_2n_seconds_2_seconds_and_2_ceil_n_over_3() {
    let v = with(&[("min", 2.0), ("max", 2.0), ("scale", 1.0), ("n", 7.0)]);
    for p in ScalingLesson.scaling(&v) {
        let n = p.n as f64;
        assert_eq!(p.sequential_bound_ms, 2000.0 * n);
        assert_eq!(p.gather_bound_ms, 2000.0);
        assert_eq!(p.semaphore_bound_ms, 2000.0 * (n / 3.0).ceil());
    }
}

#[test]
fn measured_points_on_virtual_time_sit_exactly_on_the_theory_lines() {
    let v = with(&[]);
    let points = ScalingLesson.scaling(&v);
    for run in predicted(&ScalingLesson.plan(ScalingAction::Run, &v)) {
        let p = &points[run.tasks.len() - 1];
        let theory = match run.strategy.as_str() {
            "sequential" => p.sequential_bound_ms,
            "gather" => p.gather_bound_ms,
            _ => p.semaphore_bound_ms,
        };
        assert_eq!(
            run.makespan_ms,
            theory,
            "{} of {}",
            run.spec,
            run.tasks.len()
        );
    }
}

#[test]
fn the_default_sweep_finishes_within_a_few_seconds() {
    let plans = ScalingLesson.plan(ScalingAction::Run, &with(&[]));
    let longest = plans
        .iter()
        .map(|p| p.strategy.bound_ms(&p.scenario))
        .fold(0.0, f64::max);
    assert!(longest <= 3000.0, "{longest} ms");
}

#[test]
fn insights_compare_theory_and_measurement_at_n() {
    let v = with(&[("min", 2.0), ("max", 2.0), ("scale", 1.0), ("n", 7.0)]);
    let runs = predicted(&ScalingLesson.plan(ScalingAction::Run, &v));
    let all = ScalingLesson.insights(&runs, &v);
    assert_eq!(insight(&all, "theory-sequential"), "14.00 s");
    assert_eq!(insight(&all, "measured-sequential"), "14.00 s");
    assert_eq!(insight(&all, "theory-gather"), "2.00 s");
    assert_eq!(insight(&all, "theory-semaphore"), "6.00 s");
    assert_eq!(insight(&all, "measured-semaphore"), "6.00 s");
    assert_eq!(insight(&all, "speedup"), "7.0× faster");
}

#[test]
fn the_code_follows_n_k_and_the_scale() {
    let code = &ScalingLesson.code(&with(&[("n", 12.0), ("k", 4.0)]))[0];
    assert!(code.python.contains("range(12)") && code.python.contains("Semaphore(4)"));
    assert!(code.python.contains("SCALE = 0.05 "));
    assert!(code.rust.contains("const SCALE: f64 = 0.05;"));
    assert!(code.rust.contains("buffer_unordered(4)"));
}
