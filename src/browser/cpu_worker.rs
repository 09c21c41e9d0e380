use std::cell::{Cell, RefCell};

use gloo_worker::{HandlerId, Registrable, Worker, WorkerScope};

use wasm_bindgen::JsCast;

use crate::engine::cpu::{CpuJob, JobReply, JobRequest};
use crate::engine::Clock;

use super::BrowserClock;

thread_local! {
    static SCOPE: RefCell<Option<WorkerScope<CpuWorker>>> = const { RefCell::new(None) };
    static CURRENT: Cell<Option<(HandlerId, u64)>> = const { Cell::new(None) };
}

/// The web worker that computes CPU jobs for the pool (gloo-worker over postMessage).
///
/// A job that panics still gets an answer: a panic hook replies with the panic message
/// and `fatal: true` before the worker's wasm instance dies, so the pool can fail that job
/// and replace the worker instead of waiting forever.
///
/// [`CpuJob::CloseWorker`] makes the worker close itself without a word, the way a worker
/// killed from outside goes silent: the pool has to notice by itself (its job deadline).
pub struct CpuWorker;

impl CpuWorker {
    /// Registers the worker in the current worker scope (call from the worker binary).
    pub fn register() {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("the job panicked: {info}");
            web_sys::console::error_1(&message.clone().into());
            let current = CURRENT.with(Cell::take);
            SCOPE.with(|scope| {
                if let (Some(scope), Some((who, id))) = (scope.borrow().as_ref(), current) {
                    scope.respond(
                        who,
                        JobReply {
                            id,
                            result: Err(message),
                            compute_ms: 0.0,
                            fatal: true,
                        },
                    );
                }
            });
        }));
        CpuWorker::registrar().register();
    }
}

impl Worker for CpuWorker {
    type Message = ();
    type Input = JobRequest;
    type Output = JobReply;

    fn create(scope: &WorkerScope<Self>) -> Self {
        SCOPE.with(|s| *s.borrow_mut() = Some(scope.clone()));
        CpuWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, who: HandlerId) {
        if request.job == CpuJob::CloseWorker {
            close_this_worker();
            return; // no answer: the worker is gone once this handler returns
        }
        let clock = BrowserClock::new();
        CURRENT.with(|c| c.set(Some((who, request.id))));
        let t0 = clock.now_ms();
        let output = request.job.run();
        let compute_ms = clock.now_ms() - t0;
        CURRENT.with(|c| c.set(None));
        scope.respond(
            who,
            JobReply {
                id: request.id,
                result: Ok(output),
                compute_ms,
                fatal: false,
            },
        );
    }
}

/// Calls `close()` on this worker's global scope: the worker discards its pending tasks
/// and stops once the current one returns, without any message or error event.
/// On a page (where `close` would close the window) it does nothing.
fn close_this_worker() {
    if web_sys::window().is_some() {
        return;
    }
    let global = js_sys::global();
    let close = js_sys::Reflect::get(&global, &"close".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(close) = close {
        let _ = close.call0(&global);
    }
}
