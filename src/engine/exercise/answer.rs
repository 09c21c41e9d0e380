use super::{Runner, WorkKind};

/// A visitor's answer for one item: the kind of work and the runner, each possibly not
/// chosen yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    /// I/O-bound or CPU-bound, once chosen.
    pub kind: Option<WorkKind>,
    /// Async or pool, once chosen.
    pub runner: Option<Runner>,
}

impl Answer {
    /// A complete answer.
    pub fn new(kind: WorkKind, runner: Runner) -> Self {
        Self {
            kind: Some(kind),
            runner: Some(runner),
        }
    }

    /// Whether both questions are answered.
    pub fn is_complete(&self) -> bool {
        self.kind.is_some() && self.runner.is_some()
    }
}
