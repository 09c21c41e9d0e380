use leptos::prelude::*;

/// The table alternative of a chart: a collapsed `<details>` holding a real table with
/// the same numbers, for screen readers and for copying.
#[component]
pub fn DataTable(
    /// The `<summary>` text (for example `Gather: data table`).
    summary: String,
    /// Column headings; the first column holds row headings.
    headers: &'static [&'static str],
    /// The `<tr>` rows.
    children: Children,
) -> impl IntoView {
    view! {
        <details class="data-table">
            <summary>{summary}</summary>
            <table>
                <thead>
                    <tr>
                        {headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </details>
    }
}
