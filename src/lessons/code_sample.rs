/// Where a placeholder starts in a code template: `«name»`.
pub const OPEN: char = '«';
/// Where a placeholder ends.
pub const CLOSE: char = '»';

/// One code pane: the same idea in Python asyncio and in Rust.
///
/// Owned strings, so a lesson can fill in the visitor's parameters (for example the
/// semaphore size) and the code always matches what runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSample {
    /// Caption above the pair.
    pub title: String,
    /// The Python asyncio version.
    pub python: String,
    /// The Rust version.
    pub rust: String,
}

impl CodeSample {
    /// A sample from its three texts.
    pub fn new(title: &str, python: &str, rust: &str) -> Self {
        Self {
            title: title.to_string(),
            python: python.to_string(),
            rust: rust.to_string(),
        }
    }

    /// Replaces every `«name»` placeholder in both versions with `value`. Guillemets
    /// never occur in Python or Rust code, so a placeholder cannot be mistaken for an
    /// f-string field or a `format!` argument, nor they for it.
    pub fn with(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        let placeholder = format!("{OPEN}{name}{CLOSE}");
        let value = value.to_string();
        self.python = self.python.replace(&placeholder, &value);
        self.rust = self.rust.replace(&placeholder, &value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        let s = CodeSample::new("t", "Semaphore(«k»)", "buffer_unordered(«k»)").with("k", 3);
        assert_eq!(s.python, "Semaphore(3)");
        assert_eq!(s.rust, "buffer_unordered(3)");
    }

    #[test]
    fn braces_of_the_languages_are_left_alone() {
        let s = CodeSample::new("t", "f\"{k} = «k»\"", "println!(\"{k}: «k»\")").with("k", 3);
        assert_eq!(s.python, "f\"{k} = 3\"");
        assert_eq!(s.rust, "println!(\"{k}: 3\")");
    }
}
