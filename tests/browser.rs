//! Browser-layer tests: real timers, `performance.now()` and animation frames in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --test browser`).
//! Timing bounds are generous: they catch a broken clock, not a slow machine.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncscope::browser::{pending_sleeps, wake_ups, BrowserClock, FrameLoop};
use asyncscope::engine::{Clock, RunEvent, Scenario, Strategy};
use futures::future::{abortable, join_all};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_50_ms_sleep_takes_at_least_50_ms_and_well_under_150_ms() {
    let clock = BrowserClock::new();
    let t0 = clock.now_ms();
    clock.sleep(50.0).await;
    let elapsed = clock.now_ms() - t0;
    assert!((49.5..150.0).contains(&elapsed), "slept {elapsed} ms");
}

#[wasm_bindgen_test]
async fn performance_now_moves_forward() {
    let clock = BrowserClock::new();
    let a = clock.now_ms();
    clock.sleep(5.0).await;
    assert!(clock.now_ms() > a);
}

#[wasm_bindgen_test]
async fn gather_of_three_real_sleeps_finishes_near_the_longest() {
    let clock = BrowserClock::new();
    let scenario = Scenario::from_durations(&[40.0, 120.0, 80.0]);
    let record = Strategy::Gather.run(&clock, &scenario, &|_| {}).await;
    assert!(
        (119.5..220.0).contains(&record.makespan_ms),
        "gather took {} ms",
        record.makespan_ms
    );
    assert!(record.tasks.iter().all(|t| t.start_ms < 20.0));
    assert_eq!(record.completion_order(), vec![0, 2, 1]);
    assert_eq!(
        record.results,
        vec!["task 1 done", "task 2 done", "task 3 done"]
    );
}

#[wasm_bindgen_test]
async fn sequential_of_three_real_sleeps_takes_at_least_their_sum() {
    let clock = BrowserClock::new();
    let scenario = Scenario::from_durations(&[40.0, 60.0, 20.0]);
    let record = Strategy::Sequential.run(&clock, &scenario, &|_| {}).await;
    assert!(
        (119.5..260.0).contains(&record.makespan_ms),
        "sequential took {} ms",
        record.makespan_ms
    );
    let starts: Vec<f64> = record.tasks.iter().map(|t| t.start_ms).collect();
    assert!(starts[1] >= 39.5 && starts[2] >= 99.5, "starts {starts:?}");
}

#[wasm_bindgen_test]
async fn two_runs_side_by_side_on_one_loop_keep_their_own_timings() {
    let clock = BrowserClock::new();
    let scenario = Scenario::from_durations(&[30.0, 30.0, 30.0]);
    let runs = join_all([
        Strategy::Sequential.run(&clock, &scenario, &|_| {}),
        Strategy::Gather.run(&clock, &scenario, &|_| {}),
    ])
    .await;
    assert!(runs[0].makespan_ms >= 89.5 && runs[0].makespan_ms < 200.0);
    assert!(runs[1].makespan_ms >= 29.5 && runs[1].makespan_ms < 100.0);
}

#[wasm_bindgen_test]
async fn an_aborted_run_stops_reporting_events_and_its_timers_never_fire() {
    let clock = BrowserClock::new();
    let scenario = Scenario::from_durations(&[20.0, 60.0]);
    let ended = Rc::new(Cell::new(0));
    let e = ended.clone();
    let observer = move |ev: RunEvent| {
        if matches!(ev, RunEvent::Ended { .. }) {
            e.set(e.get() + 1);
        }
    };
    let (run, handle) = abortable(Strategy::Sequential.run(&clock, &scenario, &observer));
    let abort_later = async {
        BrowserClock::new().sleep(35.0).await;
        handle.abort();
    };
    let (result, ()) = futures::join!(run, abort_later);
    assert!(result.is_err(), "the run should have been aborted");
    assert_eq!(ended.get(), 1);
    clock.sleep(80.0).await;
    assert_eq!(ended.get(), 1, "no event after abort");
}

#[wasm_bindgen_test]
async fn a_frame_loop_ticks_until_it_is_dropped() {
    let clock = BrowserClock::new();
    let frames = Rc::new(RefCell::new(Vec::new()));
    let f = frames.clone();
    let frame_loop = FrameLoop::start(move |t| f.borrow_mut().push(t));
    clock.sleep(300.0).await;
    drop(frame_loop);
    let seen = frames.borrow().len();
    assert!(seen >= 2, "only {seen} frames in 300 ms");
    clock.sleep(150.0).await;
    assert_eq!(frames.borrow().len(), seen, "frames after drop");
}

#[wasm_bindgen_test]
async fn sleeps_registered_out_of_order_wake_in_deadline_order() {
    let clock = BrowserClock::new();
    let order = Rc::new(RefCell::new(Vec::new()));
    let sleeps = [60.0, 20.0, 40.0].map(|ms| {
        let order = order.clone();
        let clock = clock.clone();
        async move {
            clock.sleep(ms).await;
            order.borrow_mut().push(ms as u32);
        }
    });
    join_all(sleeps).await;
    assert_eq!(*order.borrow(), vec![20, 40, 60]);
}

#[wasm_bindgen_test]
async fn two_thousand_equal_sleeps_end_together_and_leave_no_timer_pending() {
    let clock = BrowserClock::new();
    let t0 = clock.now_ms();
    join_all((0..2000).map(|_| clock.sleep(30.0))).await;
    let elapsed = clock.now_ms() - t0;
    assert!((29.5..200.0).contains(&elapsed), "took {elapsed} ms");
    assert_eq!(pending_sleeps(), 0);
}

#[wasm_bindgen_test]
async fn sleeps_never_end_before_their_deadline_and_the_queue_goes_quiet_after_them() {
    let clock = BrowserClock::new();
    for ms in [5.0, 17.0, 40.0] {
        let t0 = clock.now_ms();
        clock.sleep(ms).await;
        let took = clock.now_ms() - t0;
        // Early by at most the slack (a tenth of a millisecond, plus rounding); late by
        // whatever a busy machine adds, so only a generous upper bound.
        assert!(
            took >= ms - 0.15 && took < ms + 100.0,
            "{ms} ms took {took} ms"
        );
    }
    // No hop or timer keeps running once nothing sleeps (measured by a JS timer, which
    // does not wake the queue).
    assert_eq!(pending_sleeps(), 0);
    let before = wake_ups();
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(wake_ups(), before, "the queue woke with nothing to do");
}

#[wasm_bindgen_test]
async fn a_dropped_sleep_is_cancelled_and_leaves_no_timer_pending() {
    let clock = BrowserClock::new();
    let long = clock.sleep(10_000.0);
    let short = clock.sleep(10.0);
    // The long sleep is registered (polled once), then loses the race and is dropped.
    futures::future::select(long, short).await;
    assert_eq!(pending_sleeps(), 0);
}
