//! A finished run as a Chrome Trace Event file (the JSON object form), which opens in
//! Perfetto (ui.perfetto.dev) and in Chrome DevTools' Performance panel.
//!
//! Each run is a process (`pid` = run index + 1, named by the run's title), each task a
//! thread of it (`tid` = the task's position + 1, named by its label), and each task span
//! a complete (`X`) event in microseconds from the start of its run (a CPU job that
//! waited for a worker has a `waiting for a worker` event first). Each lane that computed
//! (the page's thread, each worker) is a thread too, with the jobs it ran. The export carries a
//! run's predicted makespan but no predicted per-task times, so the prediction shows as
//! one `predicted end` instant on the run, and a raised error as an `error raised` one.

use serde_json::{json, Value};

use super::{CpuLane, RunExport, RunRecord, TaskSpan, TaskStatus};

impl RunExport {
    /// The runs as a Chrome Trace Event file: `{"traceEvents": [...], "displayTimeUnit":
    /// "ms"}`. Spans that never started or never ended have no event.
    pub fn to_trace_json(&self) -> String {
        let trace = json!({
            "traceEvents": trace_events(self),
            "displayTimeUnit": "ms",
        });
        serde_json::to_string(&trace).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Every event of the trace: for each run its metadata, then its spans and instants.
pub fn trace_events(export: &RunExport) -> Vec<Value> {
    let mut events = Vec::new();
    for (index, run) in export.runs.iter().enumerate() {
        let pid = index + 1;
        events.extend(run_metadata(run, pid));
        for (position, span) in run.tasks.iter().enumerate() {
            events.extend(span_events(span, pid, position + 1));
        }
        events.extend(lane_events(run, pid));
        events.extend(run_instants(run, pid));
    }
    events
}

/// The process's name and order, and each lane's name and order.
fn run_metadata(run: &RunRecord, pid: usize) -> Vec<Value> {
    let mut events = vec![
        metadata("process_name", pid, None, json!({ "name": run.title() })),
        metadata(
            "process_sort_index",
            pid,
            None,
            json!({ "sort_index": pid }),
        ),
    ];
    for (position, span) in run.tasks.iter().enumerate() {
        let tid = position + 1;
        events.push(metadata(
            "thread_name",
            pid,
            Some(tid),
            json!({ "name": span.label }),
        ));
        events.push(metadata(
            "thread_sort_index",
            pid,
            Some(tid),
            json!({ "sort_index": tid }),
        ));
    }
    events
}

/// One metadata (`M`) event, on a thread when `tid` is given.
fn metadata(name: &str, pid: usize, tid: Option<usize>, args: Value) -> Value {
    let mut event = json!({ "ph": "M", "name": name, "pid": pid, "args": args });
    if let Some(tid) = tid {
        event["tid"] = json!(tid);
    }
    event
}

/// The complete (`X`) events of one span on its task's thread: the time its job waited
/// for a worker (`waiting for a worker`, if it did), then its work; none if it has no
/// finite start and end.
fn span_events(span: &TaskSpan, pid: usize, tid: usize) -> Vec<Value> {
    let computing = span
        .compute_start_ms
        .filter(|c| c.is_finite() && *c > span.start_ms && *c <= span.end_ms);
    let Some(mut work) = span_event(span, pid, tid) else {
        return Vec::new();
    };
    let Some(from) = computing else {
        return vec![work];
    };
    let mut queued = work.clone();
    queued["name"] = json!("waiting for a worker");
    queued["cat"] = json!("queued");
    queued["dur"] = json!(micros(from) - micros(span.start_ms));
    queued["cname"] = json!("grey");
    work["ts"] = json!(micros(from));
    work["dur"] = json!((micros(span.end_ms) - micros(from)).max(0.0));
    vec![queued, work]
}

/// Thread ids of the lanes that computed: the page's thread, then worker n.
const LANE_TID: usize = 10_000;

/// One thread per lane that computed a job of `run` (the page's thread, each worker),
/// named after it, with a complete event for each job it computed.
fn lane_events(run: &RunRecord, pid: usize) -> Vec<Value> {
    let tid = |lane: CpuLane| match lane {
        CpuLane::Page => LANE_TID,
        CpuLane::Worker(n) => LANE_TID + 1 + n.min(1000),
    };
    let mut lanes: Vec<CpuLane> = run.tasks.iter().filter_map(|t| t.lane).collect();
    lanes.sort_by_key(|&l| tid(l));
    lanes.dedup();
    let mut events: Vec<Value> = lanes
        .iter()
        .map(|&l| {
            metadata(
                "thread_name",
                pid,
                Some(tid(l)),
                json!({ "name": l.label() }),
            )
        })
        .collect();
    for span in &run.tasks {
        let (Some(lane), Some(from)) = (span.lane, span.compute_start_ms) else {
            continue;
        };
        if let Some(mut event) = span_event(span, pid, tid(lane)) {
            event["ts"] = json!(micros(from));
            event["dur"] = json!((micros(span.end_ms) - micros(from)).max(0.0));
            events.push(event);
        }
    }
    events
}

/// The complete (`X`) event of one span, or `None` if it has no finite start and end.
fn span_event(span: &TaskSpan, pid: usize, tid: usize) -> Option<Value> {
    if !span.start_ms.is_finite() || !span.end_ms.is_finite() {
        return None;
    }
    let ts = micros(span.start_ms);
    let dur = (micros(span.end_ms) - ts).max(0.0);
    let mut event = json!({
        "ph": "X",
        "name": span.label,
        "cat": if span.cpu { "cpu" } else { "io" },
        "ts": ts,
        "dur": dur,
        "pid": pid,
        "tid": tid,
        "args": {
            "status": span.status.key(),
            "result": span.result,
            "requested_ms": finite_or_null(span.requested_ms),
            "finish_rank": span.finish_rank,
        },
    });
    if let Some(colour) = colour(span.status) {
        event["cname"] = json!(colour);
    }
    Some(event)
}

/// Process-wide instants on the first lane: the predicted end of the run and the error
/// its caller received. A run without tasks has none (it has no lane to carry them).
fn run_instants(run: &RunRecord, pid: usize) -> Vec<Value> {
    if run.tasks.is_empty() {
        return Vec::new();
    }
    let mut events = Vec::new();
    if let Some(predicted) = run.predicted_ms.filter(|p| p.is_finite()) {
        let args = json!({ "predicted_ms": predicted, "makespan_ms": run.makespan_ms });
        events.push(instant("predicted end", predicted, pid, args));
    }
    if let Some(failure) = run.failure.as_ref().filter(|f| f.at_ms.is_finite()) {
        let args = json!({ "task": failure.task + 1, "message": failure.message });
        events.push(instant("error raised", failure.at_ms, pid, args));
    }
    events
}

/// A process-scoped instant (`i`) event at `at_ms`.
fn instant(name: &str, at_ms: f64, pid: usize, args: Value) -> Value {
    json!({
        "ph": "i",
        "s": "p",
        "name": name,
        "cat": "run",
        "ts": micros(at_ms),
        "pid": pid,
        "tid": 1,
        "args": args,
    })
}

/// A trace viewer's reserved colour for a task that did not end normally.
fn colour(status: TaskStatus) -> Option<&'static str> {
    match status {
        TaskStatus::Ok => None,
        TaskStatus::Failed => Some("terrible"),
        TaskStatus::Rejected => Some("bad"),
        TaskStatus::TimedOut => Some("yellow"),
        TaskStatus::Cancelled => Some("grey"),
    }
}

/// Milliseconds as microseconds, kept to the nanosecond (no float noise in the file).
fn micros(ms: f64) -> f64 {
    (ms * 1_000_000.0).round() / 1000.0
}

/// A number, or `null` when it is not finite (JSON has no NaN or infinity).
fn finite_or_null(x: f64) -> Value {
    if x.is_finite() {
        json!(x)
    } else {
        Value::Null
    }
}

#[cfg(test)]
#[path = "tests/trace_export.rs"]
mod tests;
