use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Calls a function on every animation frame until dropped.
///
/// Owning the loop is what keeps it alive: drop it (or the future holding it) and the
/// pending frame is cancelled. The callback only holds a weak reference to itself, so no
/// reference cycle leaks.
pub struct FrameLoop {
    callback: Rc<RefCell<Option<FrameCallback>>>,
    pending: Rc<Cell<Option<i32>>>,
}

impl FrameLoop {
    /// Starts calling `on_frame(timestamp_ms)` once per frame.
    pub fn start(mut on_frame: impl FnMut(f64) + 'static) -> Self {
        let callback: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
        let pending = Rc::new(Cell::new(None));
        let weak: Weak<RefCell<Option<FrameCallback>>> = Rc::downgrade(&callback);
        let pending_in = pending.clone();
        *callback.borrow_mut() = Some(Closure::new(move |t: f64| {
            pending_in.set(None);
            on_frame(t);
            if let Some(cb) = weak.upgrade() {
                pending_in.set(request(&cb.borrow()));
            }
        }));
        pending.set(request(&callback.borrow()));
        Self { callback, pending }
    }
}

fn request(cb: &Option<FrameCallback>) -> Option<i32> {
    let cb = cb.as_ref()?;
    web_sys::window()?
        .request_animation_frame(cb.as_ref().unchecked_ref())
        .ok()
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.pending.take(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
        }
        // Dropping while the callback itself runs cannot happen: the callback never owns
        // the loop. Take it out only if nobody is borrowing it.
        if let Ok(mut slot) = self.callback.try_borrow_mut() {
            slot.take();
        }
    }
}
