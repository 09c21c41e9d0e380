use super::*;
use crate::engine::RunFailure;

use TaskStatus::{Cancelled, Failed, Ok as Fine, TimedOut};

/// 3, 1 and 2 seconds, the second task failing at the end of its wait (at 1 s).
fn second_fails() -> Scenario {
    failing(seconds_scenario(&[3.0, 1.0, 2.0]), &[1])
}

fn timeout(seconds: f64) -> RunOptions {
    RunOptions {
        timeout_ms: Some(seconds * S),
        ..RunOptions::default()
    }
}

#[test]
fn gather_with_return_exceptions_runs_every_task_and_returns_the_error_in_place() {
    let r = run_on(
        Strategy::GatherReturnExceptions,
        &second_fails(),
        RunOptions::default(),
    );
    assert_eq!(ends(&r), vec![3.0, 1.0, 2.0]);
    assert_eq!(statuses(&r), vec![Fine, Failed, Fine]);
    assert_eq!(
        r.results,
        vec!["task 1 done", "error: task 2 failed", "task 3 done"]
    );
    assert_eq!(r.failure, None);
    assert_eq!(r.makespan_ms, 3.0 * S);
}

#[test]
fn plain_gather_also_keeps_errors_in_place_like_join_all() {
    let r = run_on(Strategy::Gather, &second_fails(), RunOptions::default());
    assert_eq!(r.results[1], "error: task 2 failed");
    assert!(!r.failed());
}

#[test]
fn gather_propagating_raises_the_first_error_at_1s_while_the_others_run_on_to_3s() {
    let (r, events) = record_events(
        Strategy::GatherPropagate,
        &second_fails(),
        RunOptions::default(),
    );
    assert_eq!(ends(&r), vec![3.0, 1.0, 2.0]);
    assert_eq!(statuses(&r), vec![Fine, Failed, Fine]);
    assert_eq!(
        r.failure,
        Some(RunFailure {
            task: 1,
            at_ms: 1.0 * S,
            message: "task 2 failed".into()
        })
    );
    assert!(
        r.results.is_empty(),
        "the caller got the error, not results"
    );
    assert_eq!(r.makespan_ms, 3.0 * S);
    let raised: Vec<&RunEvent> = events
        .iter()
        .filter(|e| matches!(e, RunEvent::Raised { .. }))
        .collect();
    assert_eq!(
        raised,
        vec![&RunEvent::Raised {
            id: 1,
            at_ms: 1.0 * S
        }]
    );
}

#[test]
fn gather_propagating_raises_only_the_earliest_of_two_errors() {
    // Task 1 fails at 3 s, task 2 at 1 s: the caller hears task 2's error, once.
    let scenario = failing(seconds_scenario(&[3.0, 1.0, 2.0]), &[0, 1]);
    let (r, events) = record_events(Strategy::GatherPropagate, &scenario, RunOptions::default());
    assert_eq!(
        r.failure.as_ref().map(|f| (f.task, f.at_ms)),
        Some((1, 1.0 * S))
    );
    assert_eq!(statuses(&r), vec![Failed, Failed, Fine]);
    let raised = events
        .iter()
        .filter(|e| matches!(e, RunEvent::Raised { .. }))
        .count();
    assert_eq!(raised, 1);
}

#[test]
fn a_task_group_whose_task_2_fails_at_1s_cancels_the_others_at_1s() {
    let (r, events) = record_events(
        Strategy::TaskGroupCancel,
        &second_fails(),
        RunOptions::default(),
    );
    assert_eq!(starts(&r), vec![0.0, 0.0, 0.0]);
    assert_eq!(ends(&r), vec![1.0, 1.0, 1.0]);
    assert_eq!(statuses(&r), vec![Cancelled, Failed, Cancelled]);
    assert_eq!(r.tasks[0].result, "cancelled");
    assert_eq!(r.completion_order(), vec![1, 0, 2]);
    assert_eq!(r.makespan_ms, 1.0 * S);
    assert_eq!(r.failure.as_ref().map(|f| f.at_ms), Some(1.0 * S));
    assert!(r.results.is_empty());
    let ended_and_raised: Vec<RunEvent> = events
        .into_iter()
        .filter(|e| !matches!(e, RunEvent::Started { .. }))
        .collect();
    let end = |id, status| RunEvent::Ended {
        id,
        at_ms: 1.0 * S,
        status,
    };
    assert_eq!(
        ended_and_raised,
        vec![
            end(1, Failed),
            end(0, Cancelled),
            end(2, Cancelled),
            RunEvent::Raised {
                id: 1,
                at_ms: 1.0 * S
            },
        ]
    );
}

#[test]
fn a_task_group_without_failures_returns_every_result_in_input_order_like_gather() {
    let r = run_s(Strategy::TaskGroupCancel, &[3.0, 1.0, 2.0]);
    assert_eq!(ends(&r), vec![3.0, 1.0, 2.0]);
    assert_eq!(r.results, vec!["task 1 done", "task 2 done", "task 3 done"]);
    assert_eq!(r.failure, None);
}

#[test]
fn a_timeout_of_1_5s_cuts_the_3s_and_2s_tasks_at_exactly_1_5s() {
    let r = run_on(
        Strategy::Gather,
        &seconds_scenario(&[3.0, 1.0, 2.0]),
        timeout(1.5),
    );
    assert_eq!(ends(&r), vec![1.5, 1.0, 1.5]);
    assert_eq!(statuses(&r), vec![TimedOut, Fine, TimedOut]);
    assert_eq!(r.results[0], "error: task 1 timed out after 1500 ms");
    assert_eq!(r.makespan_ms, 1.5 * S);
    assert_eq!(r.bound_ms, 1.5 * S);
    assert_eq!(r.options, timeout(1.5));
}

#[test]
fn a_task_as_long_as_its_timeout_completes() {
    let r = run_on(Strategy::Gather, &seconds_scenario(&[1.0]), timeout(1.0));
    assert_eq!(statuses(&r), vec![Fine]);
    assert_eq!(r.makespan_ms, 1.0 * S);
}

#[test]
fn sequential_with_a_timeout_of_1_5s_over_3_1_2_seconds_takes_1_5_plus_1_plus_1_5() {
    let r = run_on(
        Strategy::Sequential,
        &seconds_scenario(&[3.0, 1.0, 2.0]),
        timeout(1.5),
    );
    assert_eq!(starts(&r), vec![0.0, 1.5, 2.5]);
    assert_eq!(ends(&r), vec![1.5, 2.5, 4.0]);
    assert_eq!(r.makespan_ms, 4.0 * S);
    assert_eq!(r.bound_ms, 4.0 * S);
}

#[test]
fn a_timeout_counts_as_a_failure_for_a_task_group() {
    // Task 1 (5 s) times out at 2 s and cancels task 3 (4 s); task 2 (1 s) was done.
    let r = run_on(
        Strategy::TaskGroupCancel,
        &seconds_scenario(&[5.0, 1.0, 4.0]),
        RunOptions {
            timeout_ms: Some(2.0 * S),
            capacity: None,
            ..RunOptions::default()
        },
    );
    assert_eq!(ends(&r), vec![2.0, 1.0, 2.0]);
    assert_eq!(statuses(&r), vec![TimedOut, Fine, Cancelled]);
    assert_eq!(
        r.failure.map(|f| f.message),
        Some("task 1 timed out after 2000 ms".to_string())
    );
}

#[test]
fn a_failing_task_still_waits_its_full_duration_before_failing() {
    let r = run_on(
        Strategy::Sequential,
        &failing(seconds_scenario(&[2.0, 1.0]), &[0]),
        RunOptions::default(),
    );
    assert_eq!(ends(&r), vec![2.0, 3.0]);
    assert_eq!(statuses(&r), vec![Failed, Fine]);
}
