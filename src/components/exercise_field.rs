use leptos::prelude::*;

use crate::engine::exercise::{Answer, ExerciseItem, Runner, WorkKind};

/// One task of the exercise as a fieldset: its label and two radio groups (I/O-bound or
/// CPU-bound; async or a pool). Native radios, so Tab moves between groups and the arrow
/// keys choose within one.
#[component]
pub fn ExerciseField(
    /// The task's position (from 0) in the answers.
    index: usize,
    /// The task.
    item: &'static ExerciseItem,
    /// Every answer of the form; this field writes the one at `index`.
    answers: RwSignal<Vec<Answer>>,
    /// Whether the answers are locked (checked, or being run).
    locked: Signal<bool>,
) -> impl IntoView {
    let answer = move || answers.with(|a| a.get(index).copied().unwrap_or_default());
    let kinds = WorkKind::BOTH
        .into_iter()
        .map(|kind| {
            let id = format!("ex-{}-kind-{}", item.key, kind.key());
            view! {
                <label class="choice">
                    <input type="radio" id=id name=format!("ex-{}-kind", item.key)
                        value=kind.key() data-choice=kind.key()
                        prop:checked=move || answer().kind == Some(kind)
                        on:change=move |_| answers.update(|a| {
                            if let Some(x) = a.get_mut(index) {
                                x.kind = Some(kind);
                            }
                        }) />
                    {kind.label()}
                </label>
            }
        })
        .collect_view();
    let runners = Runner::BOTH
        .into_iter()
        .map(|runner| {
            let id = format!("ex-{}-runner-{}", item.key, runner.key());
            view! {
                <label class="choice">
                    <input type="radio" id=id name=format!("ex-{}-runner", item.key)
                        value=runner.key() data-choice=runner.key()
                        prop:checked=move || answer().runner == Some(runner)
                        on:change=move |_| answers.update(|a| {
                            if let Some(x) = a.get_mut(index) {
                                x.runner = Some(runner);
                            }
                        }) />
                    {runner.choice()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="exercise-item" data-item=item.key disabled=move || locked.get()>
            <legend>{format!("{}. {}", index + 1, item.label)}</legend>
            <div class="exercise-groups">
                <fieldset class="choice-group" data-group="kind">
                    <legend>"The work is"</legend>
                    {kinds}
                </fieldset>
                <fieldset class="choice-group" data-group="runner">
                    <legend>"Run it with"</legend>
                    {runners}
                </fieldset>
            </div>
        </fieldset>
    }
}
