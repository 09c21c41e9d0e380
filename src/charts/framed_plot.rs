use leptos::prelude::*;

use super::{tick_anchor, PlotFrame, YLabels};

/// A plot with its y-axis labels beside it: horizontal grid lines at the y ticks, tick
/// lines and labels along the x axis, then the chart's own marks (the children).
#[component]
pub fn FramedPlot(
    /// The plot's vertical frame.
    frame: PlotFrame,
    /// The y-axis ticks: each one's pixel row and its label.
    y_ticks: Vec<(f64, String)>,
    /// The x-axis ticks: each one's position (an SVG percentage) and its label.
    x_ticks: Vec<(String, String)>,
    /// The SVG's accessible description.
    aria_label: String,
    /// The chart's marks, drawn over the grid.
    children: Children,
) -> impl IntoView {
    let grid = y_ticks
        .iter()
        .map(|(top, _)| {
            let ty = top.to_string();
            view! { <line class="tick" x1="0" x2="100%" y1=ty.clone() y2=ty></line> }
        })
        .collect_view();
    let count = x_ticks.len();
    let x_ticks = x_ticks
        .into_iter()
        .enumerate()
        .map(|(i, (tx, label))| {
            view! {
                <line class="tick" x1=tx.clone() x2=tx.clone() y1=frame.top.to_string()
                    y2=frame.bottom().to_string()></line>
                <text class="tick-label" x=tx y=frame.label_y().to_string()
                    text-anchor=tick_anchor(i, count)>{label}</text>
            }
        })
        .collect_view();
    view! {
        <div class="timeline-body">
            <YLabels height=frame.bottom() ticks=y_ticks />
            <svg class="scaling-svg" width="100%" height=frame.svg_height().to_string()
                role="img" aria-label=aria_label>
                {grid}
                {x_ticks}
                {children()}
            </svg>
        </div>
    }
}
