use leptos::prelude::*;

use crate::engine::search::PolicyOutcome;

/// One result pane of the live-search lesson: the rows one policy shows now, labelled
/// with the query they belong to (`data-query`), and a visible warning when they do not
/// belong to the text in the box, or when an older answer overwrote a newer one.
/// Queries and rows are rendered as text only.
#[component]
pub fn SearchPane(
    /// What the policy did so far.
    outcome: Signal<PolicyOutcome>,
) -> impl IntoView {
    let key = outcome.with_untracked(|o| o.policy.key());
    let title = outcome.with_untracked(|o| o.policy.title());
    let shown_text = move || outcome.with(|o| o.shown().map(|q| q.text.clone()));
    let data_query = move || shown_text().unwrap_or_default();
    let stale = move || outcome.with(|o| o.is_out_of_date());
    let overwritten = move || {
        outcome.with(|o| {
            o.pane
                .windows(2)
                .last()
                .is_some_and(|w| w[1].query < w[0].query)
        })
    };
    let label = move || match shown_text() {
        Some(text) => format!("Results for “{text}”"),
        None => "No results yet".to_string(),
    };
    let count = move || {
        outcome.with(|o| {
            o.shown()
                .and_then(|q| q.answer.as_ref())
                .map(|a| match a.matches {
                    0 => "no matching rows".to_string(),
                    1 => "1 matching row".to_string(),
                    n => format!("{n} matching rows"),
                })
        })
    };
    let rows = move || {
        outcome.with(|o| {
            o.shown().and_then(|q| q.answer.as_ref()).map(|a| {
                a.top
                    .iter()
                    .map(|name| view! { <li>{name.clone()}</li> })
                    .collect_view()
            })
        })
    };
    let warning = move || {
        outcome.with(|o| {
            let latest = o.latest_text()?.to_string();
            if !o.is_out_of_date() {
                return None;
            }
            let text = if overwritten() {
                format!("Stale: an older answer overwrote a newer one; the box says “{latest}”.")
            } else {
                format!("Out of date: the box says “{latest}”.")
            };
            Some(view! { <p class="search-warning" data-testid="search-warning">{text}</p> })
        })
    };
    let busy = move || {
        outcome.with(|o| {
            let pending = o.queries.iter().filter(|q| !q.status.is_settled()).count();
            (pending > 0).then(|| format!("{pending} pending"))
        })
    };
    view! {
        <section class="search-pane" data-policy=key data-query=data_query
            data-stale=move || stale().to_string() data-overwritten=move || overwritten().to_string()
            aria-label=title>
            <h3>{title}</h3>
            <p class="search-label" data-testid="search-label">
                <strong>{label}</strong>
                " "
                <span class="search-count">{count}</span>
                " "
                <span class="search-busy">{busy}</span>
            </p>
            {warning}
            <ul class="search-rows">{rows}</ul>
        </section>
    }
}
