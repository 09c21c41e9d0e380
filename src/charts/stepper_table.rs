use leptos::prelude::*;

use crate::engine::{EventLoopTrace, RunRecord};

use super::{action_task, describe_action, format_ms, task_label, DataTable};

/// Every step of the trace as a table row, the current step marked.
#[component]
pub fn StepperTable(
    /// The run, for task labels.
    record: RunRecord,
    /// The steps to list.
    trace: EventLoopTrace,
    /// The current step, from 0.
    index: Signal<usize>,
) -> impl IntoView {
    let labels = |ids: &mut dyn Iterator<Item = usize>| {
        let names: Vec<String> = ids.map(|t| task_label(&record, t)).collect();
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(", ")
        }
    };
    let rows = trace
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let what = describe_action(&s.action, &task_label(&record, action_task(&s.action)));
            let sleeping: Vec<String> = s
                .sleeping
                .iter()
                .map(|z| format!("{} @ {}", task_label(&record, z.task), format_ms(z.wake_ms)))
                .collect();
            view! {
                <tr class:current=move || index.get() == i
                    aria-current=move || (index.get() == i).then_some("step")>
                    <th scope="row">{i + 1}</th>
                    <td>{format_ms(s.at_ms)}</td>
                    <td class="step-what">{what}</td>
                    <td>{labels(&mut s.ready.iter().copied())}</td>
                    <td>{if sleeping.is_empty() { "–".to_string() } else { sleeping.join(", ") }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable summary="Event loop: every step as a table".to_string()
            headers=&["Step", "Time", "What happened", "Ready queue", "Sleeping (wakes at)"]>
            {rows}
        </DataTable>
    }
}
