use leptos::prelude::*;

use crate::engine::{RunRecord, Strategy};

/// The results of each finished run, in the order the strategy returned them, each
/// marked with when it finished.
#[component]
pub fn ResultsList(
    /// The finished runs.
    runs: Vec<RunRecord>,
) -> impl IntoView {
    runs.into_iter()
        .map(|r| {
            let title = Strategy::from_key(&r.strategy)
                .map(|s| s.title())
                .unwrap_or("Run");
            let items = r
                .results
                .iter()
                .map(|result| {
                    let rank = r
                        .tasks
                        .iter()
                        .find(|t| &t.result == result)
                        .map(|t| t.finish_rank)
                        .unwrap_or(0);
                    view! {
                        <li>
                            <code>{result.clone()}</code>
                            <span class="finished">{format!(" finished #{rank}")}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="results" data-strategy=r.strategy.clone()>
                    <h3>{format!("{title} returned")}</h3>
                    <ol>{items}</ol>
                </div>
            }
        })
        .collect_view()
}
