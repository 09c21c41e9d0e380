//! Tests of `chain.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn with(pairs: &[(&str, f64)]) -> Chain {
    Chain::read(&values_with(&PARAMS, pairs))
}

/// User 1 s, orders 1.5 s, combine 0.2 s, at scale 1.
fn real_time() -> Chain {
    with(&[("scale", 1.0)])
}

#[test]
fn both_runs_are_chained_and_differ_only_in_what_the_orders_wait_for() {
    let plans = ChainLesson.plan(ChainAction::Both, &real_time());
    assert_eq!(plans.len(), 2);
    assert!(plans.iter().all(|p| p.strategy == Strategy::Chained));
    assert_eq!(plans[0].scenario.tasks[1].after, vec![0]);
    assert!(plans[1].scenario.tasks[1].after.is_empty());
    assert_eq!(plans[1].scenario.tasks[2].after, vec![0, 1]);
    assert_eq!(
        ChainLesson
            .plan(ChainAction::Concurrent, &real_time())
            .len(),
        1
    );
}

#[test]
fn one_after_the_other_takes_1_plus_1_5_plus_0_2_seconds() {
    let run = &predicted(&ChainLesson.plan(ChainAction::Chained, &real_time()))[0];
    let starts: Vec<f64> = run.tasks.iter().map(|t| t.start_ms).collect();
    assert_eq!(starts, vec![0.0, 1000.0, 2500.0]);
    assert_eq!(run.makespan_ms, 2700.0);
}

#[test]
fn side_by_side_takes_the_slower_lookup_plus_the_combine_step() {
    let run = &predicted(&ChainLesson.plan(ChainAction::Concurrent, &real_time()))[0];
    let starts: Vec<f64> = run.tasks.iter().map(|t| t.start_ms).collect();
    assert_eq!(starts, vec![0.0, 0.0, 1500.0]);
    assert_eq!(run.makespan_ms, 1700.0);
}

#[test]
fn every_makespan_equals_its_critical_path_whatever_the_durations() {
    for (user, orders) in [(0.3, 2.0), (2.0, 0.3), (1.0, 1.0)] {
        let v = with(&[("user", user), ("orders", orders), ("scale", 1.0)]);
        for plan in ChainLesson.plan(ChainAction::Both, &v) {
            let run = plan.predict().expect("finishes");
            assert_eq!(run.makespan_ms, path(&plan.scenario).length_ms);
            assert_eq!(run.makespan_ms, run.bound_ms);
        }
    }
}

#[test]
fn insights_name_both_critical_paths_and_the_saving_of_the_faster_lookup() {
    let v = real_time();
    let all = ChainLesson.insights(&predicted(&ChainLesson.plan(ChainAction::Both, &v)), &v);
    assert_eq!(
        insight(&all, "path-chained"),
        "fetch user → fetch orders → combine"
    );
    assert_eq!(insight(&all, "length-chained"), "2.70 s");
    assert_eq!(
        insight(&all, "path-concurrent"),
        "fetch orders by id → combine"
    );
    assert_eq!(insight(&all, "length-concurrent"), "1.70 s");
    assert_eq!(insight(&all, "saving"), "1.00 s");
    assert_eq!(insight(&all, "makespan-chained"), "2.70 s");
    assert_eq!(insight(&all, "makespan-concurrent"), "1.70 s");
}

#[test]
fn the_code_carries_the_three_durations() {
    let code = &ChainLesson.code(&real_time())[0];
    assert!(code.python.contains("asyncio.sleep(1.5)"));
    assert!(code.python.contains("asyncio.sleep(0.2)"));
    assert!(code.rust.contains("from_millis(1000)"));
    assert!(!code.rust.contains("_ms}") && !code.python.contains("_s}"));
}
