//! When the caller's code got each result: gather hands every result over at once, when
//! the last task is done, in input order; done-callbacks (as completed) get each result the
//! moment its task ends. Drawn under the order lesson's timelines.

use crate::engine::{RunRecord, Strategy};

/// One result handed over to the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    /// The task's id.
    pub id: usize,
    /// The task's label (`task 3`).
    pub label: String,
    /// When the task ended, in milliseconds from the run's start.
    pub end_ms: f64,
    /// When the caller got the result.
    pub at_ms: f64,
    /// Which result this was for the caller: 1 for the first one handed over.
    pub order: usize,
}

/// The results `run` handed over, in the tasks' input order: for as-completed each at its
/// task's end, for every other strategy all at the end of the run (the order is the
/// position in the returned list). Tasks whose result never reached the caller (an error
/// was raised instead) are left out.
pub fn handovers(run: &RunRecord) -> Vec<Handover> {
    let one_by_one = run.strategy == Strategy::AsCompleted.key();
    let mut out: Vec<Handover> = (run.results.iter().enumerate())
        .filter_map(|(i, text)| {
            let task = run.tasks.iter().find(|t| &t.result == text)?;
            Some(Handover {
                id: task.id,
                label: task.label.clone(),
                end_ms: task.end_ms,
                at_ms: if one_by_one {
                    task.end_ms
                } else {
                    run.makespan_ms
                },
                order: i + 1,
            })
        })
        .collect();
    out.sort_by_key(|h| h.id);
    out
}

/// What the caller saw of `run`, after its title: `Gather: all 5 results at 823 ms` or
/// `Done-callbacks: the first result at 200 ms, the last at 823 ms`.
pub fn handover_summary(run: &RunRecord, all: &[Handover]) -> String {
    let title = run.title();
    let times = all.iter().map(|h| h.at_ms).filter(|ms| ms.is_finite());
    let first = times.clone().fold(f64::INFINITY, f64::min);
    let last = times.fold(f64::NEG_INFINITY, f64::max);
    match all.len() {
        0 => format!("{title} — no result handed over"),
        n if first == last => format!("{title} — all {n} results at {first:.0} ms"),
        _ => format!("{title} — the first result at {first:.0} ms, the last at {last:.0} ms"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scenario;
    use crate::lessons::RunPlan;

    fn runs() -> Vec<RunRecord> {
        let scenario = Scenario::from_durations(&[3000.0, 1000.0, 2000.0]);
        [Strategy::Gather, Strategy::AsCompleted]
            .iter()
            .filter_map(|&s| RunPlan::new(s, scenario.clone()).predict())
            .collect()
    }

    #[test]
    fn gather_hands_every_result_over_at_the_end_in_input_order() {
        let runs = runs();
        let all = handovers(&runs[0]);
        let seen: Vec<(usize, f64)> = all.iter().map(|h| (h.order, h.at_ms)).collect();
        assert_eq!(seen, vec![(1, 3000.0), (2, 3000.0), (3, 3000.0)]);
        assert_eq!(all[1].end_ms, 1000.0, "task 2 waited 2 s for the caller");
        assert_eq!(
            handover_summary(&runs[0], &all),
            "Gather — all 3 results at 3000 ms"
        );
    }

    #[test]
    fn callbacks_get_each_result_at_its_end_in_completion_order() {
        let runs = runs();
        let all = handovers(&runs[1]);
        let seen: Vec<(usize, f64)> = all.iter().map(|h| (h.order, h.at_ms)).collect();
        assert_eq!(seen, vec![(3, 3000.0), (1, 1000.0), (2, 2000.0)]);
        assert_eq!(
            handover_summary(&runs[1], &all),
            "As completed — the first result at 1000 ms, the last at 3000 ms"
        );
    }

    #[test]
    fn a_run_that_returned_nothing_hands_nothing_over() {
        let mut run = runs().remove(1);
        run.results.clear();
        assert!(handovers(&run).is_empty());
        assert!(handover_summary(&run, &[]).ends_with("no result handed over"));
    }
}
