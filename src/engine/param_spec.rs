use super::ParamError;

/// Whether a parameter takes whole numbers or decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Whole numbers only (task counts, seeds).
    Integer,
    /// Any finite decimal number (durations, scales).
    Decimal,
}

/// The description of one numeric lesson parameter: what it is called, its range and default.
///
/// Every value a visitor types, and every value read from a URL, goes through
/// [`ParamSpec::parse`]; nothing else turns text into a parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    /// Short key used in URLs and exports (for example `n`).
    pub key: &'static str,
    /// Label shown beside the input.
    pub label: &'static str,
    /// Unit shown after the input (may be empty).
    pub unit: &'static str,
    /// Whole numbers or decimals.
    pub kind: ParamKind,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// The value used when nothing (valid) was given.
    pub default: f64,
    /// Step for the input's spinner.
    pub step: f64,
    /// One sentence of help shown under the input.
    pub help: &'static str,
}

impl ParamSpec {
    /// Parses and checks `text`; the error message names the parameter and its range.
    pub fn parse(&self, text: &str) -> Result<f64, ParamError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(self.error("is empty"));
        }
        if trimmed.len() > 32 {
            return Err(self.error("is too long to be a number"));
        }
        let value: f64 = trimmed
            .parse()
            .map_err(|_| self.error(&format!("must be a number, not “{}”", trimmed)))?;
        self.check(value)
    }

    /// Checks an already numeric value against kind and range.
    pub fn check(&self, value: f64) -> Result<f64, ParamError> {
        if !value.is_finite() {
            return Err(self.error("must be a finite number"));
        }
        if self.kind == ParamKind::Integer && value.fract() != 0.0 {
            return Err(self.error("must be a whole number"));
        }
        if value < self.min || value > self.max {
            return Err(self.error(&format!(
                "must be between {} and {}",
                format_number(self.min),
                format_number(self.max)
            )));
        }
        Ok(value)
    }

    /// Writes a value the way the inputs show it (no trailing `.0`).
    pub fn format_value(value: f64) -> String {
        format_number(value)
    }

    fn error(&self, what: &str) -> ParamError {
        ParamError::new(self.key, format!("{} {}.", self.label, what))
    }
}

/// Formats a number without a trailing `.0` (for messages and inputs).
/// Very small or very large values use exponent form (`1e-31`), so the text always
/// parses back (inputs and links accept at most 32 characters).
pub(crate) fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let plain = format!("{}", value);
    if plain.len() <= 24 {
        plain
    } else {
        format!("{:e}", value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNT: ParamSpec = ParamSpec {
        help: "",
        ..crate::lessons::params::COUNT
    };

    #[test]
    fn a_value_in_range_is_accepted_with_surrounding_spaces() {
        assert_eq!(COUNT.parse(" 7 "), Ok(7.0));
    }

    #[test]
    fn empty_negative_non_numeric_fractional_and_huge_values_are_rejected_with_a_message() {
        for bad in ["", "-1", "abc", "2.5", "1e9", "NaN", "inf", &"9".repeat(40)] {
            let err = COUNT.parse(bad).unwrap_err();
            assert_eq!(err.key, "n");
            assert!(err.message.starts_with("Tasks "), "{bad}: {}", err.message);
        }
    }

    #[test]
    fn the_range_message_names_both_bounds() {
        assert_eq!(
            COUNT.parse("51").unwrap_err().message,
            "Tasks must be between 1 and 50."
        );
    }
}
