use std::fmt;

use super::LabErrorKind;

/// One error in a lab script: where (line and column, from 1, in characters), which
/// class, and a sentence saying what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabError {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1, counted in characters.
    pub column: usize,
    /// The class of error.
    pub kind: LabErrorKind,
    /// A complete sentence (without the position).
    pub message: String,
}

impl LabError {
    /// A new error at `line`:`column`.
    pub fn new(line: usize, column: usize, kind: LabErrorKind, message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for LabError {
    /// `Line 3, column 9: …`; the count of errors not listed is only its sentence (it
    /// names its line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == LabErrorKind::NotListed {
            return f.write_str(&self.message);
        }
        write!(
            f,
            "Line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for LabError {}
