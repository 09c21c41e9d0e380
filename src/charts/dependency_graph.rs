use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::engine::{RunRecord, Scenario, TaskSpan, TaskSpec};

use super::{format_ms, shortened, GraphGeometry, GraphLayout};

/// Narrowest a column may get before the graph scrolls sideways, in pixels.
const MIN_COLUMN_PX: usize = 150;
/// Longest label written in a node; the full label is in the node's tooltip and table.
const LABEL_CHARS: usize = 14;

/// Gives each graph its own marker ids, so several graphs can share a page.
static NEXT_GRAPH: AtomicUsize = AtomicUsize::new(0);

/// The measured span of each task, by position; `None` for a task the run lacks.
type Spans<'a> = [Option<&'a TaskSpan>];

/// An SVG percentage.
fn pct(p: f64) -> String {
    format!("{p:.3}%")
}

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
    let layout = match GraphLayout::of(&scenario) {
        Ok(layout) => layout,
        Err(e) => return graph_message("graph-error", e.message),
    };
    if scenario.tasks.is_empty() {
        return graph_message("graph-empty", "No tasks.".to_string());
    }
    let tasks = &scenario.tasks;
    let spans: Vec<Option<&TaskSpan>> = tasks
        .iter()
        .map(|t| record.as_ref()?.tasks.iter().find(|s| s.id == t.id))
        .collect();
    let measured = record.is_some();
    let geometry = GraphGeometry::new(layout.columns, measured);
    let graph_id = NEXT_GRAPH.fetch_add(1, Ordering::Relaxed);
    let arrow = format!("dep-arrow-{graph_id}");
    let arrow_hot = format!("dep-arrow-hot-{graph_id}");
    let path_summary = layout.critical_path_summary(tasks);
    let aria = format!(
        "Dependency graph of {} tasks in {} columns by depth; arrows point from a task to \
         the tasks waiting for it; critical path {path_summary}",
        tasks.len(),
        layout.columns
    );
    view! {
        <figure class="dependency-graph">
            <figcaption>
                <strong>"Dependencies"</strong>
                " · critical path "
                <span class="critical-path" data-testid="critical-path">{path_summary}</span>
            </figcaption>
            <div class="graph-scroll" tabindex="0" role="region" aria-label="Dependency graph, scrollable">
                <svg class="graph-svg" width="100%" height=geometry.height(layout.rows).to_string()
                    role="img" aria-label=aria
                    style:min-width=format!("{}px", layout.columns * MIN_COLUMN_PX)>
                    {graph_markers(&arrow, &arrow_hot)}
                    {graph_edges(&layout, geometry, &arrow, &arrow_hot)}
                    {graph_nodes(&layout, tasks, &spans, geometry, measured)}
                </svg>
            </div>
            {graph_table(&layout, tasks, &spans, measured)}
        </figure>
    }
    .into_any()
}

/// The graph's place when there is nothing to draw: a sentence of class `class`.
fn graph_message(class: &'static str, text: String) -> AnyView {
    view! {
        <figure class="dependency-graph">
            <figcaption><strong>"Dependencies"</strong></figcaption>
            <p class=class role="status" data-testid=class>{text}</p>
        </figure>
    }
    .into_any()
}

/// The arrowheads: `arrow` for an ordinary edge, `arrow_hot` for a critical one.
fn graph_markers(arrow: &str, arrow_hot: &str) -> impl IntoView {
    view! {
        <defs>
            <marker id=arrow.to_string() class="graph-arrow" viewBox="0 0 10 10" refX="10"
                refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                <path d="M0,0 L10,5 L0,10 z"></path>
            </marker>
            <marker id=arrow_hot.to_string() class="graph-arrow critical" viewBox="0 0 10 10"
                refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                <path d="M0,0 L10,5 L0,10 z"></path>
            </marker>
        </defs>
    }
}

/// One arrow per `after` edge, from the right of the task waited for to the left of the
/// waiting task.
fn graph_edges(
    layout: &GraphLayout,
    g: GraphGeometry,
    arrow: &str,
    arrow_hot: &str,
) -> impl IntoView {
    layout
        .edges
        .iter()
        .map(|e| {
            let (from, to) = (layout.nodes[e.from], layout.nodes[e.to]);
            let marker = if e.critical { arrow_hot } else { arrow };
            view! {
                <line class="graph-edge" class:critical=e.critical
                    x1=pct(g.node_x(from.column) + g.node_w) x2=pct(g.node_x(to.column))
                    y1=(g.node_y(from.row) + g.node_h / 2.0).to_string()
                    y2=(g.node_y(to.row) + g.node_h / 2.0).to_string()
                    marker-end=format!("url(#{marker})")></line>
            }
        })
        .collect_view()
}

/// One node per task: its label, its duration and, when `measured`, when it ran.
fn graph_nodes(
    layout: &GraphLayout,
    tasks: &[TaskSpec],
    spans: &Spans,
    g: GraphGeometry,
    measured: bool,
) -> impl IntoView {
    layout
        .nodes
        .iter()
        .zip(tasks)
        .enumerate()
        .map(|(p, (place, task))| {
            let (x, y) = (pct(g.node_x(place.column)), g.node_y(place.row));
            let when = measured.then(|| {
                let text = spans[p].map_or_else(
                    || "not run".to_string(),
                    |s| format!("{}–{}", format_ms(s.start_ms), format_ms(s.end_ms)),
                );
                view! {
                    <text class="node-measured" x=x.clone() dx="6" y=(y + 46.0).to_string()>{text}</text>
                }
            });
            let status = spans[p].map(|s| s.status.key());
            view! {
                <g class="graph-node" class:critical=place.critical data-status=status>
                    <title>{format!("{}: {}", task.label, format_ms(task.duration_ms))}</title>
                    <rect x=x.clone() width=pct(g.node_w) y=y.to_string() height=g.node_h.to_string()
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
        .collect_view()
}

/// The data table: per task its duration, what it waits for, its column, whether it is
/// critical and, when `measured`, when it started and ended and how.
fn graph_table(
    layout: &GraphLayout,
    tasks: &[TaskSpec],
    spans: &Spans,
    measured: bool,
) -> impl IntoView {
    let rows = layout
        .nodes
        .iter()
        .zip(tasks)
        .enumerate()
        .map(|(p, (place, task))| {
            let cells = measured.then(|| {
                let span = spans[p];
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
                    <td>{layout.waits_for(tasks, p)}</td>
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
    view! {
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
    }
}
