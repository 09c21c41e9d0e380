use leptos::prelude::*;

use crate::engine::server::{LoadSweep, ServerModel};

use super::{format_count, format_ms, DataTable, LogScale};

/// Height of the plotting area, in pixels.
const PLOT_H: f64 = 200.0;
/// Room above the plot so the top tick label is not cut, in pixels.
const TOP: f64 = 8.0;

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
    let x_scale = LogScale::covering(sweep.rates_per_s.iter().copied());
    let y_scale = LogScale::covering(
        sweep
            .points
            .iter()
            .flat_map(|p| [p.latency.p50, p.latency.p99]),
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
    let lines = ServerModel::ALL
        .iter()
        .map(|&model| {
            let points = sweep.of(model);
            let segments = |value: fn(&crate::engine::server::LoadPoint) -> f64, class: &'static str| {
                points
                    .windows(2)
                    .filter(|w| value(&w[0]).is_finite() && value(&w[1]).is_finite())
                    .map(|w| {
                        view! {
                            <line class=class x1=x(w[0].rate_per_s) x2=x(w[1].rate_per_s)
                                y1=y(value(&w[0])).to_string() y2=y(value(&w[1])).to_string()></line>
                        }
                    })
                    .collect_view()
            };
            let dots = points
                .iter()
                .filter(|p| p.latency.p99.is_finite())
                .map(|p| {
                    view! {
                        <circle class="load-dot" cx=x(p.rate_per_s) cy=y(p.latency.p99).to_string() r="3">
                            <title>{format!("{}, {} req/s: p99 {}", model.title(),
                                format_count(p.rate_per_s), format_ms(p.latency.p99))}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! {
                <g class="load-series" data-series=model.key()>
                    {segments(|p| p.latency.p50, "load-line median")}
                    {segments(|p| p.latency.p99, "load-line")}
                    {dots}
                </g>
            }
        })
        .collect_view();
    let chosen_x = x(chosen_rate);
    let y_labels = y_scale
        .ticks()
        .into_iter()
        .map(|t| view! { <span style:top=format!("{:.1}px", y(t))>{format_ms(t)}</span> })
        .collect_view();
    let legend = ServerModel::ALL
        .iter()
        .map(|m| {
            view! {
                <li data-series=m.key()>
                    <span class="swatch swatch-line" aria-hidden="true"></span>
                    {format!("{} p99", m.title())}
                </li>
                <li data-series=m.key()>
                    <span class="swatch swatch-line swatch-dashed" aria-hidden="true"></span>
                    {format!("{} p50", m.title())}
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
                    let p = sweep
                        .points
                        .iter()
                        .find(|p| p.model == m && p.rate_per_s == rate)
                        .map(|p| p.latency);
                    let cell = |v: Option<f64>| format_ms(v.unwrap_or(f64::NAN));
                    view! {
                        <td>{cell(p.map(|l| l.p50))}</td>
                        <td>{cell(p.map(|l| l.p95))}</td>
                        <td>{cell(p.map(|l| l.p99))}</td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format_count(rate)}</th>{cells}</tr> }
        })
        .collect_view();
    let aria = format!(
        "Line chart, log scales: latency from {} to {} against offered load from {} to {} \
         requests per second, p50 and p99 for the thread pool, the event loop and the event \
         loop with workers; the chosen load, {} requests per second, is marked",
        format_ms(y_scale.lo),
        format_ms(y_scale.hi),
        format_count(x_scale.lo),
        format_count(x_scale.hi),
        format_count(chosen_rate)
    );
    view! {
        <figure class="scaling-chart load-chart" data-testid="latency-chart">
            <figcaption><strong>"Latency"</strong>" · against offered load (log scales)"</figcaption>
            <ul class="scaling-legend">{legend}</ul>
            <div class="timeline-body">
                <div class="scaling-y-labels" aria-hidden="true"
                    style:height=format!("{}px", TOP + PLOT_H)>
                    {y_labels}
                </div>
                <svg class="scaling-svg" width="100%" height=(TOP + PLOT_H + 20.0).to_string()
                    role="img" aria-label=aria>
                    {grid}
                    {x_ticks}
                    <line class="chosen-load" x1=chosen_x.clone() x2=chosen_x y1=TOP.to_string()
                        y2=(TOP + PLOT_H).to_string()></line>
                    {lines}
                </svg>
            </div>
            <p class="scaling-x-title">"offered load (requests per second); the vertical mark is your choice"</p>
            <div data-testid="latency-table">
                <DataTable summary="Latency: data table".to_string() headers=HEADERS>
                    {rows}
                </DataTable>
            </div>
        </figure>
    }
}
