//! The pool's state behind its `Rc<RefCell<…>>`: the worker slots, the queue, and the
//! operations that keep them consistent (spawn, replace, give up, dispatch).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use futures::channel::oneshot;

use crate::engine::cpu::{CpuJob, JobDeadline, JobRequest};
use crate::engine::Clock;

use super::super::{BrowserClock, JobOutcome, WorkerEvent, WorkerHandle};
use super::{WorkerPool, WARM_UP_ID};

/// How many times a worker's script may fail to load before the pool gives up.
const LOAD_ATTEMPTS: u32 = 3;

/// Everything the pool knows: its workers, its queue, and its counters.
pub(super) struct PoolInner {
    pub(super) script: String,
    pub(super) clock: BrowserClock,
    pub(super) slots: Vec<Slot>,
    pub(super) queue: VecDeque<Queued>,
    pub(super) next_id: u64,
    pub(super) next_generation: u64,
    pub(super) deadline: JobDeadline,
    pub(super) replaced: u32,
    pub(super) ready_waiters: Vec<oneshot::Sender<Result<(), String>>>,
    pub(super) retired: Vec<WorkerHandle>,
    /// Retired workers still loading, by generation: terminated once they have loaded.
    pub(super) draining: Vec<(u64, WorkerHandle)>,
}

/// One worker and the job it runs, if any.
pub(super) struct Slot {
    pub(super) generation: u64,
    /// The worker, unless the browser refused to start it.
    pub(super) bridge: Option<WorkerHandle>,
    /// Why this worker could not start (refused, or its script failed before it was ready).
    pub(super) start_failure: Option<String>,
    /// How many times this worker's script failed to load before it was ready.
    pub(super) load_failures: u32,
    pub(super) spawned_ms: f64,
    pub(super) warm_ms: Option<f64>,
    pub(super) running: Option<Running>,
}

/// A job sent to a worker and not yet answered.
pub(super) struct Running {
    pub(super) id: u64,
    pub(super) done: oneshot::Sender<JobOutcome>,
    pub(super) queued_ms: f64,
    pub(super) started_ms: f64,
    /// How long the job may stay silent once its worker is ready ([`JobDeadline`]).
    pub(super) limit_ms: f64,
}

/// A job waiting for an idle worker.
pub(super) struct Queued {
    pub(super) id: u64,
    pub(super) job: CpuJob,
    pub(super) done: oneshot::Sender<JobOutcome>,
    pub(super) queued_ms: f64,
    /// Told the worker's index when the job is sent to a worker.
    pub(super) sent: Option<oneshot::Sender<usize>>,
}

impl PoolInner {
    pub(super) fn spawn_slot(&mut self, pool: &Rc<RefCell<PoolInner>>) -> Slot {
        let index = self.slots.len();
        self.spawn_at(index, pool)
    }

    pub(super) fn spawn_at(&mut self, index: usize, pool: &Rc<RefCell<PoolInner>>) -> Slot {
        let generation = self.next_generation;
        self.next_generation += 1;
        let weak: Weak<RefCell<PoolInner>> = Rc::downgrade(pool);
        let spawned = WorkerHandle::spawn(&self.script, move |event: WorkerEvent| {
            if let Some(inner) = weak.upgrade() {
                WorkerPool { inner }.on_event(index, generation, event);
            }
        });
        let (bridge, start_failure) = match spawned {
            Ok(handle) => {
                handle.send(&JobRequest {
                    id: WARM_UP_ID,
                    job: CpuJob::Ping,
                });
                (Some(handle), None)
            }
            Err(why) => (None, Some(why)),
        };
        Slot {
            generation,
            bridge,
            start_failure,
            load_failures: 0,
            spawned_ms: self.clock.now_ms(),
            warm_ms: None,
            running: None,
        }
    }

    /// Fails the job running in slot `index` (if any) and starts a fresh worker there.
    pub(super) fn replace(&mut self, index: usize, pool: &Rc<RefCell<PoolInner>>, why: &str) {
        let fresh = self.spawn_at(index, pool);
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        let mut old = std::mem::replace(slot, fresh);
        self.replaced += 1;
        if let Some(running) = old.running.take() {
            self.give_up(running, index, why);
        }
        self.retire(old);
    }

    /// Starts worker `index` again after its script failed to load (a fetch cut short,
    /// as when another worker loading the same file is terminated); after
    /// [`LOAD_ATTEMPTS`] failures the pool gives up and says why. Not a replacement: the
    /// worker never ran a job.
    pub(super) fn retry_load(&mut self, index: usize, pool: &Rc<RefCell<PoolInner>>, why: String) {
        let failures = match self.slots.get(index) {
            Some(slot) => slot.load_failures + 1,
            None => return,
        };
        if failures >= LOAD_ATTEMPTS {
            if let Some(slot) = self.slots.get_mut(index) {
                slot.start_failure = Some(why);
            }
            self.notify_if_ready();
            return;
        }
        let mut fresh = self.spawn_at(index, pool);
        fresh.load_failures = failures;
        if let Some(slot) = self.slots.get_mut(index) {
            let old = std::mem::replace(slot, fresh);
            self.retire(old);
        }
        self.notify_if_ready();
    }

    /// Stops a slot's worker: at once if it is running (its handle, whose callbacks may be
    /// running now, is dropped on a later tick), or as soon as it has loaded if it is
    /// still loading (it waits in `draining` until then).
    pub(super) fn retire(&mut self, slot: Slot) {
        let Some(handle) = slot.bridge else {
            return;
        };
        if handle.is_ready() {
            handle.terminate();
            self.retired.push(handle);
        } else {
            handle.stop_when_ready();
            self.draining.push((slot.generation, handle));
        }
    }

    /// A draining worker of `generation` has stopped (or failed): it can go. Returns
    /// whether `generation` was draining.
    pub(super) fn drained(&mut self, generation: u64) -> bool {
        match self.draining.iter().position(|(g, _)| *g == generation) {
            Some(i) => {
                let (_, handle) = self.draining.swap_remove(i);
                handle.terminate();
                self.retired.push(handle);
                true
            }
            None => false,
        }
    }

    pub(super) fn give_up(&self, running: Running, worker: usize, why: &str) {
        let now = self.clock.now_ms();
        let _ = running.done.send(JobOutcome {
            id: running.id,
            worker,
            result: Err(format!("lost: {why}")),
            queued_ms: running.queued_ms,
            started_ms: running.started_ms,
            ended_ms: now,
            compute_ms: 0.0,
        });
    }

    /// Sends queued jobs to idle workers, in order.
    /// Queues `job` (its id, when it was queued, and where its outcome will come) and
    /// hands it to an idle worker if there is one.
    pub(super) fn enqueue(
        &mut self,
        job: CpuJob,
        sent: Option<oneshot::Sender<usize>>,
    ) -> (u64, f64, oneshot::Receiver<JobOutcome>) {
        let (done, rx) = oneshot::channel();
        let id = self.next_id;
        self.next_id += 1;
        let queued_ms = self.clock.now_ms();
        self.queue.push_back(Queued {
            id,
            job,
            done,
            queued_ms,
            sent,
        });
        self.dispatch();
        (id, queued_ms, rx)
    }

    pub(super) fn dispatch(&mut self) {
        let now = self.clock.now_ms();
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if slot.running.is_some() || slot.start_failure.is_some() {
                continue;
            }
            let Some(bridge) = &slot.bridge else {
                continue;
            };
            let Some(next) = self.queue.pop_front() else {
                return;
            };
            let limit_ms = self.deadline.limit_ms(Some(next.job.slow_estimate_ms()));
            bridge.send(&JobRequest {
                id: next.id,
                job: next.job,
            });
            if let Some(sent) = next.sent {
                let _ = sent.send(index);
            }
            slot.running = Some(Running {
                id: next.id,
                done: next.done,
                queued_ms: next.queued_ms,
                started_ms: now,
                limit_ms,
            });
        }
    }

    /// Answers the warm-up waiters once every worker is ready (`Ok`) or one could not
    /// start (`Err` with why).
    pub(super) fn notify_if_ready(&mut self) {
        let failure = self.slots.iter().find_map(|s| s.start_failure.clone());
        let answer = match failure {
            Some(why) => Err(why),
            None if self.slots.iter().all(|s| s.warm_ms.is_some()) => Ok(()),
            None => return,
        };
        for waiter in self.ready_waiters.drain(..) {
            let _ = waiter.send(answer.clone());
        }
    }
}
