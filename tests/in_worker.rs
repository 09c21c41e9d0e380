//! CPU jobs and the browser clock inside a real dedicated web worker (headless Chromium):
//! `cargo test --target wasm32-unknown-unknown --test in_worker`.
#![cfg(target_arch = "wasm32")]

use asyncscope::browser::BrowserClock;
use asyncscope::engine::cpu::{tiles_for, CpuJob, CpuOutput};
use asyncscope::engine::{Clock, RunOptions, Scenario, Strategy, TaskSpec};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn this_test_really_runs_in_a_worker_and_not_in_a_window() {
    assert!(web_sys::window().is_none());
}

#[wasm_bindgen_test]
fn counting_primes_in_a_worker_gives_9592_below_100_000() {
    assert_eq!(
        CpuJob::CountPrimes { below: 100_000 }.run(),
        CpuOutput::Count(9592)
    );
}

#[wasm_bindgen_test]
fn a_mandelbrot_tile_in_a_worker_has_the_same_checksum_as_natively() {
    let tile = tiles_for(16, 12, 1, 1, 64)[0];
    match CpuJob::Mandelbrot(tile).run() {
        CpuOutput::Tile {
            checksum, counts, ..
        } => {
            assert_eq!(counts.len(), 192);
            assert_eq!(checksum, 3338);
        }
        other => panic!("expected a tile, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn the_browser_clock_sleeps_in_a_worker_too() {
    let clock = BrowserClock::new();
    let t0 = clock.now_ms();
    clock.sleep(30.0).await;
    let slept = clock.now_ms() - t0;
    assert!((29.5..130.0).contains(&slept), "slept {slept} ms");
}

#[wasm_bindgen_test]
async fn cpu_work_gathered_on_a_workers_own_loop_runs_one_job_after_another() {
    let clock = BrowserClock::new();
    let job = CpuJob::HashChain {
        seed: 1,
        rounds: 2_000_000,
    };
    let scenario = Scenario {
        tasks: (0..3)
            .map(|i| TaskSpec::new(i, format!("job {i}"), 10.0).computing(job.clone()))
            .collect(),
    };
    let r = Strategy::Gather
        .run_with(&clock, &scenario, &RunOptions::default(), &|_| {})
        .await;
    assert!(r.tasks.iter().all(|t| t.result.starts_with("job")));
    // On one thread the second job cannot start before the first has ended.
    assert!(r.tasks[1].start_ms >= r.tasks[0].end_ms - 0.5);
    assert!(r.tasks[2].start_ms >= r.tasks[1].end_ms - 0.5);
}
