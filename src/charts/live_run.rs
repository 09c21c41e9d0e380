use crate::engine::{CpuLane, RunEvent, RunRecord, Scenario, Strategy, TaskStatus};

/// The state of one run as the timeline draws it: the prediction, what has been measured
/// so far, and the final record once it is done.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRun {
    /// The strategy being run.
    pub strategy: Strategy,
    /// The tasks being run (with their dependencies).
    pub scenario: Scenario,
    /// The exact timeline on virtual time, drawn faintly under the measured bars.
    pub predicted: RunRecord,
    /// Measured start of each task (ms from the run start), once started.
    pub starts: Vec<Option<f64>>,
    /// When each CPU task's job started computing, and where (before that, since its
    /// start, it waited for a free worker).
    pub computing: Vec<Option<(f64, CpuLane)>>,
    /// Measured end of each task, once ended.
    pub ends: Vec<Option<f64>>,
    /// Finish order of each task (1 = first), 0 while running.
    pub ranks: Vec<usize>,
    /// How each task ended, once ended.
    pub statuses: Vec<Option<TaskStatus>>,
    /// When the caller received an error, if the strategy raised one.
    pub raised_at_ms: Option<f64>,
    /// The measured record, once the run has finished.
    pub record: Option<RunRecord>,
}

impl LiveRun {
    /// A run that has not started yet.
    pub fn new(strategy: Strategy, scenario: Scenario, predicted: RunRecord) -> Self {
        let n = predicted.tasks.len();
        Self {
            strategy,
            scenario,
            predicted,
            starts: vec![None; n],
            computing: vec![None; n],
            ends: vec![None; n],
            ranks: vec![0; n],
            statuses: vec![None; n],
            raised_at_ms: None,
            record: None,
        }
    }

    /// Applies one live event; events for unknown tasks are ignored.
    pub fn apply(&mut self, event: RunEvent) {
        match event {
            RunEvent::Started { id, at_ms } => {
                if let Some(slot) = self.starts.get_mut(id) {
                    *slot = Some(at_ms);
                }
            }
            RunEvent::Computing { id, at_ms, lane } => {
                if let Some(slot) = self.computing.get_mut(id) {
                    *slot = Some((at_ms, lane));
                }
            }
            RunEvent::Ended { id, at_ms, status } => {
                let rank = self.ends.iter().filter(|e| e.is_some()).count() + 1;
                if id < self.ends.len() {
                    self.ends[id] = Some(at_ms);
                    self.ranks[id] = rank;
                    self.statuses[id] = Some(status);
                }
            }
            RunEvent::Raised { at_ms, .. } => {
                self.raised_at_ms.get_or_insert(at_ms);
            }
        }
    }

    /// Replaces the live measurements with the final record.
    pub fn finish(&mut self, record: RunRecord) {
        for span in &record.tasks {
            if let Some(i) = self.starts.get_mut(span.id) {
                *i = Some(span.start_ms);
            }
            if let Some(i) = self.computing.get_mut(span.id) {
                *i = span.compute_start_ms.zip(span.lane);
            }
            if let Some(i) = self.ends.get_mut(span.id) {
                *i = Some(span.end_ms);
            }
            if let Some(i) = self.ranks.get_mut(span.id) {
                *i = span.finish_rank;
            }
            if let Some(i) = self.statuses.get_mut(span.id) {
                *i = Some(span.status);
            }
        }
        self.record = Some(record);
    }

    /// Whether the run has finished.
    pub fn is_done(&self) -> bool {
        self.record.is_some()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::{Scenario, VirtualClock};

    /// A gather run of these durations, predicted, with nothing measured yet.
    pub(crate) fn live(durations: &[f64]) -> LiveRun {
        let clock = VirtualClock::new();
        let s = Scenario::from_durations(durations);
        let predicted = clock
            .run(Strategy::Gather.run(&clock, &s, &|_| {}))
            .unwrap();
        LiveRun::new(Strategy::Gather, s, predicted)
    }

    #[test]
    fn events_fill_in_starts_ends_and_finish_order() {
        let mut live = live(&[20.0, 10.0]);
        live.apply(RunEvent::Started { id: 0, at_ms: 0.5 });
        live.apply(RunEvent::Started { id: 1, at_ms: 0.6 });
        live.apply(RunEvent::Ended {
            id: 1,
            at_ms: 11.0,
            status: TaskStatus::Ok,
        });
        assert_eq!(live.starts, vec![Some(0.5), Some(0.6)]);
        assert_eq!(live.ends, vec![None, Some(11.0)]);
        assert_eq!(live.ranks, vec![0, 1]);
        assert_eq!(live.statuses, vec![None, Some(TaskStatus::Ok)]);
        assert!(!live.is_done());
    }

    #[test]
    fn events_for_unknown_tasks_are_ignored() {
        let mut live = live(&[20.0]);
        live.apply(RunEvent::Ended {
            id: 7,
            at_ms: 1.0,
            status: TaskStatus::Failed,
        });
        assert_eq!(live.ends, vec![None]);
    }
}
