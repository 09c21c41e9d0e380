//! The body of one start of a [`RunModel`]: runs the plans on their clocks and writes
//! progress and results into the model's signals, tagged with its generation.
//!
//! Every write goes through `try_` accessors and first checks the generation: a run that
//! was replaced, cancelled, or whose page went away (signals disposed) writes nothing and
//! never panics.

use std::cell::Cell;
use std::rc::Rc;

use futures::future::join_all;
use leptos::prelude::*;

use crate::browser::{
    hide_count, is_visible, prefers_reduced_motion, BrowserClock, FrameLoop, OutputTap,
};
use crate::engine::cpu::CpuOutput;
use crate::engine::{Clock, ParamValues, RunEvent, RunExport, RunRecord};
use crate::lessons::RunPlan;

use super::{RunModel, RunStatus};

/// One start of a model's runs.
#[derive(Clone, Copy)]
pub(super) struct Run {
    pub model: RunModel,
    pub generation: u64,
    pub hides_at_start: u64,
}

impl Run {
    /// Whether this run is still the model's current one (and the model still exists).
    fn current(&self) -> bool {
        self.model.generation.try_get_untracked() == Some(self.generation)
    }

    /// Runs `plans` (one at a time if the lesson asks so, else all at once) and records
    /// the results, or the reason they could not run.
    pub async fn drive(self, plans: Vec<RunPlan>, values: ParamValues) {
        let clock = Rc::new(BrowserClock::new());
        let t0 = Rc::new(Cell::new(clock.now_ms()));
        let frames = (!prefers_reduced_motion()).then(|| self.frames(clock.clone(), t0.clone()));
        let observers: Vec<_> = (0..plans.len()).map(|i| self.observer(i)).collect();
        let tap = self.tap();
        let one_at_a_time = self.model.lesson.info().runs == crate::lessons::RunOrder::OneAtATime;
        let records = if one_at_a_time {
            let mut records = Vec::with_capacity(plans.len());
            for (plan, observer) in plans.iter().zip(&observers) {
                let clock = match self.model.clock_for(plan, &tap).await {
                    Ok(clock) => clock,
                    Err(why) => return self.fail(why),
                };
                t0.set(clock.now_ms());
                records.push(plan.run(clock.as_ref(), observer).await);
            }
            records
        } else {
            let shared = match self.shared_clock(&plans, &tap, &clock).await {
                Ok(shared) => shared,
                Err(why) => return self.fail(why),
            };
            t0.set(clock.now_ms());
            join_all(plans.iter().zip(&observers).map(|(plan, observer)| {
                let c: &dyn Clock = match plan.options.workers {
                    Some(_) => shared.as_ref(),
                    None => clock.as_ref(),
                };
                plan.run(c, observer)
            }))
            .await
        };
        drop(frames);
        self.finish(records, values, clock.now_ms() - t0.get());
    }

    /// The clock the plans with workers share: the pool sized for the largest of them.
    async fn shared_clock(
        &self,
        plans: &[RunPlan],
        tap: &OutputTap,
        page: &Rc<BrowserClock>,
    ) -> Result<Rc<dyn Clock>, String> {
        let workers = plans.iter().filter_map(|p| p.options.workers).max();
        match plans
            .iter()
            .find(|p| workers.is_some() && p.options.workers == workers)
        {
            Some(plan) => self.model.clock_for(plan, tap).await,
            None => Ok(page.clone() as Rc<dyn Clock>),
        }
    }

    /// Updates the elapsed time every frame while this run is current.
    fn frames(self, clock: Rc<BrowserClock>, t0: Rc<Cell<f64>>) -> FrameLoop {
        FrameLoop::start(move |_| {
            if self.current() {
                self.model.elapsed.try_set(clock.now_ms() - t0.get());
                if !is_visible() {
                    self.model.was_hidden.try_set(true);
                }
            }
        })
    }

    /// Applies plan `i`'s start and end events to its live timeline.
    fn observer(self, i: usize) -> impl Fn(RunEvent) {
        move |event: RunEvent| {
            if self.current() {
                self.model.live.try_update(|runs| {
                    if let Some(run) = runs.get_mut(i) {
                        run.apply(event);
                    }
                });
            }
        }
    }

    /// Collects every CPU result with the worker that computed it.
    fn tap(self) -> OutputTap {
        Rc::new(move |out: &CpuOutput, worker: Option<usize>| {
            if self.current() {
                self.model
                    .outputs
                    .try_update(|o| o.push((out.clone(), worker.unwrap_or(0))));
            }
        })
    }

    /// The runs could not start: says why, if this run is still current.
    fn fail(self, why: String) {
        if self.current() {
            self.model.status.try_set(RunStatus::Failed(why));
            self.model.abort.try_set_value(None);
        }
    }

    /// Records the finished runs with their predictions, the export and the status.
    fn finish(self, mut records: Vec<RunRecord>, values: ParamValues, elapsed_ms: f64) {
        if !self.current() {
            return;
        }
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
