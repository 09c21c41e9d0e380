use leptos::prelude::*;

use crate::engine::RunRecord;
use crate::lessons::handover::{handover_summary, handovers, Handover};

use super::{format_ms, AxisTicks, DataTable, TimeAxis};

/// Height of a task's lane, in pixels.
const LANE: f64 = 18.0;
/// Space between lanes, in pixels.
const GAP: f64 = 4.0;

/// When the caller's code got each result, one figure per run on a shared time axis: a
/// lane per task in input order, a faint line from the task's end to the hand-over, and a
/// numbered dot at the hand-over (1 = the first result the caller got).
#[component]
pub fn HandoverChart(
    /// The runs (predicted before a run, measured after).
    #[prop(into)]
    runs: Signal<Vec<RunRecord>>,
) -> impl IntoView {
    move || {
        runs.with(|runs| {
            let end = runs.iter().map(|r| r.makespan_ms).fold(0.0, |a: f64, b| {
                if b.is_finite() {
                    a.max(b)
                } else {
                    a
                }
            });
            let axis = TimeAxis::covering(end);
            let figures = runs.iter().map(|r| figure(r, &axis)).collect_view();
            view! {
                <section class="handover-chart" data-testid="handover-chart"
                    aria-label="When your code got each result">
                    <h3>"When your code got each result"</h3>
                    {figures}
                </section>
            }
        })
    }
}

/// One run's figure.
fn figure(run: &RunRecord, axis: &TimeAxis) -> impl IntoView {
    let all = handovers(run);
    let summary = handover_summary(run, &all);
    let plot_h = all.len() as f64 * (LANE + GAP);
    let labels = (all.iter())
        .map(|h| {
            view! {
                <li style:height=format!("{LANE}px") style:margin-bottom=format!("{GAP}px")>
                    <span class="lane-name">{h.label.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let marks = (all.iter().enumerate())
        .map(|(j, h)| mark(h, j, axis))
        .collect_view();
    let rows = (all.iter()).map(table_row).collect_view();
    view! {
        <figure class="handover" data-strategy=run.strategy.clone()>
            <figcaption>{summary.clone()}</figcaption>
            <div class="timeline-body">
                <ol class="lane-labels" aria-hidden="true">{labels}</ol>
                <svg width="100%" height=(plot_h + 20.0).to_string() role="img"
                    aria-label=summary.clone()>
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {marks}
                </svg>
            </div>
            <DataTable summary=format!("{}: hand-overs as a table", run.title())
                headers=&["Task", "Ended", "Handed over", "Result number"]>
                {rows}
            </DataTable>
        </figure>
    }
}

/// A task's wait for the hand-over and its numbered dot.
fn mark(h: &Handover, j: usize, axis: &TimeAxis) -> impl IntoView {
    let y = j as f64 * (LANE + GAP) + LANE / 2.0;
    let (end, at) = (axis.percent(h.end_ms), axis.percent(h.at_ms));
    let wait = (at - end > 0.2).then(|| {
        view! {
            <line class="handover-wait" x1=format!("{end:.3}%") x2=format!("{at:.3}%")
                y1=y.to_string() y2=y.to_string()></line>
        }
    });
    view! {
        <g class="handover-mark" data-order=h.order.to_string()>
            {wait}
            <circle class="handover-dot" cx=format!("{at:.3}%") cy=y.to_string() r="8"></circle>
            <text class="handover-order" x=format!("{at:.3}%") y=(y + 4.0).to_string()
                text-anchor="middle">{h.order.to_string()}</text>
        </g>
    }
}

/// A task's row of the data table.
fn table_row(h: &Handover) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{h.label.clone()}</th>
            <td>{format_ms(h.end_ms)}</td>
            <td>{format_ms(h.at_ms)}</td>
            <td>{h.order.to_string()}</td>
        </tr>
    }
}
