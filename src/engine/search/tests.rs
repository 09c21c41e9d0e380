//! The three policies on hand-computed typing scripts (virtual time, exact).

use super::*;

/// A table where `a` matches 800 rows and `ab` none: with a 100 ms base and no jitter,
/// a query for `a` takes 100 + 800 × 0.25 = 300 ms and one for `ab` takes 100 ms.
pub(super) fn db() -> SearchDb {
    let names = (0..800).map(|i| format!("a{i:03}")).collect();
    let latency = LatencyModel {
        base_ms: 100.0,
        jitter_ms: 0.0,
        seed: 0,
    };
    SearchDb::new(Catalog { names }, latency)
}

/// `a` at 0 ms, then `ab` at 50 ms: the first query is the slower one.
fn two_keys() -> Vec<Keystroke> {
    vec![Keystroke::new(0.0, "a"), Keystroke::new(50.0, "ab")]
}

fn statuses(outcome: &PolicyOutcome) -> Vec<QueryStatus> {
    outcome.queries.iter().map(|q| q.status).collect()
}

fn pane_texts(outcome: &PolicyOutcome) -> Vec<(f64, String)> {
    outcome
        .pane
        .iter()
        .map(|c| (c.at_ms, outcome.queries[c.query].text.clone()))
        .collect()
}

#[test]
fn the_test_table_gives_the_latencies_the_scripts_assume() {
    assert_eq!(db().answer("a").latency_ms, 300.0);
    assert_eq!(db().answer("ab").latency_ms, 100.0);
}

#[test]
fn race_shows_the_fresh_answer_then_lets_the_slow_stale_one_overwrite_it() {
    let outcome = SearchPolicy::Race.simulate(&db(), &two_keys());
    // ab: sent at 50, answered at 150. a: sent at 0, answered at 300.
    assert_eq!(
        pane_texts(&outcome),
        vec![(150.0, "ab".into()), (300.0, "a".into())]
    );
    assert_eq!(
        statuses(&outcome),
        vec![QueryStatus::Stale, QueryStatus::Overwritten]
    );
    assert_eq!(outcome.shown().map(|q| q.text.as_str()), Some("a"));
    assert!(outcome.is_out_of_date());
    assert_eq!(outcome.backward_steps(), 1);
}

#[test]
fn in_order_shows_both_answers_late_in_typing_order() {
    let outcome = SearchPolicy::InOrder.simulate(&db(), &two_keys());
    // ab is answered at 150 but must wait for a, answered at 300.
    assert_eq!(outcome.queries[1].end_ms, Some(150.0));
    assert_eq!(
        pane_texts(&outcome),
        vec![(300.0, "a".into()), (300.0, "ab".into())]
    );
    assert_eq!(
        statuses(&outcome),
        vec![QueryStatus::Stale, QueryStatus::Shown]
    );
    assert!(!outcome.is_out_of_date());
    assert_eq!(outcome.backward_steps(), 0);
}

#[test]
fn cancel_stale_never_shows_the_stale_answer_and_cancels_the_sent_query() {
    let policy = SearchPolicy::CancelStale { debounce_ms: 30.0 };
    let outcome = policy.simulate(&db(), &two_keys());
    // a: sent at 30, cancelled at 50. ab: sent at 80, answered and shown at 180.
    assert_eq!(outcome.queries[0].sent_ms, Some(30.0));
    assert_eq!(outcome.queries[0].end_ms, Some(50.0));
    assert_eq!(pane_texts(&outcome), vec![(180.0, "ab".into())]);
    assert_eq!(
        statuses(&outcome),
        vec![QueryStatus::Cancelled, QueryStatus::Shown]
    );
    assert!(outcome.queries[0].answer.is_none());
}

#[test]
fn a_debounce_longer_than_the_typing_gap_means_the_first_query_is_never_sent() {
    let policy = SearchPolicy::CancelStale { debounce_ms: 100.0 };
    let outcome = policy.simulate(&db(), &two_keys());
    assert_eq!(outcome.queries[0].status, QueryStatus::Debounced);
    assert_eq!(outcome.queries[0].sent_ms, None);
    // ab: sent at 150, shown at 250.
    assert_eq!(pane_texts(&outcome), vec![(250.0, "ab".into())]);
}

#[test]
fn when_the_newer_query_is_the_slower_one_race_and_in_order_agree() {
    let keys = vec![Keystroke::new(0.0, "ab"), Keystroke::new(50.0, "a")];
    let race = SearchPolicy::Race.simulate(&db(), &keys);
    let in_order = SearchPolicy::InOrder.simulate(&db(), &keys);
    // ab answered at 100, a (sent at 50) at 350.
    let expected = vec![(100.0, "ab".to_string()), (350.0, "a".to_string())];
    assert_eq!(pane_texts(&race), expected);
    assert_eq!(pane_texts(&in_order), expected);
    assert_eq!(race.backward_steps(), 0);
}

#[test]
fn typing_a_whole_word_fast_every_policy_settles_and_only_cancel_stale_is_always_current() {
    let catalog = Catalog::generate(4, 3000, &["aranis"]);
    let latency = LatencyModel {
        base_ms: 80.0,
        jitter_ms: 60.0,
        seed: 4,
    };
    let db = SearchDb::new(catalog, latency);
    let keys = Keystroke::typing("aranis", 0.0, 30.0);
    let last_key = keys.last().map(|k| k.at_ms).unwrap_or(0.0);
    for policy in [
        SearchPolicy::InOrder,
        SearchPolicy::Race,
        SearchPolicy::CancelStale { debounce_ms: 150.0 },
    ] {
        let outcome = policy.simulate(&db, &keys);
        assert!(outcome.is_settled(), "{}", policy.key());
        assert_eq!(outcome.queries.len(), 6);
        if let SearchPolicy::CancelStale { .. } = policy {
            assert_eq!(outcome.pane.len(), 1);
            assert_eq!(outcome.shown().map(|q| q.text.as_str()), Some("aranis"));
            assert!(outcome.pane[0].at_ms >= last_key + 150.0);
        }
        if let SearchPolicy::InOrder = policy {
            assert_eq!(outcome.pane.len(), 6);
            assert_eq!(outcome.shown().map(|q| q.text.as_str()), Some("aranis"));
        }
    }
}

#[test]
fn a_log_tells_its_observer_about_every_change() {
    use std::cell::Cell;
    use std::rc::Rc;
    let seen = Rc::new(Cell::new(0));
    let counter = seen.clone();
    let log = SearchLog::new(SearchPolicy::Race, 1000.0)
        .observed(move |_| counter.set(counter.get() + 1));
    let i = log.typed(1010.0, "a");
    log.sent(i, 1010.0);
    assert_eq!(seen.get(), 2);
    assert_eq!(log.snapshot().queries[0].typed_ms, 10.0);
    assert_eq!(log.text(i), "a");
    assert_eq!(log.text(9), "");
}
