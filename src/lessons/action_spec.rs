/// A button that starts runs: its key (passed to [`super::Lesson::plan`]) and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionSpec {
    /// Key passed to `plan`.
    pub key: &'static str,
    /// Button label.
    pub label: &'static str,
}
