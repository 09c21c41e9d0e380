use leptos::prelude::*;

use crate::charts::format_ms;
use crate::engine::RunExport;

use super::{RunModel, RunStatus};

/// The run status under the buttons (a polite live region, with `data-state` for tests)
/// and the link to the timing notes.
#[component]
pub fn StatusLine(
    /// The page's runs.
    model: RunModel,
    /// The page's permalink query, for the timing link.
    query: Memo<String>,
    /// Whether the page is embedded.
    embed: bool,
) -> impl IntoView {
    // The page's own address with the fragment: a bare `#timing` would resolve against
    // `<base href="./">` and reload the app without its query.
    let timing_href = move || {
        let embed_flag = if embed { "&embed=1" } else { "" };
        format!("?{}{embed_flag}#timing", query.get())
    };
    view! {
        <p class="status" role="status" aria-live="polite" data-testid="status"
            data-state=move || model.status.with(|s| s.key())>
            {move || status_text(model)}
            " "
            <a class="timing-link" href=timing_href>"About these timings"</a>
        </p>
    }
}

/// What the status line says.
fn status_text(model: RunModel) -> String {
    match model.status.get() {
        RunStatus::Idle => model
            .problem
            .get()
            .unwrap_or_else(|| "Choose parameters, then run.".to_string()),
        RunStatus::Failed(why) => why,
        RunStatus::Running(label) => format!("{label}: running…"),
        RunStatus::Cancelled => "Cancelled: the timers were cleared.".to_string(),
        RunStatus::Done => {
            let hidden = if model.was_hidden.get() {
                " The page was hidden during the run, so the browser slowed its timers: \
                 these figures are not representative."
            } else {
                ""
            };
            let done = model.finished.with(|f| f.as_ref().map(done_text));
            format!("{}{hidden}", done.unwrap_or_else(|| "Done.".to_string()))
        }
    }
}

/// "Done: …" for finished runs: each run's makespan, or the longest of many.
fn done_text(export: &RunExport) -> String {
    if export.runs.len() > 4 {
        let longest = export
            .runs
            .iter()
            .map(|r| r.makespan_ms)
            .fold(0.0, f64::max);
        return format!(
            "Done: {} runs, the longest took {}.",
            export.runs.len(),
            format_ms(longest)
        );
    }
    let parts: Vec<String> = export
        .runs
        .iter()
        .map(|r| format!("{} {}", r.title(), format_ms(r.makespan_ms)))
        .collect();
    format!("Done: {}.", parts.join(", "))
}
