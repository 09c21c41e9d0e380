use super::{ParamChoice, ParamError};

/// What a parameter takes, each kind with only its own fields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamKind {
    /// A number in a range (durations, counts, scales, seeds).
    Number(NumberRange),
    /// A number of workers: a whole number whose default, in the browser, is the
    /// machine's processor count (within the range) unless a link names a value: the
    /// natural size of a pool. Elsewhere it is a [`ParamKind::Number`].
    Workers(NumberRange),
    /// A multi-line text (a textarea), at most `max_chars` characters. Only its length
    /// is checked here: what it says is checked by the lesson, and it is never evaluated.
    Text {
        /// The text used when none (valid) was given.
        default: &'static str,
        /// The longest text accepted, in characters.
        max_chars: usize,
        /// Visible lines of the textarea.
        rows: u16,
    },
    /// One of a few options (a drop-down list), stored as the option's key.
    Choice {
        /// The options, in display order.
        options: &'static [ParamChoice],
        /// The key of the option used when none (valid) was given.
        default: &'static str,
    },
}

/// The range, default, step and unit of a numeric parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRange {
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// The value used when nothing (valid) was given.
    pub default: f64,
    /// Step for the input's spinner.
    pub step: f64,
    /// Unit shown after the input (may be empty).
    pub unit: &'static str,
    /// Whole numbers only (counts, seeds).
    pub whole: bool,
}

/// The description of one lesson parameter: its key, its label and help, and its kind.
///
/// Every value a visitor types, and every value read from a URL, goes through
/// [`ParamSpec::parse`] or [`ParamSpec::parse_text`]; nothing else turns text into a
/// parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    /// Short key used in URLs and exports (for example `n`).
    pub key: &'static str,
    /// Label shown beside the input.
    pub label: &'static str,
    /// One sentence of help shown under the input.
    pub help: &'static str,
    /// What it takes.
    pub kind: ParamKind,
}

impl ParamSpec {
    /// The range of a numeric parameter (`None` for a text or a choice).
    pub const fn number(&self) -> Option<&NumberRange> {
        match &self.kind {
            ParamKind::Number(range) | ParamKind::Workers(range) => Some(range),
            _ => None,
        }
    }

    /// The default of a numeric parameter (NaN for a text or a choice, which has
    /// [`ParamSpec::default_text`] instead).
    pub const fn default_number(&self) -> f64 {
        match self.number() {
            Some(range) => range.default,
            None => f64::NAN,
        }
    }

    /// The unit shown after the input (empty for a text or a choice).
    pub const fn unit(&self) -> &'static str {
        match self.number() {
            Some(range) => range.unit,
            None => "",
        }
    }

    /// This spec with another key.
    pub const fn with_key(mut self, key: &'static str) -> Self {
        self.key = key;
        self
    }

    /// This spec with another label.
    pub const fn with_label(mut self, label: &'static str) -> Self {
        self.label = label;
        self
    }

    /// This spec with another help sentence.
    pub const fn with_help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }

    /// This numeric spec with another default (a text or choice is unchanged).
    pub const fn with_default(mut self, default: f64) -> Self {
        if let ParamKind::Number(r) | ParamKind::Workers(r) = &mut self.kind {
            r.default = default;
        }
        self
    }

    /// This numeric spec with another range (a text or choice is unchanged).
    pub const fn with_range(mut self, min: f64, max: f64) -> Self {
        if let ParamKind::Number(r) | ParamKind::Workers(r) = &mut self.kind {
            r.min = min;
            r.max = max;
        }
        self
    }

    /// This numeric spec with another spinner step (a text or choice is unchanged).
    pub const fn with_step(mut self, step: f64) -> Self {
        if let ParamKind::Number(r) | ParamKind::Workers(r) = &mut self.kind {
            r.step = step;
        }
        self
    }

    /// This numeric spec with another unit (a text or choice is unchanged).
    pub const fn with_unit(mut self, unit: &'static str) -> Self {
        if let ParamKind::Number(r) | ParamKind::Workers(r) = &mut self.kind {
            r.unit = unit;
        }
        self
    }

    /// Whether this parameter takes a text or a choice rather than a number.
    pub fn is_text(&self) -> bool {
        self.number().is_none()
    }

    /// Whether this parameter takes whole numbers only.
    pub fn is_whole(&self) -> bool {
        self.number().is_some_and(|r| r.whole)
    }

    /// The default of a text or choice parameter (empty for a numeric one).
    pub fn default_text(&self) -> &'static str {
        match self.kind {
            ParamKind::Text { default, .. } | ParamKind::Choice { default, .. } => default,
            _ => "",
        }
    }

    /// Checks the text of a text or choice parameter: a text within its length (line
    /// breaks normalised to `\n`), or the key of one of the options (spaces trimmed).
    /// A numeric parameter refuses every text here (it goes through [`ParamSpec::parse`]).
    pub fn parse_text(&self, text: &str) -> Result<String, ParamError> {
        match self.kind {
            ParamKind::Text { max_chars, .. } => {
                let count = text.chars().count();
                if count > max_chars {
                    return Err(self.error(&format!(
                        "is {count} characters long; at most {max_chars} are allowed"
                    )));
                }
                Ok(text.replace("\r\n", "\n"))
            }
            ParamKind::Choice { options, .. } => {
                let key = text.trim();
                match options.iter().find(|o| o.key == key) {
                    Some(o) => Ok(o.key.to_string()),
                    None => {
                        let keys: Vec<&str> = options.iter().map(|o| o.key).collect();
                        let shown: String = key.chars().take(24).collect();
                        Err(self.error(&format!(
                            "must be one of {}, not “{shown}”",
                            keys.join(", ")
                        )))
                    }
                }
            }
            _ => Err(self.error("takes a number, not a text")),
        }
    }

    /// Parses and checks `text`; the error message names the parameter and its range.
    /// A text or choice parameter refuses every number (see [`ParamSpec::parse_text`]).
    pub fn parse(&self, text: &str) -> Result<f64, ParamError> {
        if self.is_text() {
            return Err(self.error("takes a text, not a number"));
        }
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
        let Some(range) = self.number() else {
            return Err(self.error("takes a text, not a number"));
        };
        if !value.is_finite() {
            return Err(self.error("must be a finite number"));
        }
        if range.whole && value.fract() != 0.0 {
            return Err(self.error("must be a whole number"));
        }
        if value < range.min || value > range.max {
            return Err(self.error(&format!(
                "must be between {} and {}",
                format_number(range.min),
                format_number(range.max)
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
#[path = "tests/param_spec.rs"]
pub(crate) mod tests;
