//! Tests of `typing_session.rs` on virtual time.

use std::cell::{Cell, RefCell};

use futures::future::{join, join_all};

use super::*;
use crate::engine::search::tests::db;
use crate::engine::search::Keystroke;
use crate::engine::VirtualClock;

const POLICIES: [SearchPolicy; 3] = [
    SearchPolicy::InOrder,
    SearchPolicy::Race,
    SearchPolicy::CancelStale { debounce_ms: 30.0 },
];

#[test]
fn a_session_typed_live_ends_exactly_as_each_policy_simulated_alone() {
    let clock = Rc::new(VirtualClock::new());
    let db = db();
    let panes: Rc<RefCell<Vec<Option<PolicyOutcome>>>> = Rc::new(RefCell::new(vec![None; 3]));
    let seen = panes.clone();
    let observe: PaneObserver = Rc::new(move |i, o| seen.borrow_mut()[i] = Some(o.clone()));
    let start = || TypingSession::start(&POLICIES, &db, clock.clone(), observe.clone());
    let script = Keystroke::typing("abc", 0.0, 40.0);
    let typist = RefCell::new(Typist::default());
    let runs = typist
        .borrow_mut()
        .key(&script[0].text, start)
        .expect("starts");
    let typing = async {
        for key in &script[1..] {
            clock.sleep(key.at_ms - clock.now_ms()).await;
            assert!(typist.borrow_mut().key(&key.text, start).is_none());
        }
        // The box is left alone: the policies finish what they have and stop.
        typist.borrow_mut().clear();
    };
    clock.run(join(join_all(runs), typing)).unwrap();
    for (i, policy) in POLICIES.iter().enumerate() {
        let live = panes.borrow()[i].clone().expect("the pane changed");
        assert_eq!(live, policy.simulate(&db, &script), "{policy:?}");
    }
}

#[test]
fn a_full_session_gives_way_to_a_new_one_and_a_clear_starts_afresh() {
    let clock: Rc<dyn Clock> = Rc::new(VirtualClock::new());
    let db = db();
    let started = Cell::new(0);
    let observe: PaneObserver = Rc::new(|_, _| {});
    let start = || {
        started.set(started.get() + 1);
        TypingSession::start(&POLICIES, &db, clock.clone(), observe.clone())
    };
    let mut typist = Typist::default();
    for i in 0..MAX_SESSION_KEYS {
        let runs = typist.key("a", start);
        assert_eq!(runs.is_some(), i == 0, "key {i}");
    }
    assert!(typist.session().is_some_and(TypingSession::is_full));
    assert_eq!(typist.key("a", start).map(|r| r.len()), Some(3));
    assert_eq!(started.get(), 2);
    typist.clear();
    assert!(typist.session().is_none());
    assert!(typist.key("ab", start).is_some());
    assert_eq!(started.get(), 3);
}
