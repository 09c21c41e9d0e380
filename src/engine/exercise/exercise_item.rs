use super::{Answer, Runner, WorkKind, Workload};

/// One task of the exercise: how the visitor sees it, what it really is, and the right
/// answer with its reason.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExerciseItem {
    /// Short stable id (`pages`), used in element ids and run captions.
    pub key: &'static str,
    /// What the visitor reads (`Fetch 50 web pages`).
    pub label: &'static str,
    /// What runs when the answers are checked.
    pub workload: Workload,
    /// The right classification.
    pub kind: WorkKind,
    /// The right runner.
    pub runner: Runner,
    /// One sentence saying why.
    pub reason: &'static str,
}

impl ExerciseItem {
    /// Points this answer earns: one for the right kind, one for the right runner.
    pub fn points(&self, answer: &Answer) -> usize {
        usize::from(answer.kind == Some(self.kind))
            + usize::from(answer.runner == Some(self.runner))
    }

    /// The most points one item gives.
    pub const MAX_POINTS: usize = 2;
}
