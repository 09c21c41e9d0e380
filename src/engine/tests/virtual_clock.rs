//! Tests of the virtual clock (included by `virtual_clock.rs`).

use super::*;
use futures::future::join;

#[test]
fn a_sleep_advances_virtual_time_by_exactly_its_duration() {
    let clock = VirtualClock::new();
    let c = clock.clone();
    let end = clock
        .run(async move {
            c.sleep(1500.0).await;
            c.now_ms()
        })
        .unwrap();
    assert_eq!(end, 1500.0);
}

#[test]
fn two_concurrent_sleeps_end_at_the_longer_one() {
    let clock = VirtualClock::new();
    let c = clock.clone();
    let end = clock
        .run(async move {
            join(c.sleep(300.0), c.sleep(700.0)).await;
            c.now_ms()
        })
        .unwrap();
    assert_eq!(end, 700.0);
}

#[test]
fn a_future_that_waits_on_nothing_is_reported_as_stalled() {
    let clock = VirtualClock::new();
    let result = clock.run(futures::future::pending::<()>());
    assert_eq!(result, Err(Stalled::Forever));
}

#[test]
fn zero_and_invalid_sleeps_complete_without_moving_time() {
    let clock = VirtualClock::new();
    let c = clock.clone();
    let end = clock
        .run(async move {
            c.sleep(0.0).await;
            c.sleep(-5.0).await;
            c.sleep(f64::NAN).await;
            c.now_ms()
        })
        .unwrap();
    assert_eq!(end, 0.0);
}

#[test]
fn each_fault_job_fails_on_virtual_time_with_its_own_message_and_real_jobs_do_not() {
    let clock = VirtualClock::with_workers(2);
    let c = clock.clone();
    let (panic, close, real) = clock
        .run(async move {
            let panic = c.compute(&CpuJob::Panic, 10.0, Box::new(|_| {})).await;
            let close = c
                .compute(&CpuJob::CloseWorker, 10.0, Box::new(|_| {}))
                .await;
            let real = c.compute(&CpuJob::Ping, 10.0, Box::new(|_| {})).await;
            (panic, close, real)
        })
        .unwrap();
    assert!(panic.is_err_and(|e| e.contains("panics")));
    assert!(close.is_err_and(|e| e.contains("closes its worker")));
    assert!(real.is_ok());
}

#[test]
fn a_run_that_never_ends_is_stopped_by_the_step_budget() {
    let clock = VirtualClock::new().with_step_budget(10_000);
    let c = clock.clone();
    let result = clock.run(async move {
        loop {
            c.sleep(1.0).await;
        }
    });
    assert_eq!(result, Err(Stalled::OverBudget { steps: 10_000 }));
    assert!(clock.now_ms() < 10_000.0, "stopped at {}", clock.now_ms());
}

#[test]
fn the_step_budget_counts_each_run_on_its_own() {
    let clock = VirtualClock::new().with_step_budget(50);
    for _ in 0..10 {
        let c = clock.clone();
        let run = clock.run(async move {
            for _ in 0..10 {
                c.sleep(1.0).await;
            }
        });
        assert_eq!(run, Ok(()));
    }
}
