//! Tests of `strategy.rs`, kept beside it so the module stays readable.

use super::*;
use crate::engine::{TaskStatus, VirtualClock};

fn run(strategy: Strategy, durations: &[f64]) -> RunRecord {
    let clock = VirtualClock::new();
    let scenario = Scenario::from_durations(durations);
    let c = clock.clone();
    clock
        .run(async move { strategy.run(&c, &scenario, &|_| {}).await })
        .expect("a run of sleeps always finishes")
}

fn starts(r: &RunRecord) -> Vec<f64> {
    r.tasks.iter().map(|t| t.start_ms).collect()
}

#[test]
fn sequential_of_3_1_2_seconds_takes_6_seconds_starting_at_0_3_and_4() {
    let r = run(Strategy::Sequential, &[3000.0, 1000.0, 2000.0]);
    assert_eq!(r.makespan_ms, 6000.0);
    assert_eq!(starts(&r), vec![0.0, 3000.0, 4000.0]);
    assert_eq!(r.bound_ms, 6000.0);
    assert_eq!(r.overhead_ms(), 0.0);
}

#[test]
fn gather_of_3_1_2_seconds_takes_3_seconds_with_every_start_at_0() {
    let r = run(Strategy::Gather, &[3000.0, 1000.0, 2000.0]);
    assert_eq!(r.makespan_ms, 3000.0);
    assert_eq!(starts(&r), vec![0.0, 0.0, 0.0]);
    assert_eq!(r.bound_ms, 3000.0);
}

#[test]
fn gather_returns_results_in_input_order_but_finishes_shortest_first() {
    let r = run(Strategy::Gather, &[3000.0, 1000.0, 2000.0]);
    assert_eq!(r.results, vec!["task 1 done", "task 2 done", "task 3 done"]);
    assert_eq!(r.completion_order(), vec![1, 2, 0]);
}

#[test]
fn a_single_task_takes_its_duration_with_either_strategy() {
    for s in Strategy::SEQUENTIAL_AND_GATHER {
        let r = run(s, &[1234.0]);
        assert_eq!(r.makespan_ms, 1234.0);
        assert_eq!(r.tasks[0].end_ms, 1234.0);
    }
}

#[test]
fn equal_durations_all_end_together_when_gathered() {
    let r = run(Strategy::Gather, &[500.0; 8]);
    assert!(r.tasks.iter().all(|t| t.end_ms == 500.0));
    let ranks: Vec<usize> = r.tasks.iter().map(|t| t.finish_rank).collect();
    assert_eq!(ranks, (1..=8).collect::<Vec<_>>());
}

#[test]
fn zero_length_tasks_take_no_time() {
    for s in Strategy::SEQUENTIAL_AND_GATHER {
        let r = run(s, &[0.0, 0.0, 0.0]);
        assert_eq!(r.makespan_ms, 0.0);
        assert!(r.tasks.iter().all(|t| t.finish_rank > 0));
    }
}

#[test]
fn a_thousand_tasks_run_exactly_on_virtual_time() {
    let durations: Vec<f64> = (0..1000).map(|i| (i % 50 + 1) as f64 * 10.0).collect();
    let total: f64 = durations.iter().sum();
    let seq = run(Strategy::Sequential, &durations);
    assert_eq!(seq.makespan_ms, total);
    let gather = run(Strategy::Gather, &durations);
    assert_eq!(gather.makespan_ms, 500.0);
    assert!(gather.tasks.iter().all(|t| t.end_ms == t.requested_ms));
}

#[test]
fn the_observer_hears_one_start_and_one_end_per_task_in_time_order() {
    let clock = VirtualClock::new();
    let scenario = Scenario::from_durations(&[200.0, 100.0]);
    let events = std::cell::RefCell::new(Vec::new());
    let c = clock.clone();
    clock
        .run(async {
            Strategy::Gather
                .run(&c, &scenario, &|e| events.borrow_mut().push(e))
                .await
        })
        .unwrap();
    assert_eq!(
        events.into_inner(),
        vec![
            RunEvent::Started { id: 0, at_ms: 0.0 },
            RunEvent::Started { id: 1, at_ms: 0.0 },
            RunEvent::Ended {
                id: 1,
                at_ms: 100.0,
                status: TaskStatus::Ok,
            },
            RunEvent::Ended {
                id: 0,
                at_ms: 200.0,
                status: TaskStatus::Ok,
            },
        ]
    );
}

#[test]
fn keys_round_trip() {
    for s in Strategy::SEQUENTIAL_AND_GATHER {
        assert_eq!(Strategy::from_key(s.key()), Some(s));
    }
    assert_eq!(Strategy::from_key("nope"), None);
}

#[test]
fn every_spec_round_trips_and_carries_its_parameter() {
    for s in Strategy::ALL {
        assert_eq!(Strategy::from_spec(&s.spec()), Some(s));
    }
    let sem = Strategy::Semaphore { limit: 7 };
    assert_eq!(sem.spec(), "semaphore(7)");
    assert_eq!(Strategy::from_spec(" semaphore( 7 ) "), Some(sem));
    assert_eq!(
        Strategy::from_spec("batches(2)"),
        Some(Strategy::Batches { size: 2 })
    );
    assert_eq!(
        Strategy::from_key("semaphore"),
        Some(Strategy::Semaphore {
            limit: DEFAULT_LIMIT
        })
    );
}

#[test]
fn malformed_specs_are_refused_without_panicking() {
    for bad in [
        "semaphore(0)",
        "semaphore(-1)",
        "semaphore(x)",
        "semaphore(2",
        "gather(2)",
        "batches(100001)",
        "batches(99999999999999999999999)",
        "(3)",
        "",
    ] {
        assert_eq!(Strategy::from_spec(bad), None, "{bad}");
    }
}

#[test]
fn the_semaphore_label_names_the_greedy_schedule_only_for_unequal_durations() {
    let sem = Strategy::Semaphore { limit: 2 };
    let equal = Scenario::from_durations(&[5.0, 5.0, 5.0]);
    let unequal = Scenario::from_durations(&[5.0, 1.0]);
    assert_eq!(sem.bound_label_for(&equal), "⌈n/k⌉·d");
    assert_eq!(sem.bound_label_for(&unequal), "k-slot schedule");
    assert_eq!(Strategy::Gather.bound_label_for(&unequal), "max d");
}

#[test]
fn cpu_jobs_bound_every_strategy_by_where_they_run() {
    let mut scenario = Scenario::from_durations(&[300.0, 200.0, 100.0]);
    for t in &mut scenario.tasks[..2] {
        t.cpu = Some(crate::engine::cpu::CpuJob::Ping);
    }
    let one_thread = RunOptions::default();
    let two = RunOptions {
        workers: Some(2),
        ..RunOptions::default()
    };
    let gather = Strategy::Gather;
    assert_eq!(gather.bound_with(&scenario, &one_thread), 500.0);
    assert_eq!(
        gather.bound_label_with(&scenario, &one_thread),
        "Σc on one thread"
    );
    assert_eq!(gather.bound_with(&scenario, &two), 300.0);
    assert_eq!(
        gather.bound_label_with(&scenario, &two),
        "jobs on 2 workers"
    );
    let seq = Strategy::Sequential;
    assert_eq!(seq.bound_with(&scenario, &one_thread), 600.0);
    assert_eq!(seq.bound_label_with(&scenario, &one_thread), "Σd");
    // The bound is a floor: the I/O call, polled after both jobs, starts at 500 ms.
    let predicted = gather.simulate(&scenario, &one_thread).unwrap();
    assert_eq!((predicted.makespan_ms, predicted.bound_ms), (600.0, 500.0));
    scenario.tasks.truncate(2);
    for (strategy, options) in [(gather, &one_thread), (gather, &two), (seq, &one_thread)] {
        let predicted = strategy.simulate(&scenario, options).unwrap();
        assert_eq!(predicted.makespan_ms, predicted.bound_ms, "{strategy:?}");
        let label = strategy.bound_label_with(&scenario, options);
        assert_eq!(predicted.bound_label(), label);
    }
}
