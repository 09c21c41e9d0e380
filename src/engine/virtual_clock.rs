use std::cell::RefCell;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::future::LocalBoxFuture;
use futures::task::{waker, ArcWake};

use super::cpu::{CpuJob, CpuOutput};
use super::virtual_cpu::{AcquireWorker, VirtualCpu};
use super::virtual_timers::{sleeping, Entry, Slot, Timer, TraceState};
use super::{Clock, CpuLane, DeadlineHeap, EventLoopTrace, LoopAction, OnRun, Stalled, TaskPhase};

/// A deterministic clock whose time moves only when every task is waiting on a timer.
///
/// [`VirtualClock::run`] drives a future to completion: it polls until nothing is ready,
/// then jumps straight to the earliest pending timer. A run of 1,000 five-second tasks
/// therefore finishes instantly with exact, reproducible timings.
///
/// A clock made with [`VirtualClock::traced`] also records every step of its event loop
/// (which task ran, which timer fired, the ready queue and the sleeping tasks) into an
/// [`EventLoopTrace`]; an untraced clock pays one `None` check per task event for this.
#[derive(Clone)]
pub struct VirtualClock {
    inner: Rc<RefCell<Timers>>,
    cpu: Rc<RefCell<VirtualCpu>>,
}

impl Default for VirtualClock {
    fn default() -> Self {
        Self {
            inner: Rc::new(RefCell::new(Timers {
                now: 0.0,
                events: 0,
                budget: DEFAULT_STEP_BUDGET,
                queue: DeadlineHeap::default(),
                trace: None,
            })),
            cpu: Rc::default(),
        }
    }
}

/// The most steps (polls and timer firings) a run may take before it is stopped with
/// [`Stalled::OverBudget`]: about a second of work natively, ten times what the largest
/// scenario the app accepts needs, so a runaway prediction can never freeze the page.
pub const DEFAULT_STEP_BUDGET: u64 = 2_000_000;

struct Timers {
    now: f64,
    events: u64,
    budget: u64,
    queue: DeadlineHeap<Timer>,
    trace: Option<TraceState>,
}

struct Flag(AtomicBool);

impl ArcWake for Flag {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.0.store(true, AtomicOrdering::SeqCst);
    }
}

impl VirtualClock {
    /// A clock whose CPU jobs run on `workers` parallel workers instead of blocking.
    pub fn with_workers(workers: usize) -> Self {
        Self {
            cpu: Rc::new(RefCell::new(VirtualCpu::parallel(workers))),
            ..Self::default()
        }
    }

    /// A new clock at time 0 with no pending timers.
    pub fn new() -> Self {
        Self::default()
    }

    /// This clock with at most `steps` steps per run instead of [`DEFAULT_STEP_BUDGET`].
    pub fn with_step_budget(self, steps: u64) -> Self {
        self.inner.borrow_mut().budget = steps;
        self
    }

    /// A new clock at time 0 that records its event loop; see [`VirtualClock::take_trace`].
    pub fn traced() -> Self {
        let clock = Self::default();
        clock.inner.borrow_mut().trace = Some(TraceState::default());
        clock
    }

    /// The steps recorded so far (empty for an untraced clock); recording goes on.
    pub fn take_trace(&self) -> EventLoopTrace {
        let steps = self.with_trace(|t, now, queue| {
            t.flush(now, queue);
            std::mem::take(&mut t.steps)
        });
        EventLoopTrace {
            steps: steps.unwrap_or_default(),
        }
    }

    /// Calls `f` with the trace, the time and the timer queue, if this clock traces.
    fn with_trace<R>(
        &self,
        f: impl FnOnce(&mut TraceState, f64, &DeadlineHeap<Timer>) -> R,
    ) -> Option<R> {
        let mut timers = self.inner.borrow_mut();
        let Timers {
            now, queue, trace, ..
        } = &mut *timers;
        trace.as_mut().map(|t| f(t, *now, queue))
    }

    /// How many timer firings and polls this clock has processed (for benchmarks).
    pub fn events(&self) -> u64 {
        self.inner.borrow().events
    }

    /// Drives `future` to completion on virtual time.
    ///
    /// Returns [`Stalled::Forever`] if the future can never finish (it waits on something
    /// that no timer will ever wake), and [`Stalled::OverBudget`] once the run has taken
    /// more steps than the clock's budget.
    pub fn run<F: Future>(&self, future: F) -> Result<F::Output, Stalled> {
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let top_waker = waker(flag.clone());
        let mut cx = Context::from_waker(&top_waker);
        let mut future = pin!(future);
        let (first, budget) = {
            let timers = self.inner.borrow();
            (timers.events, timers.budget)
        };
        loop {
            flag.0.store(false, AtomicOrdering::SeqCst);
            let events = {
                let mut timers = self.inner.borrow_mut();
                timers.events += 1;
                timers.events
            };
            if events - first > budget {
                return Err(Stalled::OverBudget { steps: budget });
            }
            if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                return Ok(output);
            }
            if flag.0.load(AtomicOrdering::SeqCst) {
                continue;
            }
            self.flush_trace();
            if !self.fire_next_instant() {
                return Err(Stalled::Forever);
            }
        }
    }

    fn flush_trace(&self) {
        self.with_trace(|t, now, queue| t.flush(now, queue));
    }

    /// Moves time to the earliest live deadline and fires every timer due then, oldest
    /// first. Timers of dropped sleeps are discarded without moving time. Returns `false`
    /// when no live timer is pending.
    fn fire_next_instant(&self) -> bool {
        let due = {
            let mut timers = self.inner.borrow_mut();
            let first = loop {
                match timers.queue.pop() {
                    None => return false,
                    Some(e) if e.item.slot.cancelled.get() => continue,
                    Some(e) => break e,
                }
            };
            timers.now = timers.now.max(first.at_ms);
            let at = first.at_ms;
            let mut due = vec![first];
            while timers.queue.peek().is_some_and(|e| e.at_ms <= at) {
                due.extend(timers.queue.pop().filter(|e| !e.item.slot.cancelled.get()));
            }
            timers.events += due.len() as u64;
            due
        };
        for (i, entry) in due.iter().enumerate() {
            entry.item.slot.fired.set(true);
            self.trace_wake(entry, &due[i + 1..]);
            if let Some(w) = entry.item.slot.waker.borrow_mut().take() {
                w.wake();
            }
        }
        true
    }

    /// Records that `entry` fired, its task joining the ready queue; `later` are the
    /// timers due at the same instant that have not fired yet.
    fn trace_wake(&self, entry: &Entry, later: &[Entry]) {
        let Some(task) = entry.item.task else { return };
        self.with_trace(|t, now, queue| {
            if !t.ready.contains(&task) {
                t.ready.push(task);
            }
            let asleep = sleeping(queue.iter().chain(later));
            t.record(now, LoopAction::Wake { task }, asleep);
        });
    }
}

impl Clock for VirtualClock {
    fn now_ms(&self) -> f64 {
        self.inner.borrow().now
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        Box::pin(VirtualSleep {
            timers: self.inner.clone(),
            ms: super::wait_ms(ms),
            registered: None,
        })
    }

    fn observe_task(&self, id: usize, phase: TaskPhase) {
        self.with_trace(|t, now, queue| t.observe(now, queue, id, phase));
    }

    /// Charges `nominal_ms` of virtual time for the job. On a blocking clock (the
    /// default) time jumps at once and nothing else runs meanwhile; on a clock made with
    /// [`VirtualClock::with_workers`] the job waits for a free worker, then sleeps.
    fn compute<'a>(
        &'a self,
        job: &CpuJob,
        nominal_ms: f64,
        on_run: OnRun<'a>,
    ) -> LocalBoxFuture<'a, Result<CpuOutput, String>> {
        let ms = super::wait_ms(nominal_ms);
        let refused = job.fault();
        let parallel = matches!(*self.cpu.borrow(), VirtualCpu::Parallel { .. });
        let timers = self.inner.clone();
        let cpu = self.cpu.clone();
        let clock = self.clone();
        Box::pin(async move {
            if parallel {
                let worker = AcquireWorker { cpu: cpu.clone() }.await;
                on_run(CpuLane::Worker(worker));
                clock.sleep(ms).await;
                cpu.borrow_mut().release(worker);
            } else {
                on_run(CpuLane::Page);
                timers.borrow_mut().now += ms;
            }
            match refused {
                Some(fault) => Err(fault.to_string()),
                None => Ok(CpuOutput::Pong),
            }
        })
    }
}

/// A sleep on virtual time: registers its deadline when first polled, like `asyncio.sleep`.
/// Dropping it before it fires cancels its timer.
struct VirtualSleep {
    timers: Rc<RefCell<Timers>>,
    ms: f64,
    registered: Option<Rc<Slot>>,
}

impl Future for VirtualSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(slot) = &self.registered {
            if slot.fired.get() {
                return Poll::Ready(());
            }
            *slot.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let slot = Rc::new(Slot::default());
        *slot.waker.borrow_mut() = Some(cx.waker().clone());
        {
            let mut timers = self.timers.borrow_mut();
            let timer = Timer {
                task: timers.trace.as_ref().and_then(|t| t.current),
                slot: slot.clone(),
            };
            let at = timers.now + self.ms;
            timers.queue.push(at, timer);
        }
        self.registered = Some(slot);
        Poll::Pending
    }
}

impl Drop for VirtualSleep {
    fn drop(&mut self) {
        if let Some(slot) = &self.registered {
            if !slot.fired.get() {
                slot.cancelled.set(true);
            }
        }
    }
}

#[cfg(test)]
#[path = "tests/virtual_clock.rs"]
mod tests;
