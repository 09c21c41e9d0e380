use leptos::prelude::*;

use crate::browser::is_narrow_screen;
use crate::engine::{params_summary, ParamError, ParamKind, ParamSpec};

use super::EmbedMode;

/// The lesson's parameter inputs, each with its label, unit, help and inline error, in a
/// fold whose summary line gives their values (folded on phones and in embeds, unless a
/// value is invalid).
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
    let summary = {
        let texts = texts.clone();
        move || params_summary(specs, &texts.iter().map(|t| t.get()).collect::<Vec<_>>())
    };
    // On a phone and in an embed, folded to its one-line summary so that the run button
    // and the chart come first; open from the start when a value is invalid.
    let embed = use_context::<EmbedMode>().is_some_and(|e| e.0);
    let open = !errors.with_untracked(Vec::is_empty) || !(embed || is_narrow_screen());
    let fields = specs
        .iter()
        .zip(texts)
        .map(|(spec, text)| field(spec, text, errors))
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
            <details class="params-fold" open=open>
                <summary>
                    <span class="params-fold-title">"Parameters"</span>
                    <span class="params-fold-values" data-testid="params-summary">{summary}</span>
                </summary>
                <fieldset class="params">
                    <legend class="sr-only">"Parameters"</legend>
                    <div class="fields">{fields}</div>
                    {cross}
                </fieldset>
            </details>
        }
    })
}

/// One parameter's share of the form's errors.
#[derive(Clone, Copy)]
struct FieldErrors {
    /// The parameter's key.
    key: &'static str,
    /// Every error of the form.
    errors: Memo<Vec<ParamError>>,
}

impl FieldErrors {
    /// The messages of the parameter's errors, in order.
    fn messages(&self) -> Vec<String> {
        self.errors.with(|es| {
            es.iter()
                .filter(|e| e.key == self.key)
                .map(|e| e.message.clone())
                .collect::<Vec<String>>()
        })
    }

    /// Whether the parameter has an error.
    fn invalid(&self) -> bool {
        self.errors.with(|es| es.iter().any(|e| e.key == self.key))
    }

    /// The input's `aria-invalid`.
    fn aria_invalid(&self) -> &'static str {
        if self.invalid() {
            "true"
        } else {
            "false"
        }
    }
}

/// The field of one parameter: its label, input, unit, help and errors.
fn field(
    spec: &'static ParamSpec,
    text: RwSignal<String>,
    errors: Memo<Vec<ParamError>>,
) -> impl IntoView {
    let own = FieldErrors {
        key: spec.key,
        errors,
    };
    let id = format!("param-{}", spec.key);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = format!("{help_id} {error_id}");
    let input = input(spec, id.clone(), text, own, described);
    let wide = matches!(spec.kind, ParamKind::Text { .. });
    let error_view = error_view(own, error_id, wide);
    view! {
        <div class="field" class:invalid=move || own.invalid() class:wide=wide>
            <label for=id>{spec.label}</label>
            <div class="input-row">
                {input}
                <span class="unit">{spec.unit()}</span>
            </div>
            <p class="help" id=help_id>{spec.help}</p>
            {error_view}
        </div>
    }
}

/// The input of one parameter, bound to `text`: a textarea, a drop-down list or a text
/// field, described by its help and errors (`described`).
fn input(
    spec: &'static ParamSpec,
    id: String,
    text: RwSignal<String>,
    own: FieldErrors,
    described: String,
) -> AnyView {
    let key = spec.key;
    let aria_invalid = move || own.aria_invalid();
    match spec.kind {
        ParamKind::Text {
            max_chars, rows, ..
        } => view! {
            <textarea id=id name=key rows=rows maxlength=max_chars
                autocomplete="off" spellcheck="false" class="param-text"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                aria-invalid=aria_invalid aria-describedby=described></textarea>
        }
        .into_any(),
        ParamKind::Choice { options, .. } => view! {
            <select id=id name=key
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
            let mode = if spec.is_whole() {
                "numeric"
            } else {
                "decimal"
            };
            view! {
                <input id=id name=key type="text" inputmode=mode autocomplete="off"
                    spellcheck="false" maxlength="32"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    aria-invalid=aria_invalid aria-describedby=described />
            }
            .into_any()
        }
    }
}

/// The errors of one parameter: all of them, listed, under a wide (text) field; the
/// first one under another.
fn error_view(own: FieldErrors, error_id: String, wide: bool) -> AnyView {
    if wide {
        view! {
            <div class="error" id=error_id role="alert" data-testid=format!("{}-errors", own.key)>
                <ul class="error-list">
                    {move || own.messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="error" id=error_id role="alert">{move || own.messages().into_iter().next()}</p>
        }
        .into_any()
    }
}
