//! Tests of `table.rs`, kept beside it so the module stays readable.

use super::cells::{timing_rows, KnownRun, Phase};
use super::*;
use crate::lessons::support::testing::{predicted, values_with};

fn params(pairs: &[(&str, f64)]) -> Table {
    Table::read(&values_with(&PARAMS, pairs))
}

/// Each cell's predicted time (`io10-async` → `0.10 s`), read from the table drawn from
/// the predicted runs of the whole table.
fn table(pairs: &[(&str, f64)]) -> Vec<(String, String)> {
    let values = values_with(&PARAMS, pairs);
    let runs = predicted(&TableLesson.plan(TableAction::All, &Table::read(&values)));
    let known: Vec<KnownRun> = runs
        .iter()
        .map(|r| KnownRun {
            predicted: r,
            measured_ms: Some(r.makespan_ms),
        })
        .collect();
    timing_rows(&values, &known, Phase::Ended)
        .into_iter()
        .flat_map(|row| row.cells)
        .map(|c| (c.key.clone(), c.measured_text()))
        .collect()
}

fn cell(cells: &[(String, String)], key: &str) -> String {
    cells
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no cell {key} in {cells:?}"))
}

#[test]
fn the_default_table_reads_like_the_classic_one_with_a_pool_of_4() {
    let cells = table(&[]);
    let expected = [
        ("io10-sync", "1.00 s"),
        ("io10-async", "100 ms"),
        // ⌈10/4⌉ = 3 rounds of 100 ms
        ("io10-pool", "300 ms"),
        ("cpu10-sync", "1.00 s"),
        ("cpu10-async", "1.00 s"),
        ("cpu10-pool", "300 ms"),
        ("io1-sync", "100 ms"),
        ("io1-async", "100 ms"),
        ("io1-pool", "100 ms"),
    ];
    assert_eq!(cells.len(), 9);
    for (key, value) in expected {
        assert_eq!(cell(&cells, key), value, "{key}");
    }
}

#[test]
fn a_pool_of_one_is_as_slow_as_sync() {
    let cells = table(&[("workers", 1.0)]);
    assert_eq!(cell(&cells, "io10-pool"), "1.00 s");
    assert_eq!(cell(&cells, "cpu10-pool"), "1.00 s");
}

#[test]
fn only_the_pool_column_uses_workers_and_a_row_action_plans_its_three_cells() {
    let defaults = Table::read(&ParamValues::default());
    let plans = TableLesson.plan(TableAction::Cpu10, &defaults);
    assert_eq!(plans.len(), 3);
    let workers: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
    assert_eq!(workers, vec![None, None, Some(4)]);
    assert!(plans.iter().all(|p| p.scenario.tasks.len() == 10));
    assert_eq!(TableLesson.plan(TableAction::All, &defaults).len(), 9);
}

#[test]
fn even_the_largest_parameters_predict_under_30_seconds_for_the_whole_table() {
    let table = params(&[("d", 1e9), ("cost", 1e9), ("workers", 1.0)]);
    let total: f64 = predicted(&TableLesson.plan(TableAction::All, &table))
        .iter()
        .map(|r| r.makespan_ms)
        .sum();
    assert!(total <= 30_000.0, "{total} ms");
}

#[test]
fn the_code_follows_the_parameters() {
    let code = &TableLesson.code(&params(&[("d", 250.0), ("workers", 6.0)]))[0];
    assert!(code.python.contains("time.sleep(0.25)") && code.python.contains("WORKERS = 6"));
    assert!(code.rust.contains("from_millis(250)") && code.rust.contains("WORKERS: usize = 6"));
}
