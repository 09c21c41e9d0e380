use std::cell::RefCell;
use std::rc::Rc;

use super::{PolicyOutcome, SearchAnswer, SearchPolicy};

/// Called with the outcome after every change.
type Observer = Rc<dyn Fn(&PolicyOutcome)>;

/// The live record of one policy's session, shared between the policy's running code
/// and whoever watches it (a test, or the page).
///
/// It turns clock readings into times since the session began, updates a
/// [`PolicyOutcome`] and tells the observer after each change. Cloning shares it.
#[derive(Clone)]
pub struct SearchLog {
    state: Rc<RefCell<PolicyOutcome>>,
    origin_ms: f64,
    observer: Option<Observer>,
}

impl SearchLog {
    /// A log for `policy` whose session began at clock time `origin_ms`.
    pub fn new(policy: SearchPolicy, origin_ms: f64) -> Self {
        Self {
            state: Rc::new(RefCell::new(PolicyOutcome::new(policy))),
            origin_ms: if origin_ms.is_finite() {
                origin_ms
            } else {
                0.0
            },
            observer: None,
        }
    }

    /// The same log, calling `observer` with the outcome after every change.
    pub fn observed(mut self, observer: impl Fn(&PolicyOutcome) + 'static) -> Self {
        self.observer = Some(Rc::new(observer));
        self
    }

    /// A copy of the outcome so far.
    pub fn snapshot(&self) -> PolicyOutcome {
        self.state.borrow().clone()
    }

    /// The text of query `index` (empty if there is none).
    pub fn text(&self, index: usize) -> String {
        self.state
            .borrow()
            .queries
            .get(index)
            .map(|q| q.text.clone())
            .unwrap_or_default()
    }

    fn change<R>(&self, f: impl FnOnce(&mut PolicyOutcome) -> R) -> R {
        let result = f(&mut self.state.borrow_mut());
        if let Some(observer) = &self.observer {
            observer(&self.state.borrow());
        }
        result
    }

    fn since(&self, now_ms: f64) -> f64 {
        now_ms - self.origin_ms
    }

    /// See [`PolicyOutcome::typed`]; `now_ms` is a clock reading.
    pub fn typed(&self, now_ms: f64, text: &str) -> usize {
        let at = self.since(now_ms);
        self.change(|o| o.typed(at, text))
    }

    /// See [`PolicyOutcome::sent`].
    pub fn sent(&self, index: usize, now_ms: f64) {
        let at = self.since(now_ms);
        self.change(|o| o.sent(index, at));
    }

    /// See [`PolicyOutcome::answered`].
    pub fn answered(&self, index: usize, now_ms: f64, answer: SearchAnswer) {
        let at = self.since(now_ms);
        self.change(|o| o.answered(index, at, answer));
    }

    /// See [`PolicyOutcome::show`].
    pub fn show(&self, index: usize, now_ms: f64) {
        let at = self.since(now_ms);
        self.change(|o| o.show(index, at));
    }

    /// See [`PolicyOutcome::cancel_unsettled`].
    pub fn cancel_unsettled(&self, now_ms: f64) {
        let at = self.since(now_ms);
        self.change(|o| o.cancel_unsettled(at));
    }
}
