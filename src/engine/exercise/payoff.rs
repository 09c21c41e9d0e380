/// Whether the runner a visitor chose turned out faster once measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payoff {
    /// The chosen runner was clearly faster.
    PaidOff,
    /// The two took about the same time.
    NoDifference,
    /// The other runner was clearly faster.
    Backfired,
    /// No runner was chosen.
    NoChoice,
}

impl Payoff {
    /// A short key for test hooks and styles.
    pub fn key(self) -> &'static str {
        match self {
            Payoff::PaidOff => "paid-off",
            Payoff::NoDifference => "no-difference",
            Payoff::Backfired => "backfired",
            Payoff::NoChoice => "no-choice",
        }
    }

    /// The sentence shown to the visitor.
    pub fn sentence(self) -> &'static str {
        match self {
            Payoff::PaidOff => "Your choice paid off.",
            Payoff::NoDifference => "Your choice made no real difference in time.",
            Payoff::Backfired => "Your choice did not pay off.",
            Payoff::NoChoice => "You chose no runner.",
        }
    }
}
