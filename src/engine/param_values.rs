use std::collections::BTreeMap;

use super::{ParamError, ParamSpec};

/// Validated parameter values of one lesson, by key, in a stable order.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ParamValues(pub BTreeMap<String, f64>);

impl ParamValues {
    /// Every spec at its default value.
    pub fn defaults(specs: &[ParamSpec]) -> Self {
        Self(
            specs
                .iter()
                .map(|s| (s.key.to_string(), s.default))
                .collect(),
        )
    }

    /// Parses one text per spec (looked up by key; missing means default).
    /// Returns the values, or every error found.
    pub fn parse<'a>(
        specs: &[ParamSpec],
        text_of: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<Self, Vec<ParamError>> {
        let mut values = BTreeMap::new();
        let mut errors = Vec::new();
        for spec in specs {
            match text_of(spec.key) {
                None => {
                    values.insert(spec.key.to_string(), spec.default);
                }
                Some(text) => match spec.parse(text) {
                    Ok(v) => {
                        values.insert(spec.key.to_string(), v);
                    }
                    Err(e) => errors.push(e),
                },
            }
        }
        if errors.is_empty() {
            Ok(Self(values))
        } else {
            Err(errors)
        }
    }

    /// The value of `key`, or `fallback` if it is absent.
    pub fn get_or(&self, key: &str, fallback: f64) -> f64 {
        self.0.get(key).copied().unwrap_or(fallback)
    }
}
