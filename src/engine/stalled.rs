use std::fmt;

/// Why a run on virtual time ended without finishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stalled {
    /// The future waits forever: no timer is pending and nothing woke it.
    Forever,
    /// The run took more steps of the event loop than the clock's budget allows
    /// ([`super::VirtualClock::with_step_budget`]); it was stopped rather than let run on.
    OverBudget {
        /// The budget that was used up.
        steps: u64,
    },
}

impl fmt::Display for Stalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stalled::Forever => {
                f.write_str("the run waits forever: no timer is pending and no task is ready")
            }
            Stalled::OverBudget { steps } => write!(
                f,
                "the prediction was stopped after {} steps of its event loop: this scenario \
                 is too large to simulate here; use fewer tasks or fewer dependencies",
                super::lab::thousands(*steps as usize)
            ),
        }
    }
}

impl std::error::Error for Stalled {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_message_names_the_budget_in_thousands() {
        let text = Stalled::OverBudget { steps: 1_000_000 }.to_string();
        assert!(text.contains("after 1,000,000 steps"), "{text}");
    }
}
