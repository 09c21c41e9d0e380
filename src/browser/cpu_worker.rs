use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::engine::cpu::{speed, CpuJob, JobReply, JobRequest};
use crate::engine::Clock;

use super::worker_handle::FromWorker;
use super::BrowserClock;

thread_local! {
    static CURRENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The web worker that computes CPU jobs for the pool: JSON text over `postMessage`
/// (see [`super::worker_handle`] for the page's side).
///
/// Before it listens it measures its own speed ([`speed::measure_on`]: this also warms
/// up the compiled code its jobs run), then says [`FromWorker::Ready`] with that speed, so
/// the page holds jobs until then. A
/// job that panics still gets an answer: a panic hook replies with the panic message and
/// `fatal: true` before the worker's wasm instance dies, so the pool can fail that job
/// and replace the worker instead of waiting forever.
///
/// [`CpuJob::CloseWorker`] makes the worker close itself without a word, the way a worker
/// killed from outside goes silent: the pool has to notice by itself (its job deadline).
pub struct CpuWorker;

impl CpuWorker {
    /// Starts answering jobs in the current worker scope (call from the worker binary).
    pub fn register() {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("the job panicked: {info}");
            web_sys::console::error_1(&message.clone().into());
            if let Some(id) = CURRENT.with(Cell::take) {
                post(&FromWorker::Reply(JobReply {
                    id,
                    result: Err(message),
                    compute_ms: 0.0,
                    fatal: true,
                }));
            }
        }));
        let Some(scope) = worker_scope() else {
            return;
        };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
                let request = e
                    .data()
                    .as_string()
                    .and_then(|text| serde_json::from_str::<JobRequest>(&text).ok());
                if let Some(request) = request {
                    received(request);
                }
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        wasm_bindgen_futures::spawn_local(async {
            let speed = speed::measure_on(&BrowserClock::new(), MEASURE_SLICE_MS).await;
            speed::set_current(speed);
            post(&FromWorker::Ready(speed));
        });
    }
}

/// Longest the worker's measure of its speed computes without a turn of its event loop:
/// the browser installs the optimised code of a hot function only between tasks, so a
/// measure in one go would time the unoptimised code throughout.
const MEASURE_SLICE_MS: f64 = 8.0;

/// Runs one job and answers it.
fn received(request: JobRequest) {
    if request.job == CpuJob::CloseWorker {
        close_this_worker();
        return; // no answer: the worker is gone once this handler returns
    }
    let clock = BrowserClock::new();
    CURRENT.with(|c| c.set(Some(request.id)));
    let t0 = clock.now_ms();
    let output = request.job.run();
    let compute_ms = clock.now_ms() - t0;
    speed::learn_from(&request.job, compute_ms);
    CURRENT.with(|c| c.set(None));
    post(&FromWorker::Reply(JobReply {
        id: request.id,
        result: Ok(output),
        compute_ms,
        fatal: false,
    }));
}

/// This thread's worker scope; `None` on a page.
fn worker_scope() -> Option<web_sys::DedicatedWorkerGlobalScope> {
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .ok()
}

/// Sends `message` to the page as JSON text.
fn post(message: &FromWorker) {
    if let (Some(scope), Ok(text)) = (worker_scope(), serde_json::to_string(message)) {
        let _ = scope.post_message(&text.into());
    }
}

/// Calls `close()` on this worker's global scope: the worker discards its pending tasks
/// and stops once the current one returns, without any message or error event.
/// On a page it does nothing.
fn close_this_worker() {
    if let Some(scope) = worker_scope() {
        scope.close();
    }
}
