//! The Asyncscope single-page app: mounts the Leptos root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(asyncscope::components::app::App);
}

/// Benchmark hook for `make bench` (called from the page as
/// `wasmBindings.bench_pool(...)`): measures the worker pool and returns JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn bench_pool(workers: u32, jobs: u32, rounds: u32, pings: u32) -> String {
    let figures = asyncscope::browser::pool_bench(
        "./worker_loader.js",
        (workers as usize).clamp(1, asyncscope::browser::MAX_WORKERS),
        (jobs as usize).clamp(1, 64),
        rounds.min(200_000_000),
        (pings as usize).clamp(1, 10_000),
    )
    .await;
    serde_json::to_string(&figures).unwrap_or_else(|_| "{}".to_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("Asyncscope runs in the browser: build it with `make run` (see README.md).");
}
