use std::fmt;

/// Why the `after` lists of a scenario cannot be run: a task waits for a task that does not
/// exist, or tasks wait for each other in a circle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyError {
    /// The task ids involved: the cycle in order, its first task repeated at the end (so
    /// `[0, 1, 0]` means task 0 waits for 1, which waits for 0); or the waiting task
    /// followed by the unknown id.
    pub tasks: Vec<usize>,
    /// A complete sentence naming the tasks by label.
    pub message: String,
}

impl fmt::Display for DependencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DependencyError {}
