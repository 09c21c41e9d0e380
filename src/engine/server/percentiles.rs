/// The 50th, 95th and 99th percentiles of a list of latencies (nearest-rank method: the
/// p-th percentile is the smallest value with at least p % of the list at or below it).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Percentiles {
    /// The median, in milliseconds (NaN for an empty list).
    pub p50: f64,
    /// The 95th percentile, in milliseconds (NaN for an empty list).
    pub p95: f64,
    /// The 99th percentile, in milliseconds (NaN for an empty list).
    pub p99: f64,
}

impl Percentiles {
    /// The percentiles of `values`; non-finite values are left out.
    pub fn of(values: &[f64]) -> Self {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        Self {
            p50: Self::nearest_rank(&sorted, 50.0),
            p95: Self::nearest_rank(&sorted, 95.0),
            p99: Self::nearest_rank(&sorted, 99.0),
        }
    }

    /// The `p`-th percentile (0–100) of an already sorted list; NaN when it is empty.
    pub fn nearest_rank(sorted: &[f64], p: f64) -> f64 {
        if sorted.is_empty() {
            return f64::NAN;
        }
        let p = if p.is_finite() {
            p.clamp(0.0, 100.0)
        } else {
            100.0
        };
        let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_a_hundred_has_percentiles_50_95_and_99() {
        let list: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let p = Percentiles::of(&list);
        assert_eq!((p.p50, p.p95, p.p99), (50.0, 95.0, 99.0));
    }

    #[test]
    fn four_values_give_the_second_then_the_fourth() {
        // ⌈0.5·4⌉ = 2nd value; ⌈0.95·4⌉ = ⌈0.99·4⌉ = 4th value.
        let p = Percentiles::of(&[40.0, 10.0, 30.0, 20.0]);
        assert_eq!((p.p50, p.p95, p.p99), (20.0, 40.0, 40.0));
    }

    #[test]
    fn an_empty_list_gives_nan_and_nan_values_are_ignored() {
        assert!(Percentiles::of(&[]).p50.is_nan());
        let p = Percentiles::of(&[f64::NAN, 7.0]);
        assert_eq!((p.p50, p.p99), (7.0, 7.0));
        assert_eq!(Percentiles::nearest_rank(&[1.0, 2.0], 0.0), 1.0);
    }
}
