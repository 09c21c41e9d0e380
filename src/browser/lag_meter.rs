use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::engine::lag::{LagKind, LagSample};
use crate::engine::Clock;

use super::{hide_count, is_page_hidden, BrowserClock, FrameLoop};

/// The heartbeat's timer delay, in milliseconds (about one frame).
const PING_MS: i32 = 16;

type PingCallback = Closure<dyn FnMut()>;
type EntriesCallback = Closure<dyn FnMut(web_sys::PerformanceObserverEntryList)>;
type Emit = Rc<dyn Fn(LagSample)>;

/// Measures how late the main thread's event loop is, for as long as it lives.
///
/// Three sources report [`LagSample`]s: a heartbeat of `setTimeout(16)` pings (each
/// reports its lateness, the actual gap minus 16 ms), animation frames (each reports the
/// gap since the previous frame) and, where the browser supports them, Long Tasks from a
/// `PerformanceObserver` (each reports its duration). Times are `performance.now()`
/// milliseconds. While the tab is hidden the browser throttles timers and frames on
/// purpose, so heartbeat and frame samples spanning a hidden period are skipped.
///
/// Dropping the meter clears the pending timeout, cancels the pending frame and
/// disconnects the observer: no sample is reported after that, and nothing leaks (the
/// callbacks only hold weak references to their own slots).
pub struct LagMeter {
    ping: Rc<RefCell<Option<PingCallback>>>,
    pending_ping: Rc<Cell<Option<i32>>>,
    frames: Option<FrameLoop>,
    long_tasks: Option<(web_sys::PerformanceObserver, EntriesCallback)>,
}

impl LagMeter {
    /// Starts measuring; `on_sample` is called with every sample, on the main thread.
    pub fn start(on_sample: impl Fn(LagSample) + 'static) -> LagMeter {
        let emit: Emit = Rc::new(on_sample);
        let ping = Rc::new(RefCell::new(None));
        let pending_ping = Rc::new(Cell::new(None));
        start_heartbeat(&ping, &pending_ping, emit.clone());
        LagMeter {
            ping,
            pending_ping,
            frames: Some(start_frames(emit.clone())),
            long_tasks: observe_long_tasks(emit),
        }
    }

    /// Whether this browser reports Long Tasks (`PerformanceObserver` with the
    /// `longtask` entry type); without them the meter still has heartbeat and frames.
    pub fn long_tasks_supported() -> bool {
        let global = js_sys::global();
        let Ok(observer) = js_sys::Reflect::get(&global, &"PerformanceObserver".into()) else {
            return false;
        };
        if !observer.is_function() {
            return false;
        }
        js_sys::Reflect::get(&observer, &"supportedEntryTypes".into())
            .ok()
            .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
            .is_some_and(|types| types.includes(&"longtask".into(), 0))
    }

    /// Whether the Long Task observer is running for this meter.
    pub fn observes_long_tasks(&self) -> bool {
        self.long_tasks.is_some()
    }
}

/// Starts the `setTimeout` ping chain: one persistent callback that re-arms itself
/// through a weak reference to its slot (like [`FrameLoop`]).
fn start_heartbeat(
    slot: &Rc<RefCell<Option<PingCallback>>>,
    pending: &Rc<Cell<Option<i32>>>,
    emit: Emit,
) {
    let clock = BrowserClock::new();
    let weak: Weak<RefCell<Option<PingCallback>>> = Rc::downgrade(slot);
    let pending_in = pending.clone();
    let mut armed_at = clock.now_ms();
    let mut hides = hide_count();
    *slot.borrow_mut() = Some(Closure::new(move || {
        pending_in.set(None);
        let now = clock.now_ms();
        if !is_page_hidden() && hide_count() == hides {
            let lateness = (now - armed_at - f64::from(PING_MS)).max(0.0);
            emit(LagSample::new(now, LagKind::Heartbeat, lateness));
        }
        if let Some(cb) = weak.upgrade() {
            pending_in.set(set_ping(&cb.borrow()));
            armed_at = clock.now_ms();
            hides = hide_count();
        }
    }));
    pending.set(set_ping(&slot.borrow()));
}

fn set_ping(cb: &Option<PingCallback>) -> Option<i32> {
    let cb = cb.as_ref()?;
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), PING_MS)
        .ok()
}

/// Starts the frame-gap loop.
fn start_frames(emit: Emit) -> FrameLoop {
    let mut last: Option<(f64, u64)> = None;
    FrameLoop::start(move |t| {
        let hides = hide_count();
        if let Some((prev, prev_hides)) = last {
            if prev_hides == hides && !is_page_hidden() && t.is_finite() && prev.is_finite() {
                emit(LagSample::new(t, LagKind::Frame, (t - prev).max(0.0)));
            }
        }
        last = Some((t, hides));
    })
}

/// Observes Long Tasks where supported; `None` (silently) elsewhere.
fn observe_long_tasks(emit: Emit) -> Option<(web_sys::PerformanceObserver, EntriesCallback)> {
    if !LagMeter::long_tasks_supported() {
        return None;
    }
    let callback: EntriesCallback =
        Closure::new(move |list: web_sys::PerformanceObserverEntryList| {
            for entry in list.get_entries().iter() {
                if let Ok(entry) = entry.dyn_into::<web_sys::PerformanceEntry>() {
                    emit(LagSample::new(
                        entry.start_time(),
                        LagKind::LongTask,
                        entry.duration(),
                    ));
                }
            }
        });
    let observer = web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let types = js_sys::Array::of1(&"longtask".into());
    observer.observe(&web_sys::PerformanceObserverInit::new(&types));
    Some((observer, callback))
}

impl Drop for LagMeter {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.pending_ping.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
        // As in FrameLoop: the ping callback never owns the meter, but a sample handler
        // might drop it; take the callback out only if nobody is borrowing it.
        if let Ok(mut slot) = self.ping.try_borrow_mut() {
            slot.take();
        }
        self.frames.take();
        if let Some((observer, _callback)) = self.long_tasks.take() {
            observer.disconnect();
        }
    }
}
