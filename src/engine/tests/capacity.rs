use super::*;

use TaskStatus::{Ok as Fine, Rejected};

fn capacity(c: usize) -> RunOptions {
    RunOptions {
        capacity: Some(c),
        ..RunOptions::default()
    }
}

fn four_one_second_calls() -> Scenario {
    seconds_scenario(&[1.0; 4])
}

#[test]
fn gathering_4_calls_to_a_service_of_capacity_2_gets_2_rejected_at_once() {
    let r = run_on(Strategy::Gather, &four_one_second_calls(), capacity(2));
    assert_eq!(statuses(&r), vec![Fine, Fine, Rejected, Rejected]);
    assert_eq!(starts(&r), vec![0.0; 4]);
    assert_eq!(ends(&r), vec![1.0, 1.0, 0.0, 0.0]);
    assert_eq!(r.count(Rejected), 2);
    assert_eq!(r.results[2], "error: 429 Too Many Requests");
    assert_eq!(r.makespan_ms, 1.0 * S);
    assert_eq!(r.concurrency().peak, 2);
}

#[test]
fn a_semaphore_or_batches_no_wider_than_the_capacity_get_nothing_rejected() {
    for strategy in [
        Strategy::Semaphore { limit: 2 },
        Strategy::Semaphore { limit: 1 },
        Strategy::Batches { size: 2 },
    ] {
        let r = run_on(strategy, &four_one_second_calls(), capacity(2));
        assert_eq!(r.count(Rejected), 0, "{}", r.spec);
        assert!(r.tasks.iter().all(|t| t.status == Fine), "{}", r.spec);
    }
    let sem = run_on(
        Strategy::Semaphore { limit: 2 },
        &four_one_second_calls(),
        capacity(2),
    );
    assert_eq!(sem.makespan_ms, 2.0 * S);
}

#[test]
fn a_semaphore_wider_than_the_capacity_floods_it_and_rejected_calls_free_their_permit_at_once() {
    // Permits 3, capacity 2: calls 1 and 2 get in; call 3 is rejected at 0 s, which frees its
    // permit, so call 4 starts at 0 s too and is rejected as well.
    let r = run_on(
        Strategy::Semaphore { limit: 3 },
        &four_one_second_calls(),
        capacity(2),
    );
    assert_eq!(statuses(&r), vec![Fine, Fine, Rejected, Rejected]);
    assert_eq!(starts(&r), vec![0.0; 4]);
    assert_eq!(r.makespan_ms, 1.0 * S);
}

#[test]
fn sequential_calls_never_overlap_so_a_capacity_of_1_is_enough() {
    let r = run_on(Strategy::Sequential, &four_one_second_calls(), capacity(1));
    assert_eq!(r.count(Rejected), 0);
    assert_eq!(r.makespan_ms, 4.0 * S);
}

#[test]
fn a_service_of_capacity_0_rejects_every_call_at_time_0() {
    let r = run_on(Strategy::Sequential, &four_one_second_calls(), capacity(0));
    assert_eq!(r.count(Rejected), 4);
    assert_eq!(r.makespan_ms, 0.0);
    assert_eq!(r.concurrency().peak, 0);
}

#[test]
fn a_timed_out_call_frees_its_slot_at_the_timeout() {
    // Capacity 1, timeout 1 s, one call after another: the 3 s call holds the only slot
    // until it times out at 1 s; the 1 s call then gets in and ends at 2 s.
    let options = RunOptions {
        capacity: Some(1),
        timeout_ms: Some(1.0 * S),
        ..RunOptions::default()
    };
    let r = run_on(
        Strategy::Sequential,
        &seconds_scenario(&[3.0, 1.0]),
        options,
    );
    assert_eq!(starts(&r), vec![0.0, 1.0]);
    assert_eq!(statuses(&r), vec![TaskStatus::TimedOut, Fine]);
    assert_eq!(r.makespan_ms, 2.0 * S);
}
