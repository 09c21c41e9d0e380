use leptos::prelude::*;

use crate::engine::{ParamError, ParamSpec};

/// The lesson's parameter inputs, each with its label, unit, help and inline error.
///
/// Inputs are plain text fields (`inputmode` hints the keyboard) so that every value,
/// however malformed, reaches the engine's validation and gets a precise message.
#[component]
pub fn ParamForm(
    /// The parameters, in display order.
    specs: &'static [ParamSpec],
    /// One text signal per spec, same order.
    texts: Vec<RwSignal<String>>,
    /// The current validation errors (empty when every value is valid).
    errors: Memo<Vec<ParamError>>,
) -> impl IntoView {
    let fields = specs
        .iter()
        .zip(texts)
        .map(|(spec, text)| {
            let key = spec.key;
            let id = format!("param-{key}");
            let help_id = format!("{id}-help");
            let error_id = format!("{id}-error");
            let error = move || {
                errors.with(|es| es.iter().find(|e| e.key == key).map(|e| e.message.clone()))
            };
            let invalid = move || error().is_some();
            let described = format!("{help_id} {error_id}");
            let mode = match spec.kind {
                crate::engine::ParamKind::Integer => "numeric",
                crate::engine::ParamKind::Decimal => "decimal",
            };
            view! {
                <div class="field" class:invalid=invalid>
                    <label for=id.clone()>{spec.label}</label>
                    <div class="input-row">
                        <input id=id name=key type="text" inputmode=mode autocomplete="off"
                            spellcheck="false" maxlength="32"
                            prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev))
                            aria-invalid=move || if invalid() { "true" } else { "false" }
                            aria-describedby=described />
                        <span class="unit">{spec.unit}</span>
                    </div>
                    <p class="help" id=help_id>{spec.help}</p>
                    <p class="error" id=error_id role="alert">{error}</p>
                </div>
            }
        })
        .collect_view();
    let cross = move || {
        errors.with(|es| {
            es.iter()
                .filter(|e| !specs.iter().any(|s| s.key == e.key))
                .map(|e| view! { <p class="error" role="alert">{e.message.clone()}</p> })
                .collect_view()
        })
    };
    view! {
        <fieldset class="params">
            <legend>"Parameters"</legend>
            <div class="fields">{fields}</div>
            {cross}
        </fieldset>
    }
}
