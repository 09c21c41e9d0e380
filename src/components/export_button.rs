use leptos::prelude::*;

use crate::browser::download_text;
use crate::engine::RunExport;

/// "Export JSON": downloads the last finished run (parameters, per-task times, makespans).
#[component]
pub fn ExportButton(
    /// The last finished run, if any.
    export: RwSignal<Option<RunExport>>,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let save = move |_| {
        let Some(data) = export.get_untracked() else {
            return;
        };
        let seed = data.params.get_or("seed", 0.0);
        let name = format!("asyncscope-{}-seed{seed}.json", data.lesson);
        match download_text(&name, "application/json", &data.to_json()) {
            Ok(()) => message.set(format!("Saved {name}.")),
            Err(e) => message.set(e),
        }
    };
    view! {
        <button type="button" class="secondary" data-testid="export-json"
            disabled=move || export.with(|e| e.is_none()) on:click=save>
            "Export JSON"
        </button>
        <span class="export-note" role="status">{move || message.get()}</span>
    }
}
