/// One option of a choice parameter: the key written in URLs and exports, and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamChoice {
    /// Short key (for example `gather`).
    pub key: &'static str,
    /// What the visitor reads in the list.
    pub label: &'static str,
}
