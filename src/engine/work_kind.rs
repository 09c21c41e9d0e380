/// What a task spends its time on: waiting for I/O, or computing. One type for every
/// lesson that sorts work by kind (the lab's scripts, the exercise's tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    /// Mostly waiting for something outside the program (network, disk, a database):
    /// simulated by a timer, nothing to compute.
    Io,
    /// Mostly computing on the processor: a hash chain sized to the duration.
    Cpu,
}

impl WorkKind {
    /// Both kinds, in the order forms offer them.
    pub const BOTH: [WorkKind; 2] = [WorkKind::Io, WorkKind::Cpu];

    /// The short key of the kind: the keyword written in lab scripts, and the key of
    /// element ids and test hooks (`io`, `cpu`).
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
}
