use futures::future::join_all;
use futures::stream::{self, StreamExt};
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

const LIMIT: usize = «k»; // the service itself refuses more than «capacity» at once
const SLOWEST_MS: f64 = «d_ms_f64»;
const SPREAD: f64 = «spread_f64»;

fn duration(number: usize) -> Duration {
    // 0, ¾, ½, ¼, 1 and round again: each batch mixes slow and quick calls
    let share = ((number - 1) * 3 % 5) as f64 / 4.0;
    Duration::from_secs_f64(SLOWEST_MS * (1.0 - SPREAD * share) / 1000.0)
}

async fn call_service(number: usize) -> String {
    sleep(duration(number)).await; // one request
    format!("request {number} done")
}

async fn flood(count: usize) -> Vec<String> {
    // every call at once: beyond «capacity» in flight the service answers 429
    join_all((1..=count).map(call_service)).await
}

async fn with_limit(count: usize) -> Vec<String> {
    // at most LIMIT in flight; the next call starts as soon as any one ends.
    // Results come out in completion order: sort them if input order matters.
    stream::iter(1..=count)
        .map(call_service)
        .buffer_unordered(LIMIT)
        .collect()
        .await
}

async fn in_batches(count: usize) -> Vec<String> {
    let numbers: Vec<usize> = (1..=count).collect();
    let mut results = Vec::with_capacity(count);
    for batch in numbers.chunks(LIMIT) {
        // the next batch waits for the slowest call of this one
        results.extend(join_all(batch.iter().map(|&i| call_service(i))).await);
    }
    results
}

// e.g. with_limit(«n»).await
