use crate::engine::TaskStatus;

use super::{format_ms, LiveRun};

/// A task's measured span so far: its start, its end once ended, its finish order (0
/// while running) and how it ended, once ended.
pub type MeasuredSpan = (f64, Option<f64>, usize, Option<TaskStatus>);

/// What has been measured of task `j` of `run`, or `None` until it has started.
pub fn measured_span(run: &LiveRun, j: usize) -> Option<MeasuredSpan> {
    let start = run.starts.get(j).copied().flatten()?;
    let end = run.ends.get(j).copied().flatten();
    let status = run.statuses.get(j).copied().flatten();
    Some((start, end, run.ranks.get(j).copied().unwrap_or(0), status))
}

/// The note after a finished bar: its finish order (`#2`), with how it ended when it did
/// not end well (`#2 timed out`); `None` while the task has no finish order.
pub fn finish_label(rank: usize, status: Option<TaskStatus>) -> Option<String> {
    let text = match status {
        Some(TaskStatus::Ok) | None => format!("#{rank}"),
        Some(other) => format!("#{rank} {}", other.key().replace('_', " ")),
    };
    (rank > 0).then_some(text)
}

/// The timeline's caption numbers: measured against predicted makespan once the run has
/// finished, else its state and the prediction. `active` (whether the run is still going)
/// is asked only while the run has no record.
pub fn timeline_heading(run: &LiveRun, active: impl FnOnce() -> bool) -> String {
    let bound = format!(
        "{} = {}",
        run.strategy
            .bound_label_with(&run.scenario, &run.predicted.options),
        format_ms(run.predicted.bound_ms)
    );
    match &run.record {
        Some(rec) => format!(
            "measured {} · predicted {} ({bound}) · deviation {:+.1} ms",
            format_ms(rec.makespan_ms),
            format_ms(run.predicted.makespan_ms),
            rec.makespan_ms - run.predicted.makespan_ms
        ),
        None => {
            let state = if active() {
                "running…"
            } else if run.starts.iter().any(Option::is_some) {
                "stopped ·"
            } else {
                "not run yet ·"
            };
            format!(
                "{state} predicted {} ({bound})",
                format_ms(run.predicted.makespan_ms)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::live_run::tests::live;
    use crate::engine::RunEvent;

    #[test]
    fn a_span_is_measured_from_its_start() {
        let mut run = live(&[20.0, 10.0]);
        assert_eq!(measured_span(&run, 0), None);
        run.apply(RunEvent::Started { id: 0, at_ms: 0.5 });
        assert_eq!(measured_span(&run, 0), Some((0.5, None, 0, None)));
        run.apply(RunEvent::Ended {
            id: 0,
            at_ms: 21.0,
            status: TaskStatus::TimedOut,
        });
        assert_eq!(
            measured_span(&run, 0),
            Some((0.5, Some(21.0), 1, Some(TaskStatus::TimedOut)))
        );
        assert_eq!(measured_span(&run, 7), None);
    }

    #[test]
    fn the_finish_label_names_a_bad_ending_and_waits_for_a_rank() {
        assert_eq!(finish_label(2, Some(TaskStatus::Ok)).as_deref(), Some("#2"));
        assert_eq!(finish_label(1, None).as_deref(), Some("#1"));
        assert_eq!(
            finish_label(3, Some(TaskStatus::TimedOut)).as_deref(),
            Some("#3 timed out")
        );
        assert_eq!(finish_label(0, Some(TaskStatus::Failed)), None);
    }

    #[test]
    fn the_heading_tells_the_state_until_the_record_arrives() {
        let mut run = live(&[20.0, 10.0]);
        let predicted = format_ms(run.predicted.makespan_ms);
        let heading = timeline_heading(&run, || false);
        assert!(heading.starts_with(&format!("not run yet · predicted {predicted} (")));
        assert!(timeline_heading(&run, || true).starts_with("running… predicted"));
        run.apply(RunEvent::Started { id: 0, at_ms: 0.5 });
        assert!(timeline_heading(&run, || false).starts_with("stopped · predicted"));
        let record = run.predicted.clone();
        run.finish(record);
        let done = timeline_heading(&run, || panic!("active is not asked once done"));
        assert!(done.starts_with(&format!("measured {predicted} · predicted {predicted} (")));
        assert!(done.ends_with("· deviation +0.0 ms"));
    }
}
