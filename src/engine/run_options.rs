/// Conditions a run happens under, shared by every strategy: a service that accepts only
/// so many requests at once, and a per-task timeout.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct RunOptions {
    /// Most requests the simulated service handles at once; `None` means unlimited. A
    /// request arriving while `capacity` are in flight is rejected at once (see
    /// [`crate::engine::Service`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<usize>,
    /// Longest a task may wait, in milliseconds; `None` means no timeout. A task whose
    /// duration is longer ends with status `timed_out` exactly at the timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<f64>,
    /// Where CPU jobs run: `None` on the event loop's own thread (blocking it), `Some(n)`
    /// on a pool of `n` workers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<usize>,
}

impl RunOptions {
    /// The timeout actually applied: negative values count as 0; NaN and infinity as none.
    pub fn timeout(&self) -> Option<f64> {
        self.timeout_ms
            .filter(|t| t.is_finite())
            .map(|t| t.max(0.0))
    }

    /// How long a task of `duration_ms` is expected to occupy the run: its duration, cut
    /// short by the timeout if there is one.
    pub fn effective_ms(&self, duration_ms: f64) -> f64 {
        let d = super::wait_ms(duration_ms);
        self.timeout().map_or(d, |t| d.min(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_caps_durations_and_invalid_timeouts_are_ignored_or_clamped() {
        let none = RunOptions::default();
        assert_eq!(none.effective_ms(3000.0), 3000.0);
        assert_eq!(none.effective_ms(-5.0), 0.0);
        assert_eq!(none.effective_ms(f64::NAN), 0.0);
        let capped = RunOptions {
            timeout_ms: Some(1500.0),
            ..none
        };
        assert_eq!(capped.effective_ms(3000.0), 1500.0);
        assert_eq!(capped.effective_ms(1000.0), 1000.0);
        let nan = RunOptions {
            timeout_ms: Some(f64::NAN),
            ..none
        };
        assert_eq!(nan.timeout(), None);
        let negative = RunOptions {
            timeout_ms: Some(-1.0),
            ..none
        };
        assert_eq!(negative.effective_ms(200.0), 0.0);
    }

    #[test]
    fn options_missing_from_json_default_to_none() {
        let o: RunOptions = serde_json::from_str("{}").unwrap_or(RunOptions {
            capacity: Some(9),
            timeout_ms: None,
            ..RunOptions::default()
        });
        assert_eq!(o, RunOptions::default());
    }
}
