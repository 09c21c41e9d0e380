//! Tests of `failures.rs`, kept beside it so the module stays readable.

use super::*;
use crate::engine::TaskStatus;
use crate::lessons::outcomes::outcome_row;
use crate::lessons::support::testing::{predicted, values_with};

fn with(pairs: &[(&str, f64)]) -> Failures {
    Failures::read(&values_with(&PARAMS, pairs))
}

fn failing_ids(values: &ParamValues) -> Vec<usize> {
    let scenario = Failures::read(values).scenario();
    scenario
        .tasks
        .iter()
        .filter(|t| t.fails)
        .map(|t| t.id)
        .collect()
}

#[test]
fn by_default_only_task_2_fails_and_all_three_strategies_run_it() {
    let v = values_with(&PARAMS, &[]);
    assert_eq!(failing_ids(&v), vec![1]);
    let plans = FailuresLesson.plan(FailuresAction::All, &Failures::read(&v));
    let keys: Vec<&str> = plans.iter().map(|p| p.strategy.key()).collect();
    assert_eq!(
        keys,
        vec![
            "gather_return_exceptions",
            "gather_propagate",
            "task_group_cancel"
        ]
    );
    assert!(plans.iter().all(|p| p.options.timeout_ms.is_none()));
    assert_eq!(
        FailuresLesson
            .plan(FailuresAction::Propagate, &Failures::read(&v))
            .len(),
        1
    );
}

#[test]
fn a_failing_task_beyond_n_is_reported_on_its_field() {
    let errors = FailuresLesson.check(&values_with(&PARAMS, &[("n", 3.0), ("fail", 4.0)]));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].key, "fail");
    assert!(
        errors[0].message.contains("1 to 3"),
        "{}",
        errors[0].message
    );
    assert!(FailuresLesson
        .check(&values_with(&PARAMS, &[("n", 3.0), ("fail", 3.0)]))
        .is_empty());
    assert!(FailuresLesson
        .check(&values_with(&PARAMS, &[("fail", 0.0)]))
        .is_empty());
}

#[test]
fn the_failure_draws_depend_only_on_the_seed_and_the_chance() {
    let half = values_with(
        &PARAMS,
        &[("n", 40.0), ("fail", 0.0), ("p", 0.5), ("seed", 3.0)],
    );
    let drawn = failing_ids(&half);
    assert_eq!(drawn, failing_ids(&half));
    assert!(!drawn.is_empty() && drawn.len() < 40, "{drawn:?}");
    let other = values_with(
        &PARAMS,
        &[("n", 40.0), ("fail", 0.0), ("p", 0.5), ("seed", 4.0)],
    );
    assert_ne!(drawn, failing_ids(&other));
    let all = values_with(&PARAMS, &[("n", 10.0), ("p", 1.0)]);
    assert_eq!(failing_ids(&all).len(), 10);
    assert!(failing_ids(&values_with(&PARAMS, &[("fail", 0.0)])).is_empty());
}

#[test]
fn the_task_group_cancels_every_sibling_still_running_at_the_failure_time() {
    let v = with(&[("n", 8.0), ("fail", 3.0), ("scale", 1.0)]);
    let run = &predicted(&FailuresLesson.plan(FailuresAction::TaskGroup, &v))[0];
    let failed_at = run.tasks[2].end_ms;
    assert_eq!(failed_at, run.tasks[2].requested_ms);
    assert_eq!(run.failure.as_ref().map(|f| f.at_ms), Some(failed_at));
    for t in &run.tasks {
        if t.requested_ms < failed_at {
            assert_eq!((t.status, t.end_ms), (TaskStatus::Ok, t.requested_ms));
        } else if t.requested_ms > failed_at {
            assert_eq!((t.status, t.end_ms), (TaskStatus::Cancelled, failed_at));
        }
    }
    assert_eq!(run.makespan_ms, failed_at);
}

#[test]
fn plain_gather_raises_at_the_failure_but_the_others_run_to_their_end() {
    let v = with(&[("n", 8.0), ("fail", 3.0), ("scale", 1.0)]);
    let run = &predicted(&FailuresLesson.plan(FailuresAction::Propagate, &v))[0];
    assert_eq!(
        run.failure.as_ref().map(|f| f.at_ms),
        Some(run.tasks[2].requested_ms)
    );
    assert!(run.tasks.iter().all(|t| t.end_ms == t.requested_ms));
    assert_eq!(run.count(TaskStatus::Cancelled), 0);
    assert!(run.results.is_empty());
}

#[test]
fn a_timeout_of_2s_stops_every_longer_task_at_exactly_2s() {
    let v = with(&[("n", 10.0), ("fail", 0.0), ("timeout", 2.0), ("scale", 1.0)]);
    let run = &predicted(&FailuresLesson.plan(FailuresAction::ReturnExceptions, &v))[0];
    assert_eq!(run.options.timeout_ms, Some(2000.0));
    let long = run.tasks.iter().filter(|t| t.requested_ms > 2000.0).count();
    assert!(long > 0, "the seed gives some tasks over 2 s");
    for t in &run.tasks {
        if t.requested_ms > 2000.0 {
            assert_eq!((t.status, t.end_ms), (TaskStatus::TimedOut, 2000.0));
        } else {
            assert_eq!(t.status, TaskStatus::Ok);
        }
    }
    let row = outcome_row(run);
    assert_eq!(row.failed.count, format!("{long} of 10"));
    assert_eq!(row.failed.names.matches("(timed out)").count(), long.min(6));
}

#[test]
fn by_default_the_table_shows_each_strategy_meeting_task_2() {
    let v = Failures::read(&values_with(&PARAMS, &[]));
    let runs = predicted(&FailuresLesson.plan(FailuresAction::All, &v));
    let rows = crate::lessons::outcomes::outcome_rows(&runs);
    let notes: Vec<&str> = rows.iter().map(|r| r.finished.note.as_str()).collect();
    assert_eq!(notes, vec!["results kept", "results lost", "results lost"]);
    assert!(rows.iter().all(|r| r.failed.names == "task 2"));
    assert_eq!(rows[2].cancelled.count, "2 of 5");
    assert_eq!(rows[1].caller_at, rows[2].caller_at);
    assert_ne!(rows[1].last_end, rows[2].last_end, "plain gather runs on");
}

#[test]
fn the_code_follows_the_failing_task_the_chance_and_the_timeout() {
    let code = FailuresLesson.code(&with(&[("fail", 4.0), ("p", 0.0), ("timeout", 1.5)]));
    assert!(code[0].python.contains("FAILING = 4") && code[0].python.contains("CHANCE = 0 "));
    assert!(code[0].rust.contains("const CHANCE: f64 = 0.0;"));
    assert!(code[1].python.contains("LIMIT = 1.5 "));
    assert!(code[1].rust.contains("Some(Duration::from_millis(1500))"));
    let none = FailuresLesson.code(&with(&[]));
    assert!(none[1].python.contains("LIMIT = None") && none[1].rust.contains("= None;"));
}
