//! Running the plans of one action: in which order, on which clock, with which pool size,
//! and who may still report. Pure Rust over [`Clock`]: the page injects the browser's
//! timers and worker pool ([`Clocks`]), tests inject virtual time.
//!
//! Every start of runs holds a [`Ticket`]; starting again or cancelling ends it, and a
//! run whose ticket has ended reports nothing more and finishes as [`Outcome::Replaced`],
//! so a late event of a replaced run can never mix into the new one.

use std::cell::Cell;
use std::rc::Rc;

use futures::future::{join_all, LocalBoxFuture};

use crate::engine::{Clock, RunEvent, RunRecord};

use super::{RunOrder, RunPlan};

/// The clocks plans run on.
pub trait Clocks {
    /// The page's own event loop: its timers, and CPU jobs that block it.
    fn page(&self) -> Rc<dyn Clock>;

    /// A pool of `workers` workers, started and warmed up (the warm-up is part of no
    /// run), or why it could not start.
    fn pool(&self, workers: usize) -> LocalBoxFuture<'_, Result<Rc<dyn Clock>, String>>;

    /// Gets the page's own thread ready to compute: its speed measured (CPU jobs are
    /// sized by it) and its code warmed up. Part of no run; ready at once by default.
    fn warm_page(&self) -> LocalBoxFuture<'_, ()> {
        Box::pin(async {})
    }
}

/// What a start of runs reports while it goes (only while its ticket is current).
pub trait Progress {
    /// Measuring starts now, at `t0_ms` on the page's clock (after any warm-up; for runs
    /// one at a time, again before each run).
    fn measuring_from(&self, t0_ms: f64);

    /// Run `index` (the plan's position) reached `event`.
    fn event(&self, index: usize, event: RunEvent);
}

/// How a start of runs ended.
#[derive(Debug)]
pub enum Outcome {
    /// Every plan ran: one record per plan, in the plans' order, and the time since the
    /// last measuring start.
    Finished {
        /// One record per plan.
        records: Vec<RunRecord>,
        /// Milliseconds on the page's clock since measuring last started.
        elapsed_ms: f64,
    },
    /// The runs could not start or go on; the text says why (for the visitor).
    Failed(String),
    /// Another start or a cancel ended this one's ticket.
    Replaced,
}

/// Numbers the starts of runs of one page.
#[derive(Debug, Clone, Default)]
pub struct Generations(Rc<Cell<u64>>);

impl Generations {
    /// A ticket for a new start; every earlier ticket ends.
    pub fn begin(&self) -> Ticket {
        self.end_all();
        Ticket {
            generations: self.clone(),
            number: self.0.get(),
        }
    }

    /// Ends every ticket (cancel, or the page goes away).
    pub fn end_all(&self) {
        self.0.set(self.0.get() + 1);
    }
}

/// The right of one start of runs to report.
#[derive(Debug, Clone)]
pub struct Ticket {
    generations: Generations,
    number: u64,
}

impl Ticket {
    /// Whether no later start or cancel has ended this ticket.
    pub fn is_current(&self) -> bool {
        self.generations.0.get() == self.number
    }
}

/// Runs `plans` in `order` on the clocks given, reporting to `progress` while `ticket`
/// is current.
///
/// Side by side, every plan starts at once on the page's event loop; plans with workers
/// share one pool sized for the largest of them. One at a time, each plan gets the pool
/// sized for it (or the page's clock) and its own measuring start.
pub async fn run_action(
    plans: &[RunPlan],
    order: RunOrder,
    clocks: &dyn Clocks,
    ticket: &Ticket,
    progress: &dyn Progress,
) -> Outcome {
    let page = clocks.page();
    if plans.iter().any(RunPlan::computes_on_the_page) {
        clocks.warm_page().await;
        if !ticket.is_current() {
            return Outcome::Replaced;
        }
    }
    let reports: Vec<_> = (0..plans.len())
        .map(|i| {
            move |event: RunEvent| {
                if ticket.is_current() {
                    progress.event(i, event);
                }
            }
        })
        .collect();
    let mut t0 = page.now_ms();
    let mut measure_from = |t: f64| {
        t0 = t;
        if ticket.is_current() {
            progress.measuring_from(t);
        }
    };
    let records = match order {
        RunOrder::OneAtATime => {
            let mut records = Vec::with_capacity(plans.len());
            for (plan, report) in plans.iter().zip(&reports) {
                let clock = match clock_for(plan.options.workers, clocks, &page).await {
                    Ok(clock) => clock,
                    Err(why) => return failed(ticket, why),
                };
                if !ticket.is_current() {
                    return Outcome::Replaced;
                }
                measure_from(page.now_ms());
                records.push(plan.run(clock.as_ref(), report).await);
            }
            records
        }
        RunOrder::SideBySide => {
            let most_workers = plans.iter().filter_map(|p| p.options.workers).max();
            let pool = match clock_for(most_workers, clocks, &page).await {
                Ok(clock) => clock,
                Err(why) => return failed(ticket, why),
            };
            measure_from(page.now_ms());
            join_all(plans.iter().zip(&reports).map(|(plan, report)| {
                let clock = match plan.options.workers {
                    Some(_) => pool.as_ref(),
                    None => page.as_ref(),
                };
                plan.run(clock, report)
            }))
            .await
        }
    };
    if !ticket.is_current() {
        return Outcome::Replaced;
    }
    Outcome::Finished {
        records,
        elapsed_ms: page.now_ms() - t0,
    }
}

/// The clock for CPU work on `workers` (the page's own when `None`).
async fn clock_for(
    workers: Option<usize>,
    clocks: &dyn Clocks,
    page: &Rc<dyn Clock>,
) -> Result<Rc<dyn Clock>, String> {
    match workers {
        Some(n) => clocks.pool(n).await,
        None => Ok(page.clone()),
    }
}

/// A failure, unless the ticket already ended (then nobody listens).
fn failed(ticket: &Ticket, why: String) -> Outcome {
    if ticket.is_current() {
        Outcome::Failed(why)
    } else {
        Outcome::Replaced
    }
}

#[cfg(test)]
#[path = "tests/action_run.rs"]
mod tests;
