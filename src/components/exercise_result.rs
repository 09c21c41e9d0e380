use leptos::prelude::*;

use crate::engine::exercise::{time_text, Answer, ExerciseItem, Runner, Verdict, WorkKind};
use crate::lessons::exercise::POOL_WORKERS;

/// The outcome of one task once checked: right or wrong for each question with the
/// reason, what the task really was, the time of each runner as it is measured, and
/// whether the chosen runner paid off.
#[component]
pub fn ExerciseResult(
    /// The task.
    item: &'static ExerciseItem,
    /// The answer given when the visitor checked.
    answer: Answer,
    /// The measured time on one event loop, once that run has finished.
    async_ms: Signal<Option<f64>>,
    /// The measured time on the pool, once that run has finished.
    pool_ms: Signal<Option<f64>>,
) -> impl IntoView {
    let kind_line = match answer.kind {
        Some(k) if k == item.kind => format!("Right: it is {}.", item.kind.label()),
        Some(k) => format!(
            "Wrong: you said {}; it is {}.",
            k.label(),
            item.kind.label()
        ),
        None => format!("Not answered: it is {}.", item.kind.label()),
    };
    let runner_line = match answer.runner {
        Some(r) if r == item.runner => format!("Right: {} suits it.", r.label()),
        Some(r) => format!(
            "Wrong: you chose {}; {} suits it.",
            r.label(),
            item.runner.label()
        ),
        None => format!("Not answered: {} suits it.", item.runner.label()),
    };
    let mark = |right: bool| if right { "✓" } else { "✗" };
    let kind_right = answer.kind == Some(item.kind);
    let runner_right = answer.runner == Some(item.runner);
    let points = item.points(&answer);
    let time = move |ms: Signal<Option<f64>>| {
        move || ms.get().map_or_else(|| "running…".to_string(), time_text)
    };
    let ms_attr = move |ms: Signal<Option<f64>>| {
        move || ms.get().map(|v| format!("{v:.1}")).unwrap_or_default()
    };
    let verdict = Memo::new(move |_| Verdict::measure(async_ms.get()?, pool_ms.get()?));
    let verdict_view = move || {
        verdict.get().map(|v| {
            let payoff = v.payoff(answer.runner);
            let note = match item.kind {
                WorkKind::Cpu => format!(
                    "As async tasks the jobs ran one after another on the page's own thread, \
                     which could not respond for {}.",
                    time_text(v.time_of(Runner::Async))
                ),
                WorkKind::Io => format!(
                    "On the pool only {POOL_WORKERS} waits were in flight at once, one per \
                     busy worker, and nothing was computed."
                ),
            };
            // Computing on two workers only wins with two cores free to run them.
            let busy = (item.kind == WorkKind::Cpu && v.faster() != Some(Runner::Pool)).then(|| {
                view! {
                    <p class="verdict-note" data-testid="busy-note">
                        {format!("The pool can only win with {POOL_WORKERS} free cores to run \
                                  its workers on: this machine looks busy, or has fewer cores.")}
                    </p>
                }
            });
            view! {
                <p class="verdict" data-testid="verdict" data-payoff=payoff.key()>
                    {v.sentence()} ". " <strong>{payoff.sentence()}</strong>
                </p>
                <p class="verdict-note">{note}</p>
                {busy}
            }
        })
    };
    view! {
        <div class="exercise-result" data-testid="result" data-item=item.key
            data-right-kind=item.kind.key() data-right-runner=item.runner.key()
            data-points=points>
            <p class="mark" class:right=kind_right data-mark="kind">
                <span aria-hidden="true">{mark(kind_right)}" "</span>{kind_line}
            </p>
            <p class="mark" class:right=runner_right data-mark="runner">
                <span aria-hidden="true">{mark(runner_right)}" "</span>{runner_line}
            </p>
            <p class="reason">{item.reason}</p>
            <p class="really">"What ran: " {item.workload.describe()} "."</p>
            <dl class="times">
                <div>
                    <dt>"Async, one loop"</dt>
                    <dd data-runner="async" data-ms=ms_attr(async_ms)>{time(async_ms)}</dd>
                </div>
                <div>
                    <dt>{format!("Pool of {POOL_WORKERS} workers")}</dt>
                    <dd data-runner="pool" data-ms=ms_attr(pool_ms)>{time(pool_ms)}</dd>
                </div>
            </dl>
            {verdict_view}
            <p class="points">{format!("{points} of {} points", ExerciseItem::MAX_POINTS)}</p>
        </div>
    }
}
