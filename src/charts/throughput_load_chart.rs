use leptos::prelude::*;

use crate::engine::server::{LoadPoint, LoadSweep, ServerModel};

use super::{format_count, LoadChart, LoadSeries, LogPlot};

const HEADERS: &[&str] = &[
    "Offered load (req/s)",
    "Thread pool (req/s)",
    "Event loop (req/s)",
    "Loop + workers (req/s)",
];

/// A model's answered requests per second at one offered load, for the data table.
fn throughput_cell(point: Option<&LoadPoint>) -> AnyView {
    let t = point.map_or(f64::NAN, |p| p.throughput_per_s);
    view! { <td>{format!("{t:.1}")}</td> }.into_any()
}

/// Completed requests per second against offered load, both on log scales: one line per
/// server model, the diagonal where every offered request is answered, and a vertical mark
/// at the chosen load. Each line follows the diagonal, then flattens at its capacity. A
/// data table gives every point.
#[component]
pub fn ThroughputLoadChart(
    /// The simulated sweep.
    sweep: LoadSweep,
    /// The offered load chosen in the form, marked on the chart.
    chosen_rate: f64,
) -> impl IntoView {
    let plot = LogPlot::covering(
        sweep.rates_per_s.iter().copied(),
        sweep
            .rates_per_s
            .iter()
            .copied()
            .chain(sweep.points.iter().map(|p| p.throughput_per_s)),
    );
    let series = ServerModel::ALL
        .iter()
        .map(|&model| {
            let points: Vec<(f64, f64)> = sweep
                .of(model)
                .iter()
                .map(|p| (p.rate_per_s, p.throughput_per_s))
                .collect();
            let dots = points
                .iter()
                .map(|&(rate, t)| {
                    let title = format!(
                        "{}, offered {} req/s: {} req/s answered",
                        model.title(),
                        format_count(rate),
                        format_count(t)
                    );
                    (rate, t, title)
                })
                .collect();
            let lines = vec![("load-line", points)];
            view! { <LoadSeries plot=plot.clone() model lines dots /> }
        })
        .collect_view();
    let legend = ServerModel::ALL
        .iter()
        .map(|m| {
            (
                m.key().to_string(),
                "swatch swatch-line",
                m.title().to_string(),
            )
        })
        .chain([(
            "offered".to_string(),
            "swatch swatch-line swatch-dotted",
            "every request answered".to_string(),
        )])
        .collect();
    let aria_label = format!(
        "Line chart, log scales: requests answered per second against offered load from {} \
         to {} requests per second for the thread pool, the event loop and the event loop \
         with workers, with the diagonal where every request is answered; the chosen load, \
         {} requests per second, is marked",
        format_count(plot.x.lo),
        format_count(plot.x.hi),
        format_count(chosen_rate)
    );
    view! {
        <LoadChart name="throughput" title="Throughput"
            subtitle=" · requests answered per second (log scales)" legend plot
            y_label=format_count chosen_rate diagonal=true aria_label headers=HEADERS sweep
            cells=throughput_cell>
            {series}
        </LoadChart>
    }
}
