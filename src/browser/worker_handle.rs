//! One CPU web worker seen from the page: a thin wrapper over `web_sys::Worker` and
//! `postMessage`, with JSON text as the codec (serde_json is already in the app; no
//! binary codec is needed for jobs of a few numbers and replies of at most a tile).
//!
//! Unlike gloo-worker it can `terminate()` a worker (a cancelled job stops at once), it
//! reports a worker that fails to start (a refused `new Worker`, a script that does not
//! load) instead of panicking or waiting forever, and it never unwraps.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::engine::cpu::{JobReply, JobRequest, Speed};

/// What a CPU worker sends to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker's wasm is loaded, it measured its speed, and it listens for jobs.
    Ready(Speed),
    /// The answer to a job.
    Reply(JobReply),
}

/// What the page hears of one worker.
#[derive(Debug, Clone)]
pub enum WorkerEvent {
    /// It loaded, measured its speed and listens (jobs sent before this were held and
    /// are sent now).
    Ready(Speed),
    /// It answered a job.
    Reply(JobReply),
    /// It failed: its script did not load, or it threw an uncaught error.
    Failed(String),
    /// It was asked to stop while loading ([`WorkerHandle::stop_when_ready`]) and has now
    /// loaded and been terminated.
    Stopped,
}

type MessageHandler = Closure<dyn FnMut(web_sys::MessageEvent)>;
type ErrorHandler = Closure<dyn FnMut(web_sys::Event)>;

/// A running CPU worker; dropping it terminates the worker.
pub struct WorkerHandle {
    worker: web_sys::Worker,
    /// Jobs sent before the worker said it was ready (`None` once it has).
    held: Rc<RefCell<Option<Vec<String>>>>,
    /// Whether to terminate the worker as soon as it is ready instead of using it.
    stopping: Rc<Cell<bool>>,
    _on_message: MessageHandler,
    _on_error: ErrorHandler,
}

impl WorkerHandle {
    /// Starts a module worker from `script` (relative to the page) and calls `on_event`
    /// with everything it says. Fails with a message if the browser refuses to create it
    /// (a sandboxed iframe without `allow-same-origin`, a policy that blocks workers).
    pub fn spawn(script: &str, on_event: impl Fn(WorkerEvent) + 'static) -> Result<Self, String> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(script, &options).map_err(|e| {
            format!(
                "the browser refused to start a web worker ({})",
                describe(&e)
            )
        })?;
        let held: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let stopping = Rc::new(Cell::new(false));
        let on_event = Rc::new(on_event);
        let on_message = {
            let (worker, held, on_event) = (worker.clone(), held.clone(), on_event.clone());
            let stopping = stopping.clone();
            MessageHandler::new(move |e: web_sys::MessageEvent| {
                let Some(text) = e.data().as_string() else {
                    return;
                };
                match serde_json::from_str::<FromWorker>(&text) {
                    Ok(FromWorker::Ready(_)) if stopping.get() => {
                        worker.terminate();
                        on_event(WorkerEvent::Stopped);
                    }
                    Ok(FromWorker::Ready(speed)) => {
                        let queued = held.borrow_mut().take().unwrap_or_default();
                        for message in queued {
                            let _ = worker.post_message(&message.into());
                        }
                        on_event(WorkerEvent::Ready(speed));
                    }
                    Ok(FromWorker::Reply(reply)) => on_event(WorkerEvent::Reply(reply)),
                    Err(_) => {}
                }
            })
        };
        let on_error = {
            let held = held.clone();
            ErrorHandler::new(move |e: web_sys::Event| {
                e.prevent_default();
                let starting = held.borrow().is_some();
                on_event(WorkerEvent::Failed(error_text(&e, starting)));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self {
            worker,
            held,
            stopping,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends `request` now, or as soon as the worker is ready.
    pub fn send(&self, request: &JobRequest) {
        let Ok(text) = serde_json::to_string(request) else {
            return;
        };
        match self.held.borrow_mut().as_mut() {
            Some(queue) => queue.push(text),
            None => {
                let _ = self.worker.post_message(&text.into());
            }
        }
    }

    /// Whether the worker has said it is ready.
    pub fn is_ready(&self) -> bool {
        self.held.borrow().is_none()
    }

    /// Terminates the worker once it has loaded (then says [`WorkerEvent::Stopped`]),
    /// dropping the jobs held for it. Terminating a worker while its script is still
    /// being fetched can make the browser fail the fetches of other workers loading the
    /// same files through a service worker, so a loading worker is left to finish.
    pub fn stop_when_ready(&self) {
        self.stopping.set(true);
        if let Some(held) = self.held.borrow_mut().as_mut() {
            held.clear();
        }
    }

    /// Stops the worker at once, whatever it is computing; it sends nothing more.
    pub fn terminate(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// The text of an error event: its message where the browser gives one (an uncaught
/// exception, or a module that could not be fetched), and whether the worker was still
/// starting (its script did not load) or had started (it crashed).
fn error_text(e: &web_sys::Event, starting: bool) -> String {
    let message = e
        .dyn_ref::<web_sys::ErrorEvent>()
        .map(|e| e.message())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "no detail given".to_string());
    if starting {
        format!(
            "the worker script could not be loaded (missing file, blocked by the site's \
             security policy, or not a script: {message})"
        )
    } else {
        format!("the worker failed: {message}")
    }
}

/// A JavaScript exception as text (`SecurityError: …`).
fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
