use super::{Answer, ExerciseItem};

/// Points earned out of the points possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Points earned.
    pub points: usize,
    /// Points possible: two per item.
    pub max: usize,
}

impl Score {
    /// The score of `answers` on `items`, paired in order. A missing answer (fewer
    /// answers than items) earns nothing; extra answers are ignored.
    pub fn of(items: &[ExerciseItem], answers: &[Answer]) -> Self {
        let points = items
            .iter()
            .zip(answers)
            .map(|(item, answer)| item.points(answer))
            .sum();
        Self {
            points,
            max: items.len() * ExerciseItem::MAX_POINTS,
        }
    }

    /// `14 of 18 points`.
    pub fn text(&self) -> String {
        format!("{} of {} points", self.points, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::exercise::{Runner, WorkKind, Workload, CATALOGUE};

    fn item(key: &'static str, kind: WorkKind) -> ExerciseItem {
        let workload = match kind {
            WorkKind::Io => Workload::Waits {
                count: 2,
                wait_ms: 10.0,
            },
            WorkKind::Cpu => Workload::Jobs {
                count: 2,
                job_ms: 10.0,
            },
        };
        ExerciseItem {
            key,
            label: key,
            workload,
            kind,
            runner: kind.best_runner(),
            reason: "Because.",
        }
    }

    #[test]
    fn a_known_set_of_answers_scores_as_hand_computed() {
        let items = [
            item("a", WorkKind::Io),
            item("b", WorkKind::Cpu),
            item("c", WorkKind::Io),
            item("d", WorkKind::Cpu),
        ];
        let answers = [
            Answer::new(WorkKind::Io, Runner::Async),  // both right: 2
            Answer::new(WorkKind::Cpu, Runner::Async), // kind right, runner wrong: 1
            Answer::default(),                         // not answered: 0
            Answer {
                kind: None,
                runner: Some(Runner::Pool),
            }, // runner right only: 1
        ];
        assert_eq!(Score::of(&items, &answers), Score { points: 4, max: 8 });
        assert_eq!(Score::of(&items, &answers).text(), "4 of 8 points");
    }

    #[test]
    fn missing_answers_score_nothing_and_extra_answers_are_ignored() {
        let items = [item("a", WorkKind::Io), item("b", WorkKind::Cpu)];
        let one = [Answer::new(WorkKind::Io, Runner::Async)];
        assert_eq!(Score::of(&items, &one), Score { points: 2, max: 4 });
        let three = [Answer::new(WorkKind::Cpu, Runner::Pool); 3];
        assert_eq!(Score::of(&items, &three), Score { points: 2, max: 4 });
        assert_eq!(Score::of(&items, &[]), Score { points: 0, max: 4 });
    }

    #[test]
    fn calling_everything_io_bound_and_async_earns_the_four_io_items_only() {
        // The catalogue has 4 I/O items (pages, databases, streams, webhooks) and 5 CPU
        // ones: 4 × 2 points out of 9 × 2.
        let answers = vec![Answer::new(WorkKind::Io, Runner::Async); CATALOGUE.len()];
        assert_eq!(
            Score::of(&CATALOGUE, &answers),
            Score { points: 8, max: 18 }
        );
        // CPU-bound but async: every item gets exactly one of its two points.
        let mixed = vec![Answer::new(WorkKind::Cpu, Runner::Async); CATALOGUE.len()];
        assert_eq!(Score::of(&CATALOGUE, &mixed), Score { points: 9, max: 18 });
    }
}
