use leptos::prelude::*;

use crate::engine::server::{LoadPoint, LoadSweep, ServerModel};

use super::{format_count, format_ms, LoadChart, LoadSeries, LogPlot};

const HEADERS: &[&str] = &[
    "Offered load (req/s)",
    "Thread pool p50",
    "Thread pool p95",
    "Thread pool p99",
    "Event loop p50",
    "Event loop p95",
    "Event loop p99",
    "Loop + workers p50",
    "Loop + workers p95",
    "Loop + workers p99",
];

/// A model's p50, p95 and p99 at one offered load, for the data table.
fn latency_cells(point: Option<&LoadPoint>) -> AnyView {
    let cell = |v: Option<f64>| format_ms(v.unwrap_or(f64::NAN));
    let l = point.map(|p| p.latency);
    view! {
        <td>{cell(l.map(|l| l.p50))}</td>
        <td>{cell(l.map(|l| l.p95))}</td>
        <td>{cell(l.map(|l| l.p99))}</td>
    }
    .into_any()
}

/// Latency against offered load, both on log scales: for each server model its median
/// (dashed) and 99th percentile (solid), and a vertical mark at the chosen load. A data
/// table gives p50, p95 and p99 of every model at every load.
#[component]
pub fn LatencyLoadChart(
    /// The simulated sweep.
    sweep: LoadSweep,
    /// The offered load chosen in the form, marked on the chart.
    chosen_rate: f64,
) -> impl IntoView {
    let plot = LogPlot::covering(
        sweep.rates_per_s.iter().copied(),
        sweep
            .points
            .iter()
            .flat_map(|p| [p.latency.p50, p.latency.p99]),
    );
    let series = ServerModel::ALL
        .iter()
        .map(|&model| {
            let points = sweep.of(model);
            let line = |value: fn(&LoadPoint) -> f64| {
                points.iter().map(|p| (p.rate_per_s, value(p))).collect()
            };
            let lines = vec![
                ("load-line median", line(|p| p.latency.p50)),
                ("load-line", line(|p| p.latency.p99)),
            ];
            let dots = points
                .iter()
                .map(|p| {
                    let title = format!(
                        "{}, {} req/s: p99 {}",
                        model.title(),
                        format_count(p.rate_per_s),
                        format_ms(p.latency.p99)
                    );
                    (p.rate_per_s, p.latency.p99, title)
                })
                .collect();
            view! { <LoadSeries plot=plot.clone() model lines dots /> }
        })
        .collect_view();
    let legend = ServerModel::ALL
        .iter()
        .flat_map(|m| {
            [
                ("swatch swatch-line", "p99"),
                ("swatch swatch-line swatch-dashed", "p50"),
            ]
            .map(|(swatch, p)| (m.key().to_string(), swatch, format!("{} {p}", m.title())))
        })
        .collect();
    let aria_label = format!(
        "Line chart, log scales: latency from {} to {} against offered load from {} to {} \
         requests per second, p50 and p99 for the thread pool, the event loop and the event \
         loop with workers; the chosen load, {} requests per second, is marked",
        format_ms(plot.y.lo),
        format_ms(plot.y.hi),
        format_count(plot.x.lo),
        format_count(plot.x.hi),
        format_count(chosen_rate)
    );
    view! {
        <LoadChart name="latency" title="Latency" subtitle=" · against offered load (log scales)"
            legend plot y_label=format_ms chosen_rate aria_label headers=HEADERS sweep
            cells=latency_cells>
            {series}
        </LoadChart>
    }
}
