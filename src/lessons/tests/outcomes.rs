//! Tests of `outcomes.rs`.

use super::*;
use crate::engine::{Scenario, Strategy};
use crate::lessons::RunPlan;

/// Tasks of 3, 1 and 2 s, task 2 failing at 1 s, met three ways.
fn three_ways() -> Vec<RunRecord> {
    let mut scenario = Scenario::from_durations(&[3000.0, 1000.0, 2000.0]);
    scenario.tasks[1].fails = true;
    [
        Strategy::GatherReturnExceptions,
        Strategy::GatherPropagate,
        Strategy::TaskGroupCancel,
    ]
    .iter()
    .filter_map(|&s| RunPlan::new(s, scenario.clone()).predict())
    .collect()
}

#[test]
fn errors_returned_keep_the_results_with_the_error_in_place() {
    let rows = outcome_rows(&three_ways());
    let row = &rows[0];
    assert_eq!(row.key, "gather_return_exceptions");
    assert_eq!(row.strategy, "Gather, errors returned");
    assert_eq!(row.caller_got, "2 results and 1 error in place");
    assert_eq!(row.finished.count, "2 of 3");
    assert_eq!(row.finished.note, "results kept");
    assert_eq!(row.failed.count, "1 of 3");
    assert_eq!(row.cancelled.count, "none");
    assert_eq!(
        (row.caller_at.as_str(), row.last_end.as_str()),
        ("3.00 s", "3.00 s")
    );
}

#[test]
fn a_raised_error_loses_the_results_that_finish_in_the_background() {
    let rows = outcome_rows(&three_ways());
    let row = &rows[1];
    assert!(
        row.caller_got.starts_with("the error “"),
        "{}",
        row.caller_got
    );
    assert_eq!(row.finished.count, "2 of 3");
    assert_eq!(row.finished.note, "results lost");
    assert_eq!(
        (row.caller_at.as_str(), row.last_end.as_str()),
        ("1.00 s", "3.00 s")
    );
}

#[test]
fn a_task_group_cancels_the_rest_at_the_first_error() {
    let rows = outcome_rows(&three_ways());
    let row = &rows[2];
    assert_eq!(row.cancelled.count, "2 of 3");
    assert_eq!(row.finished.count, "none");
    assert_eq!(row.finished.note, "");
    assert_eq!(
        (row.caller_at.as_str(), row.last_end.as_str()),
        ("1.00 s", "1.00 s")
    );
    let names = &row.cancelled.names;
    assert_eq!(names.split(", ").count(), 2, "{names}");
}

#[test]
fn long_lists_of_names_are_cut_and_counted() {
    let names: Vec<String> = (1..=9).map(|i| format!("t{i}")).collect();
    assert_eq!(names_text(&names), "t1, t2, t3, t4, t5, t6 and 3 more");
    assert_eq!(names_text(&[]), "");
}

#[test]
fn a_run_with_no_tasks_or_odd_times_still_makes_a_row() {
    let mut run = RunPlan::new(Strategy::Gather, Scenario { tasks: Vec::new() })
        .predict()
        .expect("an empty run finishes");
    let row = outcome_row(&run);
    assert_eq!(row.caller_got, "0 results, no error");
    assert_eq!(row.last_end, "0.00 s");
    run.makespan_ms = f64::NAN;
    let _ = outcome_row(&run);
}
