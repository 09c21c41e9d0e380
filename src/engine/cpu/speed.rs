//! How fast this thread computes, measured: the hash chain's rounds and the Mandelbrot
//! iterations per millisecond. A CPU job labelled d ms ([`super::CpuJob::Work`]) is sized
//! with the speed of the thread that runs it, so it takes about d ms there.
//!
//! WebAssembly starts in a quick baseline compiler and is compiled again, optimised, once
//! a function is hot; the optimised code is only used from the next call on. So the
//! measure first calls the job's code many times in small pieces until the speed is
//! steady (that is the warm-up), then keeps the median of the last samples.

use std::cell::Cell;

use super::{mandelbrot_tile, tiles_for, CpuJob};
use crate::engine::Clock;

/// The measured (or, before a measure, estimated) speed of one thread.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Speed {
    /// Hash-chain rounds per millisecond.
    pub hash_rounds_per_ms: f64,
    /// Mandelbrot iterations per millisecond.
    pub mandel_iterations_per_ms: f64,
    /// Milliseconds the measure took, warm-up included (0 for the estimate).
    pub took_ms: f64,
    /// Whether it was measured here (`false`: the fixed estimate).
    pub measured: bool,
}

impl Speed {
    /// A guess used until this thread has measured: a browser on a small cloud machine.
    pub const ESTIMATE: Speed = Speed {
        hash_rounds_per_ms: 150_000.0,
        mandel_iterations_per_ms: 160_000.0,
        took_ms: 0.0,
        measured: false,
    };

    /// Hash rounds that take about `ms` milliseconds at this speed (`ms` clamped to
    /// 0–1,000, so a job is never absurd).
    pub fn rounds_for(&self, ms: f64) -> u32 {
        let ms = crate::engine::wait_ms(ms).min(1000.0);
        (ms * self.hash_rounds_per_ms).round().clamp(0.0, 2e9) as u32
    }

    /// The speed in words: `1 ms = 212,000 hash rounds or 180,000 Mandelbrot iterations
    /// (measured in 64 ms, warm-up included)`, or `(an estimate, not measured)`.
    pub fn describe(&self) -> String {
        let how = if self.measured {
            format!("measured in {:.0} ms, warm-up included", self.took_ms)
        } else {
            "an estimate, not measured".to_string()
        };
        format!(
            "1 ms = {} hash rounds or {} Mandelbrot iterations ({how})",
            thousands(self.hash_rounds_per_ms),
            thousands(self.mandel_iterations_per_ms)
        )
    }

    /// Milliseconds that `iterations` Mandelbrot iterations take at this speed.
    pub fn mandel_ms(&self, iterations: f64) -> f64 {
        iterations / self.mandel_iterations_per_ms
    }
}

thread_local! {
    static CURRENT: Cell<Speed> = const { Cell::new(Speed::ESTIMATE) };
}

/// This thread's speed: measured once [`set_current`] was called, else the estimate.
pub fn current() -> Speed {
    CURRENT.with(Cell::get)
}

/// Sets this thread's speed (rates outside 1–10⁹ per ms are refused, keeping the old one).
pub fn set_current(speed: Speed) {
    let sane = |r: f64| r.is_finite() && (1.0..=1e9).contains(&r);
    if sane(speed.hash_rounds_per_ms) && sane(speed.mandel_iterations_per_ms) {
        CURRENT.with(|c| c.set(speed));
    }
}

/// Learns from `job`, which just took `took_ms` on this thread: a hash job that ran its
/// rounds faster than this thread's speed says means the measure was slowed by something
/// else using the core at the time (other threads only ever slow a thread down), so the
/// faster rate is kept, at most 1.5 times the old one per job. Jobs under 5 ms say too
/// little to count.
pub fn learn_from(job: &CpuJob, took_ms: f64) {
    let CpuJob::Work { ms, .. } = job else {
        return;
    };
    let speed = current();
    let rounds = f64::from(speed.rounds_for(*ms));
    if took_ms.is_nan() || took_ms < 5.0 || rounds <= 0.0 {
        return;
    }
    let rate = rounds / took_ms;
    if rate > speed.hash_rounds_per_ms * 1.02 {
        set_current(Speed {
            hash_rounds_per_ms: rate.min(speed.hash_rounds_per_ms * 1.5),
            ..speed
        });
    }
}

/// How long one sample should compute, in milliseconds (timers in a browser tick every
/// 0.1 ms, so this keeps each sample within about 2 %).
const SAMPLE_MS: f64 = 5.0;
/// Samples whose median is kept, once they agree within [`STEADY`].
const KEPT: usize = 5;
/// How far the kept samples may be from their median (a fraction).
const STEADY: f64 = 0.05;
/// Computing time before samples count: the optimising compiler needs the code to run
/// hot for a while, then a moment to compile it.
const WARM_MS: f64 = 50.0;
/// Longest the measure of one kind of work lasts, steady or not.
const LIMIT_MS: f64 = 400.0;

/// A measure in progress of one kind of work: `run(units)` computes that many units; the
/// rate is units per millisecond.
pub struct Measure {
    units: f64,
    rates: Vec<f64>,
    spent_ms: f64,
}

impl Measure {
    /// A measure starting with `units` per sample (grown or shrunk to last
    /// [`SAMPLE_MS`]).
    pub fn new(units: f64) -> Self {
        Self {
            units: units.max(1.0),
            rates: Vec::new(),
            spent_ms: 0.0,
        }
    }

    /// Takes samples for about `slice_ms` (at least one); returns the rate once the last
    /// [`KEPT`] samples after the warm-up ([`WARM_MS`]) agree, or at [`LIMIT_MS`].
    pub fn step(
        &mut self,
        now: &dyn Fn() -> f64,
        run: &mut dyn FnMut(f64) -> f64,
        slice_ms: f64,
    ) -> Option<f64> {
        let begin = now();
        loop {
            let t0 = now();
            let done = run(self.units);
            let took = (now() - t0).max(0.0);
            self.spent_ms += took;
            if took >= SAMPLE_MS / 2.0 && self.spent_ms > WARM_MS {
                self.rates.push(done / took);
            }
            let scale = if took > 0.0 { SAMPLE_MS / took } else { 8.0 };
            self.units = (self.units * scale.clamp(0.25, 8.0)).clamp(1.0, 1e12);
            if let Some(rate) = self.steady().or_else(|| self.given_up()) {
                return Some(rate);
            }
            if now() - begin >= slice_ms {
                return None;
            }
        }
    }

    /// The fastest of the last [`KEPT`] rates, if they all lie within [`STEADY`] of their
    /// median. (Fastest: other threads taking the core only ever slow a sample down.)
    fn steady(&self) -> Option<f64> {
        let last = self.rates.get(self.rates.len().checked_sub(KEPT)?..)?;
        let median = median(last);
        let close = last.iter().all(|r| (r - median).abs() <= STEADY * median);
        close.then(|| last.iter().copied().fold(0.0, f64::max))
    }

    /// The fastest of the last [`KEPT`] rates once the measure ran out of time.
    fn given_up(&self) -> Option<f64> {
        if self.spent_ms < LIMIT_MS || self.rates.is_empty() {
            return None;
        }
        let from = self.rates.len().saturating_sub(KEPT);
        Some(self.rates[from..].iter().copied().fold(0.0, f64::max))
    }
}

/// A rate rounded to the thousand and grouped (`212,000`).
fn thousands(rate: f64) -> String {
    group_digits(
        ((rate / 1000.0).round().clamp(0.0, 1e12) as u64) * 1000,
        ',',
    )
}

/// A whole number with `separator` between groups of three digits (`15_000_000`,
/// `212,000`).
pub fn group_digits(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn median(rates: &[f64]) -> f64 {
    let mut sorted = rates.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
}

/// Runs `units` hash rounds through the job's own code (so the measure warms up exactly
/// what the jobs run); returns the rounds done.
pub fn hash_units(units: f64) -> f64 {
    let rounds = units.clamp(1.0, 2e9) as u32;
    let job = CpuJob::HashChain { seed: 1, rounds };
    std::hint::black_box(job.run());
    f64::from(rounds)
}

/// Runs about `units` Mandelbrot iterations (a tile of the picture's left half, every
/// pixel at a limit chosen so); returns the iterations done.
pub fn mandel_units(units: f64) -> f64 {
    let pixels = (units / 200.0).clamp(16.0, 1e6);
    let side = pixels.sqrt().ceil() as u32;
    let Some(tile) = tiles_for(side * 4, side, 4, 1, 200).get(1).copied() else {
        return 0.0;
    };
    let (counts, _) = mandelbrot_tile(std::hint::black_box(&tile));
    counts.iter().map(|&n| f64::from(n) + 1.0).sum()
}

/// Measures this thread's speed with `clock`: samples for about `slice_ms` at a time,
/// with a pause of the clock's (a zero sleep) between slices, so that the thread's event
/// loop stays responsive and, in a browser, optimised code gets installed (Chromium
/// swaps it in between tasks, never in the middle of one).
pub async fn measure_on(clock: &dyn Clock, slice_ms: f64) -> Speed {
    let start = clock.now_ms();
    let hash_rounds_per_ms = rate_of(clock, &mut hash_units, slice_ms).await;
    let mandel_iterations_per_ms = rate_of(clock, &mut mandel_units, slice_ms).await;
    Speed {
        hash_rounds_per_ms,
        mandel_iterations_per_ms,
        took_ms: clock.now_ms() - start,
        measured: true,
    }
}

/// The rate of `run`, measured in slices of `slice_ms`.
async fn rate_of(clock: &dyn Clock, run: &mut dyn FnMut(f64) -> f64, slice_ms: f64) -> f64 {
    let mut measure = Measure::new(20_000.0);
    loop {
        if let Some(rate) = measure.step(&|| clock.now_ms(), run, slice_ms) {
            return rate;
        }
        clock.sleep(0.0).await;
    }
}

#[cfg(test)]
#[path = "speed_tests.rs"]
mod tests;
