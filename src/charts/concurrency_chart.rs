use leptos::prelude::*;

use crate::engine::{RunRecord, Strategy};

use super::{
    concurrency_scale_top, concurrency_steps, format_ms, level_height, AxisTicks, StepSegment,
    TimeAxis,
};

/// Height of the plotting area, in pixels.
const PLOT_H: f64 = 70.0;
/// Room above the plot for the limit's label, in pixels.
const TOP: f64 = 12.0;

/// The pixel row of `level` tasks in flight on a scale topped at `top`.
fn level_y(level: usize, top: usize) -> f64 {
    TOP + PLOT_H - level_height(level, top, PLOT_H)
}

/// An SVG percentage.
fn pct(p: f64) -> String {
    format!("{p:.3}%")
}

/// A small step chart of how many tasks were in flight over one run, with a dashed line
/// at the service capacity or semaphore size and the peak written in the caption. The
/// label column lines up with [`super::Timeline`]'s, so both share one time axis. A data
/// table gives the same numbers.
#[component]
pub fn ConcurrencyChart(
    /// The finished run to draw.
    record: RunRecord,
    /// The time axis, shared with the run's timeline so both line up.
    axis: TimeAxis,
    /// The most tasks allowed at once (service capacity or semaphore size), drawn as a
    /// dashed line; `None` draws no line.
    #[prop(into, default = None)]
    limit: Option<usize>,
) -> impl IntoView {
    let concurrency = record.concurrency();
    let peak = concurrency.peak;
    let limit = limit.filter(|&k| k > 0);
    let top = concurrency_scale_top(peak, limit);
    let steps = concurrency_steps(&concurrency.points, &axis);
    let title = Strategy::from_key(&record.strategy).map_or("Run", |s| s.title());
    let limit_text = limit.map(|k| format!(", limit {k}")).unwrap_or_default();
    let aria = format!(
        "{title}: tasks in flight over time, peak {peak}{limit_text}, on a time axis from 0 to {}",
        format_ms(axis.max_ms)
    );
    view! {
        <figure class="concurrency-chart" data-strategy=record.strategy.clone()>
            <figcaption>
                <strong>{title}</strong>
                " tasks in flight · peak "
                <strong data-testid="concurrency-peak">{peak}</strong>
                {limit.map(|k| view! { <span class="concurrency-limit">{format!(" · limit {k}")}</span> })}
            </figcaption>
            <div class="timeline-body">
                {concurrency_scale(top)}
                <svg class="concurrency-svg" width="100%" height=(TOP + PLOT_H + 20.0).to_string()
                    role="img" aria-label=aria>
                    <g transform=format!("translate(0 {TOP})")>
                        <AxisTicks axis=axis.clone() height=PLOT_H />
                    </g>
                    <line class="concurrency-base" x1="0" x2="100%" y1=level_y(0, top).to_string()
                        y2=level_y(0, top).to_string()></line>
                    {concurrency_areas(&steps, top)}
                    {concurrency_outline(&steps, top)}
                    {limit_line(limit, top)}
                </svg>
            </div>
            {concurrency_table(title, peak, &limit_text, &steps)}
        </figure>
    }
}

/// The scale beside the chart: its top and 0.
fn concurrency_scale(top: usize) -> impl IntoView {
    view! {
        <div class="lane-labels concurrency-scale" aria-hidden="true"
            style:height=format!("{}px", TOP + PLOT_H) style:padding-top=format!("{TOP}px")>
            <span>{format!("{top} in flight")}</span>
            <span>"0"</span>
        </div>
    }
}

/// The filled area under each stretch with tasks in flight.
fn concurrency_areas(steps: &[StepSegment], top: usize) -> impl IntoView {
    steps
        .iter()
        .filter(|s| s.level > 0)
        .map(|s| {
            view! {
                <rect class="concurrency-area" x=pct(s.x_percent) width=pct(s.width_percent)
                    y=level_y(s.level, top).to_string()
                    height=(TOP + PLOT_H - level_y(s.level, top)).to_string()></rect>
            }
        })
        .collect_view()
}

/// The outline: a riser at the start of each stretch, its flat top, and a final drop.
fn concurrency_outline(steps: &[StepSegment], top: usize) -> impl IntoView {
    let y = |level: usize| level_y(level, top);
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let before = if i == 0 { 0 } else { steps[i - 1].level };
            let end = pct(s.x_percent + s.width_percent);
            let drop = (i + 1 == steps.len()).then(|| {
                view! {
                    <line class="concurrency-line" x1=end.clone() x2=end.clone()
                        y1=y(s.level).to_string() y2=y(0).to_string()></line>
                }
            });
            view! {
                <line class="concurrency-line" x1=pct(s.x_percent) x2=pct(s.x_percent)
                    y1=y(before).to_string() y2=y(s.level).to_string()></line>
                <line class="concurrency-line" x1=pct(s.x_percent) x2=end.clone()
                    y1=y(s.level).to_string() y2=y(s.level).to_string()></line>
                {drop}
            }
        })
        .collect_view()
}

/// The dashed line at the limit, with its label; nothing without a limit.
fn limit_line(limit: Option<usize>, top: usize) -> impl IntoView {
    limit.map(|k| {
        let y = level_y(k, top);
        view! {
            <line class="limit-line" x1="0" x2="100%" y1=y.to_string() y2=y.to_string()></line>
            <text class="limit-label" x="100%" y=(y - 3.0).to_string() text-anchor="end">
                {format!("limit {k}")}
            </text>
        }
    })
}

/// The data table: each stretch's start, end and tasks in flight.
fn concurrency_table(
    title: &str,
    peak: usize,
    limit_text: &str,
    steps: &[StepSegment],
) -> impl IntoView {
    let rows = if steps.is_empty() {
        view! { <tr><td colspan="3">"No task was in flight."</td></tr> }.into_any()
    } else {
        steps
            .iter()
            .map(|s| {
                view! {
                    <tr>
                        <td>{format_ms(s.from_ms)}</td>
                        <td>{format_ms(s.to_ms)}</td>
                        <td>{s.level}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <details class="data-table">
            <summary>{format!("{title} concurrency: data table")}</summary>
            <table>
                <caption>{format!("Peak {peak} in flight{limit_text}")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"From"</th>
                        <th scope="col">"To"</th>
                        <th scope="col">"In flight"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
