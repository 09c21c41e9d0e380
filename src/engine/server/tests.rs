//! Hand-computed cases of the server simulation. Every expected figure is worked out in
//! the test from its parameters; none is copied from a run's output.

use super::*;

fn params(io_ms: f64, cpu_ms: f64, threads: usize, workers: usize, cores: usize) -> ServerParams {
    ServerParams {
        io_ms,
        cpu_ms,
        threads,
        workers,
        cores,
    }
}

fn run(model: ServerModel, p: &ServerParams, rate: f64, n: usize) -> ServerRun {
    ServerRun::simulate(model, p, &Arrivals::evenly(rate, n).times_ms())
}

#[test]
fn threads_below_capacity_never_queue_and_every_latency_is_d_plus_c() {
    // 4 threads held 100 ms each serve 40/s; 20/s arrive (one every 50 ms), so at most 2
    // requests are in flight and nobody waits.
    let p = params(90.0, 10.0, 4, 1, 4);
    let r = run(ServerModel::ThreadPool, &p, 20.0, 200);
    assert!(r.latencies_ms().iter().all(|&l| l == 100.0));
    assert_eq!(r.peak_waiting(), 0);
    assert!(r.queue.iter().all(|q| q.in_system <= 2));
    for (i, o) in r.outcomes.iter().enumerate() {
        assert_eq!(o.io_start_ms, i as f64 * 50.0);
        assert_eq!(o.cpu_start_ms, i as f64 * 50.0 + 90.0);
    }
}

#[test]
fn threads_above_capacity_let_the_queue_grow_by_arrivals_minus_service_rate() {
    // 2 threads held 100 ms each serve T/(d+c) = 20/s; 50/s arrive. The queue grows by
    // 50 − 20 = 30 requests per second while requests keep arriving (10 s of them).
    let p = params(90.0, 10.0, 2, 1, 2);
    let r = run(ServerModel::ThreadPool, &p, 50.0, 500);
    let slope = (r.waiting_at(8_000.0) as f64 - r.waiting_at(2_000.0) as f64) / 6.0;
    assert!((slope - 30.0).abs() <= 1.0, "slope {slope}/s");
    // At t = 5 s: 251 arrived, 2 per 100 ms were taken (2·50 + 2 = 102): 149 wait.
    assert!((r.waiting_at(5_000.0) as i64 - 149).abs() <= 2);
    // Throughput settles at the capacity: 500 requests over ~25 s.
    assert!((r.throughput_per_s() - 20.0).abs() < 0.2);
}

#[test]
fn the_event_loop_with_no_cpu_work_never_queues_whatever_the_rate() {
    let p = params(50.0, 0.0, 1, 1, 1);
    for rate in [1.0, 100.0, 10_000.0, 1e6] {
        let r = run(ServerModel::EventLoop, &p, rate, 1000);
        // (arrival + 50) − arrival, up to rounding of the arrival times
        assert!(
            r.latencies_ms().iter().all(|&l| (l - 50.0).abs() < 1e-6),
            "rate {rate}"
        );
        assert_eq!(r.peak_waiting(), 0, "rate {rate}");
    }
}

#[test]
fn the_event_loop_with_cpu_work_saturates_at_1000_over_c() {
    // c = 10 ms: the loop completes 100 requests per second at most. At 200/s the loop is
    // busy from the first I/O end (50 ms) on: the last response is at 50 + 1000·10 ms.
    let p = params(50.0, 10.0, 1, 1, 4);
    let r = run(ServerModel::EventLoop, &p, 200.0, 1000);
    assert_eq!(r.makespan_ms(), 50.0 + 1000.0 * 10.0);
    assert!((r.throughput_per_s() - 100.0).abs() < 1.0);
    // Below saturation (50/s, a CPU part every 20 ms) nothing waits: d + c each.
    let calm = run(ServerModel::EventLoop, &p, 50.0, 1000);
    assert!(calm.latencies_ms().iter().all(|&l| l == 60.0));
}

#[test]
fn offloading_to_w_workers_saturates_at_w_times_1000_over_c_unless_cores_are_fewer() {
    let three = params(50.0, 10.0, 1, 3, 8);
    let r = run(ServerModel::Offloaded, &three, 1000.0, 3000);
    // 3 workers, 10 ms each: 300/s. Their first jobs start at 50, 51 and 52 ms (one I/O
    // ends every ms), then each runs 1000 jobs back to back: the last ends at 52 + 10,000.
    assert_eq!(r.makespan_ms(), 52.0 + 1000.0 * 10.0);
    assert!((r.throughput_per_s() - 300.0).abs() < 3.0);
    // The same 3 workers on 2 cores compute 2 at a time: 200/s.
    let two_cores = ServerParams { cores: 2, ..three };
    let r = run(ServerModel::Offloaded, &two_cores, 1000.0, 2000);
    assert!((r.throughput_per_s() - 200.0).abs() < 2.0);
}

#[test]
fn threads_beyond_the_cores_wait_for_a_core_while_holding_their_thread() {
    // 4 threads, 1 core, no I/O, 10 ms CPU: four requests at 0 share the core one after
    // another and end at 10, 20, 30, 40 ms; the next four take the freed threads.
    let p = params(0.0, 10.0, 4, 1, 1);
    let r = ServerRun::simulate(ServerModel::ThreadPool, &p, &[0.0; 8]);
    let ends: Vec<f64> = r.outcomes.iter().map(|o| o.end_ms).collect();
    assert_eq!(ends, [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]);
    assert_eq!(r.outcomes[4].io_start_ms, 10.0);
    // At 0: 4 waiting for a thread and 3 holding a thread but waiting for the core.
    assert_eq!(r.waiting_at(0.0), 7);
    assert!((p.capacity_per_s(ServerModel::ThreadPool) - 100.0).abs() < 1e-9);
}

#[test]
fn a_burst_on_the_event_loop_is_served_first_come_first_served() {
    // Three requests at 0 on a loop: I/O together (20 ms), then CPU parts of 5 ms in turn.
    let p = params(20.0, 5.0, 1, 1, 1);
    let r = ServerRun::simulate(ServerModel::EventLoop, &p, &[0.0, 0.0, 0.0]);
    assert_eq!(r.latencies_ms(), [25.0, 30.0, 35.0]);
    let waiting: Vec<(f64, usize)> = r.queue.iter().map(|q| (q.at_ms, q.waiting)).collect();
    assert_eq!(
        waiting,
        [(0.0, 0), (20.0, 2), (25.0, 1), (30.0, 0), (35.0, 0)]
    );
    assert_eq!(r.queue.last().map(|q| q.in_system), Some(0));
}

#[test]
fn a_sweep_has_ten_rising_rates_around_the_capacities_and_three_points_each() {
    let p = ServerParams::default();
    let sweep = LoadSweep::run(&p, 0.0, 1);
    assert_eq!(sweep.rates_per_s.len(), SWEEP_POINTS);
    assert_eq!(sweep.points.len(), SWEEP_POINTS * 3);
    // From a quarter of the thread pool's 4000/110 to twice the offloaded 200.
    assert!((sweep.rates_per_s[0] - 4000.0 / 110.0 / 4.0).abs() < 1e-9);
    assert!((sweep.rates_per_s[9] - 400.0).abs() < 1e-9);
    assert!(sweep.rates_per_s.windows(2).all(|w| w[0] < w[1]));
    // Throughput follows the offered load, then flattens at each capacity.
    for model in ServerModel::ALL {
        let cap = p.capacity_per_s(model);
        for point in sweep.of(model) {
            let expected = point.rate_per_s.min(cap);
            let t = point.throughput_per_s;
            assert!(
                t <= expected * 1.02 && t >= expected * 0.85,
                "{model:?} {point:?}"
            );
        }
    }
}

#[test]
fn each_knee_lies_just_past_its_capacity() {
    let p = ServerParams::default();
    let sweep = LoadSweep::run(&p, 0.0, 1);
    for model in ServerModel::ALL {
        let cap = p.capacity_per_s(model);
        let knee = sweep.knee_per_s(model).expect("every model saturates here");
        let below = sweep.rates_per_s.iter().rfind(|&&r| r < knee);
        assert!(knee > cap, "{model:?}: knee {knee} vs capacity {cap}");
        assert!(below.is_none_or(|&b| b <= cap * 1.01), "{model:?}");
    }
}

#[test]
fn jittered_arrivals_still_saturate_at_the_same_capacity() {
    let p = ServerParams::default();
    let arrivals = Arrivals {
        jitter: 1.0,
        seed: 3,
        ..Arrivals::evenly(150.0, 2000)
    };
    let r = ServerRun::simulate(ServerModel::EventLoop, &p, &arrivals.times_ms());
    assert!((r.throughput_per_s() - 100.0).abs() < 1.5);
    assert!(r.percentiles().p99 > r.percentiles().p50);
}

#[test]
fn no_request_and_odd_arrivals_never_panic() {
    let p = ServerParams::default();
    let empty = ServerRun::simulate(ServerModel::ThreadPool, &p, &[]);
    assert_eq!(empty.throughput_per_s(), 0.0);
    assert_eq!(empty.peak_waiting(), 0);
    let odd = ServerRun::simulate(ServerModel::Offloaded, &p, &[f64::NAN, -5.0]);
    assert_eq!(odd.latencies_ms(), [110.0, 110.0]);
    let zero = ServerParams {
        io_ms: 0.0,
        cpu_ms: 0.0,
        ..p
    };
    let instant = ServerRun::simulate(ServerModel::EventLoop, &zero, &[0.0]);
    assert!(instant.throughput_per_s().is_infinite());
}
