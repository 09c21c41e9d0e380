use futures::future::join_all;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

«crunch_rs»

«pool_rs»

async fn fetch(number: u64) -> String {
    sleep(Duration::from_millis(number * «d»)).await; // a timer, like a network call
    format!("fetch {number} done")
}

async fn crunch_job(pool: Option<&Pool>, seed: u64) -> u64 {
    match pool {
        // an async fn that computes never reaches an await: this thread runs
        // every round, and no timer of its loop fires until it returns
        None => crunch(seed, «rounds»),
        // a worker does the rounds; this task only waits for the answer
        Some(pool) => pool.run(move || crunch(seed, «rounds»)).await,
    }
}

async fn fetches_and_crunching(pool: Option<&Pool>) {
    let fetches = join_all((1..=«io»).map(fetch));
    let crunching = join_all((1..=«jobs»).map(|seed| crunch_job(pool, seed)));
    // join! polls the fetches first, so their timers start before any crunching
    let (_fetched, _hashes) = futures::join!(fetches, crunching);
}

// on the loop's own thread: fetches_and_crunching(None).await
// on «workers» workers:       fetches_and_crunching(Some(&Pool::new(«workers»))).await
