use leptos::prelude::*;

/// One entry of a chart's legend: a swatch in the series' colour and its name.
#[component]
pub fn LegendItem(
    /// The series' key, which picks its colour in the style sheet (`data-series`).
    #[prop(into)]
    series: String,
    /// The swatch's classes (for example `swatch swatch-line swatch-dashed`).
    swatch: &'static str,
    /// The series' name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <li data-series=series>
            <span class=swatch aria-hidden="true"></span>
            {label}
        </li>
    }
}
