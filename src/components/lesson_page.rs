use leptos::prelude::*;

use crate::browser::PageUrl;
use crate::engine::ParamValues;
use crate::lessons::{AnyLesson, Panel};

use super::panel_view::{panel_view, PanelContext};
use super::{
    CodePanes, CurrentLink, EmbedMode, ExportButton, LessonForm, ParamForm, RunButtons, RunModel,
    ShareButtons, StatusLine,
};

/// One lesson: title, parameters, run buttons and status, the lesson's panels in its
/// order, the explanation and the code. Every lesson uses this same page.
#[component]
pub fn LessonPage(
    /// The lesson to show.
    lesson: &'static dyn AnyLesson,
    /// The starting values (from the permalink, or the defaults).
    initial: ParamValues,
) -> impl IntoView {
    let info = lesson.info();
    let embed = use_context::<EmbedMode>().is_some_and(|e| e.0);
    let model = RunModel::new(lesson);
    let form = LessonForm::new(lesson, initial);
    let actions = lesson.actions();
    if let Some(main) = actions.first() {
        model.preview_as_values_change(main.key, form.validated);
    }
    keep_address_in_step(form.query, embed);
    let code = {
        let form = form.clone();
        Signal::derive(move || lesson.code(&form.values_or_defaults(lesson)))
    };
    let cx = PanelContext {
        lesson,
        model,
        form: form.clone(),
    };
    let (beside_controls, charts): (Vec<&Panel>, Vec<&Panel>) =
        info.panels.iter().partition(|p| p.with_controls());
    let query = form.query;
    let has_runs = !actions.is_empty();
    // A lesson without actions brings its own interactive widget (a panel).
    let run_controls = (!actions.is_empty()).then(|| {
        view! {
            <RunButtons model form=form.clone() actions />
            <StatusLine model query embed />
        }
    });
    view! {
        <article class="lesson" data-lesson=info.id>
            <header class="lesson-head">
                <h1>{info.title}</h1>
                <p class="summary">{info.summary}</p>
            </header>
            <section class="controls" aria-label="Controls">
                <ParamForm specs=info.params texts=form.texts.clone() errors=form.errors />
                {beside_controls.into_iter().map(|p| panel_view(*p, &cx)).collect_view()}
                {run_controls}
            </section>
            <section class="plots" aria-label="Timelines">
                {charts.into_iter().map(|p| panel_view(*p, &cx)).collect_view()}
            </section>
            <section class="share-export" aria-label="Export and share">
                {has_runs.then(|| view! { <ExportButton export=model.finished /> })}
                {(!embed).then(|| view! { <ShareButtons info query=query.into() /> })}
            </section>
            <details class="explanation" open=!embed>
                <summary><h2>"What is going on"</h2></summary>
                {info.explanation.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            </details>
            <details class="code-section" open=!embed>
                <summary><h2>"The code"</h2></summary>
                <CodePanes samples=code />
            </details>
        </article>
    }
}

/// Keeps the address bar (and the share buttons' link) on the last valid values: the
/// current history entry is rewritten, never added to.
fn keep_address_in_step(query: Memo<String>, embed: bool) {
    let current_link = use_context::<CurrentLink>().map(|c| c.0);
    Effect::new(move |_| {
        let q = query.get();
        let url_query = if embed {
            format!("{q}&embed=1")
        } else {
            q.clone()
        };
        PageUrl::replace_query(&url_query);
        if let Some(link) = current_link {
            link.set(q);
        }
    });
}
