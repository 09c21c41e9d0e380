use super::*;
use crate::engine::ConcurrencyPoint;

const SEM2: Strategy = Strategy::Semaphore { limit: 2 };

#[test]
fn as_completed_of_3_1_2_seconds_keeps_the_gather_timeline_but_returns_results_as_they_finish() {
    let r = run_s(Strategy::AsCompleted, &[3.0, 1.0, 2.0]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 0.0]);
    assert_eq!(ends(&r), vec![3.0, 1.0, 2.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
    assert_eq!(r.bound_ms, 3.0 * S);
    assert_eq!(r.results, vec!["task 2 done", "task 3 done", "task 1 done"]);
    assert_eq!(r.strategy, "as_completed");
}

#[test]
fn a_semaphore_of_2_over_3_1_2_seconds_starts_at_0_0_1_and_ends_at_3_1_3() {
    let r = run_s(SEM2, &[3.0, 1.0, 2.0]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 1.0]);
    assert_eq!(ends(&r), vec![3.0, 1.0, 3.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
    assert_eq!(r.bound_ms, 3.0 * S);
    assert_eq!(r.results, vec!["task 1 done", "task 2 done", "task 3 done"]);
    assert_eq!(
        (r.strategy.as_str(), r.spec.as_str()),
        ("semaphore", "semaphore(2)")
    );
}

#[test]
fn a_semaphore_of_2_runs_4_tasks_of_1s_in_2s() {
    let r = run_s(SEM2, &[1.0; 4]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 1.0, 1.0]);
    assert_eq!(r.makespan_ms, 2.0 * S);
    assert_eq!(r.bound_ms, 2.0 * S);
}

#[test]
fn a_semaphore_of_3_runs_7_tasks_of_1s_in_ceil_7_over_3_that_is_3s() {
    let r = run_s(Strategy::Semaphore { limit: 3 }, &[1.0; 7]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
    assert_eq!(r.bound_ms, 3.0 * S);
}

#[test]
fn a_semaphore_of_2_over_1_2_3_4_seconds_follows_the_greedy_schedule_to_6s() {
    // Slot A: 1 s (0–1) then 3 s (1–4); slot B: 2 s (0–2) then 4 s (2–6).
    let r = run_s(SEM2, &[1.0, 2.0, 3.0, 4.0]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 1.0, 2.0]);
    assert_eq!(ends(&r), vec![1.0, 2.0, 4.0, 6.0]);
    assert_eq!(r.makespan_ms, 6.0 * S);
    assert_eq!(r.bound_ms, 6.0 * S);
}

#[test]
fn a_semaphore_of_0_behaves_like_a_semaphore_of_1_that_is_sequential() {
    let r = run_s(Strategy::Semaphore { limit: 0 }, &[1.0, 2.0]);
    assert_eq!(starts(&r), vec![0.0, 1.0]);
    assert_eq!(r.makespan_ms, 3.0 * S);
    assert_eq!(r.bound_ms, 3.0 * S);
}

#[test]
fn batches_of_2_over_3_1_2_seconds_take_3_plus_2_that_is_5s() {
    let r = run_s(Strategy::Batches { size: 2 }, &[3.0, 1.0, 2.0]);
    assert_eq!(starts(&r), vec![0.0, 0.0, 3.0]);
    assert_eq!(ends(&r), vec![3.0, 1.0, 5.0]);
    assert_eq!(r.makespan_ms, 5.0 * S);
    assert_eq!(r.bound_ms, 5.0 * S);
    assert_eq!(r.spec, "batches(2)");
}

#[test]
fn batches_wait_for_their_slowest_task_where_a_semaphore_would_not() {
    // Batches of 2: [4, 1] then [1, 1] → 4 + 1 = 5 s. Semaphore of 2: slot B runs the
    // three 1 s tasks one after another while slot A runs the 4 s one → 4 s.
    let d = [4.0, 1.0, 1.0, 1.0];
    assert_eq!(
        run_s(Strategy::Batches { size: 2 }, &d).makespan_ms,
        5.0 * S
    );
    assert_eq!(run_s(SEM2, &d).makespan_ms, 4.0 * S);
}

#[test]
fn gather_of_3_1_2_seconds_has_3_then_2_then_1_then_0_tasks_in_flight() {
    let c = run_s(Strategy::Gather, &[3.0, 1.0, 2.0]).concurrency();
    let expected: Vec<ConcurrencyPoint> = [(0.0, 3), (1.0, 2), (2.0, 1), (3.0, 0)]
        .iter()
        .map(|&(s, in_flight)| ConcurrencyPoint {
            at_ms: s * S,
            in_flight,
        })
        .collect();
    assert_eq!(c.points, expected);
    assert_eq!(c.peak, 3);
}

#[test]
fn a_semaphore_of_2_keeps_2_in_flight_even_when_one_task_hands_over_to_the_next() {
    let c = run_s(SEM2, &[3.0, 1.0, 2.0]).concurrency();
    let flat: Vec<(f64, usize)> = c
        .points
        .iter()
        .map(|p| (p.at_ms / S, p.in_flight))
        .collect();
    assert_eq!(flat, vec![(0.0, 2), (3.0, 0)]);
    assert_eq!(c.peak, 2);
}

#[test]
fn sequential_never_has_more_than_one_task_in_flight() {
    let c = run_s(Strategy::Sequential, &[1.0, 2.0, 3.0]).concurrency();
    assert_eq!(c.peak, 1);
    let flat: Vec<(f64, usize)> = c
        .points
        .iter()
        .map(|p| (p.at_ms / S, p.in_flight))
        .collect();
    assert_eq!(flat, vec![(0.0, 1), (6.0, 0)]);
}
