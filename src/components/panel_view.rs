use leptos::prelude::*;

use crate::charts::{HandoverChart, LoopStepper, MakespanChart, MandelbrotView, ScalingChart};
use crate::engine::cpu::CpuOutput;
use crate::engine::{RunExport, RunRecord};
use crate::lessons::{AnyLesson, Panel};

use super::{
    Exercise, InsightsList, LagPanel, LessonForm, LiveSearch, OutcomeTable, PoolStatus,
    ResultsList, RunModel, RunTimelines, ServerPanel, TimingTable,
};

/// What every panel of a lesson page may read: the lesson, its runs and its form.
#[derive(Clone)]
pub struct PanelContext {
    /// The lesson shown.
    pub lesson: &'static dyn AnyLesson,
    /// The page's runs.
    pub model: RunModel,
    /// The page's form.
    pub form: LessonForm,
}

/// One panel of a lesson page: every kind of [`Panel`] is drawn here, in one `match`.
/// Panels that show finished runs appear once a run is done.
pub fn panel_view(panel: Panel, cx: &PanelContext) -> AnyView {
    let PanelContext { lesson, model, .. } = *cx;
    let validated = cx.form.validated;
    match panel {
        Panel::Exercise => view! { <Exercise lesson /> }.into_any(),
        Panel::Lag => view! { <LagPanel reset=model.generation /> }.into_any(),
        Panel::Mandelbrot => mandelbrot(model),
        Panel::Search => view! { <LiveSearch validated /> }.into_any(),
        Panel::PoolStatus => view! { <PoolStatus model /> }.into_any(),
        Panel::Stepper => {
            let trace = Signal::derive(move || {
                validated.with(|v| v.as_ref().ok().and_then(|values| lesson.trace(values)))
            });
            view! { <LoopStepper trace /> }.into_any()
        }
        Panel::Server => view! { <ServerPanel values=validated.into() /> }.into_any(),
        Panel::Timelines(extras) => view! { <RunTimelines model extras /> }.into_any(),
        Panel::Handover => view! { <HandoverChart runs=shown_runs(cx) /> }.into_any(),
        Panel::Makespan => after_a_run(model, |export| {
            view! { <MakespanChart runs=export.runs.clone() /> }.into_any()
        }),
        Panel::TimingTable => {
            let form = cx.form.clone();
            let values = Signal::derive(move || form.values_or_defaults(lesson));
            view! { <TimingTable model values /> }.into_any()
        }
        Panel::Insights => after_a_run(model, move |export| {
            let insights = lesson.insights(&export.runs, &export.params);
            view! { <InsightsList insights /> }.into_any()
        }),
        Panel::Outcomes => after_a_run(model, |export| {
            view! { <OutcomeTable runs=export.runs.clone() /> }.into_any()
        }),
        Panel::Scaling => after_a_run(model, move |export| {
            let points = lesson.scaling(&export.params);
            view! { <ScalingChart points measured=export.runs.clone() /> }.into_any()
        }),
        Panel::Results => after_a_run(model, |export| {
            view! { <div class="results-grid"><ResultsList runs=export.runs.clone() /></div> }
                .into_any()
        }),
    }
}

/// A view of the last finished runs, drawn once they finish (nothing before). The export
/// is lent, not cloned: each panel copies only what it draws.
fn after_a_run(
    model: RunModel,
    draw: impl Fn(&RunExport) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    (move || model.finished.with(|f| f.as_ref().map(&draw))).into_any()
}

/// The last finished runs, or before any run the prediction of the lesson's main action
/// for the form's values (the defaults while a field is invalid).
fn shown_runs(cx: &PanelContext) -> Signal<Vec<RunRecord>> {
    let (lesson, model, form) = (cx.lesson, cx.model, cx.form.clone());
    Signal::derive(move || {
        if let Some(runs) = model.finished.with(|f| f.as_ref().map(|e| e.runs.clone())) {
            return runs;
        }
        let values = form.values_or_defaults(lesson);
        let main = lesson.actions().first().map(|a| a.key).unwrap_or_default();
        let plans = lesson.plan(main, &values);
        plans.iter().filter_map(|p| p.predict()).collect()
    })
}

/// The Mandelbrot picture, sized by the first tile that arrives (480×320 before).
fn mandelbrot(model: RunModel) -> AnyView {
    let size = Memo::new(move |_| {
        model.outputs.with(|o| {
            o.iter()
                .find_map(|(out, _)| match out {
                    CpuOutput::Tile { tile, .. } => Some((tile.image_width, tile.image_height)),
                    _ => None,
                })
                .unwrap_or((480, 320))
        })
    });
    (move || {
        let (width, height) = size.get();
        view! { <MandelbrotView width height tiles=model.outputs /> }
    })
    .into_any()
}
