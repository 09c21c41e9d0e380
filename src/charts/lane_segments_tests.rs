//! Tests of `lane_segments.rs`.

use super::*;
use crate::engine::cpu::CpuJob;
use crate::engine::{CpuLane, RunEvent, RunOptions, Scenario, Strategy};

/// `jobs` CPU jobs of 100 ms gathered on `workers` workers, predicted, nothing measured.
fn on_workers(jobs: usize, workers: usize) -> LiveRun {
    let mut scenario = Scenario::from_durations(&vec![100.0; jobs]);
    for t in &mut scenario.tasks {
        t.cpu = Some(CpuJob::Ping);
    }
    let options = RunOptions {
        workers: Some(workers),
        ..RunOptions::default()
    };
    let predicted = Strategy::Gather.simulate(&scenario, &options).unwrap();
    LiveRun::new(Strategy::Gather, scenario, predicted)
}

/// Two CPU jobs of 100 ms gathered on one worker.
fn on_one_worker() -> LiveRun {
    on_workers(2, 1)
}

#[test]
fn a_job_waiting_for_a_worker_is_queued_until_one_takes_it_then_computes() {
    let mut run = on_one_worker();
    assert_eq!(lane_segments(&run, 1, 5.0), None);
    run.apply(RunEvent::Started { id: 1, at_ms: 0.0 });
    let waiting = lane_segments(&run, 1, 40.0).unwrap();
    assert_eq!((waiting.queued, waiting.bar), (Some((0.0, 40.0)), None));
    let lane = CpuLane::Worker(0);
    run.apply(RunEvent::Computing {
        id: 1,
        at_ms: 101.0,
        lane,
    });
    let computing = lane_segments(&run, 1, 150.0).unwrap();
    assert_eq!(computing.queued, Some((0.0, 101.0)));
    assert_eq!(computing.bar, Some((101.0, 150.0)));
    run.apply(RunEvent::Ended {
        id: 1,
        at_ms: 203.0,
        status: TaskStatus::Ok,
    });
    let done = lane_segments(&run, 1, 999.0).unwrap();
    assert_eq!(done.bar, Some((101.0, 203.0)));
    assert!(done.done && done.status == Some(TaskStatus::Ok));
}

#[test]
fn a_job_cancelled_in_the_queue_was_queued_all_along_and_io_never_queues() {
    let mut run = on_one_worker();
    run.apply(RunEvent::Started { id: 1, at_ms: 0.0 });
    run.apply(RunEvent::Ended {
        id: 1,
        at_ms: 30.0,
        status: TaskStatus::Cancelled,
    });
    let cancelled = lane_segments(&run, 1, 99.0).unwrap();
    assert_eq!((cancelled.queued, cancelled.bar), (Some((0.0, 30.0)), None));
    let mut io = crate::charts::live_run::tests::live(&[50.0]);
    io.apply(RunEvent::Started { id: 0, at_ms: 1.0 });
    let waiting = lane_segments(&io, 0, 20.0).unwrap();
    assert_eq!((waiting.queued, waiting.bar), (None, Some((1.0, 20.0))));
}

#[test]
fn the_prediction_queues_the_second_job_and_its_bar_starts_when_it_computes() {
    let run = on_one_worker();
    let second = &run.predicted.tasks[1];
    assert_eq!(second.start_ms, 0.0);
    assert_eq!(predicted_bar(second), (100.0, 200.0));
    let kinds = time_kinds(&[&run.predicted]);
    assert_eq!(worker_jobs(&run, 0.0), vec![Vec::new()]);
    assert_eq!(kinds, vec![TimeKind::Cpu, TimeKind::Queued]);
    let mut first = on_one_worker();
    first.apply(RunEvent::Started { id: 0, at_ms: 2.0 });
    let lane = CpuLane::Worker(0);
    first.apply(RunEvent::Computing {
        id: 0,
        at_ms: 2.01,
        lane,
    });
    let at_once = lane_segments(&first, 0, 9.0).unwrap();
    assert_eq!((at_once.queued, at_once.bar), (None, Some((2.0, 9.0))));
    let io = crate::charts::live_run::tests::live(&[50.0]);
    assert_eq!(time_kinds(&[&io.predicted]), vec![TimeKind::Io]);
    assert_eq!(TimeKind::Queued.label(), "waiting for a worker");
}

#[test]
fn each_worker_lists_the_jobs_it_computed_and_idle_workers_have_empty_lanes() {
    let mut run = on_workers(3, 4);
    run.finish(run.predicted.clone());
    let lanes = worker_jobs(&run, 0.0);
    assert_eq!(lanes.len(), 4);
    assert_eq!(
        lanes.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![1, 1, 1, 0]
    );
    assert_eq!(
        lanes[2][0],
        WorkerJob {
            task: 2,
            from_ms: 0.0,
            to_ms: 100.0,
            done: true
        }
    );
    let on_page = crate::charts::live_run::tests::live(&[50.0]);
    assert!(worker_jobs(&on_page, 9.0).is_empty());
}
