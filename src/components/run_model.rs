use std::cell::Cell;
use std::rc::Rc;

use futures::future::{abortable, join_all, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{
    hide_count, is_visible, prefers_reduced_motion, BrowserClock, FrameLoop, OutputTap, PoolClock,
    WorkerPool,
};
use crate::charts::LiveRun;
use crate::engine::cpu::CpuOutput;
use crate::engine::{Clock, ParamValues, RunEvent, RunExport};
use crate::lessons::Lesson;
use crate::lessons::RunPlan;

/// Where the page's current run stands.
#[derive(Debug, Clone, PartialEq)]
pub enum RunStatus {
    /// Nothing has run yet.
    Idle,
    /// Runs are in progress; the label says which action started them.
    Running(String),
    /// The last runs finished.
    Done,
    /// The visitor cancelled the last runs.
    Cancelled,
}

/// The state of a lesson page's runs, with the operations on it as methods.
///
/// Starting a run cancels the one in progress first, and every write is tagged with a
/// generation number, so a late event from a replaced run can never mix into the new one.
#[derive(Clone, Copy)]
pub struct RunModel {
    /// The lesson whose runs these are.
    pub lesson: &'static dyn Lesson,
    /// The runs in progress or last finished, one per plan.
    pub live: RwSignal<Vec<LiveRun>>,
    /// Increases each time runs are started; timelines rebuild when it changes.
    pub generation: RwSignal<u64>,
    /// Milliseconds since the current runs started (updated every frame while running).
    pub elapsed: RwSignal<f64>,
    /// Where the runs stand.
    pub status: RwSignal<RunStatus>,
    /// The export of the last finished runs.
    pub finished: RwSignal<Option<RunExport>>,
    /// Whether the page was hidden at some point during the last runs (timers throttled).
    pub was_hidden: RwSignal<bool>,
    /// Every CPU result of the current runs with the worker that computed it (0 for the
    /// main thread), in arrival order.
    pub outputs: RwSignal<Vec<(CpuOutput, usize)>>,
    /// How long the worker pool took to load (ms), once it has been used.
    pub warm_up_ms: RwSignal<Option<f64>>,
    abort: StoredValue<Option<AbortHandle>>,
    pool: StoredValue<Option<WorkerPool>, LocalStorage>,
}

/// Where Trunk puts the worker's loader script, relative to the page.
const WORKER_SCRIPT: &str = "./worker_loader.js";

impl RunModel {
    /// A model with nothing run yet.
    pub fn new(lesson: &'static dyn Lesson) -> Self {
        Self {
            lesson,
            live: RwSignal::new(Vec::new()),
            generation: RwSignal::new(0),
            elapsed: RwSignal::new(0.0),
            status: RwSignal::new(RunStatus::Idle),
            finished: RwSignal::new(None),
            was_hidden: RwSignal::new(false),
            outputs: RwSignal::new(Vec::new()),
            warm_up_ms: RwSignal::new(None),
            abort: StoredValue::new(None),
            pool: StoredValue::new_local(None),
        }
    }

    /// Whether runs are in progress.
    pub fn is_running(&self) -> bool {
        matches!(self.status.get(), RunStatus::Running(_))
    }

    /// Shows the predicted timelines of `action` before anything runs, so the page has
    /// its final layout from the start. Only while idle: results are never replaced.
    pub fn preview(&self, action: &str, values: &ParamValues) {
        if self.status.get_untracked() != RunStatus::Idle {
            return;
        }
        let predicted = self.predict(action, values).map(|(_, live)| live);
        self.live.set(predicted.unwrap_or_default());
        self.generation.update(|g| *g += 1);
    }

    /// The plans of `action` and their predicted timelines (planned once, used for both).
    fn predict(&self, action: &str, values: &ParamValues) -> Option<(Vec<RunPlan>, Vec<LiveRun>)> {
        let plans = self.lesson.plan(action, values);
        let predicted: Vec<LiveRun> = plans
            .iter()
            .filter_map(|p| {
                p.predict()
                    .map(|r| LiveRun::new(p.strategy, p.scenario.clone(), r))
            })
            .collect();
        (!plans.is_empty() && predicted.len() == plans.len()).then_some((plans, predicted))
    }

    /// Cancels any runs in progress and starts the runs of `action` with `values`.
    pub fn start(&self, action: &str, label: &str, values: ParamValues) {
        self.stop_current();
        let Some((plans, predicted)) = self.predict(action, &values) else {
            return;
        };
        let generation = self.generation.get_untracked() + 1;
        self.live.set(predicted);
        self.elapsed.set(0.0);
        self.finished.set(None);
        self.outputs.set(Vec::new());
        self.was_hidden.set(!is_visible());
        let hides_at_start = hide_count();
        self.status.set(RunStatus::Running(label.to_string()));
        self.generation.set(generation);

        let model = *self;
        let lesson_id = self.lesson.info().id;
        let one_at_a_time = self.lesson.info().panels.one_at_a_time;
        let (task, handle) = abortable(async move {
            let clock = Rc::new(BrowserClock::new());
            let t0 = Rc::new(Cell::new(clock.now_ms()));
            let frames = (!prefers_reduced_motion()).then(|| {
                let clock = clock.clone();
                let t0 = t0.clone();
                FrameLoop::start(move |_| {
                    if model.generation.get_untracked() == generation {
                        model.elapsed.set(clock.now_ms() - t0.get());
                        if !is_visible() {
                            model.was_hidden.set(true);
                        }
                    }
                })
            });
            let observers: Vec<_> = (0..plans.len())
                .map(|i| {
                    move |event: RunEvent| {
                        if model.generation.get_untracked() == generation {
                            model.live.update(|runs| {
                                if let Some(run) = runs.get_mut(i) {
                                    run.apply(event);
                                }
                            });
                        }
                    }
                })
                .collect();
            let tap: OutputTap = Rc::new(move |out: &CpuOutput, worker: Option<usize>| {
                if model.generation.get_untracked() == generation {
                    model
                        .outputs
                        .update(|o| o.push((out.clone(), worker.unwrap_or(0))));
                }
            });
            let records = if one_at_a_time {
                let mut records = Vec::with_capacity(plans.len());
                for (plan, observer) in plans.iter().zip(&observers) {
                    let clock = model.clock_for(plan, &tap).await;
                    t0.set(clock.now_ms());
                    records.push(plan.run(clock.as_ref(), observer).await);
                }
                records
            } else {
                let workers = plans.iter().filter_map(|p| p.options.workers).max();
                let shared = match workers {
                    Some(_) => {
                        let plan = plans.iter().find(|p| p.options.workers == workers);
                        match plan {
                            Some(plan) => model.clock_for(plan, &tap).await,
                            None => clock.clone() as Rc<dyn Clock>,
                        }
                    }
                    None => clock.clone() as Rc<dyn Clock>,
                };
                t0.set(clock.now_ms());
                join_all(plans.iter().zip(&observers).map(|(plan, observer)| {
                    let c: &dyn Clock = if plan.options.workers.is_some() {
                        shared.as_ref()
                    } else {
                        clock.as_ref()
                    };
                    plan.run(c, observer)
                }))
                .await
            };
            drop(frames);
            if model.generation.get_untracked() != generation {
                return;
            }
            if !is_visible() || hide_count() != hides_at_start {
                model.was_hidden.set(true);
            }
            model.elapsed.set(clock.now_ms() - t0.get());
            let mut records = records;
            model.live.update(|runs| {
                for (run, record) in runs.iter_mut().zip(records.iter_mut()) {
                    record.predicted_ms = Some(run.predicted.makespan_ms);
                    run.finish(record.clone());
                }
            });
            model
                .finished
                .set(Some(RunExport::new(lesson_id, values, records)));
            model.status.set(RunStatus::Done);
            model.abort.set_value(None);
        });
        self.abort.set_value(Some(handle));
        spawn_local(async move {
            let _ = task.await;
        });
    }

    /// The clock a plan runs on: the page's own (CPU jobs block it) or, for a plan with
    /// `workers`, the worker pool resized to that many workers and warmed up first (the
    /// warm-up is reported separately and not counted in the run).
    async fn clock_for(&self, plan: &RunPlan, tap: &OutputTap) -> Rc<dyn Clock> {
        let Some(workers) = plan.options.workers else {
            return Rc::new(BrowserClock::new());
        };
        let pool = match self.pool.get_value() {
            Some(pool) => pool,
            None => {
                let pool = WorkerPool::new(WORKER_SCRIPT, workers);
                self.pool.set_value(Some(pool.clone()));
                pool
            }
        };
        pool.resize(workers);
        let warm_ms = pool.warm_up().await;
        self.warm_up_ms.set(Some(warm_ms));
        Rc::new(PoolClock::new(pool, Some(tap.clone())))
    }

    /// The worker pool's queued and running jobs, size and replaced workers (all 0
    /// before the pool is first used).
    pub fn pool_load(&self) -> (usize, usize, usize, u32) {
        self.pool.with_value(|p| match p {
            Some(pool) => {
                let (queued, running) = pool.load();
                (queued, running, pool.size(), pool.replaced())
            }
            None => (0, 0, 0, 0),
        })
    }

    /// Cancels the runs in progress, if any; their timers are cleared.
    pub fn cancel(&self) {
        if self.stop_current() {
            self.status.set(RunStatus::Cancelled);
        }
    }

    fn stop_current(&self) -> bool {
        match self.abort.try_update_value(|a| a.take()).flatten() {
            Some(handle) => {
                handle.abort();
                if let Some(pool) = self.pool.get_value() {
                    pool.cancel_all();
                }
                self.generation.update(|g| *g += 1);
                true
            }
            None => false,
        }
    }
}
