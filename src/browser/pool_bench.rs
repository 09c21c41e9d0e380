//! The worker-pool benchmark behind `bench_pool` (only with the `bench` feature).

use std::cell::Cell;
use std::rc::Rc;

use futures::future::join_all;

use crate::engine::cpu::CpuJob;
use crate::engine::Clock;

use super::{BrowserClock, FrameLoop, WorkerPool};

/// Figures measured by [`pool_bench`], in milliseconds unless named otherwise.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PoolBench {
    /// Workers in the pool.
    pub workers: usize,
    /// Jobs in each batch.
    pub jobs: usize,
    /// Time until every worker had loaded its wasm and answered a ping.
    pub warm_up_ms: f64,
    /// Median round trip of a ping job through the pool.
    pub round_trip_median_ms: f64,
    /// 95th percentile of the same.
    pub round_trip_p95_ms: f64,
    /// The batch run one job after another on the page's own thread.
    pub main_thread_ms: f64,
    /// The batch on a pool of one worker.
    pub one_worker_ms: f64,
    /// The first batch on the full pool, while the workers' wasm is still being
    /// optimised (not counted in the speedups).
    pub first_batch_ms: f64,
    /// The batch on the full pool, once warm.
    pub pool_ms: f64,
    /// `main_thread_ms / pool_ms`.
    pub speedup_vs_main: f64,
    /// `one_worker_ms / pool_ms`.
    pub speedup_vs_one_worker: f64,
    /// The longest gap between animation frames while the full pool ran.
    pub longest_frame_gap_ms: f64,
    /// Mean time one job spent computing inside a worker, on the full pool.
    pub pool_job_compute_ms: f64,
    /// The same on one worker (a slower job in parallel means the workers compete for
    /// the processor).
    pub one_worker_job_compute_ms: f64,
}

/// Measures the worker pool: warm-up, ping round trips, and a batch of hash-chain jobs on
/// the main thread, on one worker and on `workers` workers (for `make bench`).
pub async fn pool_bench(
    script: &str,
    workers: usize,
    jobs: usize,
    rounds: u32,
    pings: usize,
) -> PoolBench {
    let clock = BrowserClock::new();
    let batch: Vec<CpuJob> = (0..jobs.max(1))
        .map(|i| CpuJob::HashChain {
            seed: i as u64,
            rounds,
        })
        .collect();
    let pool = WorkerPool::new(script, workers);
    let warm_up_ms = pool.warm_up().await;

    let mut trips = Vec::with_capacity(pings);
    for _ in 0..pings.max(1) {
        let t0 = clock.now_ms();
        pool.submit(CpuJob::Ping).await;
        trips.push(clock.now_ms() - t0);
    }
    trips.sort_by(f64::total_cmp);
    let at = |q: f64| trips[((trips.len() - 1) as f64 * q).round() as usize];

    let t0 = clock.now_ms();
    for job in &batch {
        let _ = job.run();
    }
    let main_thread_ms = clock.now_ms() - t0;

    let timed = |pool: WorkerPool| {
        let batch = batch.clone();
        let clock = clock.clone();
        async move {
            let t0 = clock.now_ms();
            let outcomes = join_all(batch.into_iter().map(|j| pool.submit(j))).await;
            let compute = outcomes.iter().map(|o| o.compute_ms).sum::<f64>();
            (clock.now_ms() - t0, compute / outcomes.len().max(1) as f64)
        }
    };
    // One untimed batch first: each worker's wasm is compiled quickly at first and
    // optimised in the background; timing the first batch would measure the compiler.
    let (first_batch_ms, _) = timed(pool.clone()).await;
    let longest_gap = Rc::new(Cell::new(0.0f64));
    let last = Rc::new(Cell::new(None::<f64>));
    let frames = {
        let (gap, last) = (longest_gap.clone(), last.clone());
        FrameLoop::start(move |t| {
            if let Some(prev) = last.get() {
                gap.set(gap.get().max(t - prev));
            }
            last.set(Some(t));
        })
    };
    let (pool_ms, pool_job_compute_ms) = timed(pool.clone()).await;
    drop(frames);

    pool.resize(1);
    pool.warm_up().await;
    let (one_worker_ms, one_worker_job_compute_ms) = timed(pool.clone()).await;

    PoolBench {
        workers: workers.max(1),
        jobs: batch.len(),
        warm_up_ms,
        round_trip_median_ms: at(0.5),
        round_trip_p95_ms: at(0.95),
        main_thread_ms,
        one_worker_ms,
        first_batch_ms,
        pool_ms,
        speedup_vs_main: main_thread_ms / pool_ms.max(1e-9),
        speedup_vs_one_worker: one_worker_ms / pool_ms.max(1e-9),
        longest_frame_gap_ms: longest_gap.get(),
        pool_job_compute_ms,
        one_worker_job_compute_ms,
    }
}
