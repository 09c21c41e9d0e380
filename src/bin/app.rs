//! The Asyncscope single-page app: mounts the Leptos root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(asyncscope::components::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("Asyncscope runs in the browser: build it with `make run` (see README.md).");
}

/// Benchmark hooks for `make bench`, called from the page as `wasmBindings.bench_…(…)`.
/// Only in a build with the `bench` feature (`make bench` builds one into
/// `target/bench-dist/`); the app in `dist/` does not export them.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
mod bench_hooks {
    use asyncscope::browser::{engine_bench, pool_bench, MAX_WORKERS};
    use asyncscope::engine::Strategy;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Measures the worker pool (P3–P5) and returns the figures as JSON.
    #[wasm_bindgen]
    pub async fn bench_pool(workers: u32, jobs: u32, rounds: u32, pings: u32) -> String {
        let figures = pool_bench(
            "./worker_loader.js",
            (workers as usize).clamp(1, MAX_WORKERS),
            (jobs as usize).clamp(1, 64),
            rounds.min(200_000_000),
            (pings as usize).clamp(1, 10_000),
        )
        .await;
        serde_json::to_string(&figures).unwrap_or_else(|_| "{}".to_string())
    }

    /// P1, P2: runs `tasks` waits of `duration_ms` with the strategy named by `strategy`
    /// (`gather` or `sequential`; anything else means gather) on the browser's timers and
    /// returns the figures as JSON.
    #[wasm_bindgen]
    pub async fn bench_engine(strategy: String, tasks: u32, duration_ms: f64) -> String {
        let strategy = match Strategy::from_key(&strategy) {
            Some(s @ (Strategy::Gather | Strategy::Sequential)) => s,
            _ => Strategy::Gather,
        };
        let duration_ms = if duration_ms.is_finite() {
            duration_ms.clamp(0.0, 10_000.0)
        } else {
            100.0
        };
        let figures = engine_bench(strategy, (tasks as usize).clamp(1, 100_000), duration_ms).await;
        serde_json::to_string(&figures).unwrap_or_else(|_| "{}".to_string())
    }
}
