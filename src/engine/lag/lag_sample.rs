use super::LagKind;

/// One measurement of how late the main thread's event loop was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LagSample {
    /// When it was measured (for a long task: when the task started), in
    /// `performance.now()` milliseconds.
    pub at_ms: f64,
    /// What was measured.
    pub kind: LagKind,
    /// The measured value in milliseconds: timer lateness, frame gap or task duration.
    pub value_ms: f64,
}

impl LagSample {
    /// A sample of `kind` with `value_ms`, taken at `at_ms`.
    pub fn new(at_ms: f64, kind: LagKind, value_ms: f64) -> Self {
        Self {
            at_ms,
            kind,
            value_ms,
        }
    }

    /// Whether both numbers are finite (samples that are not are ignored by every
    /// summary and chart).
    pub fn is_finite(&self) -> bool {
        self.at_ms.is_finite() && self.value_ms.is_finite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_with_a_nan_or_infinite_number_is_not_finite() {
        assert!(LagSample::new(1.0, LagKind::Frame, 16.7).is_finite());
        assert!(!LagSample::new(f64::NAN, LagKind::Frame, 16.7).is_finite());
        assert!(!LagSample::new(1.0, LagKind::Heartbeat, f64::INFINITY).is_finite());
    }
}
