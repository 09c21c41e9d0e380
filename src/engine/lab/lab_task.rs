use super::WorkKind;

/// One task of a parsed lab script.
#[derive(Debug, Clone, PartialEq)]
pub struct LabTask {
    /// Its unique name.
    pub name: String,
    /// I/O or CPU.
    pub kind: WorkKind,
    /// How long it waits or computes, in milliseconds.
    pub duration_ms: f64,
    /// Names of the tasks it waits for, in the order written, without repeats.
    pub after: Vec<String>,
    /// Whether it raises an error at its end.
    pub fails: bool,
    /// The line it was written on, from 1.
    pub line: usize,
}
