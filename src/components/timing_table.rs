use leptos::prelude::*;

use crate::charts::{scoped_memo, LiveRun};
use crate::engine::ParamValues;
use crate::lessons::table::cells::{
    columns, state_text, timing_rows, KnownRun, Measured, Phase, TimingCell, TimingRow,
};

use super::{RunModel, RunStatus};

/// The timing lesson's table: rows of work, columns sync / async / pool, each cell's
/// measured time beside its prediction and its speedup over sync. Before any run it
/// shows the predictions; during a run each cell fills in as its run ends.
#[component]
pub fn TimingTable(
    /// The page's runs.
    model: RunModel,
    /// The form's values (the defaults while a field is invalid).
    values: Signal<ParamValues>,
) -> impl IntoView {
    let phase = scoped_memo(move |_| model.status.with(phase_of));
    let rows = scoped_memo(move |_| {
        let phase = phase.get();
        values.with(|values| {
            model.live.with(|live| {
                let known: Vec<KnownRun> = live.iter().map(known_run).collect();
                timing_rows(values, &known, phase)
            })
        })
    });
    let heads = scoped_memo(move |_| values.with(columns));
    let head_cells = move || {
        heads
            .get()
            .into_iter()
            .map(|(name, detail)| {
                view! { <th scope="col">{name}<span class="th-detail">{detail}</span></th> }
            })
            .collect_view()
    };
    let body = move || rows.get().into_iter().map(table_row).collect_view();
    view! {
        <section class="timing-table" aria-label="The timing table">
            <div class="table-scroll" role="region" aria-label="Timing table" tabindex="0">
                <table data-testid="timing-table" data-phase=move || phase_key(phase.get())>
                    <caption>
                        <strong>"How long each row takes: sync, async, pool"</strong>
                        <span class="timing-state">{move || state_text(phase.get())}</span>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Work"</th>
                            {head_cells}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One row: its heading and its three cells.
fn table_row(row: TimingRow) -> impl IntoView {
    view! {
        <tr data-row=row.key>
            <th scope="row">{row.title}<span class="th-detail">{row.detail}</span></th>
            {row.cells.into_iter().map(table_cell).collect_view()}
        </tr>
    }
}

/// One cell: measured time, prediction, a bar of its share of the row's longest time,
/// and its speedup over sync.
fn table_cell(cell: TimingCell) -> impl IntoView {
    let measured_ms = match cell.measured {
        Measured::Ms(ms) => Some(format!("{ms:.1}")),
        _ => None,
    };
    let basis = if cell.speedup_measured {
        "measured"
    } else {
        "predicted"
    };
    let bar = format!("{:.1}%", cell.bar_pct);
    view! {
        <td
            data-cell=cell.key.clone()
            data-column=cell.column
            data-verdict=cell.verdict().key()
            data-measured-ms=measured_ms.clone()
            data-measured=if measured_ms.is_some() { "yes" } else { "no" }
        >
            <span class="cell-measured">{cell.measured_text()}</span>
            <span class="cell-predicted">{cell.predicted_text()}</span>
            <span class="cell-bar" aria-hidden="true">
                <span style:width=bar></span>
            </span>
            <span class="cell-speedup" data-basis=basis>{cell.speedup_text()}</span>
        </td>
    }
}

/// What the table needs of one live run: its prediction and, once every task has
/// ended, how long it took (the final record's makespan once there is one).
fn known_run(run: &LiveRun) -> KnownRun<'_> {
    let ended = || {
        let ends: Option<Vec<f64>> = run.ends.iter().copied().collect();
        ends.filter(|e| !e.is_empty())
            .map(|e| e.into_iter().fold(0.0, f64::max))
    };
    KnownRun {
        predicted: &run.predicted,
        measured_ms: run.record.as_ref().map(|r| r.makespan_ms).or_else(ended),
    }
}

fn phase_of(status: &RunStatus) -> Phase {
    match status {
        RunStatus::Idle => Phase::Idle,
        RunStatus::Running(_) => Phase::Running,
        RunStatus::Done | RunStatus::Cancelled | RunStatus::Failed(_) => Phase::Ended,
    }
}

fn phase_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Idle => "idle",
        Phase::Running => "running",
        Phase::Ended => "ended",
    }
}
