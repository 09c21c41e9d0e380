use super::format_ms;

/// A gap between animation frames longer than this, in milliseconds, counts as a freeze.
pub const FREEZE_MS: f64 = 100.0;
/// How long a freeze stays reported after the frames resume, in milliseconds.
pub const FREEZE_HOLD_MS: f64 = 3000.0;

/// Follows animation-frame times to tell when the main thread froze: a gap of more than
/// [`FREEZE_MS`] between two frames is a freeze, reported for [`FREEZE_HOLD_MS`] after
/// the frames resume (while the thread is frozen nothing can be reported at all).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FreezeTracker {
    last_frame_ms: Option<f64>,
    /// When the last freeze ended and how long it lasted.
    last_freeze: Option<(f64, f64)>,
}

impl FreezeTracker {
    /// A tracker that has seen no frame yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a frame at `t_ms` and returns the gap since the previous one (0 for the
    /// first frame, or when time did not move forward). Non-finite times are ignored.
    pub fn frame(&mut self, t_ms: f64) -> f64 {
        if !t_ms.is_finite() {
            return 0.0;
        }
        let gap = self
            .last_frame_ms
            .map_or(0.0, |last| (t_ms - last).max(0.0));
        self.last_frame_ms = Some(t_ms);
        if gap > FREEZE_MS {
            self.last_freeze = Some((t_ms, gap));
        }
        gap
    }

    /// Forgets the previous frame, so a pause (the heartbeat turned off, the tab hidden)
    /// is not taken for a freeze. A freeze already seen stays reported.
    pub fn skip_gap(&mut self) {
        self.last_frame_ms = None;
    }

    /// The length of the last freeze if it ended at most [`FREEZE_HOLD_MS`] before
    /// `now_ms`, in milliseconds.
    pub fn recent_freeze(&self, now_ms: f64) -> Option<f64> {
        let (ended, length) = self.last_freeze?;
        (now_ms - ended <= FREEZE_HOLD_MS).then_some(length)
    }
}

/// The heartbeat's status line: `responsive`, or `{verb} for 1.2 s` after a recent freeze
/// (the verb is `frozen` next to the moving dot, `blocked` in the text-only version).
pub fn freeze_text(freeze_ms: Option<f64>, verb: &str) -> String {
    match freeze_ms {
        Some(ms) => format!("{verb} for {}", format_ms(ms)),
        None => "responsive".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_frames_are_not_a_freeze() {
        let mut t = FreezeTracker::new();
        assert_eq!(t.frame(0.0), 0.0);
        for i in 1..100 {
            assert!(t.frame(i as f64 * 16.7) < 17.0);
        }
        assert_eq!(t.recent_freeze(1700.0), None);
    }

    #[test]
    fn a_long_gap_is_reported_for_a_while_and_then_forgotten() {
        let mut t = FreezeTracker::new();
        t.frame(1000.0);
        assert_eq!(t.frame(2200.0), 1200.0);
        assert_eq!(t.recent_freeze(2300.0), Some(1200.0));
        t.frame(2216.0);
        assert_eq!(t.recent_freeze(2216.0), Some(1200.0));
        assert_eq!(t.recent_freeze(2200.0 + FREEZE_HOLD_MS + 1.0), None);
    }

    #[test]
    fn a_skipped_gap_is_not_a_freeze() {
        let mut t = FreezeTracker::new();
        t.frame(0.0);
        t.skip_gap();
        assert_eq!(t.frame(5000.0), 0.0);
        assert_eq!(t.recent_freeze(5000.0), None);
    }

    #[test]
    fn odd_times_never_panic_or_count_as_freezes() {
        let mut t = FreezeTracker::new();
        t.frame(500.0);
        assert_eq!(t.frame(f64::NAN), 0.0);
        assert_eq!(t.frame(100.0), 0.0);
        assert_eq!(t.frame(f64::INFINITY), 0.0);
        assert_eq!(t.recent_freeze(100.0), None);
    }

    #[test]
    fn the_status_names_the_freeze_in_readable_units() {
        assert_eq!(freeze_text(None, "frozen"), "responsive");
        assert_eq!(freeze_text(Some(1200.0), "frozen"), "frozen for 1.2 s");
        assert_eq!(freeze_text(Some(312.0), "blocked"), "blocked for 312 ms");
    }
}
