//! The timing table as the page draws it: for each row and column, the measured
//! makespan beside its prediction, and how much faster than sync the cell is.
//!
//! Pure, so it is tested natively: the page hands in the runs it knows of (each one's
//! prediction, and its measured makespan once it has ended) and where its runs stand.

use crate::engine::{ParamValues, RunRecord};

use super::{cell_of, Column, Params, Row, Table, ROWS};

/// Where the page's runs stand, as far as the table cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has run on this page yet.
    Idle,
    /// Runs are in progress.
    Running,
    /// The last runs ended (done, cancelled or failed).
    Ended,
}

/// One run the page knows of: its prediction, which also says which cell it is, and its
/// measured makespan (ms) once it has ended.
#[derive(Debug, Clone, Copy)]
pub struct KnownRun<'a> {
    /// The run's virtual-time prediction.
    pub predicted: &'a RunRecord,
    /// How long it took, once it has ended.
    pub measured_ms: Option<f64>,
}

/// What a cell says in its measured slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measured {
    /// Nothing has run yet.
    NotRunYet,
    /// Its run is in progress or waiting its turn.
    Running,
    /// The last runs did not include it (or stopped before it).
    Missing,
    /// Its measured makespan, in milliseconds.
    Ms(f64),
}

/// How a cell compares with the sync cell of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The sync cell itself.
    Baseline,
    /// At least 1.25× faster.
    Faster,
    /// Within 25 % of sync.
    Same,
    /// At least 1.25× slower.
    Slower,
    /// No time to compare.
    Unknown,
}

/// A speedup of 1.25× or more counts as faster; below, the same: CPU timings on a busy
/// machine (the first run still warming up) vary by about 20 % from run to run.
const NOTICEABLE: f64 = 1.25;

/// One cell: a row run one way.
#[derive(Debug, Clone, PartialEq)]
pub struct TimingCell {
    /// `row-column`, e.g. `io10-async` (the cell's `data-cell`).
    pub key: String,
    /// The column's name: `sync`, `async` or `pool`.
    pub column: &'static str,
    /// The measured makespan, or why there is none.
    pub measured: Measured,
    /// The predicted makespan (ms), if the plan can be simulated.
    pub predicted_ms: Option<f64>,
    /// Sync's time over this cell's: measured when both are, else predicted.
    pub speedup: Option<f64>,
    /// Whether `speedup` compares measured times.
    pub speedup_measured: bool,
    /// The cell's time as a share of the row's longest, 0–100 (for a bar).
    pub bar_pct: f64,
}

/// One row: a workload run sync, async and on the pool.
#[derive(Debug, Clone, PartialEq)]
pub struct TimingRow {
    /// `io10`, `cpu10` or `io1`.
    pub key: &'static str,
    /// `10 I/O calls`, …
    pub title: &'static str,
    /// How long each call or task takes, e.g. `100 ms each`.
    pub detail: String,
    /// Sync, async, pool.
    pub cells: Vec<TimingCell>,
}

/// The column headings: a name and how the column runs its row.
pub fn columns(values: &ParamValues) -> [(&'static str, String); 3] {
    let workers = Table::read(values).workers;
    let plural = if workers == 1 { "" } else { "s" };
    [
        ("Sync", "one after another".to_string()),
        ("Async", "gathered on one loop".to_string()),
        ("Pool", format!("{workers} worker{plural}")),
    ]
}

/// The whole table for `values`, with what `runs` measured and predicted. A cell no run
/// covers is predicted from `values`.
pub fn timing_rows(values: &ParamValues, runs: &[KnownRun], phase: Phase) -> Vec<TimingRow> {
    let table = Table::read(values);
    ROWS.iter()
        .map(|row| {
            let partial = Column::ALL.map(|column| partial_cell(&table, row, column, runs, phase));
            TimingRow {
                key: row.key,
                title: row.title,
                detail: row_detail(&table, row),
                cells: finish_row(row, partial),
            }
        })
        .collect()
}

/// A cell without its comparison with sync: (column, measured, predicted).
type Partial = (Column, Measured, Option<f64>);

fn partial_cell(
    table: &Table,
    row: &Row,
    column: Column,
    runs: &[KnownRun],
    phase: Phase,
) -> Partial {
    let run = runs.iter().rev().find(|r| {
        let (r_row, r_column) = cell_of(r.predicted);
        r_row.key == row.key && r_column == column
    });
    let predicted_ms = match run {
        Some(run) => Some(run.predicted.makespan_ms),
        None => table.cell(row, column).predict().map(|r| r.makespan_ms),
    }
    .filter(|ms| ms.is_finite() && *ms >= 0.0);
    let measured = match (run.and_then(|r| r.measured_ms), run, phase) {
        (Some(ms), _, _) if ms.is_finite() && ms >= 0.0 => Measured::Ms(ms),
        (_, _, Phase::Idle) => Measured::NotRunYet,
        (_, Some(_), Phase::Running) => Measured::Running,
        _ => Measured::Missing,
    };
    (column, measured, predicted_ms)
}

/// The row's cells with their speedups over sync and their bar lengths.
fn finish_row(row: &Row, partial: [Partial; 3]) -> Vec<TimingCell> {
    let (_, sync_measured, sync_predicted) = partial[0];
    let shown = |(_, measured, predicted): &Partial| match measured {
        Measured::Ms(ms) => Some(*ms),
        _ => *predicted,
    };
    let longest = partial.iter().filter_map(shown).fold(0.0, f64::max);
    partial
        .iter()
        .map(|cell @ (column, measured, predicted_ms)| {
            let (speedup, speedup_measured) = match (sync_measured, *measured) {
                (Measured::Ms(sync), Measured::Ms(this)) => (ratio(sync, this), true),
                _ => (
                    sync_predicted
                        .zip(*predicted_ms)
                        .and_then(|(s, t)| ratio(s, t)),
                    false,
                ),
            };
            let bar_pct = shown(cell)
                .filter(|_| longest > 0.0)
                .map_or(0.0, |ms| (ms / longest * 100.0).clamp(0.0, 100.0));
            TimingCell {
                key: format!("{}-{}", row.key, column.name()),
                column: column.name(),
                measured: *measured,
                predicted_ms: *predicted_ms,
                speedup,
                speedup_measured,
                bar_pct,
            }
        })
        .collect()
}

/// `slow / fast`, if both are usable times.
fn ratio(slow: f64, fast: f64) -> Option<f64> {
    let r = slow / fast;
    (fast > 0.0 && r.is_finite()).then_some(r)
}

/// How long each call or task of `row` takes.
fn row_detail(table: &Table, row: &Row) -> String {
    match (row.cpu, row.count) {
        (true, _) => format!("≈ {} each", duration_text(table.cost_ms)),
        (false, 1) => duration_text(table.call_ms),
        (false, _) => format!("{} each", duration_text(table.call_ms)),
    }
}

/// What the caption says of the cells: predicted, being measured, or measured.
pub fn state_text(phase: Phase) -> &'static str {
    match phase {
        Phase::Idle => "Predicted on virtual time: not run yet. Each cell compares with sync.",
        Phase::Running => "Measuring: each cell fills in as its run ends.",
        Phase::Ended => {
            "Measured in this browser, each beside its prediction; speedups are against sync."
        }
    }
}

/// Milliseconds for people: `85 ms` below a second, `1.25 s` from one; `–` if odd.
pub use crate::engine::exercise::time_text as duration_text;

impl TimingCell {
    /// The measured slot: a time, `not run yet`, `running…` or `–`.
    pub fn measured_text(&self) -> String {
        match self.measured {
            Measured::NotRunYet => "not run yet".to_string(),
            Measured::Running => "running…".to_string(),
            Measured::Missing => "–".to_string(),
            Measured::Ms(ms) => duration_text(ms),
        }
    }

    /// The prediction beside it: `predicted 100 ms`.
    pub fn predicted_text(&self) -> String {
        match self.predicted_ms {
            Some(ms) => format!("predicted {}", duration_text(ms)),
            None => "no prediction".to_string(),
        }
    }

    /// How it compares with sync.
    pub fn verdict(&self) -> Verdict {
        match (self.column, self.speedup) {
            ("sync", _) => Verdict::Baseline,
            (_, None) => Verdict::Unknown,
            (_, Some(r)) if r >= NOTICEABLE => Verdict::Faster,
            (_, Some(r)) if r * NOTICEABLE <= 1.0 => Verdict::Slower,
            _ => Verdict::Same,
        }
    }

    /// The comparison in words: `10.0× faster`, `no faster`, `2.0× slower`, `baseline`.
    pub fn speedup_text(&self) -> String {
        let r = self.speedup.unwrap_or(f64::NAN);
        match self.verdict() {
            Verdict::Baseline => "baseline".to_string(),
            Verdict::Faster => format!("{r:.1}× faster"),
            Verdict::Same => "no faster".to_string(),
            Verdict::Slower => format!("{:.1}× slower", 1.0 / r),
            Verdict::Unknown => String::new(),
        }
    }
}

impl Verdict {
    /// A stable name (the cell's `data-verdict`, which the styles colour).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Baseline => "baseline",
            Verdict::Faster => "faster",
            Verdict::Same => "same",
            Verdict::Slower => "slower",
            Verdict::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
#[path = "tests/table_cells.rs"]
mod tests;
