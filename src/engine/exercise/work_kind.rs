use super::Runner;

/// What a task spends its time on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    /// Mostly waiting for something outside the program (network, disk, a database).
    Io,
    /// Mostly computing on the processor.
    Cpu,
}

impl WorkKind {
    /// Both kinds, in the order the form offers them.
    pub const BOTH: [WorkKind; 2] = [WorkKind::Io, WorkKind::Cpu];

    /// A short key for element ids and test hooks (`io`, `cpu`).
    pub fn key(self) -> &'static str {
        match self {
            WorkKind::Io => "io",
            WorkKind::Cpu => "cpu",
        }
    }

    /// The name shown to visitors.
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::Io => "I/O-bound",
            WorkKind::Cpu => "CPU-bound",
        }
    }

    /// The runner that suits this kind of work: waits overlap on one event loop,
    /// computing needs several cores.
    pub fn best_runner(self) -> Runner {
        match self {
            WorkKind::Io => Runner::Async,
            WorkKind::Cpu => Runner::Pool,
        }
    }
}
