//! Timeline tests of the strategies on virtual time. Every expected time is worked out by
//! hand from the durations in the test's name; none is copied from a run's output.

mod bounded;
mod capacity;
mod chained;
mod failures;
mod robustness;
mod scaling;
mod trace;

use std::cell::RefCell;

use super::{
    RunEvent, RunOptions, RunRecord, Scenario, Strategy, TaskSpec, TaskStatus, VirtualClock,
};

/// One second, in milliseconds.
const S: f64 = 1000.0;

/// Runs `strategy` on `scenario` under `options` on a fresh virtual clock.
fn run_on(strategy: Strategy, scenario: &Scenario, options: RunOptions) -> RunRecord {
    record_events(strategy, scenario, options).0
}

/// Like [`run_on`], also returning every event the observer heard.
fn record_events(
    strategy: Strategy,
    scenario: &Scenario,
    options: RunOptions,
) -> (RunRecord, Vec<RunEvent>) {
    let clock = VirtualClock::new();
    let events = RefCell::new(Vec::new());
    let record = clock
        .run(strategy.run_with(&clock, scenario, &options, &|e| events.borrow_mut().push(e)))
        .expect("a run of sleeps always finishes");
    (record, events.into_inner())
}

/// Runs `strategy` over tasks of the given durations (seconds), with no options.
fn run_s(strategy: Strategy, seconds: &[f64]) -> RunRecord {
    run_on(strategy, &seconds_scenario(seconds), RunOptions::default())
}

/// Tasks `task 1`, `task 2`, … of the given durations in seconds.
fn seconds_scenario(seconds: &[f64]) -> Scenario {
    let ms: Vec<f64> = seconds.iter().map(|s| s * S).collect();
    Scenario::from_durations(&ms)
}

/// The same scenario with the tasks at `ids` failing.
fn failing(mut scenario: Scenario, ids: &[usize]) -> Scenario {
    for &id in ids {
        if let Some(t) = scenario.tasks.get_mut(id) {
            t.fails = true;
        }
    }
    scenario
}

/// A scenario of named tasks: (label, seconds, ids it waits for).
fn named(tasks: &[(&str, f64, &[usize])]) -> Scenario {
    Scenario {
        tasks: tasks
            .iter()
            .enumerate()
            .map(|(id, (label, s, after))| TaskSpec::new(id, *label, s * S).after(after))
            .collect(),
    }
}

/// Start times, in seconds.
fn starts(r: &RunRecord) -> Vec<f64> {
    r.tasks.iter().map(|t| t.start_ms / S).collect()
}

/// End times, in seconds.
fn ends(r: &RunRecord) -> Vec<f64> {
    r.tasks.iter().map(|t| t.end_ms / S).collect()
}

/// Statuses, in input order.
fn statuses(r: &RunRecord) -> Vec<TaskStatus> {
    r.tasks.iter().map(|t| t.status).collect()
}
