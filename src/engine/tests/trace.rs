use super::*;
use crate::engine::{EventLoopTrace, LoopAction, LoopStep, SleepingTask};

use LoopAction::{Cancel, Run, Wake};

fn trace(
    strategy: Strategy,
    scenario: &Scenario,
    options: RunOptions,
) -> (RunRecord, EventLoopTrace) {
    EventLoopTrace::record(strategy, scenario, &options).expect("sleeps finish")
}

/// A step at `ms` with the ready queue and the sleeping `(task, wake ms)` pairs after it.
fn step(ms: f64, action: LoopAction, ready: &[usize], sleeping: &[(usize, f64)]) -> LoopStep {
    LoopStep {
        at_ms: ms,
        action,
        ready: ready.to_vec(),
        sleeping: sleeping
            .iter()
            .map(|&(task, wake_ms)| SleepingTask { task, wake_ms })
            .collect(),
    }
}

fn ran(task: usize) -> LoopAction {
    Run { task, done: false }
}

fn finished(task: usize) -> LoopAction {
    Run { task, done: true }
}

#[test]
fn gathering_200_and_100_ms_runs_both_then_wakes_the_shorter_first() {
    let (_, t) = trace(
        Strategy::Gather,
        &Scenario::from_durations(&[200.0, 100.0]),
        RunOptions::default(),
    );
    assert_eq!(
        t.steps,
        vec![
            step(0.0, ran(0), &[1], &[(0, 200.0)]),
            step(0.0, ran(1), &[], &[(1, 100.0), (0, 200.0)]),
            step(100.0, Wake { task: 1 }, &[1], &[(0, 200.0)]),
            step(100.0, finished(1), &[], &[(0, 200.0)]),
            step(200.0, Wake { task: 0 }, &[0], &[]),
            step(200.0, finished(0), &[], &[]),
        ]
    );
}

#[test]
fn sequential_200_then_100_ms_creates_the_second_task_only_after_the_first_is_done() {
    let (_, t) = trace(
        Strategy::Sequential,
        &Scenario::from_durations(&[200.0, 100.0]),
        RunOptions::default(),
    );
    assert_eq!(
        t.steps,
        vec![
            step(0.0, ran(0), &[], &[(0, 200.0)]),
            step(200.0, Wake { task: 0 }, &[0], &[]),
            step(200.0, finished(0), &[], &[]),
            step(200.0, ran(1), &[], &[(1, 300.0)]),
            step(300.0, Wake { task: 1 }, &[1], &[]),
            step(300.0, finished(1), &[], &[]),
        ]
    );
}

#[test]
fn a_task_group_cancel_removes_the_siblings_timers_from_the_loop() {
    let s = failing(Scenario::from_durations(&[300.0, 100.0, 200.0]), &[1]);
    let (r, t) = trace(Strategy::TaskGroupCancel, &s, RunOptions::default());
    assert_eq!(r.makespan_ms, 100.0);
    assert_eq!(
        t.steps,
        vec![
            step(0.0, ran(0), &[1, 2], &[(0, 300.0)]),
            step(0.0, ran(1), &[2], &[(1, 100.0), (0, 300.0)]),
            step(0.0, ran(2), &[], &[(1, 100.0), (2, 200.0), (0, 300.0)]),
            step(100.0, Wake { task: 1 }, &[1], &[(2, 200.0), (0, 300.0)]),
            step(100.0, finished(1), &[], &[(2, 200.0), (0, 300.0)]),
            step(100.0, Cancel { task: 0 }, &[], &[]),
            step(100.0, Cancel { task: 2 }, &[], &[]),
        ]
    );
}

#[test]
fn a_timeout_shows_two_timers_for_one_task_and_the_io_timer_goes_when_the_timeout_fires() {
    let options = RunOptions {
        timeout_ms: Some(100.0),
        capacity: None,
        ..RunOptions::default()
    };
    let (_, t) = trace(
        Strategy::Gather,
        &Scenario::from_durations(&[300.0]),
        options,
    );
    assert_eq!(
        t.steps,
        vec![
            step(0.0, ran(0), &[], &[(0, 100.0), (0, 300.0)]),
            step(100.0, Wake { task: 0 }, &[0], &[(0, 300.0)]),
            step(100.0, finished(0), &[], &[]),
        ]
    );
}

#[test]
fn a_semaphore_of_1_readies_each_task_only_when_the_permit_is_free() {
    let (_, t) = trace(
        Strategy::Semaphore { limit: 1 },
        &Scenario::from_durations(&[100.0, 100.0]),
        RunOptions::default(),
    );
    let at_zero: Vec<&LoopStep> = t.steps.iter().filter(|s| s.at_ms == 0.0).collect();
    assert_eq!(at_zero, vec![&step(0.0, ran(0), &[], &[(0, 100.0)])]);
    assert_eq!(t.steps.len(), 6);
}

#[test]
fn every_trace_ends_each_task_exactly_when_its_span_ends() {
    let mut scenario = failing(
        Scenario::from_durations(&[300.0, 100.0, 200.0, 50.0, 400.0]),
        &[2],
    );
    scenario.tasks[3].after = vec![1];
    let options = RunOptions {
        capacity: Some(3),
        timeout_ms: Some(350.0),
        ..RunOptions::default()
    };
    for strategy in Strategy::ALL {
        let (r, t) = trace(strategy, &scenario, options);
        for span in &r.tasks {
            let done: Vec<f64> = t
                .steps
                .iter()
                .filter(|s| matches!(s.action, Run { task, done: true } | Cancel { task } if task == span.id))
                .map(|s| s.at_ms)
                .collect();
            assert_eq!(done, vec![span.end_ms], "{} task {}", r.spec, span.id);
        }
        let last = t.steps.last().expect("steps");
        assert!(
            last.ready.is_empty() && last.sleeping.is_empty(),
            "{}",
            r.spec
        );
    }
}

#[test]
fn an_untraced_clock_records_nothing() {
    let clock = VirtualClock::new();
    let s = Scenario::from_durations(&[10.0]);
    clock
        .run(Strategy::Gather.run(&clock, &s, &|_| {}))
        .expect("finishes");
    assert!(clock.take_trace().steps.is_empty());
}
