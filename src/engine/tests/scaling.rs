use std::time::Instant;

use super::*;
use crate::engine::{scaling, ScalingPoint};

#[test]
fn scaling_four_1s_tasks_with_a_semaphore_of_2_gives_n_1_ceil_n_over_2() {
    let points = scaling(&[S; 4], 10, 2);
    let expected: Vec<ScalingPoint> = [(1, 1.0, 1.0), (2, 2.0, 1.0), (3, 3.0, 2.0), (4, 4.0, 2.0)]
        .iter()
        .map(|&(n, seq, sem)| ScalingPoint {
            n,
            sequential_ms: seq * S,
            gather_ms: S,
            semaphore_ms: sem * S,
            sequential_bound_ms: seq * S,
            gather_bound_ms: S,
            semaphore_bound_ms: sem * S,
        })
        .collect();
    assert_eq!(points, expected);
}

#[test]
fn scaling_uses_the_first_n_durations_and_handles_empty_input() {
    let points = scaling(&[3.0 * S, 1.0 * S, 2.0 * S], 3, 0);
    let seq: Vec<f64> = points.iter().map(|p| p.sequential_ms / S).collect();
    let gather: Vec<f64> = points.iter().map(|p| p.gather_ms / S).collect();
    assert_eq!(seq, vec![3.0, 4.0, 6.0]);
    assert_eq!(gather, vec![3.0, 3.0, 3.0]);
    // A limit of 0 counts as 1: the semaphore is then sequential.
    assert!(points.iter().all(|p| p.semaphore_ms == p.sequential_ms));
    assert!(scaling(&[], 5, 2).is_empty());
    assert!(scaling(&[S], 0, 2).is_empty());
}

#[test]
fn ten_thousand_gathered_tasks_run_on_virtual_time_exactly() {
    let durations: Vec<f64> = (0..10_000).map(|i| ((i % 97) + 1) as f64 * 10.0).collect();
    let scenario = Scenario::from_durations(&durations);
    let clock = VirtualClock::new();
    let began = Instant::now();
    let r = clock
        .run(Strategy::Gather.run(&clock, &scenario, &|_| {}))
        .expect("sleeps finish");
    let wall = began.elapsed().as_secs_f64();
    assert_eq!(r.makespan_ms, 970.0);
    assert!(r
        .tasks
        .iter()
        .all(|t| t.start_ms == 0.0 && t.end_ms == t.requested_ms));
    let events = clock.events();
    println!(
        "10,000 gathered tasks: {events} loop events in {:.1} ms ({:.0} events/s)",
        wall * 1000.0,
        events as f64 / wall.max(1e-9)
    );
}
