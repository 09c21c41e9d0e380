use std::collections::BTreeMap;

use crate::engine::{RunRecord, ScalingPoint, Strategy};

/// The theoretical makespan of one strategy as the number of tasks grows.
#[derive(Debug, Clone, PartialEq)]
pub struct TheoryLine {
    /// The strategy's key (`sequential`, `gather`, `semaphore`).
    pub key: &'static str,
    /// How the bound is written (`Σd`, `max d`, `k-slot schedule`).
    pub formula: &'static str,
    /// `(n, makespan ms)` pairs in increasing n, non-finite values left out.
    pub points: Vec<(usize, f64)>,
}

/// The three theory lines of a scaling sweep: sequential (Σd), gather (max d) and
/// semaphore (the k-slot schedule), read from the points' bound fields.
pub fn theory_lines(points: &[ScalingPoint]) -> [TheoryLine; 3] {
    let line = |key, formula, value: fn(&ScalingPoint) -> f64| {
        let mut pts: Vec<(usize, f64)> = points
            .iter()
            .map(|p| (p.n, value(p)))
            .filter(|(_, ms)| ms.is_finite())
            .collect();
        pts.sort_by_key(|&(n, _)| n);
        TheoryLine {
            key,
            formula,
            points: pts,
        }
    };
    [
        line("sequential", "Σd", |p| p.sequential_bound_ms),
        line("gather", "max d", |p| p.gather_bound_ms),
        line("semaphore", "k-slot schedule", |p| p.semaphore_bound_ms),
    ]
}

/// The measured makespans of the runs of one strategy with one task count.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredGroup {
    /// The strategy's key, as in [`RunRecord::strategy`].
    pub strategy: String,
    /// How many tasks the runs had.
    pub n: usize,
    /// Each run's makespan, in milliseconds, in the order given.
    pub makespans_ms: Vec<f64>,
}

impl MeasuredGroup {
    /// The mean makespan of the group (NaN for an empty group).
    pub fn mean_ms(&self) -> f64 {
        self.makespans_ms.iter().sum::<f64>() / self.makespans_ms.len() as f64
    }
}

/// Where a strategy key comes in display order: the order of [`Strategy::ALL`], then
/// unknown keys.
pub fn strategy_rank(key: &str) -> usize {
    Strategy::ALL
        .iter()
        .position(|s| s.key() == key)
        .unwrap_or(Strategy::ALL.len())
}

/// Runs grouped by strategy key and task count (`r.tasks.len()`), in display order of the
/// strategies and then by n. Runs without tasks or with a non-finite makespan are left out.
pub fn measured_groups(records: &[RunRecord]) -> Vec<MeasuredGroup> {
    let mut groups: BTreeMap<(usize, String, usize), Vec<f64>> = BTreeMap::new();
    for r in records {
        if r.tasks.is_empty() || !r.makespan_ms.is_finite() {
            continue;
        }
        groups
            .entry((
                strategy_rank(&r.strategy),
                r.strategy.clone(),
                r.tasks.len(),
            ))
            .or_default()
            .push(r.makespan_ms);
    }
    groups
        .into_iter()
        .map(|((_, strategy, n), makespans_ms)| MeasuredGroup {
            strategy,
            n,
            makespans_ms,
        })
        .collect()
}

/// The distinct strategy keys of `groups`, in their order.
pub fn measured_strategies(groups: &[MeasuredGroup]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for g in groups {
        if !keys.contains(&g.strategy) {
            keys.push(g.strategy.clone());
        }
    }
    keys
}

/// The largest task count and the largest finite makespan among the theory lines and the
/// measured runs (0 when there is nothing).
pub fn scaling_extent(lines: &[TheoryLine], groups: &[MeasuredGroup]) -> (usize, f64) {
    let theory = lines.iter().flat_map(|l| l.points.iter().copied());
    let measured = groups
        .iter()
        .flat_map(|g| g.makespans_ms.iter().map(move |&ms| (g.n, ms)));
    theory
        .chain(measured)
        .filter(|(_, ms)| ms.is_finite())
        .fold((0, 0.0), |(n, ms), (pn, pms)| (n.max(pn), ms.max(pms)))
}

/// At most `max` items of `items`, evenly spread and always keeping the first and the
/// last, so a long series stays light to draw.
pub fn thinned<T: Clone>(items: &[T], max: usize) -> Vec<T> {
    if items.len() <= max.max(2) {
        return items.to_vec();
    }
    let max = max.max(2);
    let last = items.len() - 1;
    (0..max)
        .map(|i| items[i * last / (max - 1)].clone())
        .collect()
}

/// Every task count of the theory lines and the measured groups, increasing and without
/// repeats.
pub fn task_counts(lines: &[TheoryLine], groups: &[MeasuredGroup]) -> Vec<usize> {
    let mut ns: Vec<usize> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|&(n, _)| n))
        .chain(groups.iter().map(|g| g.n))
        .collect();
    ns.sort_unstable();
    ns.dedup();
    ns
}

/// The name of the semaphore series: the spec of the first semaphore run measured
/// (`semaphore(2)`), or `semaphore(k)` when there is none.
pub fn semaphore_title(records: &[RunRecord]) -> String {
    records
        .iter()
        .find(|r| r.strategy == "semaphore" && !r.spec.is_empty())
        .map_or_else(|| "semaphore(k)".to_string(), |r| r.spec.clone())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::{scaling, Scenario, VirtualClock};

    /// A run of `strategy` over these durations on virtual time.
    pub(crate) fn run(strategy: Strategy, durations: &[f64]) -> RunRecord {
        let clock = VirtualClock::new();
        let s = Scenario::from_durations(durations);
        clock
            .run(strategy.run(&clock, &s, &|_| {}))
            .expect("sleeps finish")
    }

    #[test]
    fn theory_lines_follow_the_bound_fields_of_the_sweep() {
        let points = scaling(&[100.0, 100.0, 100.0, 100.0], 4, 2);
        let [seq, gather, sem] = theory_lines(&points);
        assert_eq!(seq.points.last(), Some(&(4, 400.0)));
        assert_eq!(gather.points.last(), Some(&(4, 100.0)));
        assert_eq!(sem.points.last(), Some(&(4, 200.0)));
        assert_eq!((seq.key, gather.formula), ("sequential", "max d"));
    }

    #[test]
    fn non_finite_bounds_are_left_out_of_the_lines() {
        let mut points = scaling(&[100.0, 50.0], 2, 1);
        points[0].gather_bound_ms = f64::NAN;
        let [_, gather, _] = theory_lines(&points);
        assert_eq!(gather.points, vec![(2, 100.0)]);
    }

    #[test]
    fn runs_are_grouped_by_strategy_and_task_count_in_display_order() {
        let records = vec![
            run(Strategy::Gather, &[100.0, 50.0]),
            run(Strategy::Sequential, &[100.0, 50.0]),
            run(Strategy::Gather, &[100.0, 50.0]),
            run(Strategy::Gather, &[100.0]),
        ];
        let groups = measured_groups(&records);
        let keys: Vec<(&str, usize, usize)> = groups
            .iter()
            .map(|g| (g.strategy.as_str(), g.n, g.makespans_ms.len()))
            .collect();
        assert_eq!(
            keys,
            vec![("sequential", 2, 1), ("gather", 1, 1), ("gather", 2, 2)]
        );
        assert_eq!(groups[2].mean_ms(), 100.0);
        assert_eq!(measured_strategies(&groups), vec!["sequential", "gather"]);
    }

    #[test]
    fn empty_runs_and_nan_makespans_are_not_measured_points() {
        let mut broken = run(Strategy::Gather, &[10.0]);
        broken.makespan_ms = f64::NAN;
        let empty = run(Strategy::Gather, &[]);
        assert!(measured_groups(&[broken, empty]).is_empty());
    }

    #[test]
    fn the_semaphore_series_is_named_after_its_measured_limit() {
        let sem = run(Strategy::Semaphore { limit: 2 }, &[10.0, 10.0]);
        assert_eq!(semaphore_title(&[sem]), "semaphore(2)");
        assert_eq!(semaphore_title(&[]), "semaphore(k)");
    }

    #[test]
    fn unknown_strategy_keys_come_last() {
        assert_eq!(strategy_rank("sequential"), 0);
        assert_eq!(strategy_rank("nonsense"), Strategy::ALL.len());
    }

    #[test]
    fn the_extent_covers_theory_and_measured_points() {
        let points = scaling(&[100.0, 200.0], 2, 1);
        let lines = theory_lines(&points);
        let groups = vec![MeasuredGroup {
            strategy: "gather".into(),
            n: 5,
            makespans_ms: vec![250.0, f64::NAN],
        }];
        assert_eq!(scaling_extent(&lines, &groups), (5, 300.0));
        assert_eq!(scaling_extent(&[], &[]), (0, 0.0));
        assert_eq!(task_counts(&lines, &groups), vec![1, 2, 5]);
    }

    #[test]
    fn thinning_keeps_the_ends_and_at_most_the_maximum() {
        let items: Vec<usize> = (0..1000).collect();
        let few = thinned(&items, 50);
        assert_eq!(few.len(), 50);
        assert_eq!((few[0], few[49]), (0, 999));
        assert!(few.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(thinned(&items[..3], 50), vec![0, 1, 2]);
        assert_eq!(thinned(&items, 0).len(), 2);
        assert!(thinned::<usize>(&[], 5).is_empty());
    }
}
