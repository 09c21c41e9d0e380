//! Tests of the Chrome Trace Event export (included by `trace_export.rs`).

use super::*;
use crate::engine::{ParamValues, RunOptions, Scenario, Strategy, TaskSpec};

fn export(runs: Vec<RunRecord>) -> RunExport {
    RunExport::new("gather", ParamValues::default(), runs)
}

fn simulate(strategy: Strategy, scenario: &Scenario) -> RunRecord {
    strategy
        .simulate(scenario, &RunOptions::default())
        .expect("sleeps always finish")
}

/// The parsed file's events with phase `ph` and name `name` (any name if empty).
fn events<'a>(trace: &'a Value, ph: &str, name: &str) -> Vec<&'a Value> {
    let all = trace["traceEvents"]
        .as_array()
        .expect("traceEvents is an array");
    all.iter()
        .filter(|e| e["ph"] == ph && (name.is_empty() || e["name"] == name))
        .collect()
}

#[test]
fn each_run_is_a_named_process_with_a_named_lane_per_task() {
    let scenario = Scenario::from_durations(&[30.0, 10.0]);
    let runs = vec![
        simulate(Strategy::Sequential, &scenario),
        simulate(Strategy::Gather, &scenario),
    ];
    let trace: Value = serde_json::from_str(&export(runs).to_trace_json()).unwrap();
    assert_eq!(trace["displayTimeUnit"], "ms");
    let processes = events(&trace, "M", "process_name");
    let names: Vec<(u64, &str)> = processes
        .iter()
        .map(|e| {
            (
                e["pid"].as_u64().unwrap(),
                e["args"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(names, [(1, "Sequential"), (2, "Gather")]);
    assert_eq!(events(&trace, "M", "process_sort_index").len(), 2);
    let threads = events(&trace, "M", "thread_name");
    let lanes: Vec<(u64, u64, &str)> = threads
        .iter()
        .map(|e| {
            let id = |k: &str| e[k].as_u64().unwrap();
            (id("pid"), id("tid"), e["args"]["name"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        lanes,
        [
            (1, 1, "task 1"),
            (1, 2, "task 2"),
            (2, 1, "task 1"),
            (2, 2, "task 2")
        ]
    );
}

#[test]
fn each_span_is_one_complete_event_in_microseconds() {
    let scenario = Scenario::from_durations(&[30.0, 10.0]);
    let run = simulate(Strategy::Sequential, &scenario);
    let trace: Value = serde_json::from_str(&export(vec![run]).to_trace_json()).unwrap();
    let spans = events(&trace, "X", "");
    assert_eq!(spans.len(), 2);
    // Sequential: task 1 from 0 to 30 ms, task 2 from 30 to 40 ms.
    let times: Vec<(f64, f64, u64)> = spans
        .iter()
        .map(|e| {
            let ts = e["ts"].as_f64().unwrap();
            (ts, e["dur"].as_f64().unwrap(), e["tid"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(times, [(0.0, 30_000.0, 1), (30_000.0, 10_000.0, 2)]);
    assert_eq!(spans[1]["name"], "task 2");
    assert_eq!(spans[1]["cat"], "io");
    assert_eq!(spans[1]["args"]["status"], "ok");
    assert_eq!(spans[1]["args"]["result"], "task 2 done");
    assert!(spans[1].get("cname").is_none());
}

#[test]
fn a_failed_and_a_cancelled_task_keep_their_status_and_the_error_is_marked() {
    let scenario = Scenario {
        tasks: vec![
            TaskSpec::new(0, "slow", 30.0),
            TaskSpec::new(1, "broken", 10.0).failing(),
        ],
    };
    let mut run = simulate(Strategy::TaskGroupCancel, &scenario);
    run.predicted_ms = Some(10.0);
    let trace: Value = serde_json::from_str(&export(vec![run]).to_trace_json()).unwrap();
    let spans = events(&trace, "X", "");
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    let statuses: Vec<[String; 3]> = spans
        .iter()
        .map(|e| {
            [
                text(&e["name"]),
                text(&e["args"]["status"]),
                text(&e["cname"]),
            ]
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ["slow", "cancelled", "grey"],
            ["broken", "failed", "terrible"]
        ]
    );
    assert_eq!(
        spans[0]["dur"], 10_000.0,
        "cancelled when its sibling failed"
    );
    let raised = events(&trace, "i", "error raised");
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0]["ts"], 10_000.0);
    assert_eq!(events(&trace, "i", "predicted end")[0]["ts"], 10_000.0);
}

#[test]
fn cpu_spans_are_marked_cpu_and_unfinished_spans_have_no_event() {
    let scenario = Scenario::from_durations(&[5.0, 5.0]);
    let mut run = simulate(Strategy::Gather, &scenario);
    run.tasks[0].cpu = true;
    run.tasks[1].end_ms = f64::NAN;
    run.tasks[1].requested_ms = f64::INFINITY;
    let trace: Value = serde_json::from_str(&export(vec![run]).to_trace_json()).unwrap();
    let spans = events(&trace, "X", "");
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0]["cat"], "cpu");
    assert_eq!(
        events(&trace, "M", "thread_name").len(),
        2,
        "its lane is still named"
    );
}

#[test]
fn an_export_without_runs_or_tasks_is_still_a_valid_trace() {
    let empty: Value = serde_json::from_str(&export(Vec::new()).to_trace_json()).unwrap();
    assert_eq!(empty["traceEvents"], json!([]));
    let mut run = simulate(Strategy::Gather, &Scenario::from_durations(&[]));
    run.predicted_ms = Some(0.0);
    let trace: Value = serde_json::from_str(&export(vec![run]).to_trace_json()).unwrap();
    assert_eq!(events(&trace, "M", "process_name").len(), 1);
    assert!(events(&trace, "M", "thread_name").is_empty());
    assert!(events(&trace, "X", "").is_empty());
    assert!(events(&trace, "i", "").is_empty());
}

#[test]
fn microseconds_are_kept_to_the_nanosecond() {
    assert_eq!(micros(0.1 + 0.2), 300.0);
    assert_eq!(micros(1.234_567_8), 1234.568);
    assert_eq!(finite_or_null(f64::NAN), Value::Null);
}

#[test]
fn a_job_that_waited_for_a_worker_shows_its_wait_and_each_worker_is_a_lane() {
    let job = crate::engine::cpu::CpuJob::Ping;
    let scenario = Scenario {
        tasks: (0..3)
            .map(|i| TaskSpec::new(i, format!("job {i}"), 100.0).computing(job.clone()))
            .collect(),
    };
    let options = RunOptions {
        workers: Some(2),
        ..RunOptions::default()
    };
    let run = Strategy::Gather.simulate(&scenario, &options).unwrap();
    let trace: Value = serde_json::from_str(&export(vec![run]).to_trace_json()).unwrap();
    let waits = events(&trace, "X", "waiting for a worker");
    assert_eq!(waits.len(), 1);
    assert_eq!(
        (waits[0]["ts"].as_f64(), waits[0]["dur"].as_f64()),
        (Some(0.0), Some(100_000.0))
    );
    assert_eq!(waits[0]["tid"], 3);
    let lanes: Vec<&str> = events(&trace, "M", "thread_name")
        .iter()
        .filter(|e| e["tid"].as_u64() > Some(1000))
        .map(|e| e["args"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(lanes, vec!["worker 1", "worker 2"]);
    let third = events(&trace, "X", "job 2");
    let on_worker_1: Vec<f64> = third.iter().map(|e| e["ts"].as_f64().unwrap()).collect();
    assert_eq!(
        on_worker_1,
        vec![100_000.0, 100_000.0],
        "its task's lane and worker 1's"
    );
}
