use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::engine::{RunRecord, Scenario, TaskSpan};

use super::{format_ms, shortened, GraphLayout};

/// Narrowest a column may get before the graph scrolls sideways, in pixels.
const MIN_COLUMN_PX: usize = 150;
/// Longest label written in a node; the full label is in the node's tooltip and table.
const LABEL_CHARS: usize = 14;

/// Gives each graph its own marker ids, so several graphs can share a page.
static NEXT_GRAPH: AtomicUsize = AtomicUsize::new(0);

/// The `after` dependencies of a scenario as a graph: one node per task (label and
/// duration) in columns by dependency depth, an arrow from each task to each task that
/// waits for it, and the critical path highlighted. With a record, each node also shows
/// when the task really started and ended. Invalid dependencies (an unknown id, a cycle)
/// show their message instead. A data table gives the same facts.
#[component]
pub fn DependencyGraph(
    /// The tasks and their `after` lists.
    scenario: Scenario,
    /// A run of the scenario, to show each task's measured start and end; `None` shows
    /// the plan only.
    #[prop(into, default = None)]
    record: Option<RunRecord>,
) -> impl IntoView {
    // Invalid dependencies and empty scenarios get a sentence instead of a drawing.
    let message = |class: &'static str, text: String| {
        view! {
            <figure class="dependency-graph">
                <figcaption><strong>"Dependencies"</strong></figcaption>
                <p class=class role="status" data-testid=class>{text}</p>
            </figure>
        }
        .into_any()
    };
    let layout = match GraphLayout::of(&scenario) {
        Ok(layout) => layout,
        Err(e) => return message("graph-error", e.message),
    };
    if scenario.tasks.is_empty() {
        return message("graph-empty", "No tasks.".to_string());
    }
    let tasks = &scenario.tasks;
    let span_of = |p: usize| -> Option<&TaskSpan> {
        let id = tasks.get(p)?.id;
        record.as_ref()?.tasks.iter().find(|s| s.id == id)
    };
    let measured = record.is_some();
    let row_h = if measured { 66.0 } else { 52.0 };
    let node_h = row_h - 12.0;
    let column_w = 100.0 / layout.columns as f64;
    let node_w = (column_w * 0.8).min(40.0);
    let node_x = |column: usize| column as f64 * column_w + (column_w - node_w) / 2.0;
    let node_y = |row: usize| row as f64 * row_h + 4.0;
    let pct = |p: f64| format!("{p:.3}%");
    let graph_id = NEXT_GRAPH.fetch_add(1, Ordering::Relaxed);
    let arrow = format!("dep-arrow-{graph_id}");
    let arrow_hot = format!("dep-arrow-hot-{graph_id}");

    let edges = layout
        .edges
        .iter()
        .map(|e| {
            let (from, to) = (layout.nodes[e.from], layout.nodes[e.to]);
            let marker = if e.critical { &arrow_hot } else { &arrow };
            view! {
                <line class="graph-edge" class:critical=e.critical
                    x1=pct(node_x(from.column) + node_w) x2=pct(node_x(to.column))
                    y1=(node_y(from.row) + node_h / 2.0).to_string()
                    y2=(node_y(to.row) + node_h / 2.0).to_string()
                    marker-end=format!("url(#{marker})")></line>
            }
        })
        .collect_view();
    let nodes = layout
        .nodes
        .iter()
        .zip(tasks)
        .enumerate()
        .map(|(p, (place, task))| {
            let (x, y) = (pct(node_x(place.column)), node_y(place.row));
            let when = measured.then(|| {
                let text = span_of(p).map_or_else(
                    || "not run".to_string(),
                    |s| format!("{}–{}", format_ms(s.start_ms), format_ms(s.end_ms)),
                );
                view! {
                    <text class="node-measured" x=x.clone() dx="6" y=(y + 46.0).to_string()>{text}</text>
                }
            });
            let status = span_of(p).map(|s| s.status.key());
            view! {
                <g class="graph-node" class:critical=place.critical data-status=status>
                    <title>{format!("{}: {}", task.label, format_ms(task.duration_ms))}</title>
                    <rect x=x.clone() width=pct(node_w) y=y.to_string() height=node_h.to_string()
                        rx="6"></rect>
                    <text class="node-label" x=x.clone() dx="6" y=(y + 16.0).to_string()>
                        {shortened(&task.label, LABEL_CHARS)}
                    </text>
                    <text class="node-ms" x=x.clone() dx="6" y=(y + 31.0).to_string()>
                        {format_ms(task.duration_ms)}
                    </text>
                    {when}
                </g>
            }
        })
        .collect_view();

    let label = |p: usize| tasks.get(p).map_or("?", |t| t.label.as_str());
    let path_text = if layout.critical_tasks.is_empty() {
        "none".to_string()
    } else {
        layout
            .critical_tasks
            .iter()
            .map(|&p| label(p))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    let path_summary = format!("{path_text} = {}", format_ms(layout.critical_ms));
    let rows = layout
        .nodes
        .iter()
        .zip(tasks)
        .enumerate()
        .map(|(p, (place, task))| {
            let waits: Vec<&str> = layout
                .edges
                .iter()
                .filter(|e| e.to == p)
                .map(|e| label(e.from))
                .collect();
            let cells = measured.then(|| {
                let span = span_of(p);
                view! {
                    <td>{span.map_or_else(|| "–".to_string(), |s| format_ms(s.start_ms))}</td>
                    <td>{span.map_or_else(|| "–".to_string(), |s| format_ms(s.end_ms))}</td>
                    <td>{span.map_or("not run", |s| s.status.key())}</td>
                }
            });
            view! {
                <tr>
                    <th scope="row">{task.label.clone()}</th>
                    <td>{format_ms(task.duration_ms)}</td>
                    <td>{if waits.is_empty() { "–".to_string() } else { waits.join(", ") }}</td>
                    <td>{place.column + 1}</td>
                    <td>{if place.critical { "yes" } else { "no" }}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let measured_heads = measured.then(|| {
        view! {
            <th scope="col">"Started"</th>
            <th scope="col">"Ended"</th>
            <th scope="col">"Status"</th>
        }
    });
    let aria = format!(
        "Dependency graph of {} tasks in {} columns by depth; arrows point from a task to \
         the tasks waiting for it; critical path {path_summary}",
        tasks.len(),
        layout.columns
    );
    let height = layout.rows as f64 * row_h + 4.0;
    view! {
        <figure class="dependency-graph">
            <figcaption>
                <strong>"Dependencies"</strong>
                " · critical path "
                <span class="critical-path" data-testid="critical-path">{path_summary}</span>
            </figcaption>
            <div class="graph-scroll" tabindex="0" role="region" aria-label="Dependency graph, scrollable">
                <svg class="graph-svg" width="100%" height=height.to_string() role="img" aria-label=aria
                    style:min-width=format!("{}px", layout.columns * MIN_COLUMN_PX)>
                    <defs>
                        <marker id=arrow.clone() class="graph-arrow" viewBox="0 0 10 10" refX="10"
                            refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                            <path d="M0,0 L10,5 L0,10 z"></path>
                        </marker>
                        <marker id=arrow_hot.clone() class="graph-arrow critical" viewBox="0 0 10 10"
                            refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                            <path d="M0,0 L10,5 L0,10 z"></path>
                        </marker>
                    </defs>
                    {edges}
                    {nodes}
                </svg>
            </div>
            <details class="data-table">
                <summary>"Dependencies: data table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Task"</th>
                            <th scope="col">"Duration"</th>
                            <th scope="col">"Waits for"</th>
                            <th scope="col">"Column"</th>
                            <th scope="col">"Critical"</th>
                            {measured_heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}
