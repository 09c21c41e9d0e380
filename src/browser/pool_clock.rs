use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either, LocalBoxFuture};

use crate::engine::cpu::{CpuJob, CpuOutput};
use crate::engine::{Clock, CpuLane, OnRun};

use super::{BrowserClock, JobOutcome, WorkerPool};

/// Hears every CPU result as it arrives, with the worker that computed it (`None` for
/// the main thread): the Mandelbrot picture is drawn from this.
pub type OutputTap = Rc<dyn Fn(&CpuOutput, Option<usize>)>;

/// The browser's clock with CPU jobs sent to a [`WorkerPool`] instead of blocking the
/// page: sleeps and time are the page's, computing happens in parallel on workers.
#[derive(Clone)]
pub struct PoolClock {
    clock: BrowserClock,
    pool: WorkerPool,
    tap: Option<OutputTap>,
}

impl PoolClock {
    /// A clock computing on `pool`, reporting each result to `tap`.
    pub fn new(pool: WorkerPool, tap: Option<OutputTap>) -> Self {
        Self {
            clock: BrowserClock::new(),
            pool,
            tap,
        }
    }
}

impl Clock for PoolClock {
    fn now_ms(&self) -> f64 {
        self.clock.now_ms()
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        self.clock.sleep(ms)
    }

    fn compute<'a>(
        &'a self,
        job: &CpuJob,
        _nominal_ms: f64,
        on_run: OnRun<'a>,
    ) -> LocalBoxFuture<'a, Result<CpuOutput, String>> {
        let (sent, to_worker) = oneshot::channel();
        let outcome = self.pool.submit_watched(job.clone(), Some(sent));
        let tap = self.tap.clone();
        Box::pin(async move {
            let outcome = match select(to_worker, outcome).await {
                Either::Left((Ok(worker), outcome)) => {
                    on_run(CpuLane::Worker(worker));
                    outcome.await
                }
                Either::Left((Err(_), outcome)) => outcome.await,
                Either::Right((outcome, _)) => outcome,
            };
            let JobOutcome { result, worker, .. } = outcome;
            if let (Some(tap), Ok(out)) = (&tap, &result) {
                tap(out, Some(worker));
            }
            result
        })
    }
}
