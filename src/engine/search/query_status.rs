/// Where one query of a search policy stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryStatus {
    /// Waiting for the debounce delay to pass before it is sent.
    Debouncing,
    /// Sent to the database, not answered yet.
    Running,
    /// Answered, but waiting for an earlier query to be shown first.
    Waiting,
    /// Shown, and it was the latest text when it was shown.
    Shown,
    /// Shown although newer text had been typed: out of date the moment it appeared.
    Stale,
    /// Shown, then replaced by the answer to an *older* query: the race bug.
    Overwritten,
    /// Cancelled while the database was working on it.
    Cancelled,
    /// Cancelled during its debounce delay: never sent at all.
    Debounced,
}

impl QueryStatus {
    /// A short stable key (for CSS, tests and tables).
    pub fn key(self) -> &'static str {
        match self {
            QueryStatus::Debouncing => "debouncing",
            QueryStatus::Running => "running",
            QueryStatus::Waiting => "waiting",
            QueryStatus::Shown => "shown",
            QueryStatus::Stale => "stale",
            QueryStatus::Overwritten => "overwritten",
            QueryStatus::Cancelled => "cancelled",
            QueryStatus::Debounced => "debounced",
        }
    }

    /// Words for a person.
    pub fn describe(self) -> &'static str {
        match self {
            QueryStatus::Debouncing => "waiting for the debounce",
            QueryStatus::Running => "running",
            QueryStatus::Waiting => "answered, waiting its turn",
            QueryStatus::Shown => "shown",
            QueryStatus::Stale => "shown but stale",
            QueryStatus::Overwritten => "shown, then overwritten by an older answer",
            QueryStatus::Cancelled => "cancelled",
            QueryStatus::Debounced => "cancelled before it was sent",
        }
    }

    /// Whether the query has nothing left to do.
    pub fn is_settled(self) -> bool {
        !matches!(
            self,
            QueryStatus::Debouncing | QueryStatus::Running | QueryStatus::Waiting
        )
    }
}
