use super::{PaneChange, QueryRecord, QueryStatus, SearchAnswer, SearchPolicy};

/// Everything one search policy did with a typing session: every query's start, end and
/// status, and what its result pane showed over time. Times are milliseconds since
/// typing began.
///
/// The methods that change it are the events of a session, called by
/// [`SearchPolicy::run`]; an index that does not exist is ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyOutcome {
    /// The policy that produced it.
    pub policy: SearchPolicy,
    /// One record per keystroke, in typing order.
    pub queries: Vec<QueryRecord>,
    /// Each time the pane switched to another query's answer, in time order.
    pub pane: Vec<PaneChange>,
}

impl PolicyOutcome {
    /// A session of `policy` where nothing has been typed yet.
    pub fn new(policy: SearchPolicy) -> Self {
        Self {
            policy,
            queries: Vec::new(),
            pane: Vec::new(),
        }
    }

    /// The query whose answer the pane shows now, if any.
    pub fn shown(&self) -> Option<&QueryRecord> {
        self.pane.last().and_then(|c| self.queries.get(c.query))
    }

    /// The query the pane showed at `at_ms` (the last change at or before it).
    pub fn shown_at(&self, at_ms: f64) -> Option<&QueryRecord> {
        self.pane
            .iter()
            .rev()
            .find(|c| c.at_ms <= at_ms)
            .and_then(|c| self.queries.get(c.query))
    }

    /// The text in the box after the last keystroke.
    pub fn latest_text(&self) -> Option<&str> {
        self.queries.last().map(|q| q.text.as_str())
    }

    /// Whether the pane shows something other than the answer for the latest text.
    pub fn is_out_of_date(&self) -> bool {
        match (self.shown(), self.queries.last()) {
            (Some(shown), Some(last)) => shown.index != last.index,
            _ => false,
        }
    }

    /// How many times the pane went back to an older query's answer than the one it
    /// showed: the visible symptom of the race.
    pub fn backward_steps(&self) -> usize {
        self.pane
            .windows(2)
            .filter(|w| w[1].query < w[0].query)
            .count()
    }

    /// Whether every query is settled (shown, overwritten or cancelled).
    pub fn is_settled(&self) -> bool {
        self.queries.iter().all(|q| q.status.is_settled())
    }

    /// The latest time anything happened.
    pub fn last_event_ms(&self) -> f64 {
        self.queries
            .iter()
            .flat_map(|q| [Some(q.typed_ms), q.sent_ms, q.end_ms, q.shown_ms])
            .flatten()
            .fold(0.0, f64::max)
    }

    /// A keystroke left `text` in the box: a new query begins (waiting for its debounce
    /// until [`PolicyOutcome::sent`]). Returns its index.
    pub fn typed(&mut self, at_ms: f64, text: &str) -> usize {
        let index = self.queries.len();
        self.queries.push(QueryRecord {
            index,
            text: text.to_string(),
            typed_ms: at_ms,
            sent_ms: None,
            end_ms: None,
            shown_ms: None,
            status: QueryStatus::Debouncing,
            answer: None,
        });
        index
    }

    /// Query `index` was sent to the database.
    pub fn sent(&mut self, index: usize, at_ms: f64) {
        if let Some(q) = self.queries.get_mut(index) {
            q.sent_ms = Some(at_ms);
            q.status = QueryStatus::Running;
        }
    }

    /// Query `index` was answered.
    pub fn answered(&mut self, index: usize, at_ms: f64, answer: SearchAnswer) {
        if let Some(q) = self.queries.get_mut(index) {
            q.end_ms = Some(at_ms);
            q.answer = Some(answer);
            q.status = QueryStatus::Waiting;
        }
    }

    /// The pane now shows the answer of query `index`. It is stale if newer text was
    /// typed meanwhile; if the pane showed a newer query's answer, that one was
    /// overwritten by an older one.
    pub fn show(&mut self, index: usize, at_ms: f64) {
        if index >= self.queries.len() {
            return;
        }
        if let Some(previous) = self.pane.last().map(|c| c.query) {
            if previous > index {
                self.queries[previous].status = QueryStatus::Overwritten;
            }
        }
        let fresh = index + 1 == self.queries.len();
        let q = &mut self.queries[index];
        q.shown_ms = Some(at_ms);
        q.status = if fresh {
            QueryStatus::Shown
        } else {
            QueryStatus::Stale
        };
        self.pane.push(PaneChange {
            at_ms,
            query: index,
        });
    }

    /// Every query still debouncing or running is cancelled.
    pub fn cancel_unsettled(&mut self, at_ms: f64) {
        for q in &mut self.queries {
            let status = match q.status {
                QueryStatus::Debouncing => QueryStatus::Debounced,
                QueryStatus::Running => QueryStatus::Cancelled,
                _ => continue,
            };
            q.status = status;
            q.end_ms = Some(at_ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> SearchAnswer {
        SearchAnswer {
            matches: 1,
            top: vec!["x".into()],
            latency_ms: 1.0,
        }
    }

    #[test]
    fn an_older_answer_shown_after_a_newer_one_marks_the_newer_one_overwritten() {
        let mut o = PolicyOutcome::new(SearchPolicy::Race);
        let a = o.typed(0.0, "a");
        let b = o.typed(10.0, "ab");
        o.answered(b, 20.0, answer());
        o.show(b, 20.0);
        o.answered(a, 30.0, answer());
        o.show(a, 30.0);
        assert_eq!(o.queries[b].status, QueryStatus::Overwritten);
        assert_eq!(o.queries[a].status, QueryStatus::Stale);
        assert_eq!(o.backward_steps(), 1);
        assert!(o.is_out_of_date());
        assert_eq!(o.shown_at(25.0).map(|q| q.index), Some(b));
    }

    #[test]
    fn cancelling_tells_a_query_in_its_debounce_from_one_already_sent() {
        // Like the runner: each keystroke cancels what is pending, then types.
        let mut o = PolicyOutcome::new(SearchPolicy::CancelStale { debounce_ms: 5.0 });
        let a = o.typed(0.0, "a");
        o.sent(a, 5.0);
        o.cancel_unsettled(8.0);
        let b = o.typed(8.0, "ab");
        o.cancel_unsettled(10.0);
        let c = o.typed(10.0, "abc");
        assert_eq!(o.queries[a].status, QueryStatus::Cancelled);
        assert_eq!(o.queries[a].end_ms, Some(8.0));
        assert_eq!(o.queries[b].status, QueryStatus::Debounced);
        assert_eq!(o.queries[b].end_ms, Some(10.0));
        assert_eq!(o.queries[c].status, QueryStatus::Debouncing);
        assert!(!o.is_settled());
    }

    #[test]
    fn events_about_a_query_that_does_not_exist_are_ignored() {
        let mut o = PolicyOutcome::new(SearchPolicy::InOrder);
        o.sent(3, 1.0);
        o.answered(3, 1.0, answer());
        o.show(3, 1.0);
        assert!(o.pane.is_empty() && o.queries.is_empty());
    }
}
