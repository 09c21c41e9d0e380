/// The class of a lab script error (what the tests and the page group errors by).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabErrorKind {
    /// A name with a character other than letters, digits, `_` and `-`, too long, or a
    /// reserved word.
    BadName,
    /// A task line that stops before its kind or duration.
    Missing,
    /// A kind other than `io` and `cpu`.
    UnknownKind,
    /// A duration that is not a number followed by `ms` or `s`.
    BadDuration,
    /// A duration above the limit of its kind (or CPU work above the script's total).
    DurationTooLong,
    /// `after` names a task that no line defines.
    UnknownDependency,
    /// Two tasks with the same name, or a name listed twice after `after`.
    DuplicateName,
    /// A task that waits for itself.
    SelfDependency,
    /// Tasks that wait for each other in a circle.
    Cycle,
    /// More than [`super::MAX_SCRIPT_TASKS`] tasks.
    TooManyTasks,
    /// Something after a complete task that is not an option or a comment.
    Junk,
    /// A line or the whole text above its length limit.
    TooLong,
    /// A script with no task at all.
    NoTasks,
    /// Not an error of its own: it stands for the errors after the first
    /// [`super::MAX_LISTED`], at the position of the first of them, and counts them.
    NotListed,
}
