use leptos::prelude::*;

use crate::engine::{RunRecord, ScalingPoint};

use super::{
    extra_strategies, format_ms, measured_cell, measured_groups, measured_strategies,
    scaling_extent, scaling_table_summary, semaphore_title, series_title, task_counts, theory_cell,
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

/// The chart's two axes: task counts across, makespans up.
struct Scales {
    x_axis: TimeAxis,
    y_axis: TimeAxis,
}

impl Scales {
    /// The position of task count `n` across the plot, as an SVG percentage.
    fn x(&self, n: usize) -> String {
        format!("{:.3}%", self.x_axis.percent(n as f64))
    }

    /// The pixel row of a makespan of `ms`.
    fn y(&self, ms: f64) -> f64 {
        FRAME.y(self.y_axis.percent(ms))
    }
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
        return scaling_empty();
    }
    let semaphore = semaphore_title(&measured);
    let s = Scales {
        x_axis: TimeAxis::covering(max_n as f64),
        y_axis: TimeAxis::covering(max_ms),
    };
    let x_ticks: Vec<(String, String)> = s
        .x_axis
        .ticks
        .iter()
        .filter(|t| t.fract() == 0.0)
        .map(|&t| (s.x(t as usize), t.to_string()))
        .collect();
    let y_ticks: Vec<(f64, String)> = s
        .y_axis
        .ticks
        .iter()
        .map(|&t| (s.y(t), format_ms(t)))
        .collect();
    let theory = lines
        .iter()
        .map(|line| theory_line(line, &s))
        .collect_view();
    let circles = measured_points(&groups, &s, &semaphore);
    let strategies = measured_strategies(&groups);
    let runs = groups.iter().map(|g| g.makespans_ms.len()).sum::<usize>();
    let aria = format!(
        "Line chart of makespan against the number of tasks n, from 1 to {max_n}, makespan \
         up to {}: theory lines for sequential, gather and {semaphore}; {runs} measured runs",
        format_ms(s.y_axis.max_ms)
    );
    view! {
        <figure class="scaling-chart">
            <figcaption><strong>"Scaling"</strong>" · makespan as the number of tasks grows"</figcaption>
            {scaling_legend(&lines, &strategies, &semaphore)}
            <FramedPlot frame=FRAME y_ticks x_ticks aria_label=aria>
                {theory}
                {circles}
            </FramedPlot>
            <p class="scaling-x-title">"number of tasks (n)"</p>
            {scaling_table(&lines, &groups, &strategies, &semaphore)}
        </figure>
    }
    .into_any()
}

/// The chart's place before there is anything to plot.
fn scaling_empty() -> AnyView {
    view! {
        <figure class="scaling-chart">
            <figcaption><strong>"Scaling"</strong></figcaption>
            <p class="scaling-empty">"No scaling data yet."</p>
        </figure>
    }
    .into_any()
}

/// One theory line, thinned to at most [`MAX_LINE_POINTS`] points.
fn theory_line(line: &TheoryLine, s: &Scales) -> impl IntoView {
    let pts = thinned(&line.points, MAX_LINE_POINTS);
    let segments = pts
        .windows(2)
        .map(|w| {
            view! {
                <line x1=s.x(w[0].0) x2=s.x(w[1].0) y1=s.y(w[0].1).to_string()
                    y2=s.y(w[1].1).to_string()></line>
            }
        })
        .collect_view();
    // A sweep of one task count is a single point: mark it so it still shows.
    let lone = (pts.len() == 1).then(|| {
        view! {
            <rect x=s.x(pts[0].0) y=(s.y(pts[0].1) - 1.5).to_string() width="8"
                height="3"></rect>
        }
    });
    view! { <g class="theory-line" data-series=line.key>{segments}{lone}</g> }
}

/// A circle per measured run (finite makespans only), with its numbers in a tooltip.
fn measured_points(groups: &[MeasuredGroup], s: &Scales, semaphore: &str) -> impl IntoView {
    groups
        .iter()
        .flat_map(|g| g.makespans_ms.iter().map(move |&ms| (g, ms)))
        .filter(|(_, ms)| ms.is_finite())
        .map(|(g, ms)| {
            let name = series_title(&g.strategy, semaphore);
            view! {
                <circle class="measured-point" data-series=g.strategy.clone() cx=s.x(g.n)
                    cy=s.y(ms).to_string() r="4">
                    <title>{format!("{name}, n = {}: {}", g.n, format_ms(ms))}</title>
                </circle>
            }
        })
        .collect_view()
}

/// The legend: each theory line with its formula, then each measured strategy.
fn scaling_legend(lines: &[TheoryLine], strategies: &[String], semaphore: &str) -> impl IntoView {
    let legend_theory = lines
        .iter()
        .map(|l| {
            let label = format!("{} theory ({})", series_title(l.key, semaphore), l.formula);
            view! { <LegendItem series=l.key swatch="swatch swatch-line" label /> }
        })
        .collect_view();
    let legend_measured = strategies
        .iter()
        .map(|k| {
            let label = format!("{} measured", series_title(k, semaphore));
            view! { <LegendItem series=k.clone() swatch="swatch swatch-point" label /> }
        })
        .collect_view();
    view! { <ul class="scaling-legend">{legend_theory}{legend_measured}</ul> }
}

/// The data table: per task count (at most [`MAX_TABLE_ROWS`], evenly spread), theory
/// and measured makespans of the three theory series, then measured only for any other
/// strategy that ran.
fn scaling_table(
    lines: &[TheoryLine],
    groups: &[MeasuredGroup],
    strategies: &[String],
    semaphore: &str,
) -> impl IntoView {
    let extra = extra_strategies(strategies, lines);
    let heads = lines
        .iter()
        .map(|l| {
            let name = series_title(l.key, semaphore);
            view! {
                <th scope="col">{format!("{name} theory")}</th>
                <th scope="col">{format!("{name} measured")}</th>
            }
        })
        .collect_view();
    let extra_heads = extra
        .iter()
        .map(
            |k| view! { <th scope="col">{format!("{} measured", series_title(k, semaphore))}</th> },
        )
        .collect_view();
    let counts = task_counts(lines, groups);
    let shown = thinned(&counts, MAX_TABLE_ROWS);
    let rows = shown
        .iter()
        .map(|&n| scaling_row(n, lines, groups, &extra))
        .collect_view();
    view! {
        <details class="data-table">
            <summary>{scaling_table_summary(shown.len(), counts.len())}</summary>
            <table>
                <thead>
                    <tr><th scope="col">"n"</th>{heads}{extra_heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// The table's row for `n` tasks.
fn scaling_row(
    n: usize,
    lines: &[TheoryLine],
    groups: &[MeasuredGroup],
    extra: &[String],
) -> impl IntoView {
    let cells = lines
        .iter()
        .map(|l| view! { <td>{theory_cell(l, n)}</td><td>{measured_cell(groups, l.key, n)}</td> })
        .collect_view();
    let extra_cells = extra
        .iter()
        .map(|k| view! { <td>{measured_cell(groups, k, n)}</td> })
        .collect_view();
    view! { <tr><th scope="row">{n}</th>{cells}{extra_cells}</tr> }
}
