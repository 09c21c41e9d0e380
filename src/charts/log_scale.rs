/// A logarithmic axis between two "nice" values (1, 2 or 5 × 10ᵏ), for values that span
/// several decades (offered loads, latencies that explode past a server's capacity).
#[derive(Debug, Clone, PartialEq)]
pub struct LogScale {
    /// The axis start (1, 2 or 5 × 10ᵏ, > 0).
    pub lo: f64,
    /// The axis end (1, 2 or 5 × 10ᵏ, > `lo`).
    pub hi: f64,
}

/// The nice values 1, 2, 5 × 10ᵏ around `v`: the largest at or below it and the smallest
/// at or above it.
fn nice_around(v: f64) -> (f64, f64) {
    let decade = 10f64.powf(v.log10().floor());
    let steps = [1.0, 2.0, 5.0, 10.0].map(|m| m * decade);
    let below = steps
        .iter()
        .rev()
        .copied()
        .find(|&s| s <= v * (1.0 + 1e-12));
    let above = steps.iter().copied().find(|&s| s >= v * (1.0 - 1e-12));
    (below.unwrap_or(decade), above.unwrap_or(10.0 * decade))
}

impl LogScale {
    /// The smallest axis of nice values covering every finite positive value, with a
    /// little room below the smallest (so a flat line does not sit on the axis); 1–10
    /// when there is no such value.
    pub fn covering(values: impl IntoIterator<Item = f64>) -> Self {
        let (mut min, mut max) = (f64::INFINITY, 0.0f64);
        for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            min = min.min(v);
            max = max.max(v);
        }
        if max <= 0.0 {
            return Self { lo: 1.0, hi: 10.0 };
        }
        let lo = nice_around(min * 0.8).0;
        let hi = nice_around(max).1;
        let hi = if hi > lo { hi } else { nice_around(lo * 1.5).1 };
        Self { lo, hi }
    }

    /// Where `v` falls on the axis, as a percentage (clamped to 0–100; 0 for non-positive
    /// or non-finite values).
    pub fn percent(&self, v: f64) -> f64 {
        if !(v.is_finite() && v > 0.0) {
            return 0.0;
        }
        let span = (self.hi / self.lo).log10();
        ((v / self.lo).log10() / span * 100.0).clamp(0.0, 100.0)
    }

    /// Tick values from `lo` to `hi`: every 1, 2 and 5 × 10ᵏ when the axis spans at most
    /// two decades, every power of ten otherwise; both ends always.
    pub fn ticks(&self) -> Vec<f64> {
        let decades = (self.hi / self.lo).log10();
        let multiples: &[f64] = if decades <= 2.0 + 1e-9 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        let first = self.lo.log10().floor() as i32;
        let last = self.hi.log10().ceil() as i32;
        let inside = |t: f64| t > self.lo * (1.0 + 1e-9) && t < self.hi * (1.0 - 1e-9);
        let mut ticks = vec![self.lo];
        for e in first..=last {
            for m in multiples {
                let t = m * 10f64.powi(e);
                if inside(t) {
                    ticks.push(t);
                }
            }
        }
        ticks.push(self.hi);
        ticks
    }
}

/// A count or rate written short for an axis: `5`, `20`, `1.5k`, `0.2`.
pub fn format_count(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let short = |x: f64| {
        let s = format!("{x:.1}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if v.abs() >= 1000.0 {
        format!("{}k", short(v / 1000.0))
    } else if v.abs() >= 10.0 {
        format!("{v:.0}")
    } else {
        short(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_from_9_to_4000_span_5_to_5000_with_a_tick_at_each_power_of_ten() {
        let s = LogScale::covering([9.0, 4000.0, f64::NAN, -3.0, 0.0]);
        // 0.8 × 9 = 7.2 → 5 below; 4000 → 5000 above: three decades.
        assert_eq!((s.lo, s.hi), (5.0, 5000.0));
        assert!((s.percent(50.0) - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.percent(5.0), 0.0);
        assert_eq!(s.percent(50_000.0), 100.0);
        assert_eq!(s.percent(f64::NAN), 0.0);
        assert_eq!(s.ticks(), vec![5.0, 10.0, 100.0, 1000.0, 5000.0]);
    }

    #[test]
    fn a_narrow_range_gets_ticks_at_1_2_and_5() {
        let s = LogScale::covering([110.0, 900.0]);
        assert_eq!((s.lo, s.hi), (50.0, 1000.0));
        assert_eq!(s.ticks(), vec![50.0, 100.0, 200.0, 500.0, 1000.0]);
        assert!((s.percent(100.0) - 2f64.log10() / 20f64.log10() * 100.0).abs() < 1e-9);
    }

    #[test]
    fn no_positive_value_gives_1_to_10_and_a_single_value_still_gets_a_range() {
        assert_eq!(LogScale::covering([]), LogScale { lo: 1.0, hi: 10.0 });
        let one = LogScale::covering([100.0]);
        assert!(one.lo < 100.0 && one.hi >= 100.0, "{one:?}");
        assert_eq!(
            one,
            LogScale {
                lo: 50.0,
                hi: 100.0
            }
        );
    }

    #[test]
    fn counts_are_written_short() {
        assert_eq!(format_count(1500.0), "1.5k");
        assert_eq!(format_count(36.36), "36");
        assert_eq!(format_count(0.25), "0.2");
        assert_eq!(format_count(2.0), "2");
        assert_eq!(format_count(f64::INFINITY), "–");
    }
}
