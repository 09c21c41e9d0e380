use leptos::prelude::*;

use crate::engine::{RunRecord, ScalingPoint, Strategy};

use super::{
    format_ms, measured_groups, measured_strategies, scaling_extent, semaphore_title, task_counts,
    theory_lines, thinned, FramedPlot, LegendItem, MeasuredGroup, PlotFrame, TheoryLine, TimeAxis,
};

/// The plot's frame: an 8 px margin above a 180 px plotting area.
const FRAME: PlotFrame = PlotFrame {
    top: 8.0,
    height: 180.0,
};
/// Most points drawn per theory line (a sweep may have 2000).
const MAX_LINE_POINTS: usize = 300;
/// Most rows in the data table; longer sweeps list evenly spread task counts.
const MAX_TABLE_ROWS: usize = 200;

/// A series' display name: the strategy's title, or the key for an unknown strategy.
fn series_title(key: &str, semaphore: &str) -> String {
    match Strategy::from_key(key) {
        Some(Strategy::Semaphore { .. }) => semaphore.to_string(),
        Some(s) => s.title().to_string(),
        None => key.to_string(),
    }
}

/// The mean measured makespan of `strategy` at `n`, with the run count when several.
fn measured_cell(groups: &[MeasuredGroup], strategy: &str, n: usize) -> String {
    groups
        .iter()
        .find(|g| g.strategy == strategy && g.n == n)
        .map_or_else(
            || "–".to_string(),
            |g| match g.makespans_ms.len() {
                1 => format_ms(g.mean_ms()),
                k => format!("{} (mean of {k})", format_ms(g.mean_ms())),
            },
        )
}

/// Makespan against the number of tasks: the theoretical lines of sequential (Σd), gather
/// (max d) and the semaphore (k-slot schedule) from a scaling sweep, and a circle for
/// each measured run at its task count. A legend names the series; a data table gives
/// theory and measured makespans per task count.
#[component]
pub fn ScalingChart(
    /// The sweep: one point per task count, with the theoretical makespans.
    points: Vec<ScalingPoint>,
    /// Finished runs to plot as circles, grouped by strategy key and task count.
    measured: Vec<RunRecord>,
) -> impl IntoView {
    let lines = theory_lines(&points);
    let groups = measured_groups(&measured);
    let (max_n, max_ms) = scaling_extent(&lines, &groups);
    if max_n == 0 {
        return view! {
            <figure class="scaling-chart">
                <figcaption><strong>"Scaling"</strong></figcaption>
                <p class="scaling-empty">"No scaling data yet."</p>
            </figure>
        }
        .into_any();
    }
    let semaphore = semaphore_title(&measured);
    let x_axis = TimeAxis::covering(max_n as f64);
    let y_axis = TimeAxis::covering(max_ms);
    let x = {
        let x_axis = x_axis.clone();
        move |n: usize| format!("{:.3}%", x_axis.percent(n as f64))
    };
    let y_of = {
        let y_axis = y_axis.clone();
        move |ms: f64| FRAME.y(y_axis.percent(ms))
    };
    let x_ticks: Vec<(String, String)> = x_axis
        .ticks
        .iter()
        .filter(|t| t.fract() == 0.0)
        .map(|&t| (x(t as usize), t.to_string()))
        .collect();
    let y_ticks: Vec<(f64, String)> = y_axis
        .ticks
        .iter()
        .map(|&t| (y_of(t), format_ms(t)))
        .collect();
    let theory = lines
        .iter()
        .map(|line: &TheoryLine| {
            let pts = thinned(&line.points, MAX_LINE_POINTS);
            let segments = pts
                .windows(2)
                .map(|w| {
                    view! {
                        <line x1=x(w[0].0) x2=x(w[1].0) y1=y_of(w[0].1).to_string()
                            y2=y_of(w[1].1).to_string()></line>
                    }
                })
                .collect_view();
            // A sweep of one task count is a single point: mark it so it still shows.
            let lone = (pts.len() == 1).then(|| {
                view! {
                    <rect x=x(pts[0].0) y=(y_of(pts[0].1) - 1.5).to_string() width="8"
                        height="3"></rect>
                }
            });
            view! { <g class="theory-line" data-series=line.key>{segments}{lone}</g> }
        })
        .collect_view();
    let circles = groups
        .iter()
        .flat_map(|g| g.makespans_ms.iter().map(move |&ms| (g, ms)))
        .filter(|(_, ms)| ms.is_finite())
        .map(|(g, ms)| {
            let name = series_title(&g.strategy, &semaphore);
            view! {
                <circle class="measured-point" data-series=g.strategy.clone() cx=x(g.n)
                    cy=y_of(ms).to_string() r="4">
                    <title>{format!("{name}, n = {}: {}", g.n, format_ms(ms))}</title>
                </circle>
            }
        })
        .collect_view();

    let strategies = measured_strategies(&groups);
    let legend_theory = lines
        .iter()
        .map(|l| {
            let label = format!("{} theory ({})", series_title(l.key, &semaphore), l.formula);
            view! { <LegendItem series=l.key swatch="swatch swatch-line" label /> }
        })
        .collect_view();
    let legend_measured = strategies
        .iter()
        .map(|k| {
            let label = format!("{} measured", series_title(k, &semaphore));
            view! { <LegendItem series=k.clone() swatch="swatch swatch-point" label /> }
        })
        .collect_view();

    // Table columns: theory and measured for the three theory series, then measured
    // only for any other strategy that ran.
    let extra: Vec<String> = strategies
        .iter()
        .filter(|k| !lines.iter().any(|l| l.key == k.as_str()))
        .cloned()
        .collect();
    let heads = lines
        .iter()
        .map(|l| {
            let name = series_title(l.key, &semaphore);
            view! {
                <th scope="col">{format!("{name} theory")}</th>
                <th scope="col">{format!("{name} measured")}</th>
            }
        })
        .collect_view();
    let extra_heads = extra
        .iter()
        .map(|k| view! { <th scope="col">{format!("{} measured", series_title(k, &semaphore))}</th> })
        .collect_view();
    let counts = task_counts(&lines, &groups);
    let shown = thinned(&counts, MAX_TABLE_ROWS);
    let rows = shown
        .iter()
        .map(|&n| {
            let cells = lines
                .iter()
                .map(|l| {
                    let theory = l
                        .points
                        .binary_search_by_key(&n, |&(pn, _)| pn)
                        .map_or_else(|_| "–".to_string(), |i| format_ms(l.points[i].1));
                    view! { <td>{theory}</td><td>{measured_cell(&groups, l.key, n)}</td> }
                })
                .collect_view();
            let extra_cells = extra
                .iter()
                .map(|k| view! { <td>{measured_cell(&groups, k, n)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{n}</th>{cells}{extra_cells}</tr> }
        })
        .collect_view();
    let summary = if shown.len() < counts.len() {
        format!(
            "Scaling: data table ({} of {} task counts, evenly spread)",
            shown.len(),
            counts.len()
        )
    } else {
        "Scaling: data table".to_string()
    };
    let runs = groups.iter().map(|g| g.makespans_ms.len()).sum::<usize>();
    let aria = format!(
        "Line chart of makespan against the number of tasks n, from 1 to {max_n}, makespan \
         up to {}: theory lines for sequential, gather and {semaphore}; {runs} measured runs",
        format_ms(y_axis.max_ms)
    );
    view! {
        <figure class="scaling-chart">
            <figcaption><strong>"Scaling"</strong>" · makespan as the number of tasks grows"</figcaption>
            <ul class="scaling-legend">{legend_theory}{legend_measured}</ul>
            <FramedPlot frame=FRAME y_ticks x_ticks aria_label=aria>
                {theory}
                {circles}
            </FramedPlot>
            <p class="scaling-x-title">"number of tasks (n)"</p>
            <details class="data-table">
                <summary>{summary}</summary>
                <table>
                    <thead>
                        <tr><th scope="col">"n"</th>{heads}{extra_heads}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}
