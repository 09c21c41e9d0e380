//! The virtual clock's timers and its event-loop tracer: what a pending sleep shares with
//! its queue entry, and how a traced clock writes each step of its loop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::Waker;

use super::{Deadline, DeadlineHeap, LoopAction, LoopStep, SleepingTask, TaskPhase};

/// The state shared by a pending sleep and its queue entry.
#[derive(Default)]
pub(super) struct Slot {
    pub(super) fired: Cell<bool>,
    pub(super) cancelled: Cell<bool>,
    pub(super) waker: RefCell<Option<Waker>>,
}

/// A pending sleep in the queue: the task it belongs to (when tracing) and its slot.
pub(super) struct Timer {
    pub(super) task: Option<usize>,
    pub(super) slot: Rc<Slot>,
}

pub(super) type Entry = Deadline<Timer>;

/// The event loop as a tracing clock sees it.
#[derive(Default)]
pub(super) struct TraceState {
    /// The task whose code is running, whose step is written once it yields.
    pub(super) current: Option<usize>,
    pub(super) ready: Vec<usize>,
    pub(super) steps: Vec<LoopStep>,
}

impl TraceState {
    pub(super) fn record(&mut self, at_ms: f64, action: LoopAction, sleeping: Vec<SleepingTask>) {
        self.steps.push(LoopStep {
            at_ms,
            action,
            ready: self.ready.clone(),
            sleeping,
        });
    }

    /// Writes the step of the task that was running and has now yielded, if any.
    pub(super) fn flush(&mut self, at_ms: f64, queue: &DeadlineHeap<Timer>) {
        if let Some(task) = self.current.take() {
            self.record(
                at_ms,
                LoopAction::Run { task, done: false },
                sleeping(queue.iter()),
            );
        }
    }

    pub(super) fn observe(
        &mut self,
        at_ms: f64,
        queue: &DeadlineHeap<Timer>,
        id: usize,
        phase: TaskPhase,
    ) {
        match phase {
            TaskPhase::Ready => {
                if !self.ready.contains(&id) {
                    self.ready.push(id);
                }
            }
            TaskPhase::Running => {
                self.flush(at_ms, queue);
                self.ready.retain(|&r| r != id);
                self.current = Some(id);
            }
            TaskPhase::Done => {
                if self.current != Some(id) {
                    self.flush(at_ms, queue);
                }
                self.current = None;
                let action = LoopAction::Run {
                    task: id,
                    done: true,
                };
                self.record(at_ms, action, sleeping(queue.iter()));
            }
            TaskPhase::Cancelled => {
                self.flush(at_ms, queue);
                self.ready.retain(|&r| r != id);
                self.record(
                    at_ms,
                    LoopAction::Cancel { task: id },
                    sleeping(queue.iter()),
                );
            }
        }
    }
}

/// The live, task-owned timers among `entries`, earliest first.
pub(super) fn sleeping<'e>(entries: impl Iterator<Item = &'e Entry>) -> Vec<SleepingTask> {
    let mut live: Vec<&Entry> = entries
        .filter(|e| {
            e.item.task.is_some() && !e.item.slot.cancelled.get() && !e.item.slot.fired.get()
        })
        .collect();
    live.sort_by(|a, b| b.cmp(a));
    live.iter()
        .filter_map(|e| {
            e.item.task.map(|task| SleepingTask {
                task,
                wake_ms: e.at_ms,
            })
        })
        .collect()
}
