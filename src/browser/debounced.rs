use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use wasm_bindgen_futures::spawn_local;

use crate::engine::Clock;

use super::BrowserClock;

/// Runs the last function given to [`Debounced::call`] once no call has come for its
/// delay: work that follows typing (a prediction, say) runs when typing pauses, not on
/// every keystroke. Dropping the last clone cancels what is pending.
#[derive(Clone)]
pub struct Debounced {
    inner: Rc<Pending>,
}

struct Pending {
    delay_ms: f64,
    handle: RefCell<Option<AbortHandle>>,
}

impl Debounced {
    /// Waits `delay_ms` of quiet before running.
    pub fn new(delay_ms: f64) -> Self {
        Self {
            inner: Rc::new(Pending {
                delay_ms,
                handle: RefCell::new(None),
            }),
        }
    }

    /// Runs `f` after the delay unless another call comes first (which replaces it).
    pub fn call(&self, f: impl FnOnce() + 'static) {
        let delay_ms = self.inner.delay_ms;
        let (task, handle) = abortable(async move {
            BrowserClock::new().sleep(delay_ms).await;
            f();
        });
        if let Some(old) = self.inner.handle.replace(Some(handle)) {
            old.abort();
        }
        spawn_local(async move {
            let _ = task.await;
        });
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.abort();
        }
    }
}
