use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;
«uses»

async fn task(number: usize, ms: u64) -> String {
    println!("task {number} runs until its .await");
    // .await polls the sleep: the first poll sets a timer and returns Pending, so the
    // task hands the thread back to the executor, which polls the next ready task
    sleep(Duration::from_millis(ms)).await;
    // the timer fired and called the task's waker: it was queued and polled again
    println!("task {number} woke up and finishes");
    format!("task {number} done")
}

// Call it from #[tokio::main], or from wasm_bindgen_futures::spawn_local in a page.
async fn trace_me() {
    «draws_rs»
«body»
}
