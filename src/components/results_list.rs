use leptos::prelude::*;

use crate::charts::format_ms;
use crate::engine::RunRecord;

/// The results of each finished run, in the order the strategy returned them, each
/// marked with when it finished.
#[component]
pub fn ResultsList(
    /// The finished runs.
    runs: Vec<RunRecord>,
) -> impl IntoView {
    runs.into_iter()
        .map(|r| {
            let items = (r.results.iter().zip(r.result_spans()))
                .map(|(result, span)| {
                    let rank = span.map_or(0, |t| t.finish_rank);
                    let note = if rank > 0 {
                        format!(" finished #{rank}")
                    } else {
                        String::new()
                    };
                    view! {
                        <li>
                            <code>{result.clone()}</code>
                            <span class="finished">{note}</span>
                        </li>
                    }
                })
                .collect_view();
            let raised = r.failure.as_ref().map(|f| {
                view! {
                    <p class="raised">
                        {format!("Raised to the caller at {}: {}", format_ms(f.at_ms), f.message)}
                    </p>
                }
            });
            view! {
                <div class="results" data-strategy=r.strategy.clone()>
                    <h3>{r.results_heading()}</h3>
                    {raised}
                    <ol>{items}</ol>
                </div>
            }
        })
        .collect_view()
}
