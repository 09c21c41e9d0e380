use futures::future::join_all;
use futures::stream::{self, StreamExt};
use std::future::Future;
use std::time::Duration;
use tokio::time::{sleep, Instant}; // in the browser: gloo_timers and performance.now()

const SCALE: f64 = «scale_f64»; // shrink every wait so the sweep is quick

async fn fake_io(ms: u64) {
    sleep(Duration::from_millis(ms)).await;
}

async fn timed(run: impl Future<Output = ()>) -> Duration {
    let t0 = Instant::now();
    run.await;
    t0.elapsed()
}

async fn sweep() {
    let mut rng = fastrand::Rng::with_seed(«seed»);
    let durations: Vec<u64> = (0..«n»)
        .map(|_| (rng.u64(«min_ms»..=«max_ms») as f64 * SCALE) as u64)
        .collect();
    for count in 1..=durations.len() {
        let first = &durations[..count];
        let sequential = timed(async {
            for &ms in first {
                fake_io(ms).await;
            }
        });
        let sequential = sequential.await;
        let gathered = timed(async {
            join_all(first.iter().map(|&ms| fake_io(ms))).await;
        })
        .await;
        let limited = timed(async {
            let calls = stream::iter(first).map(|&ms| fake_io(ms));
            calls.buffer_unordered(«k»).for_each(|_| async {}).await;
        })
        .await;
        println!("{count:3} {sequential:?} {gathered:?} {limited:?}");
    }
}
