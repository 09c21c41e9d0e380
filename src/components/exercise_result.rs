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
    let kind_right = answer.kind == Some(item.kind);
    let runner_right = answer.runner == Some(item.runner);
    let points = item.points(&answer);
    let verdict = Memo::new(move |_| Verdict::measure(async_ms.get()?, pool_ms.get()?));
    let verdict_view = move || verdict.get().map(|v| verdict_view(item, answer, v));
    view! {
        <div class="exercise-result" data-testid="result" data-item=item.key
            data-right-kind=item.kind.key() data-right-runner=item.runner.key()
            data-points=points>
            {mark_line("kind", kind_right, kind_line(item, answer))}
            {mark_line("runner", runner_right, runner_line(item, answer))}
            <p class="reason">{item.reason}</p>
            <p class="really">"What ran: " {item.workload.describe()} "."</p>
            {times(async_ms, pool_ms)}
            {verdict_view}
            <p class="points">{format!("{points} of {} points", ExerciseItem::MAX_POINTS)}</p>
        </div>
    }
}

/// The answer to "The work is", against what the task is.
fn kind_line(item: &ExerciseItem, answer: Answer) -> String {
    match answer.kind {
        Some(k) if k == item.kind => format!("Right: it is {}.", item.kind.label()),
        Some(k) => format!(
            "Wrong: you said {}; it is {}.",
            k.label(),
            item.kind.label()
        ),
        None => format!("Not answered: it is {}.", item.kind.label()),
    }
}

/// The answer to "Run it with", against the runner that suits the task.
fn runner_line(item: &ExerciseItem, answer: Answer) -> String {
    match answer.runner {
        Some(r) if r == item.runner => format!("Right: {} suits it.", r.label()),
        Some(r) => format!(
            "Wrong: you chose {}; {} suits it.",
            r.label(),
            item.runner.label()
        ),
        None => format!("Not answered: {} suits it.", item.runner.label()),
    }
}

/// One question's mark (`question` is "kind" or "runner"): ✓ or ✗, then `line`.
fn mark_line(question: &'static str, right: bool, line: String) -> impl IntoView {
    let mark = if right { "✓" } else { "✗" };
    view! {
        <p class="mark" class:right=right data-mark=question>
            <span aria-hidden="true">{mark}" "</span>{line}
        </p>
    }
}

/// The time of each runner as it is measured ("running…" until then).
fn times(async_ms: Signal<Option<f64>>, pool_ms: Signal<Option<f64>>) -> impl IntoView {
    view! {
        <dl class="times">
            <div>
                <dt>"Async, one loop"</dt>
                {time_cell("async", async_ms)}
            </div>
            <div>
                <dt>{format!("Pool of {POOL_WORKERS} workers")}</dt>
                {time_cell("pool", pool_ms)}
            </div>
        </dl>
    }
}

/// The time of `runner` ("async" or "pool"), with the milliseconds in `data-ms`.
fn time_cell(runner: &'static str, ms: Signal<Option<f64>>) -> impl IntoView {
    let time = move || ms.get().map_or_else(|| "running…".to_string(), time_text);
    let ms_attr = move || ms.get().map(|v| format!("{v:.1}")).unwrap_or_default();
    view! { <dd data-runner=runner data-ms=ms_attr>{time}</dd> }
}

/// The comparison of the two times, whether the runner chosen paid off, and why.
fn verdict_view(item: &'static ExerciseItem, answer: Answer, v: Verdict) -> impl IntoView {
    let payoff = v.payoff(answer.runner);
    // Computing on two workers only wins with two cores free to run them.
    let busy = (item.kind == WorkKind::Cpu && v.faster() != Some(Runner::Pool)).then(busy_note);
    view! {
        <p class="verdict" data-testid="verdict" data-payoff=payoff.key()>
            {v.sentence()} ". " <strong>{payoff.sentence()}</strong>
        </p>
        <p class="verdict-note">{verdict_note(item.kind, v)}</p>
        {busy}
    }
}

/// What the runner that did not suit a task of `kind` did meanwhile.
fn verdict_note(kind: WorkKind, v: Verdict) -> String {
    match kind {
        WorkKind::Cpu => format!(
            "As async tasks the jobs ran one after another on the page's own thread, \
             which could not respond for {}.",
            time_text(v.time_of(Runner::Async))
        ),
        WorkKind::Io => format!(
            "On the pool only {POOL_WORKERS} waits were in flight at once, one per \
             busy worker, and nothing was computed."
        ),
    }
}

/// Why the pool did not win a computing task.
fn busy_note() -> impl IntoView {
    view! {
        <p class="verdict-note" data-testid="busy-note">
            {format!("The pool can only win with {POOL_WORKERS} free cores to run \
                      its workers on: this machine looks busy, or has fewer cores.")}
        </p>
    }
}
