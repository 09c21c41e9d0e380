//! The page's (or worker's) own timer queue: every sleep of every [`super::BrowserClock`] on
//! this thread waits in one heap of deadlines, and a single `setTimeout` is armed for the
//! earliest. This is how asyncio's event loop (and tokio's timer) work: the loop keeps its
//! timers itself and asks the operating system for one wake-up. Ten thousand sleeps of the
//! same length cost one browser timer and one wake-up, not ten thousand.
//!
//! `setTimeout` counts whole milliseconds and fires up to a millisecond or two late, and
//! nested ones are clamped to 4 ms. So the browser timer is armed for [`HOP_WINDOW_MS`]
//! before the earliest deadline, and the last stretch is covered by hops: messages posted
//! to this thread through a `MessageChannel`, each a normal task of the event loop (the
//! page stays responsive), until the deadline is reached. A sleep then ends within about
//! a tenth of a millisecond of its deadline.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::DeadlineHeap;

/// Sleeps due within this many milliseconds of a wake-up fire in it: the resolution of
/// `performance.now()` without cross-origin isolation.
const SLACK_MS: f64 = 0.1;

/// The browser timer wakes the queue this long before the earliest deadline; hops cover
/// the rest (see the module comment).
const HOP_WINDOW_MS: f64 = 1.0;

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout` (window or worker); returns the timer's handle.
    #[wasm_bindgen(js_name = "setTimeout", catch)]
    fn set_timeout(handler: &js_sys::Function, timeout: i32) -> Result<JsValue, JsValue>;

    /// The global `clearTimeout`.
    #[wasm_bindgen(js_name = "clearTimeout")]
    fn clear_timeout(handle: &JsValue);
}

/// The shared state of one sleep: fired, cancelled, and who to wake.
#[derive(Default)]
struct Slot {
    fired: Cell<bool>,
    cancelled: Cell<bool>,
    /// Still counted in [`Queue::live`] (whoever uncounts it clears this, exactly once).
    counted: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Slot {
    /// Removes this sleep from the live count, if it is still in it.
    fn uncount(&self, live: &mut usize) {
        if self.counted.replace(false) {
            *live -= 1;
        }
    }
}

/// What will wake the queue next.
enum Armed {
    /// A browser timer due at this time, with its handle.
    Timer(f64, JsValue),
    /// A hop posted and not yet arrived.
    Hop,
}

/// The hop channel of one thread: a message posted on `sender` arrives at `_receiver`'s
/// handler as a task of this thread's event loop.
struct Hops {
    sender: web_sys::MessagePort,
    _receiver: web_sys::MessagePort,
    _handler: Closure<dyn FnMut()>,
}

/// The queue of one thread.
struct Queue {
    heap: DeadlineHeap<Rc<Slot>>,
    /// Sleeps registered and neither fired nor cancelled.
    live: usize,
    /// What wakes the queue next, if anything.
    armed: Option<Armed>,
    /// The one callback every browser timer calls (made once per thread).
    callback: Option<Closure<dyn FnMut()>>,
    /// The hop channel (made once per thread; `None` where `MessageChannel` is missing,
    /// and then the browser timer is armed for the deadline itself).
    hops: Option<Option<Hops>>,
    /// Wake-ups so far (browser timers and hops), for tests.
    wake_ups: u64,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue {
        heap: DeadlineHeap::default(),
        live: 0,
        armed: None,
        callback: None,
        hops: None,
        wake_ups: 0,
    });
}

thread_local! {
    /// This thread's `performance` object, looked up once.
    static PERFORMANCE: Option<web_sys::Performance> =
        js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
}

/// `performance.now()` on this thread's global scope, or `Date.now()` without one.
pub(crate) fn now_ms() -> f64 {
    PERFORMANCE
        .with(|p| p.as_ref().map(|p| p.now()))
        .unwrap_or_else(js_sys::Date::now)
}

impl Queue {
    /// Arranges the next wake-up for the earliest live deadline (or cancels it): a hop when
    /// the deadline is within [`HOP_WINDOW_MS`], else the browser timer.
    fn arm(&mut self, now: f64) {
        while self.heap.peek().is_some_and(|e| e.item.cancelled.get()) {
            self.heap.pop();
        }
        let Some(earliest) = self.heap.peek().map(|e| e.at_ms) else {
            self.disarm();
            return;
        };
        let wake_at = earliest - HOP_WINDOW_MS;
        match &self.armed {
            // A hop is on its way: it re-arms when it arrives.
            Some(Armed::Hop) => return,
            Some(Armed::Timer(at, _)) if *at <= wake_at => return,
            _ => {}
        }
        self.disarm();
        if wake_at <= now && self.post_hop() {
            self.armed = Some(Armed::Hop);
            return;
        }
        let target = if self.has_hops() { wake_at } else { earliest };
        let callback = self
            .callback
            .get_or_insert_with(|| Closure::new(|| on_wake(false)))
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        let delay = (target - now).max(0.0).ceil().min(i32::MAX as f64) as i32;
        if let Ok(handle) = set_timeout(&callback, delay) {
            self.armed = Some(Armed::Timer(target, handle));
        }
    }

    fn disarm(&mut self) {
        match self.armed.take() {
            Some(Armed::Timer(_, handle)) => clear_timeout(&handle),
            // A hop cannot be recalled: it arrives, finds nothing due and re-arms.
            Some(Armed::Hop) => self.armed = Some(Armed::Hop),
            None => {}
        }
    }

    /// Whether this thread has a hop channel (made on first use).
    fn has_hops(&mut self) -> bool {
        self.hops.get_or_insert_with(Hops::open).is_some()
    }

    /// Posts a hop; `false` if this thread cannot.
    fn post_hop(&mut self) -> bool {
        match self.hops.get_or_insert_with(Hops::open) {
            Some(hops) => hops.sender.post_message(&JsValue::UNDEFINED).is_ok(),
            None => false,
        }
    }

    /// Takes every live sleep due by `now` out of the heap.
    fn take_due(&mut self, now: f64) -> Vec<Rc<Slot>> {
        let mut due = Vec::new();
        while self.heap.peek().is_some_and(|e| e.at_ms <= now + SLACK_MS) {
            if let Some(entry) = self.heap.pop() {
                let slot = entry.item;
                slot.uncount(&mut self.live);
                if !slot.cancelled.get() {
                    due.push(slot);
                }
            }
        }
        due
    }
}

impl Hops {
    /// A `MessageChannel` whose messages call [`on_wake`]; `None` if there is none.
    fn open() -> Option<Self> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let handler: Closure<dyn FnMut()> = Closure::new(|| on_wake(true));
        let receiver = channel.port1();
        receiver.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        Some(Self {
            sender: channel.port2(),
            _receiver: receiver,
            _handler: handler,
        })
    }
}

/// The browser timer fired, or a hop arrived: wake every sleep that is due, then arm the
/// next wake-up.
fn on_wake(hop: bool) {
    let now = now_ms();
    let due = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.wake_ups += 1;
        // Only the kind of wake-up that was armed is spent (a late hop leaves a timer be).
        if matches!(q.armed, Some(Armed::Hop)) == hop {
            q.armed = None;
        }
        q.take_due(now)
    });
    // Wake outside the borrow: a waker may register new sleeps.
    for slot in due {
        slot.fired.set(true);
        if let Some(waker) = slot.waker.borrow_mut().take() {
            waker.wake();
        }
    }
    QUEUE.with(|q| q.borrow_mut().arm(now_ms()));
}

/// A sleep in the thread's timer queue: registers its deadline when first polled (like
/// `asyncio.sleep`); dropping it before it fires cancels it, and the browser timer is
/// cleared once no sleep is left.
pub(crate) struct QueuedSleep {
    ms: f64,
    slot: Option<Rc<Slot>>,
}

impl QueuedSleep {
    /// A sleep of `ms` milliseconds (negative or non-finite counts as 0; it still waits
    /// for the next turn of the event loop, like `setTimeout(…, 0)`).
    pub(crate) fn new(ms: f64) -> Self {
        let ms = crate::engine::wait_ms(ms);
        Self { ms, slot: None }
    }
}

impl Future for QueuedSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(slot) = &self.slot {
            if slot.fired.get() {
                return Poll::Ready(());
            }
            *slot.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let slot = Rc::new(Slot::default());
        *slot.waker.borrow_mut() = Some(cx.waker().clone());
        slot.counted.set(true);
        let now = now_ms();
        let at = now + self.ms;
        QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.live += 1;
            q.heap.push(at, slot.clone());
            q.arm(now);
        });
        self.slot = Some(slot);
        Poll::Pending
    }
}

impl Drop for QueuedSleep {
    fn drop(&mut self) {
        let Some(slot) = &self.slot else { return };
        if slot.fired.get() || slot.cancelled.get() {
            return;
        }
        slot.cancelled.set(true);
        QUEUE.with(|q| {
            // A sleep dropped while the queue is busy (never in practice: wakers run
            // outside the borrow) is uncounted when its deadline comes out of the heap.
            if let Ok(mut q) = q.try_borrow_mut() {
                let q = &mut *q;
                slot.uncount(&mut q.live);
                if q.live == 0 {
                    q.heap.clear();
                    q.disarm();
                }
            }
        });
    }
}

/// How many sleeps are waiting on this thread (for tests).
pub fn pending_sleeps() -> usize {
    QUEUE.with(|q| q.borrow().live)
}

/// How many times this thread's queue has woken up, by browser timer or hop (for tests).
pub fn wake_ups() -> u64 {
    QUEUE.with(|q| q.borrow().wake_ups)
}
