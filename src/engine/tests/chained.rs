use super::*;

use TaskStatus::{Cancelled, Failed, Ok as Fine};

fn user_then_orders() -> Scenario {
    named(&[("user", 2.0, &[]), ("orders", 1.0, &[0])])
}

#[test]
fn chained_user_of_2s_then_orders_of_1s_takes_3s() {
    let r = run_on(
        Strategy::Chained,
        &user_then_orders(),
        RunOptions::default(),
    );
    assert_eq!(starts(&r), vec![0.0, 2.0]);
    assert_eq!(ends(&r), vec![2.0, 3.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
    assert_eq!(r.bound_ms, 3.0 * S);
    assert_eq!(r.results, vec!["user done", "orders done"]);
}

#[test]
fn fetching_user_and_orders_concurrently_takes_the_longer_2s() {
    // Gather ignores `after`: both calls start at once.
    let r = run_on(Strategy::Gather, &user_then_orders(), RunOptions::default());
    assert_eq!(starts(&r), vec![0.0, 0.0]);
    assert_eq!(r.makespan_ms, 2.0 * S);
}

#[test]
fn a_diamond_starts_each_task_when_its_last_dependency_ends_and_takes_1_plus_5_plus_1() {
    let s = named(&[
        ("a", 1.0, &[]),
        ("b", 5.0, &[0]),
        ("c", 2.0, &[0]),
        ("d", 1.0, &[1, 2]),
        ("e", 0.5, &[]),
    ]);
    let r = run_on(Strategy::Chained, &s, RunOptions::default());
    assert_eq!(starts(&r), vec![0.0, 1.0, 1.0, 6.0, 0.0]);
    assert_eq!(ends(&r), vec![1.0, 6.0, 3.0, 7.0, 0.5]);
    assert_eq!(r.makespan_ms, 7.0 * S);
    assert_eq!(r.bound_ms, 7.0 * S);
}

#[test]
fn when_the_user_call_fails_at_2s_the_orders_and_invoice_that_wait_for_it_never_start() {
    let mut s = named(&[
        ("user", 2.0, &[]),
        ("orders", 1.0, &[0]),
        ("invoice", 1.0, &[1]),
        ("news", 3.0, &[]),
    ]);
    s.tasks[0].fails = true;
    let r = run_on(Strategy::Chained, &s, RunOptions::default());
    assert_eq!(statuses(&r), vec![Failed, Cancelled, Cancelled, Fine]);
    assert_eq!(starts(&r), vec![0.0, 2.0, 2.0, 0.0]);
    assert_eq!(ends(&r), vec![2.0, 2.0, 2.0, 3.0]);
    assert_eq!(
        r.tasks[1].result,
        "cancelled: waits for user, which did not succeed"
    );
    assert_eq!(
        r.tasks[2].result,
        "cancelled: waits for orders, which did not succeed"
    );
    assert_eq!(r.makespan_ms, 3.0 * S);
}

#[test]
fn a_cycle_runs_nothing_and_the_failure_names_the_cycle() {
    let s = named(&[("a", 1.0, &[1]), ("b", 1.0, &[0]), ("c", 1.0, &[])]);
    assert!(Strategy::Chained.check(&s).is_err());
    assert!(Strategy::Gather.check(&s).is_ok());
    let r = run_on(Strategy::Chained, &s, RunOptions::default());
    assert_eq!(statuses(&r), vec![Cancelled; 3]);
    assert_eq!(ends(&r), vec![0.0; 3]);
    assert_eq!(r.makespan_ms, 0.0);
    assert_eq!(r.bound_ms, 0.0);
    let failure = r.failure.expect("a cycle is reported");
    assert_eq!(failure.task, 0);
    assert!(failure.message.contains("a → b → a"), "{}", failure.message);
}

#[test]
fn a_dependency_on_a_missing_task_is_reported_rather_than_run() {
    let s = named(&[("a", 1.0, &[4])]);
    let r = run_on(Strategy::Chained, &s, RunOptions::default());
    assert_eq!(
        r.failure.map(|f| f.message),
        Some("a waits for task id 4, which does not exist.".to_string())
    );
}

#[test]
fn chained_tasks_without_dependencies_all_start_at_once_like_gather() {
    let r = run_s(Strategy::Chained, &[3.0, 1.0, 2.0]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 0.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
}
