use std::fmt;

/// Why a parameter value was rejected: which parameter, and a message a visitor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's key (for example `n`), or an empty string for a cross-field rule.
    pub key: String,
    /// A complete sentence saying what is wrong and what is allowed.
    pub message: String,
}

impl ParamError {
    /// A new error for `key` with `message`.
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParamError {}
