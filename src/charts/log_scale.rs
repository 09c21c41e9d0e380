/// A logarithmic axis from a power of ten to a power of ten, for values that span several
/// decades (offered loads, latencies that explode past a server's capacity).
#[derive(Debug, Clone, PartialEq)]
pub struct LogScale {
    /// The axis start (a power of ten, > 0).
    pub lo: f64,
    /// The axis end (a power of ten, > `lo`).
    pub hi: f64,
}

impl LogScale {
    /// The smallest axis of whole decades covering every finite positive value; 1–10 when
    /// there is none.
    pub fn covering(values: impl IntoIterator<Item = f64>) -> Self {
        let (mut min, mut max) = (f64::INFINITY, 0.0f64);
        for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            min = min.min(v);
            max = max.max(v);
        }
        if max <= 0.0 {
            return Self { lo: 1.0, hi: 10.0 };
        }
        let lo = 10f64.powf(min.log10().floor());
        let hi = 10f64.powf(max.log10().ceil()).max(lo * 10.0);
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

    /// Tick values: every power of ten, with 2 and 5 times each when the axis spans at
    /// most two decades.
    pub fn ticks(&self) -> Vec<f64> {
        let decades = (self.hi / self.lo).log10().round().max(1.0) as i32;
        let lo_exp = self.lo.log10().round() as i32;
        let multiples: &[f64] = if decades <= 2 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        let mut ticks = Vec::new();
        for e in lo_exp..lo_exp + decades {
            for m in multiples {
                ticks.push(m * 10f64.powi(e));
            }
        }
        ticks.push(10f64.powi(lo_exp + decades));
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
    fn values_from_9_to_400_span_the_decades_1_to_1000() {
        let s = LogScale::covering([9.0, 400.0, f64::NAN, -3.0, 0.0]);
        assert_eq!((s.lo, s.hi), (1.0, 1000.0));
        assert!((s.percent(10.0) - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.percent(1.0), 0.0);
        assert_eq!(s.percent(5000.0), 100.0);
        assert_eq!(s.percent(f64::NAN), 0.0);
        assert_eq!(s.ticks(), vec![1.0, 10.0, 100.0, 1000.0]);
    }

    #[test]
    fn a_single_decade_gets_ticks_at_1_2_and_5() {
        let s = LogScale::covering([20.0, 30.0]);
        assert_eq!((s.lo, s.hi), (10.0, 100.0));
        assert_eq!(s.ticks(), vec![10.0, 20.0, 50.0, 100.0]);
        assert!((s.percent(20.0) - 2f64.log10() * 100.0).abs() < 1e-9);
    }

    #[test]
    fn no_positive_value_gives_the_decade_1_to_10_and_a_power_of_ten_keeps_a_decade() {
        assert_eq!(LogScale::covering([]), LogScale { lo: 1.0, hi: 10.0 });
        assert_eq!(
            LogScale::covering([100.0]),
            LogScale {
                lo: 100.0,
                hi: 1000.0
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
