use leptos::prelude::*;

use crate::engine::{Comparison, RunRecord, Strategy};

use super::{format_ms, AxisTicks, BarNote, ChartExportButtons, DataTable, TimeAxis};

const ROW: f64 = 44.0;

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
    let title_of = |r: &RunRecord| {
        let bound = Strategy::from_spec(&r.spec)
            .or_else(|| Strategy::from_key(&r.strategy))
            .map(|s| s.bound_label())
            .unwrap_or("bound");
        (r.title(), bound)
    };
    let rows = runs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * ROW;
            let wb = axis.percent(r.bound_ms).max(0.2);
            let wm = axis.percent(r.makespan_ms).max(0.2);
            let (_, bound_label) = title_of(r);
            view! {
                <rect class="bound-bar" x="0" width=format!("{wb:.3}%") y=(y + 4.0).to_string()
                    height="14" rx="3"></rect>
                <BarNote percent=wb y=y + 15.0 text=format!("{bound_label} {}", format_ms(r.bound_ms)) />
                <rect class="makespan-bar" x="0" width=format!("{wm:.3}%") y=(y + 20.0).to_string()
                    height="18" rx="3"></rect>
                <BarNote percent=wm y=y + 33.0 text=format!("measured {}", format_ms(r.makespan_ms)) />
            }
        })
        .collect_view();
    let labels = runs
        .iter()
        .map(|r| view! { <li style:height=format!("{ROW}px")>{title_of(r).0}</li> })
        .collect_view();
    let table = runs
        .iter()
        .map(|r| {
            let (title, bound_label) = title_of(r);
            view! {
                <tr>
                    <th scope="row">{title}</th>
                    <td>{format_ms(r.makespan_ms)}</td>
                    <td>{format!("{bound_label} = {}", format_ms(r.bound_ms))}</td>
                    <td>{format!("{:+.1} ms", r.overhead_ms())}</td>
                </tr>
            }
        })
        .collect_view();
    let speedup = Comparison::from_runs(&runs).and_then(|c| {
        let measured = c.speedup()?;
        let seq = runs.iter().find(|r| r.strategy == "sequential")?;
        let gather = runs.iter().find(|r| r.strategy == "gather")?;
        let ideal = if gather.bound_ms > 0.0 {
            seq.bound_ms / gather.bound_ms
        } else {
            1.0
        };
        Some(view! {
            <p class="speedup">
                "Speedup of gather over sequential: "
                <strong data-testid="speedup">{format!("{measured:.2}×")}</strong>
                {format!(" (theory Σd / max d = {ideal:.2}×)")}
            </p>
        })
    });
    view! {
        <figure class="makespan-chart">
            <figcaption>
                <strong>"Makespan"</strong>" measured vs theoretical bound"
                <ChartExportButtons name="asyncscope-makespan".to_string() />
            </figcaption>
            <div class="timeline-body">
                <ol class="lane-labels" aria-hidden="true">{labels}</ol>
                <svg width="100%" height=(plot_h + 20.0).to_string() role="img"
                    aria-label="Bar chart of makespans, each measured bar under its theoretical bound">
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {rows}
                </svg>
            </div>
            {speedup}
            <DataTable summary="Makespan: data table".to_string()
                headers=&["Strategy", "Measured", "Theory", "Overhead"]>
                {table}
            </DataTable>
        </figure>
    }
    .into_any()
}
