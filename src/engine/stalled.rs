use std::fmt;

/// The error returned when a future waits forever: no timer is pending and nothing woke it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stalled;

impl fmt::Display for Stalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the run waits forever: no timer is pending and no task is ready")
    }
}

impl std::error::Error for Stalled {}
