//! Tests of `table_cells.rs`: what each cell of the timing table says.

use super::super::{Table, TableAction, TableLesson, PARAMS};
use super::*;
use crate::lessons::support::testing::{predicted, values_with};
use crate::lessons::Lesson;

/// The predicted runs of `action` at the defaults.
fn runs_of(action: TableAction) -> Vec<RunRecord> {
    let table = Table::read(&ParamValues::defaults(&PARAMS));
    predicted(&TableLesson.plan(action, &table))
}

/// The table at the defaults, each of `runs` measured at `measure(index, record)`.
fn drawn(
    runs: &[RunRecord],
    measure: impl Fn(usize, &RunRecord) -> Option<f64>,
    phase: Phase,
) -> Vec<TimingCell> {
    let known: Vec<KnownRun> = runs
        .iter()
        .enumerate()
        .map(|(i, r)| KnownRun {
            predicted: r,
            measured_ms: measure(i, r),
        })
        .collect();
    timing_rows(&ParamValues::defaults(&PARAMS), &known, phase)
        .into_iter()
        .flat_map(|row| row.cells)
        .collect()
}

fn find<'a>(cells: &'a [TimingCell], key: &str) -> &'a TimingCell {
    cells
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("no cell {key}"))
}

/// (measured, predicted, speedup) texts of the cell `key`.
fn texts(cells: &[TimingCell], key: &str) -> (String, String, String) {
    let c = find(cells, key);
    (c.measured_text(), c.predicted_text(), c.speedup_text())
}

#[test]
fn before_any_run_every_cell_is_predicted_and_not_run_yet_and_the_point_shows() {
    let cells = drawn(&runs_of(TableAction::All), |_, _| None, Phase::Idle);
    assert_eq!(cells.len(), 9);
    assert!(cells.iter().all(|c| c.measured == Measured::NotRunYet));
    assert!(cells.iter().all(|c| !c.speedup_measured));
    let t = |key, m: &str, p: &str, s: &str| {
        assert_eq!(texts(&cells, key), (m.into(), p.into(), s.into()), "{key}");
    };
    t("io10-sync", "not run yet", "predicted 1.00 s", "baseline");
    t(
        "io10-async",
        "not run yet",
        "predicted 100 ms",
        "10.0× faster",
    );
    t(
        "cpu10-async",
        "not run yet",
        "predicted 1.00 s",
        "no faster",
    );
    t(
        "cpu10-pool",
        "not run yet",
        "predicted 300 ms",
        "3.3× faster",
    );
    t("io1-async", "not run yet", "predicted 100 ms", "no faster");
    assert_eq!(find(&cells, "io10-async").verdict(), Verdict::Faster);
    assert_eq!(find(&cells, "cpu10-async").verdict(), Verdict::Same);
}

#[test]
fn before_the_preview_arrives_cells_are_predicted_from_the_values() {
    let cells = drawn(&[], |_, _| None, Phase::Idle);
    assert_eq!(texts(&cells, "io10-pool").1, "predicted 300 ms");
    assert_eq!(find(&cells, "io10-pool").measured, Measured::NotRunYet);
}

#[test]
fn one_row_measured_leaves_the_others_predicted_with_a_dash() {
    let cpu = runs_of(TableAction::Cpu10);
    let measured = [1040.0, 1010.0, 520.0];
    let cells = drawn(&cpu, |i, _| measured.get(i).copied(), Phase::Ended);
    assert_eq!(texts(&cells, "cpu10-sync").0, "1.04 s");
    let pool = find(&cells, "cpu10-pool");
    assert_eq!(
        (pool.measured_text(), pool.speedup_text()),
        ("520 ms".into(), "2.0× faster".into())
    );
    assert!(pool.speedup_measured);
    assert_eq!(find(&cells, "cpu10-async").speedup_text(), "no faster");
    let io = find(&cells, "io10-async");
    assert_eq!(io.measured, Measured::Missing);
    assert_eq!(
        (io.measured_text(), io.predicted_text()),
        ("–".into(), "predicted 100 ms".into())
    );
    assert!(!io.speedup_measured);
}

#[test]
fn while_running_the_cells_of_the_run_say_so_and_fill_as_runs_end() {
    let io = runs_of(TableAction::Io10);
    let cells = drawn(&io, |i, _| (i == 0).then_some(1003.0), Phase::Running);
    assert_eq!(texts(&cells, "io10-sync").0, "1.00 s");
    assert_eq!(texts(&cells, "io10-async").0, "running…");
    assert_eq!(texts(&cells, "cpu10-sync").0, "–");
}

#[test]
fn bars_are_shares_of_the_rows_longest_time() {
    let io = runs_of(TableAction::Io10);
    let measured = [1000.0, 100.0, 500.0];
    let cells = drawn(&io, |i, _| measured.get(i).copied(), Phase::Ended);
    let bars: Vec<f64> = cells[..3].iter().map(|c| c.bar_pct).collect();
    assert_eq!(bars, vec![100.0, 10.0, 50.0]);
}

#[test]
fn a_slower_cell_says_how_much_slower() {
    let io = runs_of(TableAction::Io1);
    let measured = [100.0, 100.0, 250.0];
    let cells = drawn(&io, |i, _| measured.get(i).copied(), Phase::Ended);
    let pool = find(&cells, "io1-pool");
    assert_eq!(
        (pool.verdict(), pool.speedup_text()),
        (Verdict::Slower, "2.5× slower".into())
    );
    assert_eq!(pool.verdict().key(), "slower");
}

#[test]
fn odd_measurements_never_panic_and_never_show_as_times() {
    let all = runs_of(TableAction::All);
    let odd = [f64::NAN, f64::INFINITY, -5.0, 0.0];
    let cells = drawn(&all, |i, _| odd.get(i % 4).copied(), Phase::Ended);
    let sync = find(&cells, "io10-sync");
    assert_eq!(sync.measured, Measured::Missing, "NaN is no time");
    let zero = find(&cells, "cpu10-sync");
    assert_eq!(zero.measured, Measured::Ms(0.0));
    let after_zero = find(&cells, "cpu10-async");
    assert!(after_zero.speedup.is_none_or(f64::is_finite));
    assert!(cells.iter().all(|c| (0.0..=100.0).contains(&c.bar_pct)));
    for value in [f64::NAN, -1.0, 1e12, 0.0] {
        let mut values = ParamValues::default();
        for key in ["d", "cost", "workers"] {
            values.0.insert(key.to_string(), value);
        }
        let rows = timing_rows(&values, &[], Phase::Idle);
        assert_eq!(rows.len(), 3);
        assert!(rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| c.predicted_ms.is_some()));
    }
}

#[test]
fn headings_name_the_pool_size_and_rows_their_durations() {
    let one = columns(&values_with(&PARAMS, &[("workers", 1.0)]));
    assert_eq!(one[2], ("Pool", "1 worker".to_string()));
    assert_eq!(columns(&ParamValues::default())[2].1, "4 workers");
    let rows = timing_rows(&values_with(&PARAMS, &[("d", 250.0)]), &[], Phase::Idle);
    let details: Vec<&str> = rows.iter().map(|r| r.detail.as_str()).collect();
    assert_eq!(details, vec!["250 ms each", "≈ 100 ms each", "250 ms"]);
}

#[test]
fn durations_are_written_in_milliseconds_below_a_second() {
    assert_eq!(duration_text(85.4), "85 ms");
    assert_eq!(duration_text(1250.0), "1.25 s");
    assert_eq!(duration_text(f64::NAN), "–");
    assert_eq!(duration_text(-1.0), "–");
}

#[test]
fn a_fifth_either_way_is_noise_and_reads_no_faster() {
    let cpu = runs_of(TableAction::Cpu10);
    let measured = [136.0, 114.0, 165.0];
    let cells = drawn(&cpu, |i, _| measured.get(i).copied(), Phase::Ended);
    for key in ["cpu10-async", "cpu10-pool"] {
        assert_eq!(find(&cells, key).speedup_text(), "no faster", "{key}");
    }
}
