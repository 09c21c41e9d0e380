use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{Either, LocalBoxFuture};

use wasm_bindgen_futures::spawn_local;

use crate::engine::cpu::{CpuJob, JobDeadline, JobReply};
use crate::engine::Clock;

use super::{BrowserClock, JobOutcome, WorkerEvent};

mod pool_inner;
mod watchdog;

use pool_inner::PoolInner;

/// The largest pool the app will start.
pub const MAX_WORKERS: usize = 16;

/// How long the workers may take to start before the pool gives up, in milliseconds.
pub const START_LIMIT_MS: f64 = 5_000.0;

/// A pool of web workers running [`CpuJob`]s: a queue dispatches each job to an idle
/// worker; results come back as they finish.
///
/// No `SharedArrayBuffer`: jobs and results travel by `postMessage`, so the pool works on
/// any static host and inside any iframe. A job that panics is answered by the worker's
/// panic hook and the worker is replaced. A worker that stops answering (killed, or
/// closed by [`CpuJob::CloseWorker`]) sends no sign at all, so each running job has its
/// own deadline ([`JobDeadline`]: 2 s plus five times a pessimistic estimate of its
/// work, at most 30 s, counted from when its worker was ready); past it, the job fails
/// as "lost: its worker stopped answering" and the worker is replaced. Every other job
/// carries on. Cancelling terminates the busy workers at once (whatever they were
/// computing stops) and starts fresh ones. A pool whose workers cannot start (refused by
/// the browser, a script that does not load, or silent for [`START_LIMIT_MS`]) says why
/// through [`WorkerPool::ready`] instead of waiting forever.
#[derive(Clone)]
pub struct WorkerPool {
    inner: Rc<RefCell<PoolInner>>,
}

/// The id of the warm-up ping each new worker receives.
const WARM_UP_ID: u64 = u64::MAX;

impl WorkerPool {
    /// Starts `size` workers (clamped to 1–[`MAX_WORKERS`]) from the worker loader at
    /// `script` (relative to the page, e.g. `./worker_loader.js`). Each is sent a ping at
    /// once, so loading its wasm starts now.
    pub fn new(script: &str, size: usize) -> Self {
        let pool = Self {
            inner: Rc::new(RefCell::new(PoolInner {
                script: script.to_string(),
                clock: BrowserClock::new(),
                slots: Vec::new(),
                queue: VecDeque::new(),
                next_id: 0,
                next_generation: 0,
                deadline: JobDeadline::DEFAULT,
                replaced: 0,
                ready_waiters: Vec::new(),
                retired: Vec::new(),
                draining: Vec::new(),
            })),
        };
        pool.resize(size);
        pool.start_watchdog();
        pool
    }

    /// Number of workers.
    pub fn size(&self) -> usize {
        self.inner.borrow().slots.len()
    }

    /// How many workers were replaced after a panic, a silence past the job's deadline or
    /// a cancel.
    pub fn replaced(&self) -> u32 {
        self.inner.borrow().replaced
    }

    /// Sets the longest any job may stay silent before its worker is considered dead
    /// (the cap of [`JobDeadline`], 30 s by default; at least 1 ms). Applies to jobs sent
    /// to a worker from now on.
    pub fn set_job_timeout_ms(&self, ms: f64) {
        let mut inner = self.inner.borrow_mut();
        inner.deadline = inner.deadline.with_cap_ms(ms);
    }

    /// Grows or shrinks the pool to `size` workers (1–[`MAX_WORKERS`]). Shrinking retires
    /// idle workers first; busy ones finish their job before they go.
    pub fn resize(&self, size: usize) {
        let size = size.clamp(1, MAX_WORKERS);
        let mut inner = self.inner.borrow_mut();
        while inner.slots.len() < size {
            let slot = inner.spawn_slot(&self.inner);
            inner.slots.push(slot);
        }
        while inner.slots.len() > size {
            if let Some(mut slot) = inner.slots.pop() {
                if let Some(running) = slot.running.take() {
                    let index = inner.slots.len();
                    inner.give_up(running, index, "the pool shrank");
                }
                inner.retire(slot);
            }
        }
        drop(inner);
        self.bury_retired();
    }

    /// Waits until every worker has loaded its wasm and answered its ping; returns the
    /// slowest worker's warm-up time in milliseconds (from its spawn), or why the pool
    /// could not start: a worker the browser refused, a worker script that failed to load,
    /// or no answer within [`START_LIMIT_MS`].
    pub fn ready(&self) -> LocalBoxFuture<'static, Result<f64, String>> {
        let (tx, rx) = oneshot::channel();
        {
            let mut inner = self.inner.borrow_mut();
            inner.ready_waiters.push(tx);
            inner.notify_if_ready();
        }
        let inner = self.inner.clone();
        Box::pin(async move {
            let limit = BrowserClock::new().sleep(START_LIMIT_MS);
            let answer = match futures::future::select(rx, limit).await {
                Either::Left((Ok(answer), _)) => answer,
                Either::Left((Err(_), _)) => Err("the worker pool was dropped".to_string()),
                Either::Right(_) => Err(format!(
                    "no web worker answered within {} s",
                    START_LIMIT_MS / 1000.0
                )),
            };
            answer.map(|()| {
                let slots = &inner.borrow().slots;
                slots
                    .iter()
                    .filter_map(|s| s.warm_ms.map(|w| w - s.spawned_ms))
                    .fold(0.0, f64::max)
            })
        })
    }

    /// Like [`WorkerPool::ready`], for benchmarks and tests: the warm-up time, or NaN if
    /// the pool could not start.
    pub fn warm_up(&self) -> LocalBoxFuture<'static, f64> {
        let ready = self.ready();
        Box::pin(async move { ready.await.unwrap_or(f64::NAN) })
    }

    /// Queues `job`; the future resolves with its outcome once a worker has answered (or
    /// the job failed, was cancelled, or its worker died).
    pub fn submit(&self, job: CpuJob) -> LocalBoxFuture<'static, JobOutcome> {
        self.submit_watched(job, None)
    }

    /// As [`WorkerPool::submit`], and `sent` hears the worker's index when the job leaves
    /// the queue for a worker.
    pub fn submit_watched(
        &self,
        job: CpuJob,
        sent: Option<oneshot::Sender<usize>>,
    ) -> LocalBoxFuture<'static, JobOutcome> {
        let (id, queued_ms, rx) = self.inner.borrow_mut().enqueue(job, sent);
        Box::pin(async move {
            rx.await.unwrap_or(JobOutcome {
                id,
                worker: 0,
                result: Err("cancelled".to_string()),
                queued_ms,
                started_ms: queued_ms,
                ended_ms: queued_ms,
                compute_ms: 0.0,
            })
        })
    }

    /// Fails every queued and running job with "cancelled" and replaces the busy workers
    /// with fresh ones, so nothing keeps computing for a run that is gone.
    pub fn cancel_all(&self) {
        let mut inner = self.inner.borrow_mut();
        let now = inner.clock.now_ms();
        while let Some(q) = inner.queue.pop_front() {
            let _ = q.done.send(JobOutcome {
                id: q.id,
                worker: 0,
                result: Err("cancelled".to_string()),
                queued_ms: q.queued_ms,
                started_ms: q.queued_ms,
                ended_ms: now,
                compute_ms: 0.0,
            });
        }
        let busy: Vec<usize> = (0..inner.slots.len())
            .filter(|&i| inner.slots[i].running.is_some())
            .collect();
        for index in busy {
            inner.replace(index, &self.inner, "cancelled");
        }
        drop(inner);
        self.bury_retired();
    }

    /// Jobs waiting for a worker, and jobs running now.
    pub fn load(&self) -> (usize, usize) {
        let inner = self.inner.borrow();
        let running = inner.slots.iter().filter(|s| s.running.is_some()).count();
        (inner.queue.len(), running)
    }

    /// Handles what worker `index` (of `generation`) said.
    fn on_event(&self, index: usize, generation: u64, event: WorkerEvent) {
        if !matches!(event, WorkerEvent::Reply(_)) && self.inner.borrow_mut().drained(generation) {
            self.bury_retired();
            return;
        }
        match event {
            WorkerEvent::Ready(speed) => super::page_speed::note_worker_speed(speed),
            WorkerEvent::Stopped => {}
            WorkerEvent::Reply(reply) => self.on_reply(index, generation, reply),
            WorkerEvent::Failed(why) => self.on_failure(index, generation, why),
        }
    }

    /// A worker failed: before it was ready, its script is loaded again (a few times, then
    /// the waiters hear why); after, it crashed, so its job fails and a fresh worker takes
    /// its place.
    fn on_failure(&self, index: usize, generation: u64, why: String) {
        let mut inner = self.inner.borrow_mut();
        let Some(slot) = inner.slots.get_mut(index) else {
            return;
        };
        if slot.generation != generation {
            return;
        }
        if slot.warm_ms.is_none() {
            inner.retry_load(index, &self.inner, why);
            drop(inner);
            self.bury_retired();
            return;
        }
        inner.replace(index, &self.inner, &format!("its worker crashed ({why})"));
        inner.dispatch();
        drop(inner);
        self.bury_retired();
    }

    fn on_reply(&self, index: usize, generation: u64, reply: JobReply) {
        let mut inner = self.inner.borrow_mut();
        let now = inner.clock.now_ms();
        let Some(slot) = inner.slots.get_mut(index) else {
            return;
        };
        if slot.generation != generation {
            return; // a replaced worker answering late
        }
        if reply.id == WARM_UP_ID {
            slot.warm_ms.get_or_insert(now);
            inner.notify_if_ready();
            return;
        }
        slot.warm_ms.get_or_insert(now);
        if slot.running.as_ref().is_some_and(|r| r.id == reply.id) {
            if let Some(running) = slot.running.take() {
                let _ = running.done.send(JobOutcome {
                    id: reply.id,
                    worker: index,
                    result: reply.result,
                    queued_ms: running.queued_ms,
                    started_ms: running.started_ms,
                    ended_ms: now,
                    compute_ms: reply.compute_ms,
                });
            }
        }
        if reply.fatal {
            inner.replace(index, &self.inner, "its worker crashed");
        }
        inner.dispatch();
        drop(inner);
        self.bury_retired();
    }

    /// Drops retired bridges on a later tick: never inside a worker's message handler.
    pub(super) fn bury_retired(&self) {
        let inner = self.inner.clone();
        spawn_local(async move {
            let retired = std::mem::take(&mut inner.borrow_mut().retired);
            drop(retired);
        });
    }
}
