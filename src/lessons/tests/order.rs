//! Tests of `order.rs`, kept beside it so the module stays readable.

use super::*;

use crate::lessons::support::testing::{insight, predicted, values_with};
use crate::lessons::Params;

fn with(pairs: &[(&str, f64)]) -> ScenarioParams {
    ScenarioParams::read(&values_with(INFO.params, pairs))
}

/// Read from no values at all.
fn nothing() -> ScenarioParams {
    ScenarioParams::read(&ParamValues::default())
}

#[test]
fn both_runs_use_the_same_tasks_gather_first() {
    let plans = OrderLesson.plan(OrderAction::Both, &with(&[]));
    let keys: Vec<&str> = plans.iter().map(|p| p.strategy.key()).collect();
    assert_eq!(keys, vec!["gather", "as_completed"]);
    assert_eq!(plans[0].scenario, plans[1].scenario);
    assert_eq!(OrderLesson.plan(OrderAction::Gather, &nothing()).len(), 1);
}

#[test]
fn the_callback_order_is_the_tasks_sorted_by_end_time() {
    let values = with(&[("n", 8.0), ("seed", 7.0)]);
    let runs = predicted(&OrderLesson.plan(OrderAction::Callbacks, &values));
    let run = &runs[0];
    let mut by_end: Vec<(f64, usize)> = run.tasks.iter().map(|t| (t.end_ms, t.id)).collect();
    by_end.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let expected: Vec<usize> = by_end.into_iter().map(|(_, id)| id).collect();
    assert_eq!(returned_ids(run), expected);
}

#[test]
fn three_tasks_of_3_1_and_2_seconds_read_as_gather_1_2_3_and_callbacks_2_3_1() {
    // Equal min and max would give equal durations; build the runs by hand instead.
    let scenario = crate::engine::Scenario::from_durations(&[3000.0, 1000.0, 2000.0]);
    let runs: Vec<RunRecord> = STRATEGIES
        .iter()
        .filter_map(|&s| RunPlan::new(s, scenario.clone()).predict())
        .collect();
    let all = OrderLesson.insights(&runs, &nothing());
    assert_eq!(insight(&all, "gather-order"), "1, 2, 3");
    assert_eq!(insight(&all, "completion-order"), "2, 3, 1");
    assert_eq!(
        insight(&all, "bound-labels"),
        "task 2 · banana, task 3 · cherry, task 1 · apple"
    );
    // Task 2 is the only even-numbered one: at the 3 s makespan after gather, at its
    // own end (1 s) in the callbacks.
    assert_eq!(insight(&all, "even-gather"), "task 2 at 3.00 s");
    assert_eq!(insight(&all, "even-callbacks"), "task 2 at 1.00 s");
}

#[test]
fn after_gather_every_kept_result_arrives_at_the_makespan() {
    let values = with(&[("n", 6.0)]);
    let runs = predicted(&OrderLesson.plan(OrderAction::Both, &values));
    let all = OrderLesson.insights(&runs, &values);
    let at = format!("at {}", in_seconds(runs[0].makespan_ms));
    let gathered = insight(&all, "even-gather");
    assert_eq!(gathered.matches(&at).count(), 3, "{gathered}");
    assert!(gathered.starts_with("task 2 at"));
}

#[test]
fn a_single_task_keeps_nothing_and_says_so() {
    let values = with(&[("n", 1.0)]);
    let runs = predicted(&OrderLesson.plan(OrderAction::Both, &values));
    let all = OrderLesson.insights(&runs, &values);
    assert!(insight(&all, "even-callbacks").starts_with("none"));
}

#[test]
fn fruits_are_bound_by_task_id_and_wrap_around() {
    assert_eq!(fruit(0), "apple");
    assert_eq!(fruit(9), "banana");
    assert!(!is_kept(0) && is_kept(1) && is_kept(3));
}

#[test]
fn the_code_follows_the_parameters() {
    let code = OrderLesson.code(&with(&[("n", 7.0), ("seed", 42.0), ("min", 0.5)]));
    assert!(code[0].python.contains("range(7)"));
    assert!(code[0].python.contains("random.Random(42)"));
    assert!(code[0].python.contains("uniform(0.5, 5)"));
    assert!(code[0].rust.contains("rng.u64(500..=5000)"));
}
