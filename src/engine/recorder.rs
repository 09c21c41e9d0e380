use std::cell::{Cell, RefCell};

use super::{Clock, RunEvent, TaskSpan, TaskSpec};

/// Records start and end times of tasks during one run and reports them to an observer.
///
/// Times are kept relative to the moment the recorder was created, so a record reads the
/// same whatever the clock's origin.
pub struct Recorder<'a> {
    origin_ms: f64,
    spans: RefCell<Vec<TaskSpan>>,
    finished: Cell<usize>,
    observer: &'a dyn Fn(RunEvent),
}

impl<'a> Recorder<'a> {
    /// Starts recording now for the given tasks; `observer` hears every start and end.
    pub fn new<C: Clock + ?Sized>(
        clock: &C,
        tasks: &[TaskSpec],
        observer: &'a dyn Fn(RunEvent),
    ) -> Self {
        let spans = tasks
            .iter()
            .map(|t| TaskSpan {
                id: t.id,
                label: t.label.clone(),
                requested_ms: t.duration_ms,
                start_ms: f64::NAN,
                end_ms: f64::NAN,
                result: String::new(),
                finish_rank: 0,
            })
            .collect();
        Self {
            origin_ms: clock.now_ms(),
            spans: RefCell::new(spans),
            finished: Cell::new(0),
            observer,
        }
    }

    /// Milliseconds since the recorder was created.
    pub fn elapsed_ms<C: Clock + ?Sized>(&self, clock: &C) -> f64 {
        clock.now_ms() - self.origin_ms
    }

    /// Runs one simulated I/O task: record the start, sleep for its duration, record the
    /// end, and return its result (`"<label> done"`).
    pub async fn simulated_io<C: Clock + ?Sized>(&self, clock: &C, task: &TaskSpec) -> String {
        let at_ms = self.elapsed_ms(clock);
        self.update(task.id, |s| s.start_ms = at_ms);
        (self.observer)(RunEvent::Started { id: task.id, at_ms });
        clock.sleep(task.duration_ms).await;
        let at_ms = self.elapsed_ms(clock);
        let rank = self.finished.get() + 1;
        self.finished.set(rank);
        let result = format!("{} done", task.label);
        self.update(task.id, |s| {
            s.end_ms = at_ms;
            s.finish_rank = rank;
            s.result = result.clone();
        });
        (self.observer)(RunEvent::Ended { id: task.id, at_ms });
        result
    }

    /// The spans recorded so far, in input order.
    pub fn into_spans(self) -> Vec<TaskSpan> {
        self.spans.into_inner()
    }

    fn update(&self, id: usize, f: impl FnOnce(&mut TaskSpan)) {
        if let Some(span) = self.spans.borrow_mut().iter_mut().find(|s| s.id == id) {
            f(span);
        }
    }
}
