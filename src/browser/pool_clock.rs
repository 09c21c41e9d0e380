use std::rc::Rc;

use futures::future::LocalBoxFuture;

use crate::engine::cpu::{CpuJob, CpuOutput};
use crate::engine::Clock;

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

    fn compute(
        &self,
        job: &CpuJob,
        _nominal_ms: f64,
    ) -> LocalBoxFuture<'static, Result<CpuOutput, String>> {
        let outcome = self.pool.submit(job.clone());
        let tap = self.tap.clone();
        Box::pin(async move {
            let JobOutcome { result, worker, .. } = outcome.await;
            if let (Some(tap), Ok(out)) = (&tap, &result) {
                tap(out, Some(worker));
            }
            result
        })
    }
}
