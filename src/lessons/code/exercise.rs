use futures::future::join_all;
use std::time::{Duration, Instant};

async fn fetch(page: u32) -> String {
    // a request: the time goes into waiting
    tokio::time::sleep(Duration::from_millis(20)).await;
    format!("page {page}")
}

fn resize(image: u64) -> u64 {
    // work on every pixel: no .await, nothing to wait for
    (0..200_000u64).fold(image, |acc, i| acc.wrapping_add(i * i))
}

#[tokio::main(flavor = "current_thread")] // one event loop, like the page
async fn main() {
    // I/O-bound on one loop: the 50 waits overlap
    let t0 = Instant::now();
    join_all((0..50).map(fetch)).await;
    println!("fetch, async: {:?}", t0.elapsed());

    // CPU-bound on one loop: one job after another, and the loop is stuck meanwhile
    let t0 = Instant::now();
    join_all((0..100).map(|i| async move { resize(i) })).await;
    println!("resize, async: {:?}", t0.elapsed());

    // CPU-bound on a pool: spawn_blocking runs each job on a thread of tokio's blocking
    // pool, which grows as needed; a rayon pool of «workers» threads (earlier lessons)
    // would cap it at «workers», like the page's «workers» web workers
    let t0 = Instant::now();
    join_all((0..100).map(|i| tokio::task::spawn_blocking(move || resize(i)))).await;
    println!("resize, pool: {:?}", t0.elapsed());
}
