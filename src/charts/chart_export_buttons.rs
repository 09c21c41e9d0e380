use leptos::prelude::*;

use crate::browser::{export_chart, ChartFormat};

/// "SVG" and "PNG" buttons that save the chart of the figure they sit in; a note beside
/// them says what was saved, or why nothing was.
#[component]
pub fn ChartExportButtons(
    /// File name without extension (for example `asyncscope-timeline-gather`).
    name: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let save = move |format: ChartFormat, name: String| {
        move |ev: leptos::ev::MouseEvent| match export_chart(&ev, format, &name) {
            Ok(file) => message.set(format!("Saved {file}.")),
            Err(e) => message.set(e),
        }
    };
    view! {
        <span class="chart-export">
            <button type="button" class="mini" data-export="svg"
                aria-label="Save this chart as SVG" on:click=save(ChartFormat::Svg, name.clone())>
                "SVG"
            </button>
            <button type="button" class="mini" data-export="png"
                aria-label="Save this chart as PNG" on:click=save(ChartFormat::Png, name)>
                "PNG"
            </button>
            <span class="export-note" role="status">{move || message.get()}</span>
        </span>
    }
}
