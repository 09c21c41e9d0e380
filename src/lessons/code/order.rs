use futures::future::join_all;
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

const FRUITS: [&str; 8] =
    ["apple", "banana", "cherry", "damson", "elderberry", "fig", "grape", "kiwi"];

async fn fake_io(number: usize, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await; // stands in for a request
    format!("task {number} done")
}

async fn with_join_all(durations: &[u64]) {
    let calls = durations.iter().enumerate().map(|(i, &ms)| fake_io(i + 1, ms));
    // input order, and nothing arrives before the slowest future is done
    let results = join_all(calls).await;
    for (number, result) in (1..).zip(&results) {
        if number % 2 == 0 {
            println!("{result}");
        }
    }
}

async fn with_unordered(durations: &[u64]) {
    let mut running: FuturesUnordered<_> = durations
        .iter()
        .enumerate()
        .map(|(i, &ms)| {
            let (number, fruit) = (i + 1, FRUITS[i % FRUITS.len()]);
            // `async move` copies number and fruit into this future: each keeps its own
            async move { (number, fruit, fake_io(number, ms).await) }
        })
        .collect();
    // each output comes out as soon as its future is done: completion order
    while let Some((number, fruit, result)) = running.next().await {
        if number % 2 == 0 {
            println!("{result} ({fruit})");
        }
    }
}

// Run from your runtime (#[tokio::main], or wasm_bindgen_futures::spawn_local).
async fn demo() {
    «draws_rs»
    with_join_all(&durations).await;
    with_unordered(&durations).await;
}
