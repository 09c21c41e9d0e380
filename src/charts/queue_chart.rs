use leptos::prelude::*;

use crate::engine::server::ServerRun;

use super::{format_count, format_ms, queue_polyline, DataTable, LegendItem, TimeAxis, YLabels};

/// Height of the plotting area, in pixels (and viewBox units).
const PLOT_H: f64 = 160.0;
/// Width of the viewBox; the SVG stretches it to the page's width.
const VIEW_W: f64 = 1000.0;
/// Rows of the data table: the queue every tenth of the run.
const TABLE_ROWS: usize = 11;

const HEADERS: &[&str] = &[
    "Time",
    "Thread pool waiting",
    "Event loop waiting",
    "Loop + workers waiting",
];

/// How many requests wait over time at the chosen load, one step line per server model,
/// from the simulation. A data table samples the three lines every tenth of the run.
#[component]
pub fn QueueChart(
    /// One simulated run per model, in [`crate::engine::server::ServerModel::ALL`] order.
    runs: Vec<ServerRun>,
    /// The offered load of the runs, in requests per second.
    rate: f64,
) -> impl IntoView {
    let end_ms = runs.iter().map(ServerRun::makespan_ms).fold(0.0, f64::max);
    let time_axis = TimeAxis::covering(end_ms);
    let peak = runs.iter().map(ServerRun::peak_waiting).max().unwrap_or(0);
    let count_axis = TimeAxis::covering(peak.max(1) as f64);
    let y_ticks: Vec<(f64, String)> = count_axis
        .ticks
        .iter()
        .map(|&t| (PLOT_H * (1.0 - t / count_axis.max_ms), format_count(t)))
        .collect();
    let grid = queue_grid(&y_ticks);
    let requests = runs.first().map_or(0, |r| r.outcomes.len());
    view! {
        <figure class="scaling-chart load-chart queue-chart" data-testid="queue-chart">
            <figcaption>
                <strong>"Queue"</strong>
                {format!(" · requests waiting over time at {} req/s ({requests} requests, simulated)",
                    format_count(rate))}
            </figcaption>
            {queue_legend(&runs)}
            <div class="timeline-body">
                <YLabels height=PLOT_H ticks=y_ticks />
                <div class="queue-plot">
                    <svg class="queue-svg" width="100%" height=PLOT_H.to_string()
                        viewBox=format!("0 0 {VIEW_W} {PLOT_H}") preserveAspectRatio="none"
                        role="img" aria-label=queue_aria(&runs, end_ms, rate)>
                        {grid}
                        {queue_lines(&runs, &time_axis, &count_axis)}
                    </svg>
                    {queue_x_labels(&time_axis)}
                </div>
            </div>
            <p class="scaling-x-title">"time since the first arrival"</p>
            {queue_table(&runs, end_ms)}
        </figure>
    }
}

/// The SVG's description: the time covered, the load and each model's peak.
fn queue_aria(runs: &[ServerRun], end_ms: f64, rate: f64) -> String {
    format!(
        "Step chart of the requests waiting over {} at {} requests per second: peak {} for \
         the thread pool, {} for the event loop, {} for the event loop with workers",
        format_ms(end_ms),
        format_count(rate),
        runs.first().map_or(0, ServerRun::peak_waiting),
        runs.get(1).map_or(0, ServerRun::peak_waiting),
        runs.get(2).map_or(0, ServerRun::peak_waiting),
    )
}

/// The legend: each model with its peak.
fn queue_legend(runs: &[ServerRun]) -> impl IntoView {
    let legend = runs
        .iter()
        .map(|r| {
            let label = format!("{} (peak {})", r.model.title(), r.peak_waiting());
            view! { <LegendItem series=r.model.key() swatch="swatch swatch-line" label /> }
        })
        .collect_view();
    view! { <ul class="scaling-legend">{legend}</ul> }
}

/// Horizontal grid lines at the y ticks.
fn queue_grid(y_ticks: &[(f64, String)]) -> impl IntoView {
    y_ticks
        .iter()
        .map(|(y, _)| {
            view! {
                <line class="tick" x1="0" x2=VIEW_W.to_string() y1=y.to_string() y2=y.to_string()
                    vector-effect="non-scaling-stroke"></line>
            }
        })
        .collect_view()
}

/// One step line per model: how many requests waited over time.
fn queue_lines(runs: &[ServerRun], time_axis: &TimeAxis, count_axis: &TimeAxis) -> impl IntoView {
    runs.iter()
        .map(|run| {
            let points = queue_polyline(
                &run.queue,
                time_axis.max_ms,
                count_axis.max_ms,
                VIEW_W,
                PLOT_H,
            );
            view! {
                <polyline class="queue-line" data-series=run.model.key() points=points
                    vector-effect="non-scaling-stroke"></polyline>
            }
        })
        .collect_view()
}

/// The time labels under the plot, as HTML so they keep their size.
fn queue_x_labels(time_axis: &TimeAxis) -> impl IntoView {
    let x_labels = time_axis
        .ticks
        .iter()
        .map(|&t| {
            view! {
                <span style:left=format!("{:.2}%", time_axis.percent(t))>{format_ms(t)}</span>
            }
        })
        .collect_view();
    view! { <div class="queue-x-labels" aria-hidden="true">{x_labels}</div> }
}

/// The data table: how many requests of each model wait every tenth of the run.
fn queue_table(runs: &[ServerRun], end_ms: f64) -> impl IntoView {
    let rows = (0..TABLE_ROWS)
        .map(|k| {
            let t = end_ms * k as f64 / (TABLE_ROWS - 1) as f64;
            let cells = runs
                .iter()
                .map(|r| view! { <td>{r.waiting_at(t)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{format_ms(t)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div data-testid="queue-table">
            <DataTable summary="Queue: data table".to_string() headers=HEADERS>
                {rows}
            </DataTable>
        </div>
    }
}
