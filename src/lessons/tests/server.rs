//! Tests of `server.rs`, kept beside it so the module stays readable.

use super::*;
use crate::engine::cpu::CpuJob;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn values(pairs: &[(&str, f64)]) -> ParamValues {
    values_with(&PARAMS, pairs)
}

fn load(pairs: &[(&str, f64)]) -> ServerLoad {
    ServerLoad::read(&values(pairs))
}

#[test]
fn four_threads_sharing_one_core_with_no_io_still_finish_on_virtual_time() {
    // Found by the property tests: contended virtual workers used to lose a wake-up.
    let v = load(&[
        ("cores", 1.0),
        ("io", 0.0),
        ("rate", 105.0),
        ("threads", 4.0),
    ]);
    for plan in ServerLesson.plan(ServerAction::All, &v) {
        assert!(plan.predict().is_some(), "{:?}", plan.caption);
    }
}

#[test]
fn run_all_plans_the_three_models_as_chained_arrive_io_cpu_triples() {
    let v = load(&[]);
    let plans = ServerLesson.plan(ServerAction::All, &v);
    assert_eq!(plans.len(), 3);
    // 60 req/s for 0.2 s: 12 requests, 3 tasks each.
    assert_eq!(v.live_requests(), 12);
    for plan in &plans {
        assert_eq!(plan.strategy, Strategy::Chained);
        assert_eq!(plan.scenario.tasks.len(), 36);
        let cpu = &plan.scenario.tasks[2];
        assert_eq!(cpu.after, vec![1]);
        assert!(matches!(cpu.cpu, Some(CpuJob::Work { ms, .. }) if ms == 10.0));
    }
    assert_eq!(plans[0].options.workers, Some(2));
    assert_eq!(plans[1].options.workers, None);
    assert_eq!(plans[2].options.workers, Some(2));
    // The thread pool's 5th request waits for the 1st to be answered (task 2).
    assert_eq!(plans[0].scenario.tasks[13].after, vec![12, 2]);
    assert_eq!(plans[1].scenario.tasks[13].after, vec![12]);
    assert_eq!(ServerLesson.plan(ServerAction::Loop, &v).len(), 1);
}

#[test]
fn below_capacity_the_live_prediction_matches_the_simulation_d_plus_c_each() {
    // 20 req/s, 80 + 10 ms: every model answers each request in 90 ms. (With d = 100
    // an arrival would fall exactly when a computation starts: the live event loop
    // would notice it only 10 ms later, when the loop is free again.)
    let v = load(&[("rate", 20.0), ("io", 80.0), ("duration", 0.5)]);
    for plan in ServerLesson.plan(ServerAction::All, &v) {
        let record = plan.predict().expect("finishes");
        let lat = live_latencies(&record);
        assert_eq!(lat.len(), 10);
        assert!(lat.iter().all(|&l| (l - 90.0).abs() < 1e-6), "{lat:?}");
    }
    for run in v.simulate_all(10) {
        assert!(run.latencies_ms().iter().all(|&l| (l - 90.0).abs() < 1e-6));
    }
}

#[test]
fn an_arrival_during_a_computation_is_noticed_by_the_live_loop_only_after_it() {
    // d = 95, c = 10, one arrival every 50 ms: the loop computes request 1 from 95 to
    // 105 ms; request 3 arrives at 100 ms, during that computation, so its I/O starts
    // only at 105 and it is answered 5 ms later than an idle loop would answer it.
    let v = load(&[("rate", 20.0), ("io", 95.0), ("duration", 0.5)]);
    let record = &predicted(&ServerLesson.plan(ServerAction::Loop, &v))[0];
    assert_eq!(record.tasks[7].start_ms, 105.0);
    assert_eq!(live_latencies(record)[2], 110.0);
}

#[test]
fn above_capacity_the_live_thread_pool_never_has_more_than_t_requests_in_flight() {
    let v = load(&[("rate", 200.0), ("threads", 3.0), ("duration", 0.2)]);
    let record = &predicted(&ServerLesson.plan(ServerAction::Threads, &v))[0];
    let spans: Vec<(f64, f64)> = record
        .tasks
        .chunks(3)
        .map(|c| (c[1].start_ms, c[2].end_ms))
        .collect();
    for &(start, _) in &spans {
        let busy = spans
            .iter()
            .filter(|&&(s, e)| s <= start && start < e)
            .count();
        assert!(busy <= 3, "{busy} in flight at {start}");
    }
    // And it matches the simulation when the threads do not outnumber the cores.
    let v3 = load(&[("rate", 200.0), ("threads", 2.0), ("duration", 0.2)]);
    let record = &predicted(&ServerLesson.plan(ServerAction::Threads, &v3))[0];
    let sim = &v3.simulate_all(v3.live_requests())[0];
    for (live, simulated) in live_latencies(record).iter().zip(sim.latencies_ms()) {
        assert!((live - simulated).abs() < 1e-6, "{live} vs {simulated}");
    }
}

#[test]
fn the_live_event_loop_computes_one_request_at_a_time() {
    let v = load(&[("rate", 400.0), ("cpu", 20.0), ("duration", 0.1)]);
    let record = &predicted(&ServerLesson.plan(ServerAction::Loop, &v))[0];
    let mut cpu: Vec<(f64, f64)> = record
        .tasks
        .iter()
        .filter(|t| t.cpu)
        .map(|t| (t.start_ms, t.end_ms))
        .collect();
    cpu.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(cpu.windows(2).all(|w| w[1].0 >= w[0].1));
    // n computations of 20 ms one after another: the run lasts at least n·c.
    assert!(record.makespan_ms >= cpu.len() as f64 * 20.0);
}

#[test]
fn a_long_live_run_is_cut_to_the_time_budget() {
    let v = load(&[
        ("rate", 100.0),
        ("io", 1000.0),
        ("threads", 1.0),
        ("duration", 3.0),
    ]);
    let n = v.live_requests();
    assert!((1..LIVE_MAX_REQUESTS).contains(&n), "{n}");
    let total: f64 = v.simulate_all(n).iter().map(ServerRun::makespan_ms).sum();
    assert!(total <= LIVE_BUDGET_MS || n == 1);
    let plans = ServerLesson.plan(ServerAction::All, &v);
    let predicted_total: f64 = predicted(&plans).iter().map(|r| r.makespan_ms).sum();
    assert!(predicted_total <= LIVE_BUDGET_MS * 1.5, "{predicted_total}");
}

#[test]
fn no_io_and_no_cpu_is_refused_on_the_cpu_field() {
    let errors = ServerLesson.check(&values(&[("io", 0.0), ("cpu", 0.0)]));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].key, "cpu");
    assert!(ServerLesson.check(&values(&[("io", 0.0)])).is_empty());
}

#[test]
fn insights_give_measured_percentiles_capacity_and_knee_per_model() {
    let v = load(&[]);
    let runs = predicted(&ServerLesson.plan(ServerAction::All, &v));
    let all = ServerLesson.insights(&runs, &v);
    assert_eq!(insight(&all, "capacity-threads"), "36.4 req/s");
    assert_eq!(insight(&all, "capacity-loop"), "100 req/s");
    assert_eq!(insight(&all, "capacity-offload"), "200 req/s");
    assert!(insight(&all, "latency-loop").starts_with("110 ms"));
    assert_ne!(insight(&all, "knee-threads"), "none in the sweep");
}

#[test]
fn the_code_follows_the_parameters() {
    let v = load(&[
        ("io", 250.0),
        ("cpu", 5.0),
        ("threads", 8.0),
        ("workers", 3.0),
    ]);
    let code = &ServerLesson.code(&v)[0];
    assert!(code.python.contains("IO_S, CPU_S = 0.25, 0.005"));
    assert!(code.python.contains("ThreadPoolExecutor(max_workers=8)"));
    assert!(code.python.contains("ProcessPoolExecutor(max_workers=3)"));
    assert!(code.rust.contains("from_millis(250)") && code.rust.contains("(0..8)"));
    assert!(code.rust.contains("max_blocking_threads(3)"));
}
