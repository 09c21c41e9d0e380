//! What a timeline lane draws of one task, in milliseconds: the time its CPU job waited
//! for a worker, then the bar of its work (waiting for I/O, or computing).

use crate::engine::{CpuLane, RunRecord, TaskSpan, TaskStatus};

use super::LiveRun;

/// Shorter waits for a worker are not drawn: handing a job to an idle worker (encoding it
/// and posting it) takes about half a millisecond between the task's start and the job's
/// (0.4–0.7 ms measured in Chromium), which is not waiting for a worker.
const MIN_QUEUED_MS: f64 = 1.0;

/// The measured pieces of one task's lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaneSegments {
    /// From the task's start until a worker took its job (CPU work on a pool only).
    pub queued: Option<(f64, f64)>,
    /// Its work: from its start (or from when its job started computing) to its end, or
    /// to now while open; `None` while it is still queued.
    pub bar: Option<(f64, f64)>,
    /// Whether the task has ended.
    pub done: bool,
    /// How it ended, once ended.
    pub status: Option<TaskStatus>,
}

/// The lane of task `j` of `run` so far, `now_ms` being how far the run has got; `None`
/// until the task has started. A CPU job sent to workers waits until one takes it.
pub fn lane_segments(run: &LiveRun, j: usize, now_ms: f64) -> Option<LaneSegments> {
    let start = run.starts.get(j).copied().flatten()?;
    let end = run.ends.get(j).copied().flatten();
    let status = run.statuses.get(j).copied().flatten();
    let computing = run.computing.get(j).copied().flatten().map(|(t, _)| t);
    let cpu = run.predicted.tasks.get(j).is_some_and(|t| t.cpu);
    let on_pool = run.predicted.options.workers.is_some();
    let until = end.unwrap_or(now_ms).max(start);
    let (queued, bar) = match computing {
        Some(from) if from - start >= MIN_QUEUED_MS => {
            (Some((start, from.min(until))), Some((from, until)))
        }
        Some(_) => (None, Some((start, until))),
        // A job on a pool that has not been sent to a worker waits (or waited) all along.
        None if cpu && on_pool => (Some((start, until)), None),
        None => (None, Some((start, until))),
    };
    Some(LaneSegments {
        queued,
        bar,
        done: end.is_some(),
        status,
    })
}

/// The predicted bar of `span`: from when its job computes (after any queueing) to its
/// end.
pub fn predicted_bar(span: &TaskSpan) -> (f64, f64) {
    let from = span
        .compute_start_ms
        .filter(|c| c.is_finite())
        .unwrap_or(span.start_ms);
    (from, span.end_ms.max(from))
}

/// One job a worker computed: its task's position, from when to when (to now while it
/// computes), and whether it is done.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkerJob {
    /// The task's position in the run.
    pub task: usize,
    /// When the worker started it.
    pub from_ms: f64,
    /// When it ended, or now.
    pub to_ms: f64,
    /// Whether it has ended.
    pub done: bool,
}

/// What each worker of `run`'s pool has computed so far, worker by worker (every worker
/// of the pool has a lane, idle or not); empty for a run without workers.
pub fn worker_jobs(run: &LiveRun, now_ms: f64) -> Vec<Vec<WorkerJob>> {
    let workers = run.predicted.options.workers.unwrap_or(0).min(64);
    let mut lanes = vec![Vec::new(); workers];
    for (task, computing) in run.computing.iter().enumerate() {
        let Some((from_ms, CpuLane::Worker(w))) = *computing else {
            continue;
        };
        let end = run.ends.get(task).copied().flatten();
        if let Some(lane) = lanes.get_mut(w) {
            lane.push(WorkerJob {
                task,
                from_ms,
                to_ms: end.unwrap_or(now_ms).max(from_ms),
                done: end.is_some(),
            });
        }
    }
    lanes
}

/// A kind of time a timeline draws, each in one colour in every lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// Waiting for I/O (a timer standing in for the network).
    Io,
    /// Computing (on the page's thread or a worker).
    Cpu,
    /// A CPU job waiting for a free worker.
    Queued,
    /// A task that ended with an error (failed, rejected, timed out).
    Error,
    /// A task that was cancelled.
    Cancelled,
}

impl TimeKind {
    /// The key that picks its colour in the style sheet.
    pub fn key(self) -> &'static str {
        match self {
            TimeKind::Io => "io",
            TimeKind::Cpu => "cpu",
            TimeKind::Queued => "queued",
            TimeKind::Error => "error",
            TimeKind::Cancelled => "cancelled",
        }
    }

    /// Its name in the legend.
    pub fn label(self) -> &'static str {
        match self {
            TimeKind::Io => "waiting for I/O",
            TimeKind::Cpu => "computing",
            TimeKind::Queued => "waiting for a worker",
            TimeKind::Error => "ended in an error",
            TimeKind::Cancelled => "cancelled",
        }
    }
}

/// The kinds of time the predictions of `runs` show, in legend order: I/O and CPU work
/// as their tasks have it, queueing where a predicted job waits for a worker, errors and
/// cancellations where a predicted task ends so.
pub fn time_kinds(runs: &[&RunRecord]) -> Vec<TimeKind> {
    let any = |f: &dyn Fn(&RunRecord, &TaskSpan) -> bool| {
        runs.iter().any(|r| r.tasks.iter().any(|t| f(r, t)))
    };
    let mut kinds = Vec::new();
    if any(&|_, t| !t.cpu) {
        kinds.push(TimeKind::Io);
    }
    if any(&|_, t| t.cpu) {
        kinds.push(TimeKind::Cpu);
    }
    if any(&|r, t| t.cpu && r.options.workers.is_some() && t.queued_ms() > 0.0) {
        kinds.push(TimeKind::Queued);
    }
    if any(&|_, t| !t.status.is_ok() && t.status != TaskStatus::Cancelled) {
        kinds.push(TimeKind::Error);
    }
    if any(&|_, t| t.status == TaskStatus::Cancelled) {
        kinds.push(TimeKind::Cancelled);
    }
    kinds
}

#[cfg(test)]
#[path = "lane_segments_tests.rs"]
mod tests;
