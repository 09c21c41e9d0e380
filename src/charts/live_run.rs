use crate::engine::{RunEvent, RunRecord, Strategy};

/// The state of one run as the timeline draws it: the prediction, what has been measured
/// so far, and the final record once it is done.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRun {
    /// The strategy being run.
    pub strategy: Strategy,
    /// The exact timeline on virtual time, drawn faintly under the measured bars.
    pub predicted: RunRecord,
    /// Measured start of each task (ms from the run start), once started.
    pub starts: Vec<Option<f64>>,
    /// Measured end of each task, once ended.
    pub ends: Vec<Option<f64>>,
    /// Finish order of each task (1 = first), 0 while running.
    pub ranks: Vec<usize>,
    /// The measured record, once the run has finished.
    pub record: Option<RunRecord>,
}

impl LiveRun {
    /// A run that has not started yet.
    pub fn new(strategy: Strategy, predicted: RunRecord) -> Self {
        let n = predicted.tasks.len();
        Self {
            strategy,
            predicted,
            starts: vec![None; n],
            ends: vec![None; n],
            ranks: vec![0; n],
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
            RunEvent::Ended { id, at_ms } => {
                let rank = self.ends.iter().filter(|e| e.is_some()).count() + 1;
                if let (Some(end), Some(r)) = (self.ends.get_mut(id), self.ranks.get_mut(id)) {
                    *end = Some(at_ms);
                    *r = rank;
                }
            }
        }
    }

    /// Replaces the live measurements with the final record.
    pub fn finish(&mut self, record: RunRecord) {
        for span in &record.tasks {
            if let Some(i) = self.starts.get_mut(span.id) {
                *i = Some(span.start_ms);
            }
            if let Some(i) = self.ends.get_mut(span.id) {
                *i = Some(span.end_ms);
            }
            if let Some(i) = self.ranks.get_mut(span.id) {
                *i = span.finish_rank;
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
mod tests {
    use super::*;
    use crate::engine::{Scenario, VirtualClock};

    fn predicted(durations: &[f64]) -> RunRecord {
        let clock = VirtualClock::new();
        let s = Scenario::from_durations(durations);
        clock
            .run(Strategy::Gather.run(&clock, &s, &|_| {}))
            .unwrap()
    }

    #[test]
    fn events_fill_in_starts_ends_and_finish_order() {
        let mut live = LiveRun::new(Strategy::Gather, predicted(&[20.0, 10.0]));
        live.apply(RunEvent::Started { id: 0, at_ms: 0.5 });
        live.apply(RunEvent::Started { id: 1, at_ms: 0.6 });
        live.apply(RunEvent::Ended { id: 1, at_ms: 11.0 });
        assert_eq!(live.starts, vec![Some(0.5), Some(0.6)]);
        assert_eq!(live.ends, vec![None, Some(11.0)]);
        assert_eq!(live.ranks, vec![0, 1]);
        assert!(!live.is_done());
    }

    #[test]
    fn events_for_unknown_tasks_are_ignored() {
        let mut live = LiveRun::new(Strategy::Gather, predicted(&[20.0]));
        live.apply(RunEvent::Ended { id: 7, at_ms: 1.0 });
        assert_eq!(live.ends, vec![None]);
    }
}
