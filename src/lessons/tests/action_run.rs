//! Tests of `action_run.rs` on virtual time: order, clocks, pool sizes, warm-up, tickets.

use std::cell::RefCell;

use futures::future::join;

use super::*;
use crate::engine::{RunOptions, Scenario, Strategy, TaskSpec, VirtualClock};

/// The page's virtual clock, and a "pool" that is the same clock after a warm-up (a
/// wrapper, so tests can tell which clock a run used).
struct TestClocks {
    page: Rc<VirtualClock>,
    warm_up_ms: f64,
    refuse: bool,
    pools_asked: RefCell<Vec<usize>>,
}

impl TestClocks {
    fn new(warm_up_ms: f64) -> Self {
        Self {
            page: Rc::new(VirtualClock::new()),
            warm_up_ms,
            refuse: false,
            pools_asked: RefCell::new(Vec::new()),
        }
    }
}

/// A clock that only marks the times it is asked for (to tell the pool from the page).
struct PoolMark(Rc<VirtualClock>);

impl Clock for PoolMark {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        // A pool's sleeps take a tenth of a millisecond longer: visible in the records.
        self.0.sleep(ms + 0.1)
    }
}

impl Clocks for TestClocks {
    fn page(&self) -> Rc<dyn Clock> {
        self.page.clone()
    }

    fn pool(&self, workers: usize) -> LocalBoxFuture<'_, Result<Rc<dyn Clock>, String>> {
        self.pools_asked.borrow_mut().push(workers);
        Box::pin(async move {
            self.page.sleep(self.warm_up_ms).await;
            if self.refuse {
                Err("no workers here".to_string())
            } else {
                Ok(Rc::new(PoolMark(self.page.clone())) as Rc<dyn Clock>)
            }
        })
    }
}

#[derive(Default)]
struct Heard {
    starts: RefCell<Vec<f64>>,
    events: RefCell<Vec<(usize, RunEvent)>>,
}

impl Progress for Heard {
    fn measuring_from(&self, t0_ms: f64) {
        self.starts.borrow_mut().push(t0_ms);
    }

    fn event(&self, index: usize, event: RunEvent) {
        self.events.borrow_mut().push((index, event));
    }
}

fn plan(strategy: Strategy, workers: Option<usize>) -> RunPlan {
    let tasks = vec![TaskSpec::new(0, "a", 100.0), TaskSpec::new(1, "b", 200.0)];
    RunPlan::new(strategy, Scenario { tasks }).with_options(RunOptions {
        workers,
        ..RunOptions::default()
    })
}

fn run(plans: &[RunPlan], order: RunOrder, clocks: &TestClocks, heard: &Heard) -> Outcome {
    let ticket = Generations::default().begin();
    let page = clocks.page.clone();
    page.run(run_action(plans, order, clocks, &ticket, heard))
        .expect("finishes")
}

fn finished(outcome: Outcome) -> (Vec<RunRecord>, f64) {
    match outcome {
        Outcome::Finished {
            records,
            elapsed_ms,
        } => (records, elapsed_ms),
        other => panic!("not finished: {other:?}"),
    }
}

#[test]
fn side_by_side_runs_start_together_on_the_page_clock() {
    let clocks = TestClocks::new(50.0);
    let heard = Heard::default();
    let plans = [
        plan(Strategy::Gather, None),
        plan(Strategy::Sequential, None),
    ];
    let (records, elapsed) = finished(run(&plans, RunOrder::SideBySide, &clocks, &heard));
    let makespans: Vec<f64> = records.iter().map(|r| r.makespan_ms).collect();
    assert_eq!(makespans, [200.0, 300.0]);
    assert_eq!(elapsed, 300.0);
    assert_eq!(*heard.starts.borrow(), [0.0]);
    assert!(
        clocks.pools_asked.borrow().is_empty(),
        "no pool without workers"
    );
    // The second run's first task starts at 0, before any task of the first ends.
    let events = heard.events.borrow();
    let second_starts = events.iter().position(|e| e.0 == 1).unwrap();
    let first_ends = events
        .iter()
        .position(|e| matches!(e, (0, RunEvent::Ended { .. })))
        .unwrap();
    assert!(second_starts < first_ends);
    assert!(matches!(events[second_starts].1, RunEvent::Started { at_ms, .. } if at_ms == 0.0));
}

#[test]
fn one_at_a_time_each_run_starts_when_the_previous_ends_and_is_measured_alone() {
    let clocks = TestClocks::new(50.0);
    let heard = Heard::default();
    let plans = [
        plan(Strategy::Gather, None),
        plan(Strategy::Sequential, None),
    ];
    let (records, elapsed) = finished(run(&plans, RunOrder::OneAtATime, &clocks, &heard));
    assert_eq!(*heard.starts.borrow(), [0.0, 200.0]);
    assert_eq!(elapsed, 300.0, "the last run's own time");
    assert_eq!(records.len(), 2);
    let events = heard.events.borrow();
    let last_of_first = events.iter().rposition(|e| e.0 == 0).unwrap();
    let first_of_second = events.iter().position(|e| e.0 == 1).unwrap();
    assert!(last_of_first < first_of_second);
}

#[test]
fn side_by_side_plans_share_one_pool_sized_for_the_largest_and_warm_up_is_not_measured() {
    let clocks = TestClocks::new(50.0);
    let heard = Heard::default();
    let plans = [
        plan(Strategy::Gather, Some(2)),
        plan(Strategy::Gather, Some(3)),
        plan(Strategy::Gather, None),
    ];
    let (records, elapsed) = finished(run(&plans, RunOrder::SideBySide, &clocks, &heard));
    assert_eq!(*clocks.pools_asked.borrow(), [3]);
    assert_eq!(*heard.starts.borrow(), [50.0], "measured after the warm-up");
    // The pool's marked sleeps show which clock each plan used.
    let makespans: Vec<f64> = records.iter().map(|r| r.makespan_ms).collect();
    assert_eq!(makespans, [200.1, 200.1, 200.0]);
    assert!((elapsed - 200.1).abs() < 1e-9);
}

#[test]
fn one_at_a_time_each_plan_gets_the_pool_sized_for_it() {
    let clocks = TestClocks::new(50.0);
    let heard = Heard::default();
    let plans = [
        plan(Strategy::Gather, None),
        plan(Strategy::Gather, Some(1)),
        plan(Strategy::Gather, Some(4)),
    ];
    finished(run(&plans, RunOrder::OneAtATime, &clocks, &heard));
    assert_eq!(*clocks.pools_asked.borrow(), [1, 4]);
    assert_eq!(*heard.starts.borrow(), [0.0, 250.0, 500.1]);
}

#[test]
fn a_pool_that_cannot_start_fails_the_runs_with_its_reason_and_nothing_runs() {
    let mut clocks = TestClocks::new(50.0);
    clocks.refuse = true;
    let heard = Heard::default();
    let plans = [plan(Strategy::Gather, Some(2))];
    match run(&plans, RunOrder::SideBySide, &clocks, &heard) {
        Outcome::Failed(why) => assert_eq!(why, "no workers here"),
        other => panic!("{other:?}"),
    }
    assert!(heard.events.borrow().is_empty());
}

#[test]
fn a_replaced_start_reports_nothing_after_it_is_replaced_and_does_not_finish() {
    let clocks = TestClocks::new(0.0);
    let heard = Heard::default();
    let plans = [plan(Strategy::Sequential, None)];
    let generations = Generations::default();
    let ticket = generations.begin();
    let page = clocks.page.clone();
    let replace_at_150 = async {
        page.sleep(150.0).await;
        let _newer = generations.begin();
    };
    let running = run_action(&plans, RunOrder::SideBySide, &clocks, &ticket, &heard);
    let (outcome, ()) = page.run(join(running, replace_at_150)).unwrap();
    assert!(matches!(outcome, Outcome::Replaced), "{outcome:?}");
    let events = heard.events.borrow();
    // Task a started at 0 and ended at 100, task b started at 100; its end at 300 is
    // never heard.
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(!ticket.is_current());
}

#[test]
fn cancelling_ends_every_ticket() {
    let generations = Generations::default();
    let first = generations.begin();
    assert!(first.is_current());
    let second = generations.begin();
    assert!(!first.is_current() && second.is_current());
    generations.end_all();
    assert!(!second.is_current());
}
