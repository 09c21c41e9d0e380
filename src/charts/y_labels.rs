use leptos::prelude::*;

/// The y-axis tick labels beside a chart's SVG, as HTML so they keep their size however
/// the SVG stretches; positions are set through the CSS object model (strict CSP).
#[component]
pub fn YLabels(
    /// Height of the column, in pixels: the plot's top margin and plotting area.
    height: f64,
    /// Each tick's pixel row and its label.
    ticks: Vec<(f64, String)>,
) -> impl IntoView {
    let labels = ticks
        .into_iter()
        .map(|(top, label)| view! { <span style:top=format!("{top:.1}px")>{label}</span> })
        .collect_view();
    view! {
        <div class="scaling-y-labels" aria-hidden="true" style:height=format!("{height}px")>
            {labels}
        </div>
    }
}
