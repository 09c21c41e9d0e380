use leptos::prelude::*;

use crate::charts::{format_ms, LiveRun};
use crate::engine::exercise::{Answer, Runner, Score};
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
    let model = RunModel::new(lesson);
    let count = items().len();
    let answers = RwSignal::new(vec![Answer::default(); count]);
    let checked: RwSignal<Option<Vec<Answer>>> = RwSignal::new(None);
    let locked = Signal::derive(move || checked.with(Option::is_some));
    let answered = move || answers.with(|a| a.iter().filter(|x| x.is_complete()).count());

    let check = move |_| {
        if checked.get_untracked().is_some() {
            return;
        }
        checked.set(Some(answers.get_untracked()));
        model.start_plans("Check and run", check_plans(), ParamValues::default());
    };
    let retry = move |_| {
        if checked.get_untracked().is_none() {
            return;
        }
        model.cancel();
        model.status.set(RunStatus::Idle);
        model.finished.set(None);
        model.live.set(Vec::new());
        answers.set(vec![Answer::default(); count]);
        checked.set(None);
    };

    let time_of = move |item: usize, runner: Runner| {
        Signal::derive(move || {
            model
                .live
                .with(|runs| runs.get(run_index(item, runner)).and_then(measured_ms))
        })
    };
    let cards = items()
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let given = move || checked.with(|c| c.as_ref().and_then(|a| a.get(index).copied()));
            let missing = move || given().is_some_and(|a| !a.is_complete());
            let result = move || {
                given().map(|answer| {
                    view! {
                        <ExerciseResult item answer async_ms=time_of(index, Runner::Async)
                            pool_ms=time_of(index, Runner::Pool) />
                    }
                })
            };
            view! {
                <li class="exercise-card" class:missing=missing>
                    <ExerciseField index item answers locked />
                    {result}
                </li>
            }
        })
        .collect_view();

    let score = move || {
        checked.with(|c| {
            c.as_ref().map(|given| {
                let s = Score::of(items(), given);
                let missing = given.iter().filter(|a| !a.is_complete()).count();
                let flag = (missing > 0).then(|| {
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
                });
                view! {
                    <p class="exercise-score" data-testid="score" data-points=s.points
                        data-max=s.max>
                        "Your score: " <strong>{s.text()}</strong>
                    </p>
                    {flag}
                }
            })
        })
    };
    let status = move || match model.status.get() {
        RunStatus::Running(_) => {
            let (done, total) = model.live.with(|runs| {
                let done = runs.iter().filter(|r| measured_ms(r).is_some()).count();
                (done, runs.len())
            });
            format!("Running every task both ways, one run at a time: {done} of {total} runs done…")
        }
        RunStatus::Done => {
            let s = checked.with(|c| c.as_ref().map(|a| Score::of(items(), a)));
            let hidden = if model.was_hidden.get() {
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
        RunStatus::Cancelled => "Cancelled.".to_string(),
        RunStatus::Failed(why) => why,
        RunStatus::Idle => format!(
            "{} of {count} tasks answered. Answer each one, then press Check and run.",
            answered()
        ),
    };
    let pool_note = move || {
        model.warm_up_ms.get().map(|ms| {
            format!(
                "The pool of {POOL_WORKERS} web workers was started and warmed up in {} \
                 before it was timed (not counted).",
                format_ms(ms)
            )
        })
    };

    view! {
        <form class="exercise" aria-label="Exercise: waiting or computing?"
            on:submit=|ev| ev.prevent_default()>
            <ol class="exercise-items">{cards}</ol>
            <div class="actions">
                // aria-disabled rather than disabled: the pressed button keeps the focus,
                // and Tab goes on to the other one.
                <button type="button" class="primary" data-action="check"
                    aria-disabled=move || locked.get().to_string() on:click=check>
                    "Check and run"
                </button>
                <button type="button" class="secondary" data-action="retry"
                    aria-disabled=move || (!locked.get()).to_string() on:click=retry>
                    "Retry"
                </button>
                <ExportButton export=model.finished />
            </div>
            <p class="status" role="status" aria-live="polite" data-testid="status">{status}</p>
            {score}
            <p class="pool-status">{pool_note}</p>
        </form>
    }
}
