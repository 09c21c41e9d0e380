use crate::engine::{Comparison, RunRecord};

/// How the bound of `run` is written (`Σd`, `max d`, `Σc on one thread`, …), or `bound`
/// for an unknown strategy.
pub fn makespan_bound_label(run: &RunRecord) -> String {
    run.bound_label()
}

/// The speedup of gather over sequential among `runs`: measured, and in theory (Σd over
/// max d, 1 when gather's bound is 0); `None` unless both ran.
pub fn gather_speedups(runs: &[RunRecord]) -> Option<(f64, f64)> {
    let measured = Comparison::from_runs(runs)?.speedup()?;
    let seq = runs.iter().find(|r| r.strategy == "sequential")?;
    let gather = runs.iter().find(|r| r.strategy == "gather")?;
    let ideal = if gather.bound_ms > 0.0 {
        seq.bound_ms / gather.bound_ms
    } else {
        1.0
    };
    Some((measured, ideal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scaling_series::tests::run;
    use crate::engine::Strategy;

    #[test]
    fn the_bound_is_labelled_by_the_strategy_or_called_bound() {
        let mut r = run(Strategy::Sequential, &[10.0]);
        assert_eq!(makespan_bound_label(&r), "Σd");
        r.spec = String::new();
        r.strategy = "mystery".into();
        assert_eq!(makespan_bound_label(&r), "bound");
    }

    #[test]
    fn the_speedup_needs_both_sequential_and_gather() {
        let seq = run(Strategy::Sequential, &[100.0, 100.0, 200.0]);
        let gather = run(Strategy::Gather, &[100.0, 100.0, 200.0]);
        assert_eq!(gather_speedups(&[seq.clone(), gather]), Some((2.0, 2.0)));
        assert_eq!(gather_speedups(&[seq]), None);
    }
}
