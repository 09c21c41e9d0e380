/// A linear time axis from 0 to a "nice" maximum, with evenly spaced ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeAxis {
    /// The axis end, in milliseconds (≥ the data's maximum, rounded up to a tick).
    pub max_ms: f64,
    /// Tick positions, in milliseconds, from 0 to `max_ms`.
    pub ticks: Vec<f64>,
}

impl TimeAxis {
    /// An axis covering `0..=data_max_ms` with about five ticks at 1, 2 or 5 × 10ᵏ ms.
    pub fn covering(data_max_ms: f64) -> Self {
        let data_max = if data_max_ms.is_finite() && data_max_ms > 0.0 {
            data_max_ms
        } else {
            1.0
        };
        let rough = data_max / 5.0;
        let magnitude = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= rough)
            .unwrap_or(10.0 * magnitude);
        let count = (data_max / step).ceil().max(1.0) as usize;
        let ticks = (0..=count).map(|i| i as f64 * step).collect();
        Self {
            max_ms: count as f64 * step,
            ticks,
        }
    }

    /// Where `ms` falls on the axis, as a percentage of its length (clamped to 0–100).
    pub fn percent(&self, ms: f64) -> f64 {
        if !ms.is_finite() {
            return 0.0;
        }
        (ms / self.max_ms * 100.0).clamp(0.0, 100.0)
    }
}

/// Formats milliseconds for an axis or a label: `850 ms`, `1.25 s`, `12 s`.
pub fn format_ms(ms: f64) -> String {
    if !ms.is_finite() {
        return "–".to_string();
    }
    let abs = ms.abs();
    if abs < 1000.0 {
        format!("{} ms", trim(format!("{:.1}", ms)))
    } else if abs < 10_000.0 {
        format!("{} s", trim(format!("{:.2}", ms / 1000.0)))
    } else {
        format!("{} s", trim(format!("{:.1}", ms / 1000.0)))
    }
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_over_4_3_seconds_ends_at_5_seconds_in_1_second_steps() {
        let axis = TimeAxis::covering(4300.0);
        assert_eq!(axis.max_ms, 5000.0);
        assert_eq!(
            axis.ticks,
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
        );
    }

    #[test]
    fn an_axis_over_nothing_still_has_a_positive_length() {
        for bad in [0.0, -3.0, f64::NAN, f64::INFINITY] {
            let axis = TimeAxis::covering(bad);
            assert!(axis.max_ms > 0.0);
            assert!(axis.ticks.len() >= 2);
        }
    }

    #[test]
    fn percentages_are_clamped() {
        let axis = TimeAxis::covering(1000.0);
        assert_eq!(axis.percent(500.0), 50.0);
        assert_eq!(axis.percent(-1.0), 0.0);
        assert_eq!(axis.percent(5000.0), 100.0);
        assert_eq!(axis.percent(f64::NAN), 0.0);
    }

    #[test]
    fn durations_are_written_in_readable_units() {
        assert_eq!(format_ms(850.0), "850 ms");
        assert_eq!(format_ms(12.34), "12.3 ms");
        assert_eq!(format_ms(1250.0), "1.25 s");
        assert_eq!(format_ms(3000.0), "3 s");
        assert_eq!(format_ms(12_340.0), "12.3 s");
    }
}
