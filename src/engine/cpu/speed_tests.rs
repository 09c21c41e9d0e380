//! Tests of `speed.rs`: the measure on a fake clock, and the sizes of jobs.

use std::cell::Cell;

use super::*;

/// A fake thread computing `rate(call)` units per ms on the `n`th sample, with a clock
/// that advances only by the work done (plus 0.01 ms per reading).
fn measured_rate(rate: impl Fn(usize) -> f64) -> (f64, f64) {
    let clock = Cell::new(0.0);
    let calls = Cell::new(0);
    let now = || {
        clock.set(clock.get() + 0.01);
        clock.get()
    };
    let mut run = |units: f64| {
        clock.set(clock.get() + units / rate(calls.get()));
        calls.set(calls.get() + 1);
        units
    };
    let mut m = Measure::new(1000.0);
    let got = loop {
        if let Some(r) = m.step(&now, &mut run, 20.0) {
            break r;
        }
    };
    (got, clock.get())
}

#[test]
fn a_steady_thread_is_measured_at_its_rate_in_a_few_samples() {
    let (rate, took_ms) = measured_rate(|_| 150_000.0);
    assert!((rate / 150_000.0 - 1.0).abs() < 0.01, "{rate}");
    assert!(took_ms < WARM_MS + 40.0, "{took_ms}");
}

#[test]
fn the_warm_up_is_not_measured_once_the_optimised_code_runs() {
    // Slow baseline code for the first 9 samples (about 35 ms), then three times faster.
    let (rate, _) = measured_rate(|n| if n < 9 { 50_000.0 } else { 150_000.0 });
    assert!((rate / 150_000.0 - 1.0).abs() < 0.01, "{rate}");
}

#[test]
fn a_thread_that_never_settles_is_measured_within_the_time_limit() {
    let (rate, took_ms) = measured_rate(|n| if n % 2 == 0 { 100_000.0 } else { 200_000.0 });
    assert!((100_000.0..=200_000.0).contains(&rate), "{rate}");
    assert!(took_ms <= LIMIT_MS + 2.0 * SAMPLE_MS, "{took_ms}");
}

#[test]
fn jobs_are_sized_by_the_speed_and_clamped() {
    let speed = Speed {
        hash_rounds_per_ms: 200_000.0,
        ..Speed::ESTIMATE
    };
    assert_eq!(speed.rounds_for(100.0), 20_000_000);
    assert_eq!(speed.rounds_for(f64::NAN), 0);
    assert_eq!(speed.rounds_for(-3.0), 0);
    assert_eq!(speed.rounds_for(1e9), 200_000_000);
    assert_eq!(Speed::ESTIMATE.mandel_ms(160_000.0), 1.0);
}

#[test]
fn only_a_sane_speed_replaces_the_estimate_and_only_on_this_thread() {
    assert_eq!(current(), Speed::ESTIMATE);
    set_current(Speed {
        hash_rounds_per_ms: f64::NAN,
        ..Speed::ESTIMATE
    });
    assert_eq!(current(), Speed::ESTIMATE);
    let measured = Speed {
        hash_rounds_per_ms: 90_000.0,
        measured: true,
        ..Speed::ESTIMATE
    };
    set_current(measured);
    assert_eq!(current(), measured);
    let other = std::thread::spawn(current).join().unwrap();
    assert_eq!(other, Speed::ESTIMATE);
}

/// Real time, and sleeps that end at once.
struct Wall(std::time::Instant);

impl Clock for Wall {
    fn now_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1000.0
    }

    fn sleep(&self, _ms: f64) -> futures::future::LocalBoxFuture<'static, ()> {
        Box::pin(async {})
    }
}

#[test]
fn the_real_measure_finishes_with_positive_rates_in_slices_or_in_one_go() {
    let wall = Wall(std::time::Instant::now());
    for slice_ms in [8.0, f64::INFINITY] {
        let speed = futures::executor::block_on(measure_on(&wall, slice_ms));
        assert!(speed.measured && speed.took_ms > 0.0);
        assert!(speed.hash_rounds_per_ms > 1.0 && speed.mandel_iterations_per_ms > 1.0);
        assert!(speed.took_ms < 2.0 * LIMIT_MS + 500.0, "{}", speed.took_ms);
    }
}

#[test]
fn the_measure_counts_the_units_it_ran() {
    assert_eq!(hash_units(1234.0), 1234.0);
    let done = mandel_units(50_000.0);
    assert!(done > 5_000.0 && done < 500_000.0, "{done}");
}

#[test]
fn a_speed_is_described_in_words() {
    let speed = Speed {
        hash_rounds_per_ms: 212_345.0,
        mandel_iterations_per_ms: 1_180_600.0,
        took_ms: 63.6,
        measured: true,
    };
    assert_eq!(
        speed.describe(),
        "1 ms = 212,000 hash rounds or 1,181,000 Mandelbrot iterations \
         (measured in 64 ms, warm-up included)"
    );
    assert!(Speed::ESTIMATE
        .describe()
        .ends_with("(an estimate, not measured)"));
}

#[test]
fn a_job_that_ran_faster_than_the_measure_said_raises_the_speed_and_a_slower_one_does_not() {
    std::thread::spawn(|| {
        let job = CpuJob::Work { seed: 1, ms: 100.0 };
        // 15,000,000 rounds at the estimate: in 80 ms that is 187,500 rounds per ms.
        learn_from(&job, 80.0);
        assert_eq!(current().hash_rounds_per_ms, 187_500.0);
        learn_from(&job, 150.0);
        assert_eq!(
            current().hash_rounds_per_ms,
            187_500.0,
            "contention does not lower it"
        );
        learn_from(&job, 1.0);
        learn_from(&job, f64::NAN);
        learn_from(&CpuJob::Ping, 50.0);
        assert_eq!(
            current().hash_rounds_per_ms,
            187_500.0,
            "too short, odd, or no hash job"
        );
        learn_from(&job, 10.0);
        assert_eq!(
            current().hash_rounds_per_ms,
            187_500.0 * 1.5,
            "at most 1.5× at a time"
        );
    })
    .join()
    .unwrap();
}
