use super::{QueryStatus, SearchAnswer};

/// What happened to one query of one policy. Times are milliseconds since typing began.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryRecord {
    /// Position in the typing order, from 0.
    pub index: usize,
    /// The text that was searched for.
    pub text: String,
    /// When the keystroke that started it happened.
    pub typed_ms: f64,
    /// When it was sent to the database (after the debounce, if any).
    pub sent_ms: Option<f64>,
    /// When it was answered or cancelled.
    pub end_ms: Option<f64>,
    /// When its answer was put in the pane.
    pub shown_ms: Option<f64>,
    /// Where it stands.
    pub status: QueryStatus,
    /// The answer, once it arrived.
    pub answer: Option<SearchAnswer>,
}
