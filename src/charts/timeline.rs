use leptos::prelude::*;

use crate::browser::prefers_reduced_motion;
use crate::engine::TaskSpan;

use super::{
    finish_label, format_ms, lane_segments, measured_span, predicted_bar, timeline_heading,
    AxisTicks, ChartExportButtons, DataTable, LiveRun, TimeAxis,
};

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
    let lane_views = first
        .predicted
        .tasks
        .iter()
        .enumerate()
        .map(|(j, pred)| timeline_lane(run, j, pred, &axis, elapsed, active))
        .collect_view();
    let aria = format!(
        "{title} timeline: {lanes} tasks on a time axis from 0 to {}",
        format_ms(axis.max_ms)
    );
    view! {
        <figure class="timeline" data-strategy=first.strategy.key()>
            {timeline_caption(run, active, &first, title.clone())}
            <div class="timeline-body">
                {lane_labels(&first.predicted.tasks)}
                <svg class="timeline-svg" width="100%" height=total_h.to_string()
                    role="img" aria-label=aria>
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {lane_views}
                    {raised_marker(run, axis.clone(), plot_h)}
                    {now_line(run, elapsed, axis, active, plot_h)}
                </svg>
            </div>
            {timeline_table(run, &title)}
        </figure>
    }
    .into_any()
}

/// The caption: the run's title, its numbers (see [`timeline_heading`]) and the export
/// buttons.
fn timeline_caption(
    run: Memo<Option<LiveRun>>,
    active: Signal<bool>,
    first: &LiveRun,
    title: String,
) -> impl IntoView {
    let heading = move || run.with(|r| Some(timeline_heading(r.as_ref()?, || active.get())));
    view! {
        <figcaption>
            <strong>{title}</strong>
            " "
            <span class="timeline-stats">{heading}</span>
            <ChartExportButtons name=format!("asyncscope-timeline-{}", first.strategy.spec()) />
        </figcaption>
    }
}

/// The task names and requested durations beside the lanes.
fn lane_labels(tasks: &[TaskSpan]) -> impl IntoView {
    let labels = tasks
        .iter()
        .map(|t| {
            view! {
                <li style:height=format!("{LANE}px") style:margin-bottom=format!("{GAP}px")
                    title=t.label.clone()>
                    <span class="lane-name">{t.label.clone()}</span>
                    <span class="lane-ms">{format_ms(t.requested_ms)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="lane-labels" aria-hidden="true">{labels}</ol> }
}

/// Lane `j`: the predicted bar `pred`, the measured time its job waited for a worker
/// (CPU work on a pool), the measured bar (growing with `elapsed` while `active` and the
/// task is open) and the finish order once the task has ended. Its kind (I/O or CPU)
/// picks its colour.
fn timeline_lane(
    run: Memo<Option<LiveRun>>,
    j: usize,
    pred: &TaskSpan,
    axis: &TimeAxis,
    elapsed: Signal<f64>,
    active: Signal<bool>,
) -> impl IntoView {
    let y = j as f64 * (LANE + GAP);
    let (from, to) = predicted_bar(pred);
    let px = axis.percent(from);
    let pw = (axis.percent(to) - px).max(0.2);
    let axis_m = axis.clone();
    // One computation per change, read by the waiting and the working bar alike.
    let segments = Memo::new(move |_| {
        let now = if active.get() {
            elapsed.get()
        } else {
            elapsed.get_untracked()
        };
        run.with(|r| lane_segments(r.as_ref()?, j, now))
    });
    let span = move |(a, b): (f64, f64), min: f64| {
        let x = axis_m.percent(a);
        (x, (axis_m.percent(b) - x).max(min))
    };
    let span_q = span.clone();
    let axis_r = axis.clone();
    let rank_label = move || {
        let (_, end, rank, status) = run.with(|r| measured_span(r.as_ref()?, j))?;
        let end = end?;
        finish_label(rank, status).map(|text| (axis_r.percent(end), text))
    };
    view! {
        <g class="lane" data-kind=if pred.cpu { "cpu" } else { "io" }>
            <rect class="bar-predicted" x=format!("{px:.3}%") width=format!("{pw:.3}%")
                y=(y + 2.0).to_string() height=(LANE - 4.0).to_string() rx="3"></rect>
            {move || segments.get().and_then(|s| s.queued).map(|q| {
                let (x, w) = span_q(q, 0.0);
                view! {
                    <rect class="bar-queued" x=format!("{x:.3}%") width=format!("{w:.3}%")
                        y=(y + 4.0).to_string() height=(LANE - 8.0).to_string() rx="2"></rect>
                }
            })}
            {move || segments.get().and_then(|s| Some((s.bar?, s.done, s.status))).map(|(b, done, status)| {
                let (x, w) = span(b, 0.4);
                let status = status.map(|s| s.key()).unwrap_or("running");
                view! {
                    <rect class="bar-measured" class:done=done data-status=status
                        x=format!("{x:.3}%") width=format!("{w:.3}%")
                        y=y.to_string() height=LANE.to_string() rx="4"></rect>
                }
            })}
            {move || rank_label().map(|(x, text)| view! {
                <text class="rank" x=format!("{x:.3}%") dx="4" y=(y + LANE * 0.72).to_string()>
                    {text}
                </text>
            })}
        </g>
    }
}

/// A line where the caller received an error, once the strategy has raised one.
fn raised_marker(run: Memo<Option<LiveRun>>, axis: TimeAxis, plot_h: f64) -> impl IntoView {
    let raised = move || {
        run.with(|r| {
            let at = r.as_ref()?.raised_at_ms?;
            Some(format!("{:.3}%", axis.percent(at)))
        })
    };
    move || {
        raised().map(|x| {
            view! {
                <line class="raised-line" x1=x.clone() x2=x.clone() y1="0"
                    y2=plot_h.to_string()></line>
                <text class="raised-label" x=x dx="3" y="10">"error raised"</text>
            }
        })
    }
}

/// The moving "now" line, while the run goes on (not with reduced motion).
fn now_line(
    run: Memo<Option<LiveRun>>,
    elapsed: Signal<f64>,
    axis: TimeAxis,
    active: Signal<bool>,
    plot_h: f64,
) -> impl IntoView {
    let now_x = move || format!("{:.3}%", axis.percent(elapsed.get()));
    let animated = !prefers_reduced_motion();
    let running =
        move || animated && active.get() && run.with(|r| r.as_ref().is_some_and(|r| !r.is_done()));
    view! {
        <Show when=running>
            <line class="now-line" x1=now_x.clone() x2=now_x.clone() y1="0"
                y2=plot_h.to_string()></line>
        </Show>
    }
}

/// The data table: per task, requested, predicted, measured start, when and where its
/// job computed, end, finish order and status.
fn timeline_table(run: Memo<Option<LiveRun>>, title: &str) -> impl IntoView {
    let rows = move || run.with(|r| r.as_ref().map_or_else(Vec::new, timeline_rows));
    view! {
        <DataTable summary=format!("{title}: data table")
            headers=&["Task", "Requested", "Predicted", "Started", "Computing from", "Ended",
                "Finished #", "Status"]>
            {rows}
        </DataTable>
    }
}

/// The data table's rows, one per task of `r`.
fn timeline_rows(r: &LiveRun) -> Vec<impl IntoView> {
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
                    <td>{computing_cell(r, j)}</td>
                    <td>{cell(r.ends.get(j).copied().flatten())}</td>
                    <td>{if rank > 0 { rank.to_string() } else { "–".into() }}</td>
                    <td>
                        {r.statuses.get(j).copied().flatten().map(|s| s.key()).unwrap_or("–")}
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>()
}

/// When and where task `j`'s job started computing (`12.0 ms on worker 1`), or `–`.
fn computing_cell(r: &LiveRun, j: usize) -> String {
    match r.computing.get(j).copied().flatten() {
        Some((at, lane)) => format!("{} on {}", format_ms(at), lane.label()),
        None => "–".to_string(),
    }
}
