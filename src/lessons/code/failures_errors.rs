use futures::future::{join_all, try_join_all};
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::future::Future;
use std::time::Duration;

const FAILING: usize = «fail»; // this task fails (counting from 1); 0: none
const CHANCE: f64 = «p_f64»; // and any task may fail with this probability

type Outcome = Result<String, String>;

async fn call(number: usize, ms: u64, fails: bool) -> Outcome {
    sleep(Duration::from_millis(ms)).await;
    if fails {
        Err(format!("task {number} failed"))
    } else {
        Ok(format!("task {number} done"))
    }
}

fn calls(durations: &[u64], rng: &mut fastrand::Rng) -> Vec<impl Future<Output = Outcome>> {
    (1..)
        .zip(durations)
        // draw for every task first, so the same seed fails the same tasks
        .map(|(number, &ms)| call(number, ms, rng.f64() < CHANCE || number == FAILING))
        .collect()
}

// gather(return_exceptions=True): every call runs; each Result sits in its place.
async fn errors_in_place(durations: &[u64], rng: &mut fastrand::Rng) -> Vec<Outcome> {
    join_all(calls(durations, rng)).await
}

// try_join_all hands back the first Err as soon as it happens and drops the other
// futures, which stops them: that is TaskGroup behaviour, not plain gather's.
// asyncio's gather leaves its other *tasks* running. For that in Rust, spawn the
// calls (tokio::spawn) and await the JoinHandles: dropping a handle does not stop
// its task, so the others run on and their results are lost.
async fn first_error(durations: &[u64], rng: &mut fastrand::Rng) -> Result<Vec<String>, String> {
    try_join_all(calls(durations, rng)).await
}

// The cancelling group written out: take each result as it lands, stop at the first error.
async fn cancelling_group(
    durations: &[u64],
    rng: &mut fastrand::Rng,
) -> Result<Vec<String>, String> {
    let mut group: FuturesUnordered<_> = calls(durations, rng).into_iter().collect();
    let mut results = Vec::new();
    while let Some(outcome) = group.next().await {
        // `?` returns at the first Err and drops `group`: every sibling is cancelled
        results.push(outcome?);
    }
    Ok(results)
}
