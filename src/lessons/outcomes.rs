//! The failures lesson's outcomes as one table: a row per strategy, columns for what the
//! caller got, which tasks finished, failed or were cancelled, and when.

use crate::engine::{RunRecord, TaskStatus};

use super::support::in_seconds;

/// At most this many task names are listed in a cell; the rest are counted.
const NAMES_SHOWN: usize = 6;

/// One row of the outcomes table: what one strategy did with the same tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRow {
    /// The strategy's key (`gather_propagate`), for tests and styling.
    pub key: String,
    /// The run's name (`Gather, first error raised`).
    pub strategy: String,
    /// What the caller got back: the results with the errors in place, or the error raised.
    pub caller_got: String,
    /// The tasks that finished well, and whether the caller got their results.
    pub finished: OutcomeCell,
    /// The tasks that failed or timed out.
    pub failed: OutcomeCell,
    /// The tasks stopped before they finished.
    pub cancelled: OutcomeCell,
    /// When the caller's `await` came back (`0.63 s`).
    pub caller_at: String,
    /// When the last task stopped, in the background or not (`0.82 s`).
    pub last_end: String,
}

/// A count of tasks with their names (`2 of 5`, `task 1, task 4`) and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeCell {
    /// `2 of 5`, or `none`.
    pub count: String,
    /// The tasks' names, the first few of them (`task 1, task 4 and 3 more`); empty for none.
    pub names: String,
    /// What it means for the caller (`results lost`), or empty.
    pub note: String,
}

/// The table's rows, one per run, in the runs' order.
pub fn outcome_rows(runs: &[RunRecord]) -> Vec<OutcomeRow> {
    runs.iter().map(outcome_row).collect()
}

/// The row of one run.
pub fn outcome_row(run: &RunRecord) -> OutcomeRow {
    let raised = run.failure.is_some();
    let finished_note = match (run.count(TaskStatus::Ok), raised) {
        (0, _) => "",
        (_, true) => "results lost",
        (_, false) => "results kept",
    };
    let caller_at_ms = run.failure.as_ref().map_or(run.makespan_ms, |f| f.at_ms);
    OutcomeRow {
        key: run.strategy.clone(),
        strategy: run.title(),
        caller_got: caller_got(run),
        finished: cell(run, &[TaskStatus::Ok], finished_note),
        failed: cell(run, &[TaskStatus::Failed, TaskStatus::TimedOut], ""),
        cancelled: cell(run, &[TaskStatus::Cancelled], ""),
        caller_at: in_seconds(caller_at_ms),
        last_end: in_seconds(last_end_ms(run)),
    }
}

/// `the error “task 2 failed”`, or `4 results and 1 error, in place`.
fn caller_got(run: &RunRecord) -> String {
    if let Some(failure) = &run.failure {
        return format!("the error “{}”, no results", failure.message);
    }
    let errors = run.count(TaskStatus::Failed) + run.count(TaskStatus::TimedOut);
    let results = run.results.len().saturating_sub(errors);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match errors {
        0 => format!("{}, no error", plural(results, "result", "results")),
        _ => format!(
            "{} and {} in place",
            plural(results, "result", "results"),
            plural(errors, "error", "errors")
        ),
    }
}

/// The cell of the tasks whose status is one of `statuses`.
fn cell(run: &RunRecord, statuses: &[TaskStatus], note: &str) -> OutcomeCell {
    let names: Vec<String> = run
        .tasks
        .iter()
        .filter(|t| statuses.contains(&t.status))
        .map(|t| match t.status {
            TaskStatus::TimedOut => format!("{} (timed out)", t.label),
            _ => t.label.clone(),
        })
        .collect();
    let count = match names.len() {
        0 => "none".to_string(),
        n => format!("{n} of {}", run.tasks.len()),
    };
    let note = if names.is_empty() { "" } else { note };
    OutcomeCell {
        count,
        names: names_text(&names),
        note: note.to_string(),
    }
}

/// `a, b, c`, or the first [`NAMES_SHOWN`] and `and n more`.
fn names_text(names: &[String]) -> String {
    let shown = names.iter().take(NAMES_SHOWN).cloned();
    let mut text = shown.collect::<Vec<_>>().join(", ");
    if names.len() > NAMES_SHOWN {
        text.push_str(&format!(" and {} more", names.len() - NAMES_SHOWN));
    }
    text
}

/// When the last task of `run` stopped (0 without tasks; odd times are skipped).
fn last_end_ms(run: &RunRecord) -> f64 {
    run.tasks
        .iter()
        .map(|t| t.end_ms)
        .filter(|ms| ms.is_finite())
        .fold(0.0, f64::max)
}

#[cfg(test)]
#[path = "tests/outcomes.rs"]
mod tests;
