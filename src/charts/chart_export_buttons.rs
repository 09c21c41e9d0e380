use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser::{export_chart, ChartFormat};

/// "SVG" and "PNG" buttons that save the chart of the figure they sit in.
#[component]
pub fn ChartExportButtons(
    /// File name without extension (for example `asyncscope-timeline-gather`).
    name: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let save = move |format: ChartFormat, name: String| {
        move |ev: leptos::ev::MouseEvent| {
            let Some(target) = ev.target() else {
                return;
            };
            let target: web_sys::EventTarget = target.unchecked_into();
            let name = name.clone();
            spawn_local(async move {
                if let Err(e) = export_chart(target, format, &name).await {
                    message.set(e);
                }
            });
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
