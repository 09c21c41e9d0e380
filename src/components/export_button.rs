use leptos::prelude::*;

use crate::browser::download_text;
use crate::engine::RunExport;

/// "Export JSON", "CSV" and "Trace": download the last finished run (parameters, per-task
/// times, statuses and makespans), the trace as a Chrome Trace Event file for Perfetto
/// or Chrome DevTools' Performance panel.
#[component]
pub fn ExportButton(
    /// The last finished run, if any.
    export: RwSignal<Option<RunExport>>,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let save = move |kind: &'static str| {
        move |_| {
            let Some(data) = export.get_untracked() else {
                return;
            };
            let seed = data.params.get_or("seed", 0.0);
            let stem = format!("asyncscope-{}-seed{seed}", data.lesson);
            let (name, mime, text) = match kind {
                "csv" => (format!("{stem}.csv"), "text/csv", data.to_csv()),
                "trace" => (
                    format!("{stem}-trace.json"),
                    "application/json",
                    data.to_trace_json(),
                ),
                _ => (format!("{stem}.json"), "application/json", data.to_json()),
            };
            match download_text(&name, mime, &text) {
                Ok(()) => message.set(format!("Saved {name}.")),
                Err(e) => message.set(e),
            }
        }
    };
    let none = move || export.with(|e| e.is_none());
    view! {
        <button type="button" class="secondary" data-testid="export-json" disabled=none
            on:click=save("json")>
            "Export JSON"
        </button>
        <button type="button" class="secondary" data-testid="export-csv" disabled=none
            on:click=save("csv")>
            "CSV"
        </button>
        <button type="button" class="secondary" data-testid="export-trace" disabled=none
            aria-label="Trace (Chrome Trace Event file for Perfetto or DevTools)"
            title="Chrome Trace Event file: open it in ui.perfetto.dev or DevTools' Performance panel"
            on:click=save("trace")>
            "Trace"
        </button>
        <span class="export-note" role="status">{move || message.get()}</span>
    }
}
