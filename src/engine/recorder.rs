use std::cell::{Cell, RefCell};
use std::future::Future;

use futures::future::{select, Either, LocalBoxFuture};

use super::cpu::CpuOutput;
use super::param_spec::format_number;
use super::{
    Clock, CpuLane, RunEvent, RunOptions, Service, TaskPhase, TaskSpan, TaskSpec, TaskStatus,
    TOO_MANY_REQUESTS,
};

/// What a task hands back to its strategy: success, or its error text. (A task's result
/// text is in its [`TaskSpan`]; no strategy hands it on, so it is not copied here.)
pub type TaskResult = Result<(), String>;

/// Records start and end times of tasks during one run and reports them to an observer.
///
/// It also plays the simulated service the tasks call (see [`Service`]) and applies the
/// per-task timeout of the run's [`RunOptions`]. Times are kept relative to the moment the
/// recorder was created, so a record reads the same whatever the clock's origin.
pub struct Recorder<'a> {
    origin_ms: f64,
    spans: RefCell<Vec<TaskSpan>>,
    finished: Cell<usize>,
    service: Service,
    timeout_ms: Option<f64>,
    observer: &'a dyn Fn(RunEvent),
}

impl<'a> Recorder<'a> {
    /// Starts recording now for the given tasks, with no capacity limit and no timeout;
    /// `observer` hears every start and end.
    pub fn new<C: Clock + ?Sized>(
        clock: &C,
        tasks: &[TaskSpec],
        observer: &'a dyn Fn(RunEvent),
    ) -> Self {
        Self::with_options(clock, tasks, &RunOptions::default(), observer)
    }

    /// Starts recording now for the given tasks under `options`.
    pub fn with_options<C: Clock + ?Sized>(
        clock: &C,
        tasks: &[TaskSpec],
        options: &RunOptions,
        observer: &'a dyn Fn(RunEvent),
    ) -> Self {
        let spans = tasks
            .iter()
            .map(|t| TaskSpan {
                id: t.id,
                label: t.label.clone(),
                requested_ms: t.wait_ms(),
                start_ms: f64::NAN,
                end_ms: f64::NAN,
                status: TaskStatus::Ok,
                result: String::new(),
                finish_rank: 0,
                cpu: t.cpu.is_some(),
                compute_start_ms: None,
                lane: None,
            })
            .collect();
        Self {
            origin_ms: clock.now_ms(),
            spans: RefCell::new(spans),
            finished: Cell::new(0),
            service: Service::new(options.capacity),
            timeout_ms: options.timeout(),
            observer,
        }
    }

    /// Milliseconds since the recorder was created.
    pub fn elapsed_ms<C: Clock + ?Sized>(&self, clock: &C) -> f64 {
        clock.now_ms() - self.origin_ms
    }

    /// One simulated I/O call: the task is ready as soon as this is called; once polled it
    /// records its start, asks the service for a slot (rejected at once if it is full),
    /// sleeps for its duration (or until the timeout, whichever fires first; on a tie the
    /// call completes), records its end (with its result, e.g. `"<label> done"`) and
    /// returns `Ok(())` or its error text.
    pub fn simulated_io<'s, C: Clock + ?Sized>(
        &'s self,
        clock: &'s C,
        task: &'s TaskSpec,
    ) -> impl Future<Output = TaskResult> + 's {
        clock.observe_task(task.id, TaskPhase::Ready);
        async move {
            clock.observe_task(task.id, TaskPhase::Running);
            self.start(clock, task.id);
            if !self.service.try_acquire() {
                return self.finish(
                    clock,
                    task.id,
                    TaskStatus::Rejected,
                    TOO_MANY_REQUESTS.into(),
                );
            }
            let output: RefCell<Option<Result<CpuOutput, String>>> = RefCell::new(None);
            let work: LocalBoxFuture<'_, ()> = match &task.cpu {
                None => clock.sleep(task.wait_ms()),
                Some(job) => {
                    let id = task.id;
                    let on_run = Box::new(move |lane| self.computing(clock, id, lane));
                    let computed = clock.compute(job, task.wait_ms(), on_run);
                    Box::pin(async {
                        let result = computed.await;
                        *output.borrow_mut() = Some(result);
                    })
                }
            };
            let completed = match self.timeout_ms {
                None => {
                    work.await;
                    true
                }
                Some(t) => matches!(select(work, clock.sleep(t)).await, Either::Left(_)),
            };
            let computed = output.into_inner();
            clock.observe_task(task.id, TaskPhase::Running);
            self.service.release();
            let (status, text) = if !completed {
                let limit = format_number(self.timeout_ms.unwrap_or(0.0));
                (
                    TaskStatus::TimedOut,
                    format!("{} timed out after {limit} ms", task.label),
                )
            } else if task.fails {
                (TaskStatus::Failed, format!("{} failed", task.label))
            } else if let Some(result) = computed {
                match result {
                    Ok(out) => (TaskStatus::Ok, format!("{}: {}", task.label, out.summary())),
                    Err(e) => (TaskStatus::Failed, format!("{} failed: {e}", task.label)),
                }
            } else {
                (TaskStatus::Ok, [task.label.as_str(), " done"].concat())
            };
            self.finish(clock, task.id, status, text)
        }
    }

    /// Cancels every task that has not ended: a running task ends now with status
    /// `cancelled` and frees its service slot; a task that never got to run gets a
    /// zero-length `cancelled` span now. Drop the tasks' futures first, so that their
    /// timers are gone too.
    pub fn cancel_unfinished<C: Clock + ?Sized>(&self, clock: &C) {
        let open: Vec<(usize, bool)> = self
            .spans
            .borrow()
            .iter()
            .filter(|s| s.end_ms.is_nan())
            .map(|s| (s.id, s.is_running()))
            .collect();
        for (id, running) in open {
            if running {
                self.service.release();
            } else {
                self.start(clock, id);
            }
            clock.observe_task(id, TaskPhase::Cancelled);
            self.end(clock, id, TaskStatus::Cancelled, "cancelled".to_string());
        }
    }

    /// Marks `task` as never run because `reason`: a zero-length span now, with status
    /// `cancelled` (a dependent of a failed task, for instance).
    pub fn skip<C: Clock + ?Sized>(&self, clock: &C, task: &TaskSpec, reason: &str) -> TaskResult {
        self.start(clock, task.id);
        clock.observe_task(task.id, TaskPhase::Cancelled);
        let text = format!("cancelled: {reason}");
        self.end(clock, task.id, TaskStatus::Cancelled, text.clone());
        Err(text)
    }

    /// Tells the observer that the error of task `id` reached the caller now.
    pub fn raise<C: Clock + ?Sized>(&self, clock: &C, id: usize) {
        let at_ms = self.elapsed_ms(clock);
        (self.observer)(RunEvent::Raised { id, at_ms });
    }

    /// The most service requests that were in flight together.
    pub fn peak_in_flight(&self) -> usize {
        self.service.peak()
    }

    /// The spans recorded so far, in input order.
    pub fn into_spans(self) -> Vec<TaskSpan> {
        self.spans.into_inner()
    }

    /// Records that task `id` starts now.
    fn start<C: Clock + ?Sized>(&self, clock: &C, id: usize) {
        let at_ms = self.elapsed_ms(clock);
        self.update(id, |s| s.start_ms = at_ms);
        (self.observer)(RunEvent::Started { id, at_ms });
    }

    /// Records that the CPU job of task `id` starts computing now on `lane`.
    fn computing<C: Clock + ?Sized>(&self, clock: &C, id: usize, lane: CpuLane) {
        let at_ms = self.elapsed_ms(clock);
        self.update(id, |s| {
            s.compute_start_ms = Some(at_ms);
            s.lane = Some(lane);
        });
        (self.observer)(RunEvent::Computing { id, at_ms, lane });
    }

    /// Ends a task that ran to a status, and tells the clock its code has returned.
    fn finish<C: Clock + ?Sized>(
        &self,
        clock: &C,
        id: usize,
        status: TaskStatus,
        text: String,
    ) -> TaskResult {
        if status.is_ok() {
            self.end(clock, id, status, text);
            clock.observe_task(id, TaskPhase::Done);
            Ok(())
        } else {
            self.end(clock, id, status, format!("error: {text}"));
            clock.observe_task(id, TaskPhase::Done);
            Err(text)
        }
    }

    fn end<C: Clock + ?Sized>(&self, clock: &C, id: usize, status: TaskStatus, result: String) {
        let at_ms = self.elapsed_ms(clock);
        let rank = self.finished.get() + 1;
        self.finished.set(rank);
        self.update(id, |s| {
            s.end_ms = at_ms;
            s.finish_rank = rank;
            s.status = status;
            s.result = result;
        });
        (self.observer)(RunEvent::Ended { id, at_ms, status });
    }

    fn update(&self, id: usize, f: impl FnOnce(&mut TaskSpan)) {
        let mut spans = self.spans.borrow_mut();
        let position = match spans.get(id) {
            Some(s) if s.id == id => Some(id),
            _ => spans.iter().position(|s| s.id == id),
        };
        if let Some(span) = position.and_then(|p| spans.get_mut(p)) {
            f(span);
        }
    }
}
