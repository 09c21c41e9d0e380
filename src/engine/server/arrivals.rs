/// The most requests an [`Arrivals`] produces, whatever it is asked for.
const MAX_REQUESTS: usize = 20_000;

/// When requests arrive: `count` requests at `rate_per_s`, evenly spaced, or each moved
/// by a seeded random jitter of up to half a gap either way.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Arrivals {
    /// Offered load, in requests per second (non-positive or non-finite counts as 1).
    pub rate_per_s: f64,
    /// How many requests arrive (at most 20,000).
    pub count: usize,
    /// How far each arrival may move from its even slot, as a fraction of the gap
    /// (0 = evenly spaced, 1 = anywhere within half a gap either way; clamped to 0–1).
    pub jitter: f64,
    /// Seed of the jitter: the same seed always moves the arrivals the same way.
    pub seed: u64,
}

impl Arrivals {
    /// `count` requests evenly spaced at `rate_per_s`, the first at 0.
    pub fn evenly(rate_per_s: f64, count: usize) -> Self {
        Self {
            rate_per_s,
            count,
            jitter: 0.0,
            seed: 1,
        }
    }

    /// Milliseconds between two arrivals on average.
    pub fn gap_ms(&self) -> f64 {
        let rate = if self.rate_per_s.is_finite() && self.rate_per_s > 0.0 {
            self.rate_per_s
        } else {
            1.0
        };
        1000.0 / rate
    }

    /// The arrival times in milliseconds, in increasing order, never negative.
    pub fn times_ms(&self) -> Vec<f64> {
        let gap = self.gap_ms();
        let jitter = if self.jitter.is_finite() {
            self.jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mut rng = fastrand::Rng::with_seed(self.seed);
        let mut times: Vec<f64> = (0..self.count.min(MAX_REQUESTS))
            .map(|i| {
                let shift = if jitter > 0.0 {
                    jitter * gap * (rng.f64() - 0.5)
                } else {
                    0.0
                };
                (i as f64 * gap + shift).max(0.0)
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_requests_per_second_arrive_every_50_ms() {
        assert_eq!(
            Arrivals::evenly(20.0, 4).times_ms(),
            vec![0.0, 50.0, 100.0, 150.0]
        );
    }

    #[test]
    fn jitter_stays_within_half_a_gap_is_sorted_and_repeats_for_a_seed() {
        let a = Arrivals {
            jitter: 1.0,
            seed: 7,
            ..Arrivals::evenly(10.0, 200)
        };
        let times = a.times_ms();
        assert_eq!(times, a.times_ms());
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
        assert!(times.iter().all(|&t| t >= 0.0));
        // Each time is within 50 ms of some even slot, and the mean rate is kept.
        assert!(times
            .iter()
            .all(|t| (t - (t / 100.0).round() * 100.0).abs() <= 50.0));
        assert!((times[199] - 19_900.0).abs() <= 150.0);
        assert_ne!(times, Arrivals::evenly(10.0, 200).times_ms());
        let other = Arrivals { seed: 8, ..a };
        assert_ne!(times, other.times_ms());
    }

    #[test]
    fn odd_rates_and_counts_never_panic() {
        assert_eq!(Arrivals::evenly(f64::NAN, 2).times_ms(), vec![0.0, 1000.0]);
        assert_eq!(Arrivals::evenly(-3.0, 0).times_ms(), Vec::<f64>::new());
        assert_eq!(Arrivals::evenly(1.0, usize::MAX).times_ms().len(), 20_000);
    }
}
