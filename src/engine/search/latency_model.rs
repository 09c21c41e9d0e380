/// How long a simulated database query takes.
///
/// `base_ms` for every query, plus [`LatencyModel::ROW_MS`] for each matching row (a short
/// query matches many rows and is slow; a long one is fast), plus a jitter between 0 and
/// `jitter_ms` drawn from the seed and the query text, so the same query always takes the
/// same time for a seed, but neighbouring queries do not take neatly ordered times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatencyModel {
    /// Milliseconds every query takes, whatever it matches.
    pub base_ms: f64,
    /// Largest extra random delay, in milliseconds.
    pub jitter_ms: f64,
    /// Seed of the jitter.
    pub seed: u64,
}

impl LatencyModel {
    /// Milliseconds each matching row adds (sorting and sending it).
    pub const ROW_MS: f64 = 0.25;

    /// The latency of a query for `text` that matches `matches` rows. An empty text is
    /// answered at once (there is nothing to ask the database). Never negative or NaN.
    pub fn latency_ms(&self, text: &str, matches: usize) -> f64 {
        if text.trim().is_empty() {
            return 0.0;
        }
        let base = crate::engine::wait_ms(self.base_ms);
        let jitter = crate::engine::wait_ms(self.jitter_ms) * self.unit_draw(text);
        base + Self::ROW_MS * matches as f64 + jitter
    }

    /// A number in `[0, 1)` that depends only on the seed and the text.
    fn unit_draw(&self, text: &str) -> f64 {
        // FNV-1a over the text, mixed with the seed.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ self.seed;
        for byte in text.trim().to_lowercase().bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        fastrand::Rng::with_seed(hash).f64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: LatencyModel = LatencyModel {
        base_ms: 100.0,
        jitter_ms: 0.0,
        seed: 1,
    };

    #[test]
    fn without_jitter_a_query_takes_the_base_plus_a_quarter_millisecond_per_row() {
        assert_eq!(MODEL.latency_ms("ka", 400), 200.0);
        assert_eq!(MODEL.latency_ms("kara", 0), 100.0);
    }

    #[test]
    fn an_empty_query_is_answered_at_once() {
        assert_eq!(MODEL.latency_ms("  ", 0), 0.0);
    }

    #[test]
    fn jitter_stays_in_range_and_repeats_for_the_same_seed_and_text() {
        let model = LatencyModel {
            jitter_ms: 50.0,
            ..MODEL
        };
        let draws: Vec<f64> = ["a", "ar", "ara", "aran"]
            .iter()
            .map(|t| model.latency_ms(t, 0))
            .collect();
        assert!(draws.iter().all(|d| (100.0..150.0).contains(d)));
        assert_eq!(model.latency_ms("ar", 0), draws[1]);
        assert!(draws.windows(2).any(|w| w[0] != w[1]), "{draws:?}");
    }

    #[test]
    fn nonsense_settings_never_give_a_negative_or_nan_latency() {
        let model = LatencyModel {
            base_ms: f64::NAN,
            jitter_ms: -5.0,
            seed: 0,
        };
        assert_eq!(model.latency_ms("x", 4), 1.0);
    }
}
