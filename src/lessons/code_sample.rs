/// One code pane: the same idea in Python asyncio and in Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeSample {
    /// Caption above the pair.
    pub title: &'static str,
    /// The Python asyncio version.
    pub python: &'static str,
    /// The Rust version.
    pub rust: &'static str,
}
