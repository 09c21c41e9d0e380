//! Live search: a search box over a built-in table, whose queries take varying times, and
//! three ways of turning keystrokes into what the page shows (await in order, race,
//! cancel stale with a debounce), simulated on virtual time or run on the page's timers.

mod catalog;
mod keystroke;
mod latency_model;
mod pane_change;
mod policy_outcome;
mod query_record;
mod query_status;
mod search_answer;
mod search_db;
mod search_log;
mod search_policy;
mod typing_session;

#[cfg(test)]
mod tests;

pub use catalog::{Catalog, MAX_ROWS};
pub use keystroke::Keystroke;
pub use latency_model::LatencyModel;
pub use pane_change::PaneChange;
pub use policy_outcome::PolicyOutcome;
pub use query_record::QueryRecord;
pub use query_status::QueryStatus;
pub use search_answer::SearchAnswer;
pub use search_db::SearchDb;
pub use search_log::SearchLog;
pub use search_policy::SearchPolicy;
pub use typing_session::{PaneObserver, PolicyRun, TypingSession, Typist, MAX_SESSION_KEYS};
