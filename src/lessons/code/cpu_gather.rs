use futures::future::join_all;

«crunch_rs»

«pool_rs»

const JOBS: u64 = «n»;

async fn crunch_async(seed: u64) -> u64 {
    crunch(seed, «rounds») // no await inside: nothing can overlap
}

async fn sequential() -> Vec<u64> {
    (1..=JOBS).map(|seed| crunch(seed, «rounds»)).collect()
}

async fn gathered() -> Vec<u64> {
    // the same time again: join_all can only switch futures at an await
    join_all((1..=JOBS).map(crunch_async)).await
}

async fn on_pool(workers: usize) -> Vec<u64> {
    let pool = Pool::new(workers);
    join_all((1..=JOBS).map(|seed| pool.run(move || crunch(seed, «rounds»)))).await
}

// sequential().await; gathered().await;
// for workers in 1..=«workers» { on_pool(workers).await; }
