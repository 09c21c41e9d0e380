use crate::engine::search::{PolicyOutcome, QueryStatus};

/// One query of one search policy, as the query timeline draws it: the debounce, the
/// database work and the wait for its turn, as spans in milliseconds since typing began.
/// Spans still open end at `now_ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchBar {
    /// Position in the typing order.
    pub index: usize,
    /// The text searched for.
    pub text: String,
    /// From the keystroke to sending the query (or to its cancellation), if debounced.
    pub debounce: Option<(f64, f64)>,
    /// From sending to the answer (or to the cancellation).
    pub query: Option<(f64, f64)>,
    /// From the answer to being shown, when it had to wait for an earlier query.
    pub wait: Option<(f64, f64)>,
    /// When the answer was put in the pane.
    pub shown_ms: Option<f64>,
    /// Where the query stands.
    pub status: QueryStatus,
}

/// The bars of every query of `outcome`, open spans closed at `now_ms`.
pub fn search_bars(outcome: &PolicyOutcome, now_ms: f64) -> Vec<SearchBar> {
    outcome
        .queries
        .iter()
        .map(|q| {
            let sent_or_stop = q.sent_ms.or(q.end_ms).unwrap_or(now_ms);
            let debounce = (sent_or_stop > q.typed_ms).then_some((q.typed_ms, sent_or_stop));
            let query = q
                .sent_ms
                .map(|sent| (sent, q.end_ms.unwrap_or(now_ms).max(sent)));
            let wait = q.end_ms.filter(|_| q.answer.is_some()).and_then(|end| {
                let until = q.shown_ms.unwrap_or(now_ms);
                (until > end).then_some((end, until))
            });
            SearchBar {
                index: q.index,
                text: q.text.clone(),
                debounce,
                query,
                wait,
                shown_ms: q.shown_ms,
                status: q.status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::search::{SearchAnswer, SearchPolicy};

    fn answer() -> SearchAnswer {
        SearchAnswer {
            matches: 0,
            top: Vec::new(),
            latency_ms: 0.0,
        }
    }

    #[test]
    fn a_debounced_query_has_a_debounce_span_then_a_query_span_open_until_now() {
        let mut o = PolicyOutcome::new(SearchPolicy::CancelStale { debounce_ms: 50.0 });
        let i = o.typed(10.0, "a");
        o.sent(i, 60.0);
        let bars = search_bars(&o, 100.0);
        assert_eq!(bars[0].debounce, Some((10.0, 60.0)));
        assert_eq!(bars[0].query, Some((60.0, 100.0)));
        assert_eq!(bars[0].wait, None);
    }

    #[test]
    fn a_query_cancelled_in_its_debounce_has_no_query_span() {
        let mut o = PolicyOutcome::new(SearchPolicy::CancelStale { debounce_ms: 50.0 });
        o.typed(0.0, "a");
        o.cancel_unsettled(20.0);
        let bars = search_bars(&o, 500.0);
        assert_eq!(bars[0].debounce, Some((0.0, 20.0)));
        assert_eq!(bars[0].query, None);
        assert_eq!(bars[0].status, QueryStatus::Debounced);
    }

    #[test]
    fn an_answer_waiting_for_its_turn_has_a_wait_span_until_it_is_shown() {
        let mut o = PolicyOutcome::new(SearchPolicy::InOrder);
        let i = o.typed(0.0, "a");
        o.sent(i, 0.0);
        o.answered(i, 40.0, answer());
        assert_eq!(search_bars(&o, 70.0)[0].wait, Some((40.0, 70.0)));
        o.show(i, 90.0);
        let bar = &search_bars(&o, 200.0)[0];
        assert_eq!(bar.debounce, None);
        assert_eq!(bar.query, Some((0.0, 40.0)));
        assert_eq!(bar.wait, Some((40.0, 90.0)));
        assert_eq!(bar.shown_ms, Some(90.0));
    }
}
