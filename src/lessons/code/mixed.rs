use futures::future::join_all;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

«crunch_rs»

«pool_rs»

async fn fetch(item: u64) -> u64 {
    sleep(Duration::from_millis(item * «d»)).await; // answer i arrives after i × «d» ms
    item
}

async fn fetch_then_process(pool: Option<&Pool>, item: u64) -> u64 {
    let data = fetch(item).await;
    match pool {
        None => crunch(data, «rounds»), // blocks the loop: other answers wait
        Some(pool) => pool.run(move || crunch(data, «rounds»)).await,
    }
}

async fn pipeline(pool: Option<&Pool>) -> Vec<u64> {
    // every item is requested at once; each is processed as soon as it arrives
    join_all((1..=«items»).map(|i| fetch_then_process(pool, i))).await
}

// processing on the loop:    pipeline(None).await
// processing on «workers» workers: pipeline(Some(&Pool::new(«workers»))).await
