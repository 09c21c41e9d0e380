use super::Runner;
use crate::engine::WorkKind;

impl WorkKind {
    /// The runner that suits this kind of work: waits overlap on one event loop,
    /// computing needs several cores.
    pub fn best_runner(self) -> Runner {
        match self {
            WorkKind::Io => Runner::Async,
            WorkKind::Cpu => Runner::Pool,
        }
    }
}
