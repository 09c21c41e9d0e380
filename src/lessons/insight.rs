/// One line of a lesson's reading of its results (for example "Rejected: 4 of 12"),
/// shown under the charts and checked by the end-to-end tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    /// Stable key for tests and styling (for example `rejected-gather`).
    pub key: String,
    /// What is measured.
    pub label: String,
    /// The value, as text.
    pub value: String,
}

impl Insight {
    /// A new insight.
    pub fn new(key: impl Into<String>, label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            label: label.into(),
            value: value.into(),
        }
    }
}
