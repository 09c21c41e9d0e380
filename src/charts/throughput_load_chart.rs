use leptos::prelude::*;

use crate::engine::server::{LoadSweep, ServerModel};

use super::{format_count, DataTable, LogScale};

/// Height of the plotting area, in pixels.
const PLOT_H: f64 = 200.0;
/// Room above the plot so the top tick label is not cut, in pixels.
const TOP: f64 = 8.0;

const HEADERS: &[&str] = &[
    "Offered load (req/s)",
    "Thread pool (req/s)",
    "Event loop (req/s)",
    "Loop + workers (req/s)",
];

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
    let x_scale = LogScale::covering(sweep.rates_per_s.iter().copied());
    let y_scale = LogScale::covering(
        sweep
            .rates_per_s
            .iter()
            .copied()
            .chain(sweep.points.iter().map(|p| p.throughput_per_s)),
    );
    let x = {
        let s = x_scale.clone();
        move |v: f64| format!("{:.3}%", s.percent(v))
    };
    let y = {
        let s = y_scale.clone();
        move |v: f64| TOP + PLOT_H * (1.0 - s.percent(v) / 100.0)
    };
    let grid = y_scale
        .ticks()
        .into_iter()
        .map(|t| {
            let ty = y(t).to_string();
            view! { <line class="tick" x1="0" x2="100%" y1=ty.clone() y2=ty></line> }
        })
        .collect_view();
    let x_ticks_list = x_scale.ticks();
    let last = x_ticks_list.len().saturating_sub(1);
    let x_ticks = x_ticks_list
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let tx = x(t);
            let anchor = match i {
                0 => "start",
                i if i == last => "end",
                _ => "middle",
            };
            view! {
                <line class="tick" x1=tx.clone() x2=tx.clone() y1=TOP.to_string()
                    y2=(TOP + PLOT_H).to_string()></line>
                <text class="tick-label" x=tx y=(TOP + PLOT_H + 14.0).to_string()
                    text-anchor=anchor>{format_count(t)}</text>
            }
        })
        .collect_view();
    let (first, end) = (
        sweep.rates_per_s.first().copied().unwrap_or(1.0),
        sweep.rates_per_s.last().copied().unwrap_or(1.0),
    );
    let lines = ServerModel::ALL
        .iter()
        .map(|&model| {
            let points = sweep.of(model);
            let segments = points
                .windows(2)
                .filter(|w| w[0].throughput_per_s.is_finite() && w[1].throughput_per_s.is_finite())
                .map(|w| {
                    view! {
                        <line class="load-line" x1=x(w[0].rate_per_s) x2=x(w[1].rate_per_s)
                            y1=y(w[0].throughput_per_s).to_string()
                            y2=y(w[1].throughput_per_s).to_string()></line>
                    }
                })
                .collect_view();
            let dots = points
                .iter()
                .filter(|p| p.throughput_per_s.is_finite())
                .map(|p| {
                    view! {
                        <circle class="load-dot" cx=x(p.rate_per_s) cy=y(p.throughput_per_s).to_string() r="3">
                            <title>{format!("{}, offered {} req/s: {} req/s answered", model.title(),
                                format_count(p.rate_per_s), format_count(p.throughput_per_s))}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! { <g class="load-series" data-series=model.key()>{segments}{dots}</g> }
        })
        .collect_view();
    let chosen_x = x(chosen_rate);
    let y_labels = y_scale
        .ticks()
        .into_iter()
        .map(|t| view! { <span style:top=format!("{:.1}px", y(t))>{format_count(t)}</span> })
        .collect_view();
    let legend = ServerModel::ALL
        .iter()
        .map(|m| {
            view! {
                <li data-series=m.key()>
                    <span class="swatch swatch-line" aria-hidden="true"></span>
                    {m.title()}
                </li>
            }
        })
        .collect_view();
    let rows = sweep
        .rates_per_s
        .iter()
        .map(|&rate| {
            let cells = ServerModel::ALL
                .iter()
                .map(|&m| {
                    let t = sweep
                        .points
                        .iter()
                        .find(|p| p.model == m && p.rate_per_s == rate)
                        .map_or(f64::NAN, |p| p.throughput_per_s);
                    view! { <td>{format!("{t:.1}")}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{format_count(rate)}</th>{cells}</tr> }
        })
        .collect_view();
    let aria = format!(
        "Line chart, log scales: requests answered per second against offered load from {} \
         to {} requests per second for the thread pool, the event loop and the event loop \
         with workers, with the diagonal where every request is answered; the chosen load, \
         {} requests per second, is marked",
        format_count(x_scale.lo),
        format_count(x_scale.hi),
        format_count(chosen_rate)
    );
    view! {
        <figure class="scaling-chart load-chart" data-testid="throughput-chart">
            <figcaption><strong>"Throughput"</strong>" · requests answered per second (log scales)"</figcaption>
            <ul class="scaling-legend">
                {legend}
                <li data-series="offered">
                    <span class="swatch swatch-line swatch-dotted" aria-hidden="true"></span>
                    "every request answered"
                </li>
            </ul>
            <div class="timeline-body">
                <div class="scaling-y-labels" aria-hidden="true"
                    style:height=format!("{}px", TOP + PLOT_H)>
                    {y_labels}
                </div>
                <svg class="scaling-svg" width="100%" height=(TOP + PLOT_H + 20.0).to_string()
                    role="img" aria-label=aria>
                    {grid}
                    {x_ticks}
                    <line class="offered-line" x1=x(first) x2=x(end) y1=y(first).to_string()
                        y2=y(end).to_string()></line>
                    <line class="chosen-load" x1=chosen_x.clone() x2=chosen_x y1=TOP.to_string()
                        y2=(TOP + PLOT_H).to_string()></line>
                    {lines}
                </svg>
            </div>
            <p class="scaling-x-title">"offered load (requests per second); the vertical mark is your choice"</p>
            <div data-testid="throughput-table">
                <DataTable summary="Throughput: data table".to_string() headers=HEADERS>
                    {rows}
                </DataTable>
            </div>
        </figure>
    }
}
