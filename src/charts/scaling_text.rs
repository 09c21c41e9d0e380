use crate::engine::Strategy;

use super::{format_ms, MeasuredGroup, TheoryLine};

/// A series' display name: the strategy's title, `semaphore` (the semaphore series'
/// name, see [`super::semaphore_title`]) for the semaphore, or the key for an unknown
/// strategy.
pub fn series_title(key: &str, semaphore: &str) -> String {
    match Strategy::from_key(key) {
        Some(Strategy::Semaphore { .. }) => semaphore.to_string(),
        Some(s) => s.title().to_string(),
        None => key.to_string(),
    }
}

/// The mean measured makespan of `strategy` at `n`, with the run count when several;
/// `–` when it did not run with `n` tasks.
pub fn measured_cell(groups: &[MeasuredGroup], strategy: &str, n: usize) -> String {
    groups
        .iter()
        .find(|g| g.strategy == strategy && g.n == n)
        .map_or_else(
            || "–".to_string(),
            |g| match g.makespans_ms.len() {
                1 => format_ms(g.mean_ms()),
                k => format!("{} (mean of {k})", format_ms(g.mean_ms())),
            },
        )
}

/// The theoretical makespan of `line` at `n`, or `–` when the line has no point there.
pub fn theory_cell(line: &TheoryLine, n: usize) -> String {
    line.points
        .binary_search_by_key(&n, |&(pn, _)| pn)
        .map_or_else(|_| "–".to_string(), |i| format_ms(line.points[i].1))
}

/// The measured strategies without a theory line, in their order: they get a measured
/// column only.
pub fn extra_strategies(strategies: &[String], lines: &[TheoryLine]) -> Vec<String> {
    strategies
        .iter()
        .filter(|k| !lines.iter().any(|l| l.key == k.as_str()))
        .cloned()
        .collect()
}

/// The scaling table's summary, saying so when it lists only `shown` of `total` task
/// counts.
pub fn scaling_table_summary(shown: usize, total: usize) -> String {
    if shown < total {
        format!("Scaling: data table ({shown} of {total} task counts, evenly spread)")
    } else {
        "Scaling: data table".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(strategy: &str, n: usize, makespans_ms: &[f64]) -> MeasuredGroup {
        MeasuredGroup {
            strategy: strategy.into(),
            n,
            makespans_ms: makespans_ms.to_vec(),
        }
    }

    #[test]
    fn series_are_named_by_strategy_with_the_semaphore_s_own_name() {
        assert_eq!(
            series_title("gather", "semaphore(2)"),
            Strategy::Gather.title()
        );
        assert_eq!(series_title("semaphore", "semaphore(2)"), "semaphore(2)");
        assert_eq!(series_title("mystery", "semaphore(2)"), "mystery");
    }

    #[test]
    fn a_measured_cell_gives_the_mean_and_how_many_runs_made_it() {
        let groups = vec![
            group("gather", 2, &[100.0]),
            group("gather", 3, &[100.0, 200.0]),
        ];
        assert_eq!(measured_cell(&groups, "gather", 2), "100 ms");
        assert_eq!(measured_cell(&groups, "gather", 3), "150 ms (mean of 2)");
        assert_eq!(measured_cell(&groups, "gather", 4), "–");
        assert_eq!(measured_cell(&groups, "sequential", 2), "–");
    }

    #[test]
    fn a_theory_cell_is_the_line_s_point_at_n() {
        let line = TheoryLine {
            key: "gather",
            formula: "max d",
            points: vec![(1, 100.0), (3, 250.0)],
        };
        assert_eq!(theory_cell(&line, 3), "250 ms");
        assert_eq!(theory_cell(&line, 2), "–");
    }

    #[test]
    fn strategies_without_a_theory_line_are_extra_columns() {
        let lines = [TheoryLine {
            key: "gather",
            formula: "max d",
            points: Vec::new(),
        }];
        let measured = vec!["gather".to_string(), "first_completed".to_string()];
        assert_eq!(extra_strategies(&measured, &lines), vec!["first_completed"]);
    }

    #[test]
    fn the_summary_says_when_rows_were_thinned() {
        assert_eq!(scaling_table_summary(3, 3), "Scaling: data table");
        assert_eq!(
            scaling_table_summary(200, 2000),
            "Scaling: data table (200 of 2000 task counts, evenly spread)"
        );
    }
}
