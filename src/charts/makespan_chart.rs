use leptos::prelude::*;

use crate::engine::RunRecord;

use super::{
    format_ms, gather_speedups, makespan_bound_label, AxisTicks, BarNote, ChartExportButtons,
    DataTable, TimeAxis,
};

const ROW: f64 = 58.0;

/// Makespans of finished runs, each measured bar beside its theoretical bound, with the
/// speedup of gather over sequential when both ran. A data table gives the same numbers.
#[component]
pub fn MakespanChart(
    /// The finished runs to compare.
    runs: Vec<RunRecord>,
) -> impl IntoView {
    if runs.is_empty() {
        return ().into_any();
    }
    let longest = runs
        .iter()
        .map(|r| r.makespan_ms.max(r.bound_ms))
        .fold(0.0, f64::max);
    let axis = TimeAxis::covering(longest);
    let plot_h = runs.len() as f64 * ROW;
    view! {
        <figure class="makespan-chart">
            <figcaption>
                <strong>"Makespan"</strong>" measured vs theoretical bound"
                <ChartExportButtons name="asyncscope-makespan".to_string() />
            </figcaption>
            <div class="timeline-body">
                <svg width="100%" height=(plot_h + 20.0).to_string() role="img"
                    aria-label="Bar chart of makespans, each measured bar under its theoretical bound">
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {makespan_bars(&runs, &axis)}
                </svg>
            </div>
            {speedup_note(&runs)}
            {makespan_table(&runs)}
        </figure>
    }
    .into_any()
}

/// Per run, its name over its bound's bar over its measured bar, each with its value.
fn makespan_bars(runs: &[RunRecord], axis: &TimeAxis) -> impl IntoView {
    runs.iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * ROW;
            let wb = axis.percent(r.bound_ms).max(0.2);
            let wm = axis.percent(r.makespan_ms).max(0.2);
            let bound_label = makespan_bound_label(r);
            let title = r.title();
            view! {
                <text class="makespan-row-label" x="0" y=(y + 12.0).to_string()>
                    <title>{title.clone()}</title>
                    {title}
                </text>
                <rect class="bound-bar" x="0" width=format!("{wb:.3}%") y=(y + 18.0).to_string()
                    height="14" rx="3"></rect>
                <BarNote percent=wb y=y + 29.0 text=format!("{bound_label} {}", format_ms(r.bound_ms)) />
                <rect class="makespan-bar" x="0" width=format!("{wm:.3}%") y=(y + 34.0).to_string()
                    height="18" rx="3"></rect>
                <BarNote percent=wm y=y + 47.0 text=format!("measured {}", format_ms(r.makespan_ms)) />
            }
        })
        .collect_view()
}

/// The speedup of gather over sequential, measured and in theory, when both ran.
fn speedup_note(runs: &[RunRecord]) -> impl IntoView {
    gather_speedups(runs).map(|(measured, ideal)| {
        view! {
            <p class="speedup">
                "Speedup of gather over sequential: "
                <strong data-testid="speedup">{format!("{measured:.2}×")}</strong>
                {format!(" (theory Σd / max d = {ideal:.2}×)")}
            </p>
        }
    })
}

/// The data table: per run, its makespan, its bound and the difference.
fn makespan_table(runs: &[RunRecord]) -> impl IntoView {
    let rows = runs
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.title()}</th>
                    <td>{format_ms(r.makespan_ms)}</td>
                    <td>{format!("{} = {}", makespan_bound_label(r), format_ms(r.bound_ms))}</td>
                    <td>{format!("{:+.1} ms", r.overhead_ms())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable summary="Makespan: data table".to_string()
            headers=&["Strategy", "Measured", "Theory", "Overhead"]>
            {rows}
        </DataTable>
    }
}
