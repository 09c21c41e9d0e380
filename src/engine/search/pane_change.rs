/// The result pane of a policy switching to the answer of one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaneChange {
    /// When, in milliseconds since typing began.
    pub at_ms: f64,
    /// The query whose answer the pane shows from then on.
    pub query: usize,
}
