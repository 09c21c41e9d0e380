//! Binds one start of a [`RunModel`]'s runs to its signals: the page's clocks for
//! [`run_action`], progress written into the live timelines, and the outcome into the
//! status and the export.
//!
//! Which plans run when, on which clock, and whose reports still count is decided by
//! [`crate::lessons::action_run`] (tested natively on virtual time); this file only
//! writes signals, always through `try_` accessors, so a run whose page went away
//! (signals disposed) writes nothing and never panics.

use std::cell::Cell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;

use crate::browser::{
    hide_count, is_visible, prefers_reduced_motion, BrowserClock, FrameLoop, OutputTap,
};
use crate::engine::cpu::CpuOutput;
use crate::engine::{Clock, ParamValues, RunEvent, RunExport, RunRecord};
use crate::lessons::action_run::{run_action, Clocks, Outcome, Progress, Ticket};
use crate::lessons::RunPlan;

use super::{RunModel, RunStatus};

/// One start of a model's runs.
#[derive(Clone)]
pub(super) struct Run {
    pub model: RunModel,
    pub ticket: Ticket,
    pub hides_at_start: u64,
    /// When measuring last started, on the page's clock.
    pub t0: Rc<Cell<f64>>,
}

impl Run {
    /// Runs `plans` in the lesson's order and records the results, or why they could
    /// not run.
    pub async fn drive(self, plans: Vec<RunPlan>, values: ParamValues) {
        let clock = Rc::new(BrowserClock::new());
        self.t0.set(clock.now_ms());
        // While workers compute, the page redraws 10 times a second, not every frame: on
        // a machine with few cores its drawing would take time from the workers (measured
        // on 2 cores: jobs on 2 workers 1.1–1.45× their label at 60 redraws a second,
        // 1.0–1.2× without).
        let on_workers = plans.iter().any(|p| p.options.workers.is_some());
        let every_ms = if on_workers { 100.0 } else { 0.0 };
        let frames = (!prefers_reduced_motion()).then(|| self.frames(clock.clone(), every_ms));
        let clocks = PageClocks {
            model: self.model,
            page: clock,
            tap: self.tap(),
        };
        let order = self.model.lesson.info().runs;
        let outcome = run_action(&plans, order, &clocks, &self.ticket, &self).await;
        drop(frames);
        match outcome {
            Outcome::Finished {
                records,
                elapsed_ms,
            } => self.finish(records, values, elapsed_ms),
            Outcome::Failed(why) => self.fail(why),
            Outcome::Replaced => {}
        }
    }

    /// Updates the elapsed time while this run is current: every frame, or at most once
    /// every `every_ms`.
    fn frames(&self, clock: Rc<BrowserClock>, every_ms: f64) -> FrameLoop {
        let run = self.clone();
        let last = Cell::new(f64::NEG_INFINITY);
        FrameLoop::start(move |_| {
            let now = clock.now_ms();
            if now - last.get() < every_ms {
                return;
            }
            last.set(now);
            if run.ticket.is_current() {
                run.model.elapsed.try_set(now - run.t0.get());
                if !is_visible() {
                    run.model.was_hidden.try_set(true);
                }
            }
        })
    }

    /// Collects every CPU result with the worker that computed it.
    fn tap(&self) -> OutputTap {
        let run = self.clone();
        Rc::new(move |out: &CpuOutput, worker: Option<usize>| {
            if run.ticket.is_current() {
                run.model
                    .outputs
                    .try_update(|o| o.push((out.clone(), worker.unwrap_or(0))));
            }
        })
    }

    /// The runs could not start: says why.
    fn fail(&self, why: String) {
        self.model.status.try_set(RunStatus::Failed(why));
        self.model.abort.try_set_value(None);
    }

    /// Records the finished runs with their predictions, the export and the status.
    fn finish(&self, mut records: Vec<RunRecord>, values: ParamValues, elapsed_ms: f64) {
        let model = self.model;
        if !is_visible() || hide_count() != self.hides_at_start {
            model.was_hidden.try_set(true);
        }
        model.elapsed.try_set(elapsed_ms);
        model.live.try_update(|runs| {
            for (run, record) in runs.iter_mut().zip(records.iter_mut()) {
                record.predicted_ms = Some(run.predicted.makespan_ms);
                run.finish(record.clone());
            }
        });
        let lesson_id = model.lesson.info().id;
        model
            .finished
            .try_set(Some(RunExport::new(lesson_id, values, records)));
        model.status.try_set(RunStatus::Done);
        model.abort.try_set_value(None);
    }
}

impl Progress for Run {
    fn measuring_from(&self, t0_ms: f64) {
        self.t0.set(t0_ms);
    }

    /// Applies run `index`'s start and end events to its live timeline.
    fn event(&self, index: usize, event: RunEvent) {
        self.model.live.try_update(|runs| {
            if let Some(run) = runs.get_mut(index) {
                run.apply(event);
            }
        });
    }
}

/// The page's clocks: its own timers, and the model's worker pool.
struct PageClocks {
    model: RunModel,
    page: Rc<BrowserClock>,
    tap: OutputTap,
}

impl Clocks for PageClocks {
    fn page(&self) -> Rc<dyn Clock> {
        self.page.clone()
    }

    fn pool(&self, workers: usize) -> LocalBoxFuture<'_, Result<Rc<dyn Clock>, String>> {
        Box::pin(self.model.pool_clock(workers, &self.tap))
    }

    fn warm_page(&self) -> LocalBoxFuture<'_, ()> {
        Box::pin(crate::browser::page_speed().map(|_| ()))
    }
}
