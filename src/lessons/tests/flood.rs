//! Tests of `flood.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn with(pairs: &[(&str, f64)]) -> Flood {
    Flood::read(&values_with(&PARAMS, pairs))
}

fn runs(action: FloodAction, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
    predicted(&FloodLesson.plan(action, &with(pairs)))
}

/// One second per call at scale 1 and no spread, so the times read in whole seconds.
const REAL_TIME: [(&str, f64); 3] = [("scale", 1.0), ("d", 1.0), ("spread", 0.0)];

#[test]
fn run_all_three_plans_gather_semaphore_and_batches_under_the_capacity() {
    let plans = FloodLesson.plan(FloodAction::All, &with(&[]));
    let specs: Vec<String> = plans.iter().map(|p| p.strategy.spec()).collect();
    assert_eq!(specs, vec!["gather", "semaphore(3)", "batches(3)"]);
    assert!(plans.iter().all(|p| p.options.capacity == Some(4)));
    assert_eq!(
        FloodLesson
            .plan(FloodAction::Batches, &Flood::read(&ParamValues::default()))
            .len(),
        1
    );
}

#[test]
fn gathering_12_calls_against_a_capacity_of_4_refuses_8_of_them() {
    let r = &runs(FloodAction::Gather, &REAL_TIME)[0];
    assert_eq!(r.count(TaskStatus::Rejected), 8);
    assert_eq!(r.concurrency().peak, 4);
    assert_eq!(r.makespan_ms, 1000.0);
}

#[test]
fn a_semaphore_never_has_more_than_k_calls_in_flight() {
    for k in 1..=6 {
        let k = k as f64;
        let r = &runs(FloodAction::Semaphore, &[("k", k), ("capacity", 50.0)])[0];
        assert!(r.concurrency().peak as f64 <= k, "k = {k}");
        assert_eq!(r.count(TaskStatus::Rejected), 0);
    }
}

#[test]
fn a_semaphore_of_3_takes_ceil_12_over_3_times_1s_and_refuses_nothing() {
    let r = &runs(FloodAction::Semaphore, &REAL_TIME)[0];
    assert_eq!(r.makespan_ms, 4000.0);
    assert_eq!(r.concurrency().peak, 3);
    assert_eq!(r.count(TaskStatus::Rejected), 0);
}

#[test]
fn each_batch_starts_only_when_the_slowest_call_of_the_previous_one_ends() {
    let r = &runs(FloodAction::Batches, &REAL_TIME)[0];
    for t in &r.tasks {
        let batch = (t.id / 3) as f64;
        assert_eq!(t.start_ms, batch * 1000.0, "{}", t.label);
    }
    assert_eq!(r.makespan_ms, 4000.0);
}

#[test]
fn a_limit_of_6_above_a_capacity_of_4_lets_refusals_back_in() {
    let pairs = [("k", 6.0), ("scale", 1.0), ("spread", 0.0)];
    let all = runs(FloodAction::All, &pairs);
    // Semaphore: calls 5 and 6 are refused at once, which frees their slots for 7 and
    // 8, refused too, and so on: only the first 4 run.
    assert_eq!(all[1].count(TaskStatus::Rejected), 8);
    // Batches of 6: 2 of each batch are refused; 2 batches of 1 s.
    assert_eq!(all[2].count(TaskStatus::Rejected), 4);
    assert_eq!(all[2].makespan_ms, 2000.0);
}

#[test]
fn insights_give_refusals_peak_and_makespan_per_run() {
    let flood = with(&REAL_TIME);
    let all = FloodLesson.insights(
        &predicted(&FloodLesson.plan(FloodAction::All, &flood)),
        &flood,
    );
    assert_eq!(insight(&all, "rejected-gather"), "8 of 12 calls got 429");
    assert_eq!(insight(&all, "rejected-semaphore"), "no call got 429");
    assert_eq!(insight(&all, "peak-semaphore"), "3");
    assert_eq!(
        insight(&all, "makespan-gather"),
        "1.00 s for 4 of 12 answers (max d = 1.00 s)"
    );
    assert_eq!(
        insight(&all, "makespan-batches"),
        "4.00 s for 12 of 12 answers (Σ max d per batch = 4.00 s)"
    );
}

#[test]
fn by_default_the_calls_vary_so_batches_wait_for_their_slowest() {
    let all = runs(FloodAction::All, &[]);
    let (semaphore, batches) = (&all[1], &all[2]);
    assert!(
        batches.makespan_ms > semaphore.makespan_ms * 1.2,
        "batches {} vs semaphore {}",
        batches.makespan_ms,
        semaphore.makespan_ms
    );
    for t in &batches.tasks[3..6] {
        let slowest = (batches.tasks[..3].iter())
            .map(|t| t.end_ms)
            .fold(0.0, f64::max);
        assert_eq!(t.start_ms, slowest, "{}", t.label);
    }
    assert!(batches.tasks[..3]
        .iter()
        .any(|t| t.end_ms < batches.tasks[3].start_ms - 50.0));
    let flood = with(&[]);
    let insights = FloodLesson.insights(&all, &flood);
    assert_eq!(
        insight(&insights, "rejected-gather"),
        "8 of 12 calls got 429"
    );
    assert_eq!(shortening(0), 0.0);
    assert_eq!((0..5).map(shortening).sum::<f64>(), 2.5);
}

#[test]
fn the_code_uses_the_limit_and_the_capacity() {
    let pairs = [("k", 5.0), ("capacity", 9.0), ("d", 0.5), ("spread", 0.3)];
    let code = &FloodLesson.code(&with(&pairs))[0];
    assert!(code.python.contains("LIMIT = 5") && code.python.contains("than 9 calls"));
    assert!(code.python.contains("SLOWEST, SPREAD = 0.5, 0.3"));
    assert!(code.rust.contains("const LIMIT: usize = 5;"));
    assert!(code.rust.contains("const SLOWEST_MS: f64 = 500.0;"));
    assert!(code.rust.contains("const SPREAD: f64 = 0.3;"));
}
