use leptos::prelude::*;

use crate::lessons::Insight;

/// The lesson's reading of its finished runs, as a list of labelled values.
#[component]
pub fn InsightsList(
    /// The insights to show (nothing is drawn when empty).
    insights: Vec<Insight>,
) -> impl IntoView {
    if insights.is_empty() {
        return ().into_any();
    }
    let items = insights
        .into_iter()
        .map(|i| {
            view! {
                <div class="insight" data-insight=i.key>
                    <dt>{i.label}</dt>
                    <dd>{i.value}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="insights" aria-label="What the runs show">
            <h3>"What the runs show"</h3>
            <dl>{items}</dl>
        </section>
    }
    .into_any()
}
