use leptos::prelude::*;

use crate::charts::{
    scoped_memo, time_kinds, ConcurrencyChart, DependencyGraph, LiveRun, TimeAxis, TimeLegend,
    Timeline, WorkerLanes,
};
use crate::engine::{RunRecord, Strategy};
use crate::lessons::TimelineExtra;

use super::RunModel;

/// One live timeline per run (its prediction before the run), each with the extras the
/// lesson lists under it. Rebuilt each time runs start.
#[component]
pub fn RunTimelines(
    /// The page's runs.
    model: RunModel,
    /// What is drawn under each timeline.
    extras: &'static [TimelineExtra],
) -> impl IntoView {
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
        let kinds = model.live.with_untracked(|runs| {
            time_kinds(&runs.iter().map(|r| &r.predicted).collect::<Vec<_>>())
        });
        let legend = (count > 0).then(|| view! { <TimeLegend kinds /> });
        let timelines = (0..count)
            .map(|i| {
                let run = scoped_memo(move |_| model.live.with(|runs| runs.get(i).cloned()));
                let below = extras
                    .iter()
                    .map(|extra| extra_view(*extra, run, axis.clone()))
                    .collect_view();
                view! {
                    <div class="run-panel">
                        <Timeline run elapsed axis=axis.clone() active />
                        <WorkerLanes run axis=axis.clone() elapsed />
                        {below}
                    </div>
                }
            })
            .collect_view();
        (legend, timelines)
    };
    view! { <div class="timelines">{timelines}</div> }
}

/// One extra under a run's timeline.
fn extra_view(extra: TimelineExtra, run: Memo<Option<LiveRun>>, axis: TimeAxis) -> AnyView {
    match extra {
        TimelineExtra::Concurrency => {
            let chart = move || {
                let record = run.get()?.record?;
                let limit = concurrency_limit(&record);
                Some(view! { <ConcurrencyChart record axis=axis.clone() limit /> })
            };
            chart.into_any()
        }
        TimelineExtra::Graph => {
            // Only scenarios where some task waits for another have a graph.
            let scenario = run
                .get_untracked()
                .map(|r| r.scenario)
                .filter(|s| s.tasks.iter().any(|t| !t.after.is_empty()));
            scenario
                .map(|scenario| {
                    let record = move || run.get().and_then(|r| r.record);
                    move || view! { <DependencyGraph scenario=scenario.clone() record=record() /> }
                })
                .into_any()
        }
    }
}

/// The most tasks a run lets be in flight: its semaphore or batch size, or the service's
/// capacity.
fn concurrency_limit(record: &RunRecord) -> Option<usize> {
    match Strategy::from_spec(&record.spec) {
        Some(Strategy::Semaphore { limit }) => Some(limit),
        Some(Strategy::Batches { size }) => Some(size),
        _ => record.options.capacity,
    }
}
