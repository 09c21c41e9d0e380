use crate::engine::lag::{LagKind, LagSample};

/// A stretch of time over which lag samples are summarised and drawn: the summary
/// helpers (maximum, 95th percentile, count above a threshold) and the strip chart's
/// geometry (fractions of the window, per-bin maxima).
///
/// A sample belongs to the window when its time falls inside it; a long task also
/// belongs when any part of it (`at_ms` to `at_ms + value_ms`) overlaps. Samples with a
/// NaN or infinite number never belong.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LagWindow {
    /// Start of the window, in `performance.now()` milliseconds.
    pub from_ms: f64,
    /// End of the window, in `performance.now()` milliseconds.
    pub to_ms: f64,
}

/// The shortest window accepted, in milliseconds (a zero-length window cannot be drawn).
const MIN_WINDOW_MS: f64 = 1.0;

impl LagWindow {
    /// The `window_ms` milliseconds up to `end_ms`. A non-finite end counts as 0 and a
    /// non-finite or tiny length as 1 ms.
    pub fn ending_at(end_ms: f64, window_ms: f64) -> Self {
        let to_ms = if end_ms.is_finite() { end_ms } else { 0.0 };
        let length = if window_ms.is_finite() {
            window_ms.max(MIN_WINDOW_MS)
        } else {
            MIN_WINDOW_MS
        };
        Self {
            from_ms: to_ms - length,
            to_ms,
        }
    }

    /// The `window_ms` milliseconds up to the newest sample (the end of a long task
    /// counts as its time here), or up to 0 when there is none.
    pub fn latest(samples: &[LagSample], window_ms: f64) -> Self {
        let end = samples
            .iter()
            .filter(|s| s.is_finite())
            .map(sample_end)
            .fold(f64::NEG_INFINITY, f64::max);
        Self::ending_at(if end.is_finite() { end } else { 0.0 }, window_ms)
    }

    /// The window's length in milliseconds (always positive).
    pub fn length_ms(&self) -> f64 {
        (self.to_ms - self.from_ms).max(MIN_WINDOW_MS)
    }

    /// Whether `sample` belongs to the window.
    pub fn contains(&self, sample: &LagSample) -> bool {
        if !sample.is_finite() {
            return false;
        }
        match sample.kind {
            LagKind::LongTask => sample.at_ms <= self.to_ms && sample_end(sample) >= self.from_ms,
            _ => (self.from_ms..=self.to_ms).contains(&sample.at_ms),
        }
    }

    /// The values of the samples of `kind` in the window, oldest first as given.
    pub fn values(&self, samples: &[LagSample], kind: LagKind) -> Vec<f64> {
        self.of_kind(samples, kind).map(|s| s.value_ms).collect()
    }

    /// The largest value of `kind` in the window, or `None` when there is none.
    pub fn max(&self, samples: &[LagSample], kind: LagKind) -> Option<f64> {
        self.of_kind(samples, kind)
            .map(|s| s.value_ms)
            .reduce(f64::max)
    }

    /// The 95th percentile (nearest rank) of the values of `kind` in the window.
    pub fn p95(&self, samples: &[LagSample], kind: LagKind) -> Option<f64> {
        percentile(&self.values(samples, kind), 95.0)
    }

    /// How many samples of `kind` in the window have a value above `threshold_ms`.
    pub fn count_above(&self, samples: &[LagSample], kind: LagKind, threshold_ms: f64) -> usize {
        self.of_kind(samples, kind)
            .filter(|s| s.value_ms > threshold_ms)
            .count()
    }

    /// Where `at_ms` falls in the window, from 0 (start) to 1 (end), clamped.
    pub fn fraction(&self, at_ms: f64) -> f64 {
        if !at_ms.is_finite() {
            return 0.0;
        }
        ((at_ms - self.from_ms) / self.length_ms()).clamp(0.0, 1.0)
    }

    /// The window cut into `bins` equal parts (at least 1, at most 10,000), with the
    /// largest value of `kind` in each, or `None` for a part without samples. Keeping the
    /// maximum keeps every spike visible however many samples share a bin.
    pub fn bin_maxima(
        &self,
        samples: &[LagSample],
        kind: LagKind,
        bins: usize,
    ) -> Vec<Option<f64>> {
        let bins = bins.clamp(1, 10_000);
        let mut out: Vec<Option<f64>> = vec![None; bins];
        for s in self.of_kind(samples, kind) {
            let slot = &mut out[self.bin_of(s.at_ms, bins)];
            *slot = Some(slot.map_or(s.value_ms, |m| m.max(s.value_ms)));
        }
        out
    }

    /// The window cut into `bins` equal parts (as in [`Self::bin_maxima`]), with how many
    /// samples of `kind` start in each (a long task that began before the window counts
    /// in the first).
    pub fn bin_counts(&self, samples: &[LagSample], kind: LagKind, bins: usize) -> Vec<usize> {
        let bins = bins.clamp(1, 10_000);
        let mut out = vec![0; bins];
        for s in self.of_kind(samples, kind) {
            out[self.bin_of(s.at_ms, bins)] += 1;
        }
        out
    }

    /// Drops the samples that end before the window starts (and any that are not
    /// finite), so a live buffer stays bounded.
    pub fn retain(&self, samples: &mut Vec<LagSample>) {
        samples.retain(|s| s.is_finite() && sample_end(s) >= self.from_ms);
    }

    fn of_kind<'a>(
        &'a self,
        samples: &'a [LagSample],
        kind: LagKind,
    ) -> impl Iterator<Item = &'a LagSample> + 'a {
        samples
            .iter()
            .filter(move |s| s.kind == kind && self.contains(s))
    }

    fn bin_of(&self, at_ms: f64, bins: usize) -> usize {
        ((self.fraction(at_ms) * bins as f64) as usize).min(bins - 1)
    }
}

/// When a sample ends: a long task's start plus its duration, any other sample's time.
fn sample_end(s: &LagSample) -> f64 {
    match s.kind {
        LagKind::LongTask => s.at_ms + s.value_ms.max(0.0),
        _ => s.at_ms,
    }
}

/// The `p`-th percentile (nearest rank, `p` from 0 to 100) of the finite `values`, or
/// `None` when there are none.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let p = if p.is_finite() {
        p.clamp(0.0, 100.0)
    } else {
        100.0
    };
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.saturating_sub(1)).copied()
}

/// Writes a lag in milliseconds with one decimal (`12.3 ms`, `1250.0 ms`), or `–` when
/// it is not a finite number.
pub fn format_lag_ms(ms: f64) -> String {
    if ms.is_finite() {
        format!("{ms:.1} ms")
    } else {
        "–".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beat(at: f64, v: f64) -> LagSample {
        LagSample::new(at, LagKind::Heartbeat, v)
    }

    fn samples() -> Vec<LagSample> {
        vec![
            beat(100.0, 1.0),
            beat(900.0, 4.0),
            LagSample::new(950.0, LagKind::Frame, 16.7),
            beat(1000.0, 2.0),
            beat(1500.0, 250.0),
            LagSample::new(1180.0, LagKind::LongTask, 300.0),
            beat(2000.0, 3.0),
            beat(f64::NAN, 9999.0),
        ]
    }

    #[test]
    fn the_latest_window_ends_at_the_newest_sample() {
        let w = LagWindow::latest(&samples(), 1000.0);
        assert_eq!(
            w,
            LagWindow {
                from_ms: 1000.0,
                to_ms: 2000.0
            }
        );
        assert_eq!(w.length_ms(), 1000.0);
    }

    #[test]
    fn a_window_over_no_samples_ends_at_zero() {
        let w = LagWindow::latest(&[], 500.0);
        assert_eq!((w.from_ms, w.to_ms), (-500.0, 0.0));
        assert_eq!(w.max(&[], LagKind::Heartbeat), None);
    }

    #[test]
    fn bad_window_lengths_become_one_millisecond() {
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let w = LagWindow::ending_at(f64::NAN, bad);
            assert_eq!((w.from_ms, w.to_ms), (-1.0, 0.0));
        }
    }

    #[test]
    fn the_maximum_counts_only_samples_of_its_kind_inside_the_window() {
        let s = samples();
        let w = LagWindow::ending_at(2000.0, 1000.0);
        assert_eq!(w.max(&s, LagKind::Heartbeat), Some(250.0));
        assert_eq!(w.max(&s, LagKind::Frame), None);
        let early = LagWindow::ending_at(960.0, 900.0);
        assert_eq!(early.max(&s, LagKind::Heartbeat), Some(4.0));
        assert_eq!(early.max(&s, LagKind::Frame), Some(16.7));
    }

    #[test]
    fn a_long_task_belongs_to_every_window_it_overlaps() {
        let task = LagSample::new(1180.0, LagKind::LongTask, 300.0);
        assert!(LagWindow::ending_at(1200.0, 100.0).contains(&task));
        assert!(LagWindow::ending_at(2000.0, 600.0).contains(&task));
        assert!(!LagWindow::ending_at(2000.0, 500.0).contains(&task));
        assert!(!LagWindow::ending_at(1100.0, 500.0).contains(&task));
    }

    #[test]
    fn the_95th_percentile_uses_the_nearest_rank() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 95.0), Some(19.0));
        assert_eq!(percentile(&values, 100.0), Some(20.0));
        assert_eq!(percentile(&values, 0.0), Some(1.0));
        assert_eq!(percentile(&[f64::NAN], 95.0), None);
        assert_eq!(percentile(&[3.0, f64::NAN, 1.0], f64::NAN), Some(3.0));
    }

    #[test]
    fn the_window_p95_and_count_above_a_threshold_agree_with_the_samples() {
        let s = samples();
        let w = LagWindow::ending_at(2000.0, 2000.0);
        assert_eq!(w.p95(&s, LagKind::Heartbeat), Some(250.0));
        assert_eq!(w.count_above(&s, LagKind::Heartbeat, 50.0), 1);
        assert_eq!(w.count_above(&s, LagKind::Heartbeat, 2.0), 3);
        assert_eq!(w.count_above(&s, LagKind::LongTask, 50.0), 1);
    }

    #[test]
    fn fractions_run_from_zero_to_one_and_are_clamped() {
        let w = LagWindow::ending_at(2000.0, 1000.0);
        assert_eq!(w.fraction(1500.0), 0.5);
        assert_eq!(w.fraction(0.0), 0.0);
        assert_eq!(w.fraction(9000.0), 1.0);
        assert_eq!(w.fraction(f64::NAN), 0.0);
    }

    #[test]
    fn bins_keep_the_largest_value_and_count_samples() {
        let s = samples();
        let w = LagWindow::ending_at(2000.0, 1000.0);
        let maxima = w.bin_maxima(&s, LagKind::Heartbeat, 4);
        assert_eq!(maxima, vec![Some(2.0), None, Some(250.0), Some(3.0)]);
        assert_eq!(w.bin_counts(&s, LagKind::LongTask, 4), vec![1, 0, 0, 0]);
        assert_eq!(w.bin_maxima(&s, LagKind::Heartbeat, 0).len(), 1);
    }

    #[test]
    fn retaining_drops_old_and_broken_samples_but_keeps_overlapping_long_tasks() {
        let mut s = samples();
        LagWindow::ending_at(2000.0, 600.0).retain(&mut s);
        let times: Vec<f64> = s.iter().map(|x| x.at_ms).collect();
        assert_eq!(times, vec![1500.0, 1180.0, 2000.0]);
    }

    #[test]
    fn lags_are_written_in_milliseconds_with_one_decimal() {
        assert_eq!(format_lag_ms(12.34), "12.3 ms");
        assert_eq!(format_lag_ms(1250.0), "1250.0 ms");
        assert_eq!(format_lag_ms(f64::NAN), "–");
    }
}
