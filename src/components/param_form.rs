use leptos::prelude::*;

use crate::engine::{ParamError, ParamKind, ParamSpec};

/// The lesson's parameter inputs, each with its label, unit, help and inline error.
///
/// Numeric inputs are plain text fields (`inputmode` hints the keyboard) so that every
/// value, however malformed, reaches the engine's validation and gets a precise message.
/// A text parameter is a textarea whose errors (one per line of a lab script, say) are
/// all listed under it; a choice is a drop-down list. Everything typed is shown as text,
/// never as markup.
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
            let messages = move || {
                errors.with(|es| {
                    es.iter()
                        .filter(|e| e.key == key)
                        .map(|e| e.message.clone())
                        .collect::<Vec<String>>()
                })
            };
            let invalid = move || errors.with(|es| es.iter().any(|e| e.key == key));
            let aria_invalid = move || if invalid() { "true" } else { "false" };
            let described = format!("{help_id} {error_id}");
            let input = match spec.kind {
                ParamKind::Text { max_chars, rows, .. } => view! {
                    <textarea id=id.clone() name=key rows=rows maxlength=max_chars
                        autocomplete="off" spellcheck="false" class="param-text"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=aria_invalid aria-describedby=described></textarea>
                }
                .into_any(),
                ParamKind::Choice { options, .. } => view! {
                    <select id=id.clone() name=key
                        prop:value=move || text.get()
                        on:change=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=aria_invalid aria-describedby=described>
                        {options.iter().map(|o| view! {
                            <option value=o.key selected=move || text.get() == o.key>{o.label}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any(),
                ParamKind::Number(_) | ParamKind::Workers(_) => {
                    let mode = if spec.is_whole() { "numeric" } else { "decimal" };
                    view! {
                        <input id=id.clone() name=key type="text" inputmode=mode autocomplete="off"
                            spellcheck="false" maxlength="32"
                            prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev))
                            aria-invalid=aria_invalid aria-describedby=described />
                    }
                    .into_any()
                }
            };
            let wide = matches!(spec.kind, ParamKind::Text { .. });
            let error_view = if wide {
                view! {
                    <div class="error" id=error_id role="alert" data-testid=format!("{key}-errors")>
                        <ul class="error-list">
                            {move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="error" id=error_id role="alert">{move || messages().into_iter().next()}</p>
                }
                .into_any()
            };
            view! {
                <div class="field" class:invalid=invalid class:wide=wide>
                    <label for=id>{spec.label}</label>
                    <div class="input-row">
                        {input}
                        <span class="unit">{spec.unit()}</span>
                    </div>
                    <p class="help" id=help_id>{spec.help}</p>
                    {error_view}
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
    // A lesson without parameters (the exercise) gets no empty box.
    (!specs.is_empty()).then(|| {
        view! {
            <fieldset class="params">
                <legend>"Parameters"</legend>
                <div class="fields">{fields}</div>
                {cross}
            </fieldset>
        }
    })
}
