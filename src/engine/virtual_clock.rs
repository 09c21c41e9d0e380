use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fmt;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use futures::future::LocalBoxFuture;
use futures::task::{waker, ArcWake};

use super::Clock;

/// A deterministic clock whose time moves only when every task is waiting on a timer.
///
/// [`VirtualClock::run`] drives a future to completion: it polls until nothing is ready,
/// then jumps straight to the earliest pending timer. A run of 1,000 five-second tasks
/// therefore finishes instantly with exact, reproducible timings.
#[derive(Clone, Default)]
pub struct VirtualClock {
    inner: Rc<RefCell<Timers>>,
}

/// The error returned when a future waits forever: no timer is pending and nothing woke it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stalled;

impl fmt::Display for Stalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the run waits forever: no timer is pending and no task is ready")
    }
}

impl std::error::Error for Stalled {}

#[derive(Default)]
struct Timers {
    now: f64,
    next_seq: u64,
    events: u64,
    queue: BinaryHeap<Entry>,
}

struct Entry {
    at: f64,
    seq: u64,
    fired: Rc<Cell<bool>>,
    waker: Rc<RefCell<Option<Waker>>>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    /// Reversed, so that the max-heap pops the earliest deadline, then the oldest timer.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .at
            .total_cmp(&self.at)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

struct Flag(AtomicBool);

impl ArcWake for Flag {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.0.store(true, AtomicOrdering::SeqCst);
    }
}

impl VirtualClock {
    /// A new clock at time 0 with no pending timers.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many timer firings and polls this clock has processed (for benchmarks).
    pub fn events(&self) -> u64 {
        self.inner.borrow().events
    }

    /// Drives `future` to completion on virtual time.
    ///
    /// Returns [`Stalled`] if the future can never finish (it waits on something that no
    /// timer will ever wake).
    pub fn run<F: Future>(&self, future: F) -> Result<F::Output, Stalled> {
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let top_waker = waker(flag.clone());
        let mut cx = Context::from_waker(&top_waker);
        let mut future = pin!(future);
        loop {
            flag.0.store(false, AtomicOrdering::SeqCst);
            self.inner.borrow_mut().events += 1;
            if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                return Ok(output);
            }
            if flag.0.load(AtomicOrdering::SeqCst) {
                continue;
            }
            if !self.fire_next_instant() {
                return Err(Stalled);
            }
        }
    }

    /// Moves time to the earliest pending deadline and fires every timer due then.
    /// Returns `false` when no timer is pending.
    fn fire_next_instant(&self) -> bool {
        let due = {
            let mut timers = self.inner.borrow_mut();
            let Some(first) = timers.queue.pop() else {
                return false;
            };
            timers.now = timers.now.max(first.at);
            let at = first.at;
            let mut due = vec![first];
            while timers.queue.peek().is_some_and(|e| e.at <= at) {
                due.extend(timers.queue.pop());
            }
            timers.events += due.len() as u64;
            due
        };
        for entry in due {
            entry.fired.set(true);
            if let Some(w) = entry.waker.borrow_mut().take() {
                w.wake();
            }
        }
        true
    }
}

impl Clock for VirtualClock {
    fn now_ms(&self) -> f64 {
        self.inner.borrow().now
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        Box::pin(VirtualSleep {
            timers: self.inner.clone(),
            ms: if ms.is_finite() { ms.max(0.0) } else { 0.0 },
            registered: None,
        })
    }
}

/// A sleep on virtual time: registers its deadline when first polled, like `asyncio.sleep`.
struct VirtualSleep {
    timers: Rc<RefCell<Timers>>,
    ms: f64,
    registered: Option<Registration>,
}

/// A registered sleep: the "fired" flag and the slot holding the waker to call.
type Registration = (Rc<Cell<bool>>, Rc<RefCell<Option<Waker>>>);

impl Future for VirtualSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some((fired, slot)) = &self.registered {
            if fired.get() {
                return Poll::Ready(());
            }
            *slot.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let fired = Rc::new(Cell::new(false));
        let slot = Rc::new(RefCell::new(Some(cx.waker().clone())));
        {
            let mut timers = self.timers.borrow_mut();
            let entry = Entry {
                at: timers.now + self.ms,
                seq: timers.next_seq,
                fired: fired.clone(),
                waker: slot.clone(),
            };
            timers.next_seq += 1;
            timers.queue.push(entry);
        }
        self.registered = Some((fired, slot));
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::future::join;

    #[test]
    fn a_sleep_advances_virtual_time_by_exactly_its_duration() {
        let clock = VirtualClock::new();
        let c = clock.clone();
        let end = clock
            .run(async move {
                c.sleep(1500.0).await;
                c.now_ms()
            })
            .unwrap();
        assert_eq!(end, 1500.0);
    }

    #[test]
    fn two_concurrent_sleeps_end_at_the_longer_one() {
        let clock = VirtualClock::new();
        let c = clock.clone();
        let end = clock
            .run(async move {
                join(c.sleep(300.0), c.sleep(700.0)).await;
                c.now_ms()
            })
            .unwrap();
        assert_eq!(end, 700.0);
    }

    #[test]
    fn a_future_that_waits_on_nothing_is_reported_as_stalled() {
        let clock = VirtualClock::new();
        let result = clock.run(futures::future::pending::<()>());
        assert_eq!(result, Err(Stalled));
    }

    #[test]
    fn zero_and_invalid_sleeps_complete_without_moving_time() {
        let clock = VirtualClock::new();
        let c = clock.clone();
        let end = clock
            .run(async move {
                c.sleep(0.0).await;
                c.sleep(-5.0).await;
                c.sleep(f64::NAN).await;
                c.now_ms()
            })
            .unwrap();
        assert_eq!(end, 0.0);
    }
}
