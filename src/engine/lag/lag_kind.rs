/// Which measurement of the main thread's lag a [`super::LagSample`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LagKind {
    /// A `setTimeout(16)` ping: the value is its lateness (actual gap − 16 ms).
    Heartbeat,
    /// An animation frame: the value is the time since the previous frame.
    Frame,
    /// A Long Task reported by the browser: the value is the task's duration, and the
    /// sample's time is when the task started.
    LongTask,
}

impl LagKind {
    /// A short machine-readable name, used for `data-series` attributes.
    pub fn key(self) -> &'static str {
        match self {
            LagKind::Heartbeat => "heartbeat",
            LagKind::Frame => "frame",
            LagKind::LongTask => "longtask",
        }
    }

    /// A human-readable name for legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            LagKind::Heartbeat => "Timer lateness",
            LagKind::Frame => "Frame gap",
            LagKind::LongTask => "Long task",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_key_and_label() {
        let kinds = [LagKind::Heartbeat, LagKind::Frame, LagKind::LongTask];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                assert_ne!(a.key(), b.key());
                assert_ne!(a.label(), b.label());
            }
        }
    }
}
