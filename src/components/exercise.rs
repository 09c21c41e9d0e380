use leptos::prelude::*;

use crate::charts::{format_ms, LiveRun};
use crate::engine::exercise::{Answer, ExerciseItem, Runner, Score};
use crate::engine::ParamValues;
use crate::lessons::exercise::{check_plans, items, run_index, POOL_WORKERS};
use crate::lessons::AnyLesson;

use super::{ExerciseField, ExerciseResult, ExportButton, RunModel, RunStatus};

/// The measured time of a run: its record's makespan once the run is over, or (while
/// the other runs go on) the end of its last task once every task has ended.
fn measured_ms(run: &LiveRun) -> Option<f64> {
    if let Some(record) = &run.record {
        return Some(record.makespan_ms);
    }
    if run.ends.is_empty() || run.ends.iter().any(Option::is_none) {
        return None;
    }
    Some(run.ends.iter().flatten().copied().fold(0.0, f64::max))
}

/// The exercise: one fieldset per task to classify it and choose a runner, "Check and
/// run" (every task runs both ways, one run at a time), a result per task, the score,
/// and "Retry".
#[component]
pub fn Exercise(
    /// The exercise lesson (it has no button of its own: this widget runs its
    /// [`check_plans`], every task async then pool).
    lesson: &'static dyn AnyLesson,
) -> impl IntoView {
    let quiz = Quiz::new(lesson);
    let locked = Signal::derive(move || quiz.checked.with(Option::is_some));
    let cards = items()
        .iter()
        .enumerate()
        .map(|(index, item)| quiz.card(index, item, locked))
        .collect_view();

    view! {
        <form class="exercise" aria-label="Exercise: waiting or computing?"
            on:submit=|ev| ev.prevent_default()>
            <ol class="exercise-items">{cards}</ol>
            <div class="actions">
                // aria-disabled rather than disabled: the pressed button keeps the focus,
                // and Tab goes on to the other one.
                <button type="button" class="primary" data-action="check"
                    aria-disabled=move || locked.get().to_string() on:click=move |_| quiz.check()>
                    "Check and run"
                </button>
                <button type="button" class="secondary" data-action="retry"
                    aria-disabled=move || (!locked.get()).to_string() on:click=move |_| quiz.retry()>
                    "Retry"
                </button>
                <ExportButton export=quiz.model.finished />
            </div>
            <p class="status" role="status" aria-live="polite" data-testid="status">{move || quiz.status()}</p>
            {move || quiz.score()}
            <p class="pool-status">{move || quiz.pool_note()}</p>
        </form>
    }
}

/// The exercise's state (its runs, the answers being given and the answers checked),
/// with its operations as methods.
#[derive(Clone, Copy)]
struct Quiz {
    model: RunModel,
    /// One answer per task, as the visitor gives them.
    answers: RwSignal<Vec<Answer>>,
    /// The answers as they were when checked; `None` until "Check and run".
    checked: RwSignal<Option<Vec<Answer>>>,
}

impl Quiz {
    fn new(lesson: &'static dyn AnyLesson) -> Self {
        Self {
            model: RunModel::new(lesson),
            answers: RwSignal::new(vec![Answer::default(); items().len()]),
            checked: RwSignal::new(None),
        }
    }

    /// "Check and run": locks the answers and runs every task both ways (once).
    fn check(&self) {
        if self.checked.get_untracked().is_some() {
            return;
        }
        self.checked.set(Some(self.answers.get_untracked()));
        self.model
            .start_plans("Check and run", check_plans(), ParamValues::default());
    }

    /// "Retry": stops the runs and clears them, the answers and the check.
    fn retry(&self) {
        if self.checked.get_untracked().is_none() {
            return;
        }
        let model = self.model;
        model.cancel();
        model.status.set(RunStatus::Idle);
        model.finished.set(None);
        model.live.set(Vec::new());
        self.answers.set(vec![Answer::default(); items().len()]);
        self.checked.set(None);
    }

    /// How many tasks are fully answered.
    fn answered(&self) -> usize {
        self.answers
            .with(|a| a.iter().filter(|x| x.is_complete()).count())
    }

    /// The answer checked for the task at `index`, once checked.
    fn given(&self, index: usize) -> Option<Answer> {
        self.checked
            .with(|c| c.as_ref().and_then(|a| a.get(index).copied()))
    }

    /// The measured time of the task at `item` with `runner`, once known.
    fn time_of(&self, item: usize, runner: Runner) -> Signal<Option<f64>> {
        let live = self.model.live;
        Signal::derive(move || {
            live.with(|runs| runs.get(run_index(item, runner)).and_then(measured_ms))
        })
    }

    /// The card of the task at `index`: its field, then its result once checked.
    fn card(
        &self,
        index: usize,
        item: &'static ExerciseItem,
        locked: Signal<bool>,
    ) -> impl IntoView {
        let quiz = *self;
        let answers = self.answers;
        let missing = move || quiz.given(index).is_some_and(|a| !a.is_complete());
        let result = move || {
            quiz.given(index).map(|answer| {
                view! {
                    <ExerciseResult item answer async_ms=quiz.time_of(index, Runner::Async)
                        pool_ms=quiz.time_of(index, Runner::Pool) />
                }
            })
        };
        view! {
            <li class="exercise-card" class:missing=missing>
                <ExerciseField index item answers locked />
                {result}
            </li>
        }
    }

    /// The score once checked.
    fn score(&self) -> Option<impl IntoView> {
        self.checked.with(|c| c.as_deref().map(score_line))
    }

    /// The status line: progress while running, the score when done, else how many
    /// tasks are answered.
    fn status(&self) -> String {
        match self.model.status.get() {
            RunStatus::Running(_) => self.progress(),
            RunStatus::Done => self.done(),
            RunStatus::Cancelled => "Cancelled.".to_string(),
            RunStatus::Failed(why) => why,
            RunStatus::Idle => format!(
                "{} of {} tasks answered. Answer each one, then press Check and run.",
                self.answered(),
                items().len()
            ),
        }
    }

    /// The status while running: how many runs are done.
    fn progress(&self) -> String {
        let (done, total) = self.model.live.with(|runs| {
            let done = runs.iter().filter(|r| measured_ms(r).is_some()).count();
            (done, runs.len())
        });
        format!("Running every task both ways, one run at a time: {done} of {total} runs done…")
    }

    /// The status once done: the score, and a warning if the page was hidden meanwhile.
    fn done(&self) -> String {
        let s = self
            .checked
            .with(|c| c.as_ref().map(|a| Score::of(items(), a)));
        let hidden = if self.model.was_hidden.get() {
            " The page was hidden during the runs, so the browser slowed its timers: \
             these times are not representative."
        } else {
            ""
        };
        match s {
            Some(s) => format!("Done: {}.{hidden}", s.text()),
            None => format!("Done.{hidden}"),
        }
    }

    /// How long the pool took to warm up, once it has.
    fn pool_note(&self) -> Option<String> {
        self.model.warm_up_ms.get().map(|ms| {
            format!(
                "The pool of {POOL_WORKERS} web workers was started and warmed up in {} \
                 before it was timed (not counted).",
                format_ms(ms)
            )
        })
    }
}

/// The score of the answers `given`, with a note when some were not fully answered.
fn score_line(given: &[Answer]) -> impl IntoView {
    let s = Score::of(items(), given);
    let missing = given.iter().filter(|a| !a.is_complete()).count();
    let flag = (missing > 0).then(|| missing_note(missing));
    view! {
        <p class="exercise-score" data-testid="score" data-points=s.points
            data-max=s.max>
            "Your score: " <strong>{s.text()}</strong>
        </p>
        {flag}
    }
}

/// The note that `missing` tasks (at least one) score no point.
fn missing_note(missing: usize) -> impl IntoView {
    let tasks = if missing == 1 {
        "task was"
    } else {
        "tasks were"
    };
    view! {
        <p class="missing-note" data-testid="missing">
            {format!("{missing} {tasks} not fully answered: each missing \
                      answer scores no point.")}
        </p>
    }
}
