use leptos::prelude::*;

use crate::browser::prefers_reduced_motion;
use crate::engine::TaskStatus;

use super::{format_ms, AxisTicks, ChartExportButtons, DataTable, LiveRun, TimeAxis};

const LANE: f64 = 22.0;
const GAP: f64 = 6.0;
const AXIS: f64 = 20.0;

/// A live timeline of one run: one lane per task, the predicted bar drawn faintly, the
/// measured bar growing while the task waits, its finish order at the end, and a moving
/// "now" line. A data table gives the same numbers.
#[component]
pub fn Timeline(
    /// The run to draw (`None` draws nothing: the run was replaced).
    run: Memo<Option<LiveRun>>,
    /// Milliseconds since the run started, updated every frame while running.
    elapsed: Signal<f64>,
    /// The shared time axis, so several timelines compare at a glance.
    axis: TimeAxis,
    /// Whether the run is still going (draws the "now" line and grows open bars).
    active: Signal<bool>,
) -> impl IntoView {
    let Some(first) = run.get_untracked() else {
        return ().into_any();
    };
    let lanes = first.predicted.tasks.len();
    let title = first.predicted.title();
    let plot_h = lanes as f64 * (LANE + GAP);
    let total_h = plot_h + AXIS;
    let lane_views = (0..lanes)
        .map(|j| {
            let axis = axis.clone();
            let y = j as f64 * (LANE + GAP);
            let pred = first.predicted.tasks[j].clone();
            let (px, pw) = (
                axis.percent(pred.start_ms),
                (axis.percent(pred.end_ms) - axis.percent(pred.start_ms)).max(0.2),
            );
            let measured = move || {
                run.with(|r| {
                    let r = r.as_ref()?;
                    let start = r.starts.get(j).copied().flatten()?;
                    let end = r.ends.get(j).copied().flatten();
                    let status = r.statuses.get(j).copied().flatten();
                    Some((start, end, r.ranks.get(j).copied().unwrap_or(0), status))
                })
            };
            let axis_m = axis.clone();
            let bar = move || {
                let (start, end, _, status) = measured()?;
                let end_ms = end.unwrap_or_else(|| {
                    if active.get() {
                        elapsed.get().max(start)
                    } else {
                        elapsed.get_untracked().max(start)
                    }
                });
                let x = axis_m.percent(start);
                let w = (axis_m.percent(end_ms) - x).max(0.4);
                let status = status.map(|s| s.key()).unwrap_or("running");
                Some((x, w, end.is_some(), status))
            };
            let axis_r = axis.clone();
            let rank_label = move || {
                let (_, end, rank, status) = measured()?;
                let end = end?;
                let text = match status {
                    Some(TaskStatus::Ok) | None => format!("#{rank}"),
                    Some(other) => format!("#{rank} {}", other.key().replace('_', " ")),
                };
                (rank > 0).then(|| (axis_r.percent(end), text))
            };
            view! {
                <g class="lane">
                    <rect class="bar-predicted" x=format!("{px:.3}%") width=format!("{pw:.3}%")
                        y=(y + 2.0).to_string() height=(LANE - 4.0).to_string() rx="3"></rect>
                    {move || bar().map(|(x, w, done, status)| view! {
                        <rect class="bar-measured" class:done=done data-status=status
                            x=format!("{x:.3}%") width=format!("{w:.3}%")
                            y=y.to_string() height=LANE.to_string() rx="4"></rect>
                    })}
                    {move || rank_label().map(|(x, text)| view! {
                        <text class="rank" x=format!("{x:.3}%") dx="4" y=(y + LANE * 0.72).to_string()>
                            {text}
                        </text>
                    })}
                </g>
            }
        })
        .collect_view();
    let axis_now = axis.clone();
    let now_x = move || format!("{:.3}%", axis_now.percent(elapsed.get()));
    let axis_raised = axis.clone();
    let raised = move || {
        run.with(|r| {
            let at = r.as_ref()?.raised_at_ms?;
            Some(format!("{:.3}%", axis_raised.percent(at)))
        })
    };
    let animated = !prefers_reduced_motion();
    let running =
        move || animated && active.get() && run.with(|r| r.as_ref().is_some_and(|r| !r.is_done()));
    let labels = first
        .predicted
        .tasks
        .iter()
        .map(|t| {
            view! {
                <li style:height=format!("{LANE}px") style:margin-bottom=format!("{GAP}px")>
                    <span class="lane-name">{t.label.clone()}</span>
                    <span class="lane-ms">{format_ms(t.requested_ms)}</span>
                </li>
            }
        })
        .collect_view();
    let heading = move || {
        run.with(|r| {
            let r = r.as_ref()?;
            let bound = format!(
                "{} = {}",
                r.strategy.bound_label_for(&r.scenario),
                format_ms(r.predicted.bound_ms)
            );
            Some(match &r.record {
                Some(rec) => format!(
                    "measured {} · predicted {} ({bound}) · deviation {:+.1} ms",
                    format_ms(rec.makespan_ms),
                    format_ms(r.predicted.makespan_ms),
                    rec.makespan_ms - r.predicted.makespan_ms
                ),
                None => {
                    let state = if active.get() {
                        "running…"
                    } else if r.starts.iter().any(Option::is_some) {
                        "stopped ·"
                    } else {
                        "not run yet ·"
                    };
                    format!(
                        "{state} predicted {} ({bound})",
                        format_ms(r.predicted.makespan_ms)
                    )
                }
            })
        })
    };
    let table_rows = move || {
        run.with(|r| {
            let Some(r) = r.as_ref() else {
                return Vec::new();
            };
            r.predicted
                .tasks
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let cell = |v: Option<f64>| v.map(format_ms).unwrap_or_else(|| "–".into());
                    let rank = r.ranks.get(j).copied().unwrap_or(0);
                    view! {
                        <tr>
                            <th scope="row">{p.label.clone()}</th>
                            <td>{format_ms(p.requested_ms)}</td>
                            <td>{format_ms(p.start_ms)}" – "{format_ms(p.end_ms)}</td>
                            <td>{cell(r.starts.get(j).copied().flatten())}</td>
                            <td>{cell(r.ends.get(j).copied().flatten())}</td>
                            <td>{if rank > 0 { rank.to_string() } else { "–".into() }}</td>
                            <td>
                                {r.statuses.get(j).copied().flatten().map(|s| s.key()).unwrap_or("–")}
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let title_h = title.clone();
    let aria = format!(
        "{title} timeline: {lanes} tasks on a time axis from 0 to {}",
        format_ms(axis.max_ms)
    );
    view! {
        <figure class="timeline" data-strategy=first.strategy.key()>
            <figcaption>
                <strong>{title_h}</strong>
                " "
                <span class="timeline-stats">{heading}</span>
                <ChartExportButtons name=format!("asyncscope-timeline-{}", first.strategy.spec()) />
            </figcaption>
            <div class="timeline-body">
                <ol class="lane-labels" aria-hidden="true">{labels}</ol>
                <svg class="timeline-svg" width="100%" height=total_h.to_string()
                    role="img" aria-label=aria>
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {lane_views}
                    {move || raised().map(|x| view! {
                        <line class="raised-line" x1=x.clone() x2=x.clone() y1="0"
                            y2=plot_h.to_string()></line>
                        <text class="raised-label" x=x dx="3" y="10">"error raised"</text>
                    })}
                    <Show when=running>
                        <line class="now-line" x1=now_x.clone() x2=now_x.clone() y1="0"
                            y2=plot_h.to_string()></line>
                    </Show>
                </svg>
            </div>
            <DataTable summary=format!("{title}: data table")
                headers=&["Task", "Requested", "Predicted", "Started", "Ended", "Finished #", "Status"]>
                {table_rows}
            </DataTable>
        </figure>
    }
    .into_any()
}
