/// What a lab task does: wait for I/O, or compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkKind {
    /// A simulated I/O call (`io`): a timer, nothing to compute.
    Io,
    /// CPU work (`cpu`): a hash chain sized to the duration.
    Cpu,
}

impl WorkKind {
    /// The keyword written in scripts (`io`, `cpu`).
    pub fn keyword(self) -> &'static str {
        match self {
            WorkKind::Io => "io",
            WorkKind::Cpu => "cpu",
        }
    }
}
