use leptos::prelude::*;

use crate::browser::download_text;
use crate::engine::RunExport;

/// "Export JSON" and "Export CSV": download the last finished run (parameters, per-task
/// times, statuses and makespans).
#[component]
pub fn ExportButton(
    /// The last finished run, if any.
    export: RwSignal<Option<RunExport>>,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let save = move |extension: &'static str| {
        move |_| {
            let Some(data) = export.get_untracked() else {
                return;
            };
            let seed = data.params.get_or("seed", 0.0);
            let name = format!("asyncscope-{}-seed{seed}.{extension}", data.lesson);
            let (mime, text) = match extension {
                "csv" => ("text/csv", data.to_csv()),
                _ => ("application/json", data.to_json()),
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
        <span class="export-note" role="status">{move || message.get()}</span>
    }
}
