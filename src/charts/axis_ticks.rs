use leptos::prelude::*;

use super::{format_ms, tick_anchor, TimeAxis};

/// Tick lines across `height` pixels of chart and tick labels below them, positioned in
/// percent so the chart stretches to any width without distorting text.
#[component]
pub fn AxisTicks(
    /// The axis to draw.
    axis: TimeAxis,
    /// Height of the plotting area above the labels, in pixels.
    height: f64,
) -> impl IntoView {
    let count = axis.ticks.len();
    axis.ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let x = format!("{:.3}%", axis.percent(t));
            let anchor = tick_anchor(i, count);
            view! {
                <line class="tick" x1=x.clone() x2=x.clone() y1="0" y2=height.to_string()></line>
                <text class="tick-label" x=x y=(height + 14.0).to_string() text-anchor=anchor>
                    {format_ms(t)}
                </text>
            }
        })
        .collect_view()
}
