use std::cell::Cell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{hide_count, is_visible, Debounced, OutputTap, PoolClock, WorkerPool};
use crate::charts::LiveRun;
use crate::engine::cpu::CpuOutput;
use crate::engine::{Clock, ParamError, ParamValues, RunExport};
use crate::lessons::action_run::Generations;
use crate::lessons::AnyLesson;
use crate::lessons::RunPlan;

use super::run_driver::Run;

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
    /// The runs could not start or go on; the text says why (shown to the visitor).
    Failed(String),
}

impl RunStatus {
    /// A stable one-word name for the state (the status line's `data-state`, which
    /// tests wait on instead of the English text).
    pub fn key(&self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running(_) => "running",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed(_) => "failed",
        }
    }
}

/// The state of a lesson page's runs, with the operations on it as methods.
///
/// Starting a run cancels the one in progress first; each start holds a
/// [`crate::lessons::action_run::Ticket`], so a late event from a replaced run can never
/// mix into the new one.
#[derive(Clone, Copy)]
pub struct RunModel {
    /// The lesson whose runs these are.
    pub lesson: &'static dyn AnyLesson,
    /// The runs in progress or last finished, one per plan.
    pub live: RwSignal<Vec<LiveRun>>,
    /// Increases each time runs start, stop or are previewed anew; timelines rebuild
    /// when it changes.
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
    /// Why the main action has no prediction (e.g. too large to simulate), if so.
    pub problem: RwSignal<Option<String>>,
    pub(super) abort: StoredValue<Option<AbortHandle>>,
    pool: StoredValue<Option<WorkerPool>, LocalStorage>,
    generations: StoredValue<Generations, LocalStorage>,
}

/// How long typing must pause before the prediction is redrawn, in milliseconds.
const PREVIEW_DELAY_MS: f64 = 150.0;

/// Where Trunk puts the worker's loader script, relative to the page.
const WORKER_SCRIPT: &str = "./worker_loader.js";

impl RunModel {
    /// A model with nothing run yet. When the component that made it goes away, its
    /// runs are cancelled and its workers stopped.
    pub fn new(lesson: &'static dyn AnyLesson) -> Self {
        let model = Self {
            lesson,
            live: RwSignal::new(Vec::new()),
            generation: RwSignal::new(0),
            elapsed: RwSignal::new(0.0),
            status: RwSignal::new(RunStatus::Idle),
            finished: RwSignal::new(None),
            was_hidden: RwSignal::new(false),
            outputs: RwSignal::new(Vec::new()),
            warm_up_ms: RwSignal::new(None),
            problem: RwSignal::new(None),
            abort: StoredValue::new(None),
            pool: StoredValue::new_local(None),
            generations: StoredValue::new_local(Generations::default()),
        };
        on_cleanup(move || model.leave());
        model
    }

    /// Whether runs are in progress.
    pub fn is_running(&self) -> bool {
        matches!(self.status.try_get(), Some(RunStatus::Running(_)))
    }

    /// Shows the predicted timelines of `action` before anything runs, so the page has
    /// its final layout from the start. Only while idle: results are never replaced. A
    /// plan that cannot be predicted empties the timelines and says why in `problem`.
    pub fn preview(&self, action: &str, values: &ParamValues) {
        if self.status.try_get_untracked() != Some(RunStatus::Idle) {
            return;
        }
        let (live, problem) = match self.predict(action, values) {
            Ok((_, live)) => (live, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        self.live.try_set(live);
        self.problem.try_set(problem);
        self.generation.try_update(|g| *g += 1);
    }

    /// Keeps the prediction of `action` up to date with `values`: at once on the first
    /// render, then once typing pauses, so a large scenario is never simulated on every
    /// keystroke.
    pub fn preview_as_values_change(
        &self,
        action: &'static str,
        values: Memo<Result<ParamValues, Vec<ParamError>>>,
    ) {
        let model = *self;
        let pending = Debounced::new(PREVIEW_DELAY_MS);
        Effect::new(move |first: Option<()>| {
            if let Ok(values) = values.get() {
                match first {
                    None => model.preview(action, &values),
                    Some(()) => pending.call(move || model.preview(action, &values)),
                }
            }
        });
    }

    /// The plans of `action` and their predicted timelines (planned once, used for both),
    /// or why there are none.
    fn predict(
        &self,
        action: &str,
        values: &ParamValues,
    ) -> Result<(Vec<RunPlan>, Vec<LiveRun>), String> {
        let plans = self.lesson.plan(action, values);
        let predicted = predicted_runs(&plans)?;
        Ok((plans, predicted))
    }

    /// Cancels any runs in progress and starts the runs of `action` with `values`.
    pub fn start(&self, action: &str, label: &str, values: ParamValues) {
        let plans = self.lesson.plan(action, &values);
        self.start_plans(label, plans, values);
    }

    /// Cancels any runs in progress and starts `plans` (a widget's own runs; `values` go
    /// into the export), labelled `label` in the status.
    pub fn start_plans(&self, label: &str, plans: Vec<RunPlan>, values: ParamValues) {
        self.stop_current();
        let predicted = match predicted_runs(&plans) {
            Ok(predicted) => predicted,
            Err(why) => {
                self.status.try_set(RunStatus::Failed(why));
                return;
            }
        };
        let Some(ticket) = self.generations.try_with_value(Generations::begin) else {
            return;
        };
        self.live.set(predicted);
        self.elapsed.set(0.0);
        self.finished.set(None);
        self.outputs.set(Vec::new());
        self.problem.set(None);
        self.was_hidden.set(!is_visible());
        self.status.set(RunStatus::Running(label.to_string()));
        self.generation.update(|g| *g += 1);
        let run = Run {
            model: *self,
            ticket,
            hides_at_start: hide_count(),
            t0: Rc::new(Cell::new(0.0)),
        };
        let (task, handle) = abortable(run.drive(plans, values));
        self.abort.set_value(Some(handle));
        spawn_local(async move {
            let _ = task.await;
        });
    }

    /// A clock whose CPU jobs go to the worker pool, resized to `workers` and warmed
    /// up first (the warm-up is reported apart, in `warm_up_ms`). `Err` says why the
    /// pool could not start.
    pub(super) async fn pool_clock(
        &self,
        workers: usize,
        tap: &OutputTap,
    ) -> Result<Rc<dyn Clock>, String> {
        let pool = match self.pool.try_get_value().flatten() {
            Some(pool) => pool,
            None => {
                let pool = WorkerPool::new(WORKER_SCRIPT, workers);
                self.pool.try_set_value(Some(pool.clone()));
                pool
            }
        };
        pool.resize(workers);
        match pool.ready().await {
            Ok(warm_ms) => {
                self.warm_up_ms.try_set(Some(warm_ms));
                Ok(Rc::new(PoolClock::new(pool, Some(tap.clone()))))
            }
            Err(why) => {
                // Drop the broken pool: the next run tries afresh.
                self.pool.try_set_value(None);
                Err(format!(
                    "The worker pool could not start: {why}. CPU work on workers needs \
                     web workers from this site (an embed needs `allow-same-origin`)."
                ))
            }
        }
    }

    /// The worker pool's queued and running jobs, size and replaced workers (all 0
    /// before the pool is first used).
    pub fn pool_load(&self) -> (usize, usize, usize, u32) {
        self.pool
            .try_with_value(|p| match p {
                Some(pool) => {
                    let (queued, running) = pool.load();
                    (queued, running, pool.size(), pool.replaced())
                }
                None => (0, 0, 0, 0),
            })
            .unwrap_or_default()
    }

    /// Cancels the runs in progress, if any; their timers are cleared and their jobs
    /// stopped.
    pub fn cancel(&self) {
        if self.stop_current() {
            self.status.try_set(RunStatus::Cancelled);
        }
    }

    /// The page goes away: stops its runs and its workers. Called when the owner that
    /// made the model is cleaned up (before its signals are disposed).
    fn leave(&self) {
        self.stop_current();
        if let Some(pool) = self.pool.try_update_value(|p| p.take()).flatten() {
            pool.cancel_all();
        }
    }

    fn stop_current(&self) -> bool {
        match self.abort.try_update_value(|a| a.take()).flatten() {
            Some(handle) => {
                handle.abort();
                self.generations.try_with_value(Generations::end_all);
                if let Some(pool) = self.pool.try_get_value().flatten() {
                    pool.cancel_all();
                }
                self.generation.try_update(|g| *g += 1);
                true
            }
            None => false,
        }
    }
}

/// The predicted timeline of each plan, or why there is none.
fn predicted_runs(plans: &[RunPlan]) -> Result<Vec<LiveRun>, String> {
    if plans.is_empty() {
        return Err("This action has nothing to run.".to_string());
    }
    plans
        .iter()
        .map(|p| {
            p.try_predict()
                .map(|r| LiveRun::new(p.strategy, p.scenario.clone(), r))
                .map_err(|why| format!("No prediction: {why}."))
        })
        .collect()
}
