//! The worker pool in headless Chromium: real web workers running CPU jobs, workers that
//! die or never start (`cargo test --target wasm32-unknown-unknown --test pool`).
#![cfg(target_arch = "wasm32")]

use asyncscope::browser::{BrowserClock, CpuWorker, WorkerPool, START_LIMIT_MS};
use asyncscope::engine::cpu::{CpuJob, CpuOutput};
use asyncscope::engine::Clock;
use futures::future::join_all;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs the CPU worker inside a worker started by [`test_worker_loader`]: the pool tests
/// have no Trunk build, so their workers load this test module itself.
#[wasm_bindgen]
pub fn start_cpu_worker_for_tests() {
    CpuWorker::register();
}

/// A module-worker script (a blob URL) that loads this test's own wasm module, served
/// by wasm-bindgen-test-runner beside the page, and starts the CPU worker in it.
fn test_worker_loader() -> String {
    let page = web_sys::window().unwrap().location().href().unwrap();
    let module = web_sys::Url::new_with_base("wasm-bindgen-test", &page)
        .unwrap()
        .href();
    let wasm = web_sys::Url::new_with_base("wasm-bindgen-test_bg.wasm", &page)
        .unwrap()
        .href();
    let script = format!(
        "import init, {{ start_cpu_worker_for_tests }} from '{module}';\n\
         await init({{ module_or_path: '{wasm}' }});\n\
         start_cpu_worker_for_tests();\n"
    );
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

#[wasm_bindgen_test]
async fn a_worker_that_closes_itself_loses_only_its_job_and_the_pool_carries_on_at_full_size() {
    let pool = WorkerPool::new(&test_worker_loader(), 2);
    pool.warm_up().await;
    let clock = BrowserClock::new();
    let t0 = clock.now_ms();
    let (lost, fine) = futures::join!(
        pool.submit(CpuJob::CloseWorker),
        pool.submit(CpuJob::CountPrimes { below: 100_000 })
    );
    let waited = clock.now_ms() - t0;
    let why = lost.result.unwrap_err();
    assert!(
        why.starts_with("lost: its worker stopped answering"),
        "{why}"
    );
    // Found after the 2 s floor of its deadline, long before the 30 s cap.
    assert!(
        (1_900.0..10_000.0).contains(&waited),
        "given up after {waited} ms"
    );
    assert_eq!(fine.result, Ok(CpuOutput::Count(9592)));
    assert_eq!((pool.size(), pool.replaced()), (2, 1));
    // Both workers, the fresh one included, answer the next jobs.
    let next = join_all((0..4).map(|_| pool.submit(CpuJob::Ping))).await;
    assert!(
        next.iter().all(|o| o.result == Ok(CpuOutput::Pong)),
        "{next:?}"
    );
    let workers: std::collections::BTreeSet<usize> = next.iter().map(|o| o.worker).collect();
    assert_eq!(workers.len(), 2, "both workers answered");
    assert_eq!(pool.load(), (0, 0));
    assert_eq!(pool.replaced(), 1);
}

#[wasm_bindgen_test]
async fn a_pool_whose_worker_script_is_missing_says_why_within_the_start_limit() {
    let clock = BrowserClock::new();
    let t0 = clock.now_ms();
    let pool = WorkerPool::new("./no-such-worker.js", 2);
    let why = pool.ready().await.unwrap_err();
    let waited = clock.now_ms() - t0;
    assert!(why.contains("could not be loaded"), "{why}");
    assert!(waited < START_LIMIT_MS, "said so after {waited} ms");
}

#[wasm_bindgen_test]
async fn a_worker_script_from_another_origin_is_reported_as_not_loaded() {
    let pool = WorkerPool::new("https://example.invalid/worker.js", 1);
    let why = pool.ready().await.unwrap_err();
    assert!(why.contains("could not be loaded"), "{why}");
    assert_eq!(pool.load(), (0, 0));
}

#[wasm_bindgen_test]
async fn a_worker_the_browser_refuses_to_create_is_an_error_not_a_panic() {
    // `new Worker` throws at once for an address it cannot parse.
    let pool = WorkerPool::new("http://[::1", 2);
    let why = pool.ready().await.unwrap_err();
    assert!(why.contains("refused to start a web worker"), "{why}");
    // Jobs submitted to a pool that never started fail when it is cancelled.
    let job = pool.submit(CpuJob::Ping);
    pool.cancel_all();
    assert!(job.await.result.is_err());
}

#[wasm_bindgen_test]
async fn a_cancelled_job_ends_at_once_and_its_worker_is_replaced_by_a_fresh_one() {
    let pool = WorkerPool::new(&test_worker_loader(), 1);
    assert!(pool.ready().await.is_ok());
    let clock = BrowserClock::new();
    // Seconds of work on the only worker; cancelled 100 ms in.
    let long = pool.submit(CpuJob::HashChain {
        seed: 1,
        rounds: 2_000_000_000,
    });
    clock.sleep(100.0).await;
    let t0 = clock.now_ms();
    pool.cancel_all();
    let outcome = long.await;
    assert!(outcome.result.unwrap_err().contains("cancelled"));
    // The fresh worker answers as soon as it has loaded, not after the long job.
    let ping = pool.submit(CpuJob::Ping).await;
    let waited = clock.now_ms() - t0;
    assert_eq!(ping.result, Ok(CpuOutput::Pong));
    assert!(waited < 1_500.0, "answered {waited} ms after the cancel");
    assert_eq!(pool.replaced(), 1);
}
