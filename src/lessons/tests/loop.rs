//! Tests of `event_loop.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn with(pairs: &[(&str, f64)]) -> TracedRun {
    TracedRun::read(&values_with(&PARAMS, pairs))
}

/// The strategy options, in the form's order.
const STRATEGIES: [&str; 3] = ["gather", "sequential", "semaphore"];

/// `n` tasks traced with the strategy option `strategy`.
fn traced(strategy: &str, n: f64) -> TracedRun {
    let mut values = values_with(&PARAMS, &[("n", n)]);
    values.1.insert("strategy".into(), strategy.into());
    TracedRun::read(&values)
}

/// The strategy the `strategy` parameter picks.
fn chosen(strategy: &str) -> Strategy {
    traced(strategy, 3.0).choice.strategy()
}

#[test]
fn the_strategy_parameter_picks_gather_sequential_or_a_semaphore_of_2() {
    let keys: Vec<String> = STRATEGIES.map(|s| chosen(s).spec()).to_vec();
    assert_eq!(keys, vec!["gather", "sequential", "semaphore(2)"]);
    assert_eq!(chosen("nope").key(), "gather");
    assert!(STRATEGY.parse_text("nope").is_err());
    assert_eq!(with(&[]).choice.strategy(), Strategy::Gather);
}

#[test]
fn every_task_is_run_woken_and_run_again_so_the_trace_has_3n_steps() {
    for strategy in STRATEGIES {
        for n in [1.0, 3.0, 8.0] {
            let v = traced(strategy, n);
            let (record, trace) = EventLoopLesson.trace(&v).expect("traced");
            assert_eq!(
                trace.steps.len(),
                3 * n as usize,
                "strategy {strategy}, n {n}"
            );
            let done = trace
                .steps
                .iter()
                .filter(|s| matches!(s.action, LoopAction::Run { done: true, .. }))
                .count();
            assert_eq!(done, record.tasks.len());
            let last = trace.steps.last().map(|s| s.at_ms);
            assert_eq!(last, Some(record.makespan_ms));
        }
    }
}

#[test]
fn the_traced_run_is_the_run_the_page_predicts() {
    let v = traced("semaphore", 5.0);
    let (record, _) = EventLoopLesson.trace(&v).expect("traced");
    let planned = predicted(&EventLoopLesson.plan(EventLoopAction::Run, &v));
    assert_eq!(planned, vec![record]);
}

#[test]
fn gathering_3_tasks_first_runs_each_once_at_time_0_and_readies_them_all() {
    let (_, trace) = EventLoopLesson.trace(&with(&[])).expect("traced");
    let first: Vec<(f64, LoopAction)> = trace.steps[..3]
        .iter()
        .map(|s| (s.at_ms, s.action))
        .collect();
    let ran = |task| (0.0, LoopAction::Run { task, done: false });
    assert_eq!(first, vec![ran(0), ran(1), ran(2)]);
    assert_eq!(trace.steps[0].ready, vec![1, 2]);
    let all = EventLoopLesson.insights(&[], &with(&[]));
    assert_eq!(insight(&all, "most-ready"), "2");
    assert_eq!(insight(&all, "most-sleeping"), "3");
    assert_eq!(insight(&all, "steps"), "9");
    assert_eq!(insight(&all, "timer-wakes"), "3");
}

#[test]
fn sequentially_never_more_than_one_task_is_asleep() {
    let all = EventLoopLesson.insights(&[], &traced("sequential", 6.0));
    assert_eq!(insight(&all, "most-sleeping"), "1");
    assert_eq!(insight(&all, "most-ready"), "1");
}

#[test]
fn the_code_matches_the_chosen_strategy() {
    let gather = &EventLoopLesson.code(&with(&[]))[0];
    assert!(gather.python.contains("asyncio.gather(*(task(i, d)"));
    assert!(gather.rust.contains("use futures::future::join_all;"));
    let limited = &EventLoopLesson.code(&traced("semaphore", 3.0))[0];
    assert!(limited.python.contains("asyncio.Semaphore(2)"));
    assert!(limited.rust.contains(".buffer_unordered(2)"));
    let sequential = &EventLoopLesson.code(&traced("sequential", 3.0))[0];
    assert!(sequential.rust.contains("task(i, ms).await;"));
    assert!(!sequential.rust.contains("«uses»") && !sequential.python.contains("«body»"));
}
