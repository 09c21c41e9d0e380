//! The CPU worker: a web worker that runs [`asyncscope::engine::cpu::CpuJob`]s sent by
//! the app's worker pool and answers with their results.

#[cfg(target_arch = "wasm32")]
fn main() {
    asyncscope::browser::CpuWorker::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("The CPU worker runs in the browser, started by the app's worker pool.");
}
