/// What the simulated database answers to one query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchAnswer {
    /// How many rows matched.
    pub matches: usize,
    /// The first matching rows (at most [`SearchAnswer::SHOWN`]), best first.
    pub top: Vec<String>,
    /// How long the query takes, in milliseconds.
    pub latency_ms: f64,
}

impl SearchAnswer {
    /// How many rows an answer carries to the page.
    pub const SHOWN: usize = 6;
}
