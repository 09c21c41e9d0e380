// Outside the browser, with tokio: a blocking sleep is not allowed on a page.
use futures::future::join_all;
use std::future::Future;
use std::time::{Duration, Instant};

«crunch_rs»

«pool_rs»

const WORKERS: usize = «workers»;

fn call(_i: u64) {
    std::thread::sleep(Duration::from_millis(«d»)); // a blocking I/O call
}

async fn call_async(_i: u64) {
    tokio::time::sleep(Duration::from_millis(«d»)).await; // the same call, awaitable
}

fn task(i: u64) {
    std::hint::black_box(crunch(i, «rounds»)); // CPU work
}

async fn task_async(i: u64) {
    task(i) // async in name only
}

/// Each of `n` calls or tasks on one of the pool's workers.
async fn on_pool(pool: &Pool, n: u64, work: fn(u64)) {
    join_all((0..n).map(|i| pool.run(move || work(i)))).await;
}

async fn timed<F: Future>(label: &str, work: F) -> F::Output {
    let t0 = Instant::now();
    let out = work.await;
    println!("{label}: {:.2} s", t0.elapsed().as_secs_f64());
    out
}

#[tokio::main(flavor = "current_thread")] // one loop on one thread, like the page
async fn main() {
    timed("10 I/O calls, sync", async { (0..10).for_each(call) }).await;
    timed("10 I/O calls, async", join_all((0..10).map(call_async))).await;
    let pool = Pool::new(WORKERS);
    timed("10 I/O calls, pool", on_pool(&pool, 10, call)).await;

    timed("10 CPU tasks, sync", async { (0..10).for_each(task) }).await;
    timed("10 CPU tasks, async", join_all((0..10).map(task_async))).await;
    timed("10 CPU tasks, pool", on_pool(&pool, 10, task)).await;

    timed("1 I/O call, sync", async { call(0) }).await;
    timed("1 I/O call, async", call_async(0)).await;
    timed("1 I/O call, pool", on_pool(&pool, 1, call)).await;
}
