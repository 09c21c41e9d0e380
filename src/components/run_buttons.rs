use leptos::prelude::*;

use crate::lessons::ActionSpec;

use super::{LessonForm, RunModel};

/// The lesson's run buttons (the first is the main one) and Cancel.
#[component]
pub fn RunButtons(
    /// The page's runs.
    model: RunModel,
    /// The page's form: runs start with its values, and only when they are valid.
    form: LessonForm,
    /// The lesson's actions, the main one first.
    actions: Vec<ActionSpec>,
) -> impl IntoView {
    let validated = form.validated;
    let buttons = actions
        .into_iter()
        .enumerate()
        .map(|(i, action)| {
            let form = form.clone();
            let start = move |_| {
                if let Ok(values) = validated.get_untracked() {
                    model.start(action.key, action.label, values);
                }
            };
            view! {
                <button type="button" class:primary=i == 0 class:secondary=i != 0
                    data-action=action.key disabled=move || !form.is_valid() on:click=start>
                    {action.label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="actions">
            {buttons}
            <button type="button" class="danger" data-action="cancel"
                disabled=move || !model.is_running() on:click=move |_| model.cancel()>
                "Cancel"
            </button>
        </div>
    }
}
