use leptos::prelude::*;

use crate::browser::PageUrl;
use crate::charts::{
    format_ms, scoped_memo, ConcurrencyChart, DependencyGraph, LoopStepper, MakespanChart,
    MandelbrotView, ScalingChart, TimeAxis, Timeline,
};
use crate::engine::cpu::CpuOutput;
use crate::engine::{ParamError, ParamValues, Strategy};
use crate::lessons::permalink::query_for;
use crate::lessons::{AnyLesson, Panel, TimelineExtra};

use super::LiveSearch;
use super::{
    CodePanes, CurrentLink, EmbedMode, ExportButton, InsightsList, LagPanel, ParamForm,
    ResultsList, RunModel, RunStatus, ShareButtons,
};

/// One lesson: title, parameters, run buttons, live timelines, the makespan chart, the
/// results, the explanation and the code. Every lesson uses this same page.
#[component]
pub fn LessonPage(
    /// The lesson to show.
    lesson: &'static dyn AnyLesson,
    /// The starting values (from the permalink, or the defaults).
    initial: ParamValues,
) -> impl IntoView {
    let info = lesson.info();
    let extras_shown = info.panels.iter().any(|p| matches!(p, Panel::Timelines(_)));
    let has = move |panel: Panel| info.panels.contains(&panel);
    let extras: &[TimelineExtra] = info
        .panels
        .iter()
        .find_map(|p| match p {
            Panel::Timelines(extras) => Some(*extras),
            _ => None,
        })
        .unwrap_or(&[]);
    let embed = use_context::<EmbedMode>().is_some_and(|e| e.0);
    let current_link = use_context::<CurrentLink>().map(|c| c.0);
    let model = RunModel::new(lesson);
    let texts: Vec<RwSignal<String>> = info
        .params
        .iter()
        .map(|s| RwSignal::new(initial.form_text(s)))
        .collect();
    let texts_v = texts.clone();
    let validated = Memo::new(move |_| -> Result<ParamValues, Vec<ParamError>> {
        let owned: Vec<String> = texts_v.iter().map(|t| t.get()).collect();
        let values = ParamValues::parse(info.params, |key| {
            info.params
                .iter()
                .position(|s| s.key == key)
                .and_then(|i| owned.get(i))
                .map(|s| s.as_str())
        })?;
        let errors = lesson.check(&values);
        if errors.is_empty() {
            Ok(values)
        } else {
            Err(errors)
        }
    });
    let errors = Memo::new(move |_| validated.get().err().unwrap_or_default());
    let code = Signal::derive(move || {
        let values = validated
            .get()
            .unwrap_or_else(|_| ParamValues::defaults(info.params));
        lesson.code(&values)
    });
    let valid = move || validated.with(|v| v.is_ok());
    let query = Memo::new(move |previous: Option<&String>| match validated.get() {
        Ok(values) => query_for(lesson, &values, false),
        Err(_) => previous
            .cloned()
            .unwrap_or_else(|| query_for(lesson, &initial, false)),
    });

    let actions = lesson.actions();
    let has_actions = !actions.is_empty();
    if has_actions {
        model.preview_as_values_change(actions[0].key, validated);
    }
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

    let buttons = actions
        .into_iter()
        .enumerate()
        .map(|(i, action)| {
            let start = move |_| {
                if let Ok(values) = validated.get_untracked() {
                    model.start(action.key, action.label, values);
                }
            };
            view! {
                <button type="button" class:primary=i == 0 class:secondary=i != 0
                    data-action=action.key disabled=move || !valid() on:click=start>
                    {action.label}
                </button>
            }
        })
        .collect_view();

    // The page's own address with the fragment: a bare `#timing` would resolve against
    // `<base href="./">` and reload the app without its query.
    let timing_href = move || {
        let embed_flag = if embed { "&embed=1" } else { "" };
        format!("?{}{embed_flag}#timing", query.get())
    };
    let status_text = move || match model.status.get() {
        RunStatus::Idle => model
            .problem
            .get()
            .unwrap_or_else(|| "Choose parameters, then run.".to_string()),
        RunStatus::Failed(why) => why,
        RunStatus::Running(label) => format!("{label}: running…"),
        RunStatus::Cancelled => "Cancelled: the timers were cleared.".to_string(),
        RunStatus::Done => {
            let hidden = if model.was_hidden.get() {
                " The page was hidden during the run, so the browser slowed its timers: \
                 these figures are not representative."
            } else {
                ""
            };
            model.finished.with(|f| match f {
                Some(export) if export.runs.len() > 4 => {
                    let longest = export
                        .runs
                        .iter()
                        .map(|r| r.makespan_ms)
                        .fold(0.0, f64::max);
                    format!(
                        "Done: {} runs, the longest took {}.{hidden}",
                        export.runs.len(),
                        format_ms(longest)
                    )
                }
                Some(export) => {
                    let parts: Vec<String> = export
                        .runs
                        .iter()
                        .map(|r| format!("{} {}", r.title(), format_ms(r.makespan_ms)))
                        .collect();
                    format!("Done: {}.{hidden}", parts.join(", "))
                }
                None => "Done.".to_string(),
            })
        }
    };

    let timelines = move || {
        model.generation.get();
        let count = model.live.with_untracked(|runs| runs.len());
        let longest = model.live.with_untracked(|runs| {
            runs.iter()
                .map(|r| r.predicted.makespan_ms)
                .fold(0.0, f64::max)
        });
        let axis = TimeAxis::covering(longest * 1.04);
        // The panels are rebuilt on every run: everything in them reads the page's
        // long-lived signals only through these scoped memos, which leave those signals'
        // subscriber lists when the panels go (see `scoped_memo`).
        let active: Signal<bool> = scoped_memo(move |_| model.is_running()).into();
        let elapsed: Signal<f64> = scoped_memo(move |_| model.elapsed.get()).into();
        (0..count)
            .map(|i| {
                let run = scoped_memo(move |_| model.live.with(|runs| runs.get(i).cloned()));
                let graph = extras.contains(&TimelineExtra::Graph).then(|| {
                    // Only scenarios where some task waits for another have a graph.
                    run.get_untracked().filter(|r| r.scenario.tasks.iter().any(|t| !t.after.is_empty())).map(|r| {
                        let record = move || run.get().and_then(|r| r.record);
                        let scenario = r.scenario.clone();
                        view! {
                            {move || view! { <DependencyGraph scenario=scenario.clone() record=record() /> }}
                        }
                    })
                });
                let axis_c = axis.clone();
                let concurrency = move || {
                    if !extras.contains(&TimelineExtra::Concurrency) {
                        return None;
                    }
                    let record = run.get()?.record?;
                    let limit = match Strategy::from_spec(&record.spec) {
                        Some(Strategy::Semaphore { limit }) => Some(limit),
                        Some(Strategy::Batches { size }) => Some(size),
                        _ => record.options.capacity,
                    };
                    Some(view! { <ConcurrencyChart record axis=axis_c.clone() limit /> })
                };
                view! {
                    <div class="run-panel">
                        <Timeline run elapsed axis=axis.clone() active />
                        {concurrency}
                        {graph}
                    </div>
                }
            })
            .collect_view()
    };
    let finished = move || model.finished.get();
    let pool_status = move || {
        model.warm_up_ms.get().map(|ms| {
            model.status.track();
            let (queued, running, size, replaced) = model.pool_load();
            format!(
                "Worker pool: {size} workers, loaded in {} · {queued} queued · {running} running · {replaced} replaced",
                format_ms(ms)
            )
        })
    };
    let trace = Signal::derive(move || {
        if !has(Panel::Stepper) {
            return None;
        }
        validated.with(|v| v.as_ref().ok().and_then(|values| lesson.trace(values)))
    });

    view! {
        <article class="lesson" data-lesson=info.id>
            <header class="lesson-head">
                <h1>{info.title}</h1>
                <p class="summary">{info.summary}</p>
            </header>
            <section class="controls" aria-label="Controls">
                <ParamForm specs=info.params texts=texts errors />
                {has(Panel::Exercise).then(|| view! { <super::Exercise lesson /> })}
                // A lesson without actions brings its own interactive widget (a panel).
                {has_actions.then(|| view! {
                <div class="actions">
                    {buttons}
                    <button type="button" class="danger" data-action="cancel"
                        disabled=move || !model.is_running() on:click=move |_| model.cancel()>
                        "Cancel"
                    </button>
                    <ExportButton export=model.finished />
                </div>
                <p class="status" role="status" aria-live="polite" data-testid="status"
                    data-state=move || model.status.with(|s| s.key())>
                    {status_text}
                    " "
                    <a class="timing-link" href=timing_href>"About these timings"</a>
                </p>
                })}
                {(!embed).then(|| view! { <ShareButtons info query=query.into() /> })}
            </section>
            <section class="plots" aria-label="Timelines">
                {has(Panel::Lag).then(|| view! { <LagPanel reset=model.generation /> })}
                {has(Panel::Mandelbrot).then(|| {
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
                    move || {
                        let (width, height) = size.get();
                        view! { <MandelbrotView width height tiles=model.outputs /> }
                    }
                })}
                {has(Panel::Search).then(|| view! { <LiveSearch validated /> })}
                <p class="pool-status" data-testid="pool-status">{pool_status}</p>
                {has(Panel::Stepper).then(|| view! { <LoopStepper trace=trace /> })}
                {has(Panel::Server).then(|| view! { <super::ServerPanel values=validated.into() /> })}
                {extras_shown.then(|| view! { <div class="timelines">{timelines}</div> })}
                {move || finished().map(|export| {
                    let insights = lesson.insights(&export.runs, &export.params);
                    view! {
                        {has(Panel::Makespan).then(|| view! { <MakespanChart runs=export.runs.clone() /> })}
                        <InsightsList insights />
                        {has(Panel::Scaling).then(|| view! {
                            <ScalingChart points=lesson.scaling(&export.params) measured=export.runs.clone() />
                        })}
                        {has(Panel::Results).then(|| view! {
                            <div class="results-grid"><ResultsList runs=export.runs.clone() /></div>
                        })}
                    }
                })}
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
