use leptos::prelude::*;

use crate::engine::RunRecord;
use crate::lessons::outcomes::{outcome_rows, OutcomeCell, OutcomeRow};

/// The failures lesson's outcomes as one table: a row per strategy; what the caller got,
/// which tasks finished, failed or were cancelled, and when the caller and the last task
/// were done.
#[component]
pub fn OutcomeTable(
    /// The finished runs.
    runs: Vec<RunRecord>,
) -> impl IntoView {
    let rows = outcome_rows(&runs).into_iter().map(row).collect_view();
    view! {
        <section class="outcome-table" aria-label="What each strategy did with the failure">
            <div class="table-scroll" role="region" aria-label="Outcomes table" tabindex="0">
                <table data-testid="outcome-table">
                    <caption>
                        <strong>"What each strategy did with the failure"</strong>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Strategy"</th>
                            <th scope="col">"The caller got"</th>
                            <th scope="col">"Finished"</th>
                            <th scope="col">"Failed"</th>
                            <th scope="col">"Cancelled"</th>
                            <th scope="col">"Caller resumed"</th>
                            <th scope="col">"Last task ended"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One strategy's row.
fn row(r: OutcomeRow) -> impl IntoView {
    view! {
        <tr data-strategy=r.key>
            <th scope="row">{r.strategy}</th>
            <td data-col="caller" data-label="The caller got">{r.caller_got}</td>
            {cell("finished", "Finished", r.finished)}
            {cell("failed", "Failed", r.failed)}
            {cell("cancelled", "Cancelled", r.cancelled)}
            <td data-col="caller-at" data-label="Caller resumed">{r.caller_at}</td>
            <td data-col="last-end" data-label="Last task ended">{r.last_end}</td>
        </tr>
    }
}

/// A cell of tasks: the count, the note and the names under it (`label` names the column
/// where narrow screens stack the cells).
fn cell(col: &'static str, label: &'static str, c: OutcomeCell) -> impl IntoView {
    let note = (!c.note.is_empty()).then(|| view! { <span class="outcome-note">{c.note}</span> });
    let names =
        (!c.names.is_empty()).then(|| view! { <span class="outcome-names">{c.names}</span> });
    view! {
        <td data-col=col data-label=label>
            <span class="outcome-count">{c.count}</span>
            {note}
            {names}
        </td>
    }
}
