use std::cell::{Cell, RefCell};

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::engine::cpu::{speed, Speed};

use crate::engine::Clock;

use super::BrowserClock;

/// Longest the page's measure computes without giving its event loop a turn.
const SLICE_MS: f64 = 8.0;

type Measuring = Shared<LocalBoxFuture<'static, Speed>>;

thread_local! {
    static MEASURING: RefCell<Option<Measuring>> = const { RefCell::new(None) };
    static WORKER_SPEED: Cell<Option<Speed>> = const { Cell::new(None) };
}

/// Starts measuring the page's speed a second after the first paint, once loading is
/// over (a run that needs it earlier starts it at once).
pub fn measure_page_speed_soon() {
    wasm_bindgen_futures::spawn_local(async {
        BrowserClock::new().sleep(1000.0).await;
        page_speed().await;
    });
}

/// Keeps the speed a worker measured of itself (the latest one to start).
pub fn note_worker_speed(speed: Speed) {
    WORKER_SPEED.with(|w| w.set(Some(speed)));
}

/// The speed the latest worker to start measured of itself, if one has started.
pub fn worker_speed() -> Option<Speed> {
    WORKER_SPEED.with(Cell::get)
}

/// The speed of the page's own thread: measured once, on the first call (in slices of
/// about 8 ms, so the page stays responsive), then kept; every later call gets the same
/// answer. From then on, CPU jobs run on the page are sized with it.
pub fn page_speed() -> Shared<LocalBoxFuture<'static, Speed>> {
    MEASURING.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let measuring: LocalBoxFuture<'static, Speed> = Box::pin(async {
                    let speed = speed::measure_on(&BrowserClock::new(), SLICE_MS).await;
                    speed::set_current(speed);
                    speed
                });
                measuring.shared()
            })
            .clone()
    })
}
