use leptos::prelude::*;

use crate::engine::search::{PolicyOutcome, QueryRecord};

use super::{format_ms, search_bars, AxisTicks, DataTable, SearchBar, TimeAxis};

const LANE: f64 = 16.0;
const GAP: f64 = 4.0;
const AXIS: f64 = 20.0;
/// The most recent queries drawn per policy (the data table lists every one).
const MAX_LANES: usize = 12;

/// The query timeline of the live-search lesson: for each policy, one lane per query
/// (the most recent [`MAX_LANES`]) with its debounce, its time in the database, its wait
/// for its turn and the moment it was shown, coloured by status. A shared time axis
/// keeps the policies comparable; a data table lists every query of every policy.
#[component]
pub fn SearchTimeline(
    /// One outcome per policy, in pane order.
    outcomes: Signal<Vec<PolicyOutcome>>,
    /// Milliseconds since typing began (open spans end here).
    now: Signal<f64>,
) -> impl IntoView {
    let charts = move || {
        let now_ms = now.get();
        outcomes.with(|all| {
            let end = all
                .iter()
                .map(PolicyOutcome::last_event_ms)
                .fold(now_ms, f64::max);
            let axis = TimeAxis::covering(end.max(100.0));
            all.iter()
                .map(|o| policy_chart(o, now_ms, &axis))
                .collect_view()
        })
    };
    let rows = move || {
        outcomes.with(|all| {
            all.iter()
                .flat_map(|o| {
                    let (title, key) = (o.policy.title(), o.policy.key());
                    o.queries.iter().map(move |q| table_row(title, key, q))
                })
                .collect_view()
        })
    };
    view! {
        <figure class="search-timeline" data-testid="search-timeline">
            <figcaption>
                <strong>"Query timeline"</strong>
                <ul class="search-legend">
                    <li><span class="swatch seg-debounce"></span>"debounce"</li>
                    <li><span class="swatch seg-query"></span>"in the database"</li>
                    <li><span class="swatch seg-wait"></span>"answered, waiting its turn"</li>
                    <li><span class="swatch seg-shown"></span>"shown"</li>
                    <li><span class="swatch seg-stale"></span>"shown but stale"</li>
                    <li><span class="swatch seg-overwritten"></span>"overwritten by an older answer"</li>
                    <li><span class="swatch seg-cancelled"></span>"cancelled"</li>
                </ul>
            </figcaption>
            {charts}
            <DataTable summary="Query timeline: data table".to_string()
                headers=&["Query", "Policy", "Typed", "Sent", "Answered or cancelled", "Shown", "Status"]>
                {rows}
            </DataTable>
        </figure>
    }
}

fn policy_chart(outcome: &PolicyOutcome, now_ms: f64, axis: &TimeAxis) -> impl IntoView {
    let bars = search_bars(outcome, now_ms);
    let skipped = bars.len().saturating_sub(MAX_LANES);
    let shown: Vec<SearchBar> = bars.into_iter().skip(skipped).collect();
    let lanes = shown.len().max(1);
    let plot_h = lanes as f64 * (LANE + GAP);
    let title = outcome.policy.title();
    let aria = format!(
        "{title}: {} queries on a time axis from 0 to {}",
        outcome.queries.len(),
        format_ms(axis.max_ms)
    );
    let labels = shown
        .iter()
        .map(|b| {
            view! {
                <li style:height=format!("{LANE}px") style:margin-bottom=format!("{GAP}px")>{quoted(&b.text)}</li>
            }
        })
        .collect_view();
    let lane_views = shown
        .iter()
        .enumerate()
        .map(|(row, bar)| lane(bar, row as f64 * (LANE + GAP), axis))
        .collect_view();
    let note = (skipped > 0).then(|| {
        view! { <p class="search-skipped">{format!("{skipped} earlier queries are in the data table.")}</p> }
    });
    view! {
        <div class="search-policy-chart" data-policy=outcome.policy.key()>
            <h3>{title}</h3>
            {note}
            <div class="timeline-body">
                <ol class="lane-labels search-lane-labels" aria-hidden="true">{labels}</ol>
                <svg class="timeline-svg" width="100%" height=(plot_h + AXIS).to_string()
                    role="img" aria-label=aria>
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {lane_views}
                </svg>
            </div>
        </div>
    }
}

fn lane(bar: &SearchBar, y: f64, axis: &TimeAxis) -> impl IntoView {
    let rect = |span: Option<(f64, f64)>, class: &'static str| {
        span.map(|(from, to)| {
            let x = axis.percent(from);
            let w = (axis.percent(to) - x).max(0.3);
            view! {
                <rect class=class x=format!("{x:.3}%") width=format!("{w:.3}%")
                    y=(y + 2.0).to_string() height=(LANE - 4.0).to_string() rx="2"></rect>
            }
        })
    };
    let marker = bar.shown_ms.map(|at| {
        let x = format!("{:.3}%", axis.percent(at));
        view! {
            <line class="shown-mark" x1=x.clone() x2=x y1=y.to_string()
                y2=(y + LANE).to_string()></line>
        }
    });
    view! {
        <g class="search-lane" data-status=bar.status.key()>
            {rect(bar.debounce, "seg-debounce")}
            {rect(bar.query, "seg-query")}
            {rect(bar.wait, "seg-wait")}
            {marker}
        </g>
    }
}

fn table_row(title: &'static str, key: &'static str, q: &QueryRecord) -> impl IntoView {
    let cell = |v: Option<f64>| v.map(format_ms).unwrap_or_else(|| "–".into());
    view! {
        <tr data-policy=key data-status=q.status.key() data-query=q.text.clone()>
            <th scope="row">{quoted(&q.text)}</th>
            <td>{title}</td>
            <td>{format_ms(q.typed_ms)}</td>
            <td>{cell(q.sent_ms)}</td>
            <td>{cell(q.end_ms)}</td>
            <td>{cell(q.shown_ms)}</td>
            <td>{q.status.describe()}</td>
        </tr>
    }
}

/// A query as text between quotation marks (always rendered as text, never as HTML).
fn quoted(text: &str) -> String {
    format!("“{text}”")
}
