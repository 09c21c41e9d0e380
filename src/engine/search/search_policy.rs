use futures::stream::{self, FuturesOrdered, FuturesUnordered, Stream, StreamExt};
use futures::{pin_mut, select_biased};

use super::{Keystroke, PolicyOutcome, SearchDb, SearchLog};
use crate::engine::{Clock, VirtualClock};

/// How a search box turns keystrokes into queries and answers into what the page shows.
///
/// Each policy is written once, in [`SearchPolicy::run`], generic over [`Clock`]: the
/// same code runs on virtual time in tests ([`SearchPolicy::simulate`]) and on the
/// browser's timers in the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SearchPolicy {
    /// Every keystroke starts a query at once, and the answers are shown in typing order:
    /// an answer waits for every earlier one. Nothing is lost, but the pane lags behind
    /// and shows out-of-date answers on its way.
    InOrder,
    /// Every keystroke starts a query at once, and whichever answer arrives is shown. A
    /// slow old query can land after a fast new one and overwrite it: the classic bug.
    Race,
    /// Each keystroke cancels the query before it, waits `debounce_ms` in case another
    /// key follows, then sends its own query. Only the latest text is ever shown.
    CancelStale {
        /// Quiet time after a keystroke before its query is sent, in milliseconds.
        debounce_ms: f64,
    },
}

impl SearchPolicy {
    /// A short stable key (for CSS, tests and tables).
    pub fn key(&self) -> &'static str {
        match self {
            SearchPolicy::InOrder => "in_order",
            SearchPolicy::Race => "race",
            SearchPolicy::CancelStale { .. } => "cancel_stale",
        }
    }

    /// The policy's name for a person.
    pub fn title(&self) -> &'static str {
        match self {
            SearchPolicy::InOrder => "Await every query in order",
            SearchPolicy::Race => "Race: show whatever arrives",
            SearchPolicy::CancelStale { .. } => "Cancel stale, with debounce",
        }
    }

    /// Runs the policy until `keys` ends and every query is settled, reporting every
    /// event to `log`. Each item of `keys` is the whole text of the box after a
    /// keystroke. On the page `keys` never ends: the page drops this future to stop it,
    /// which drops every query in flight and so clears their timers.
    pub async fn run<C, S>(self, clock: &C, db: &SearchDb, keys: S, log: &SearchLog)
    where
        C: Clock + ?Sized,
        S: Stream<Item = String> + Unpin,
    {
        let debounce_ms = match self {
            SearchPolicy::CancelStale { debounce_ms } if debounce_ms.is_finite() => {
                debounce_ms.max(0.0)
            }
            _ => 0.0,
        };
        let mut keys = keys.fuse();
        // Race and cancel-stale: answers in arrival order. In order: in typing order.
        let mut arriving = FuturesUnordered::new();
        let mut in_turn = FuturesOrdered::new();
        loop {
            select_biased! {
                index = arriving.select_next_some() => log.show(index, clock.now_ms()),
                index = in_turn.select_next_some() => log.show(index, clock.now_ms()),
                text = keys.next() => {
                    let Some(text) = text else { continue };
                    if let SearchPolicy::CancelStale { .. } = self {
                        // Dropping the futures clears their timers: nothing else fires.
                        arriving.clear();
                        log.cancel_unsettled(clock.now_ms());
                    }
                    let index = log.typed(clock.now_ms(), &text);
                    let query = ask(clock, db, log, index, text, debounce_ms);
                    match self {
                        SearchPolicy::InOrder => in_turn.push_back(query),
                        _ => arriving.push(query),
                    }
                }
                complete => break,
            }
        }
    }

    /// Runs the policy on virtual time over a typing script and returns what happened.
    pub fn simulate(self, db: &SearchDb, script: &[Keystroke]) -> PolicyOutcome {
        let clock = VirtualClock::new();
        let log = SearchLog::new(self, 0.0);
        let keys = stream::unfold(script.iter(), |mut rest| {
            let clock = clock.clone();
            async move {
                let key = rest.next()?;
                clock.sleep(key.at_ms - clock.now_ms()).await;
                Some((key.text.clone(), rest))
            }
        });
        let run = async {
            pin_mut!(keys);
            self.run(&clock, db, keys, &log).await;
        };
        // Every sleep is finite and the script ends, so the run cannot stall.
        let _ = clock.run(run);
        log.snapshot()
    }
}

/// One query: waits out the debounce, asks the database, waits for its answer, and
/// returns its index so the caller can show it.
async fn ask<C: Clock + ?Sized>(
    clock: &C,
    db: &SearchDb,
    log: &SearchLog,
    index: usize,
    text: String,
    debounce_ms: f64,
) -> usize {
    if debounce_ms > 0.0 {
        clock.sleep(debounce_ms).await;
    }
    log.sent(index, clock.now_ms());
    let answer = db.answer(&text);
    clock.sleep(answer.latency_ms).await;
    log.answered(index, clock.now_ms(), answer);
    index
}
