use crate::engine::{ParamSpec, ScenarioParams};

/// Where a placeholder starts in a code template: `«name»`.
pub const OPEN: char = '«';
/// Where a placeholder ends.
pub const CLOSE: char = '»';

/// Python lines drawing the durations (`«draws_py»`, indented for a function body).
const DRAWS_PY: &str = include_str!("code/scenario_draws.py").trim_ascii_end();

/// Rust lines drawing the durations, in unscaled milliseconds (`«draws_rs»`).
const DRAWS_RS: &str = include_str!("code/scenario_draws.rs").trim_ascii_end();

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

    /// The sample with the random scenario of `p` filled in: `«draws_py»` and
    /// `«draws_rs»` (the lines drawing the durations), `«n»`, `«min»`, `«max»` (seconds),
    /// `«min_ms»`, `«max_ms»` (whole milliseconds, unscaled) and `«seed»`.
    pub fn with_scenario(self, p: &ScenarioParams) -> Self {
        self.with("draws_py", DRAWS_PY)
            .with("draws_rs", DRAWS_RS)
            .with("n", p.count)
            .with("min_ms", (p.min_s * 1000.0).round())
            .with("max_ms", (p.max_s * 1000.0).round())
            .with("min", ParamSpec::format_value(p.min_s))
            .with("max", ParamSpec::format_value(p.max_s))
            .with("seed", p.seed)
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

    #[test]
    fn a_scenario_fills_in_its_draws_count_range_and_seed() {
        let p = ScenarioParams {
            count: 7,
            min_s: 0.5,
            max_s: 5.0,
            seed: 42,
            scale: 1.0,
        };
        let s = CodeSample::new("t", "«draws_py» «n»", "«draws_rs»").with_scenario(&p);
        assert!(s.python.contains("random.Random(42)") && s.python.ends_with(" 7"));
        assert!(s.python.contains("uniform(0.5, 5)"));
        assert!(s.rust.contains("rng.u64(500..=5000)"));
    }
}
