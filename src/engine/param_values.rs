use std::collections::BTreeMap;

use super::{ParamError, ParamSpec};

/// Validated parameter values of one lesson, by key, in a stable order: numbers in the
/// first map, texts and choices (see [`super::ParamKind`]) in the second.
///
/// Serialised as one flat JSON object (`{"n": 5.0, "strategy": "gather"}`), so exports of
/// lessons without texts are unchanged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParamValues(pub BTreeMap<String, f64>, pub BTreeMap<String, String>);

/// One value of the flat JSON form.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum Value {
    Number(f64),
    Text(String),
}

impl serde::Serialize for ParamValues {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut all: BTreeMap<&str, Value> = BTreeMap::new();
        for (k, v) in &self.0 {
            all.insert(k, Value::Number(*v));
        }
        for (k, v) in &self.1 {
            all.insert(k, Value::Text(v.clone()));
        }
        all.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for ParamValues {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let all = BTreeMap::<String, Value>::deserialize(deserializer)?;
        let mut values = ParamValues::default();
        for (k, v) in all {
            match v {
                Value::Number(n) => values.0.insert(k, n).map(|_| ()),
                Value::Text(t) => values.1.insert(k, t).map(|_| ()),
            };
        }
        Ok(values)
    }
}

impl ParamValues {
    /// Every spec at its default value.
    pub fn defaults(specs: &[ParamSpec]) -> Self {
        let mut values = Self::default();
        for s in specs {
            if s.is_text() {
                values
                    .1
                    .insert(s.key.to_string(), s.default_text().to_string());
            } else {
                values.0.insert(s.key.to_string(), s.default_number());
            }
        }
        values
    }

    /// Parses one text per spec (looked up by key; missing means default).
    /// Returns the values, or every error found.
    pub fn parse<'a>(
        specs: &[ParamSpec],
        text_of: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<Self, Vec<ParamError>> {
        let mut values = Self::defaults(specs);
        let mut errors = Vec::new();
        for spec in specs {
            let Some(text) = text_of(spec.key) else {
                continue;
            };
            let key = spec.key.to_string();
            let parsed = if spec.is_text() {
                spec.parse_text(text)
                    .map(|t| values.1.insert(key, t))
                    .map(|_| ())
            } else {
                spec.parse(text)
                    .map(|v| values.0.insert(key, v))
                    .map(|_| ())
            };
            if let Err(e) = parsed {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(values)
        } else {
            Err(errors)
        }
    }

    /// The value of `key`, or `fallback` if it is absent.
    pub fn get_or(&self, key: &str, fallback: f64) -> f64 {
        self.0.get(key).copied().unwrap_or(fallback)
    }

    /// The text of `key`, if there is one.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.1.get(key).map(String::as_str)
    }

    /// What the form shows for `spec`: its text, or its number written without a
    /// trailing `.0`; the default when absent.
    pub fn form_text(&self, spec: &ParamSpec) -> String {
        if spec.is_text() {
            self.text(spec.key)
                .unwrap_or(spec.default_text())
                .to_string()
        } else {
            ParamSpec::format_value(self.get_or(spec.key, spec.default_number()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::param_spec::tests::{CHOICE as WAY, COUNT};

    const SPECS: [ParamSpec; 2] = [COUNT, WAY];

    #[test]
    fn numbers_and_choices_are_parsed_into_their_own_maps_with_defaults_for_missing_keys() {
        let v = ParamValues::parse(&SPECS, |k| (k == "way").then_some("b")).unwrap();
        assert_eq!(v.get_or("n", 0.0), 5.0);
        assert_eq!(v.text("way"), Some("b"));
        assert_eq!(v.form_text(&WAY), "b");
        assert_eq!(v.form_text(&SPECS[0]), "5");
        let errors = ParamValues::parse(&SPECS, |_| Some("zz")).unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn values_serialise_to_one_flat_object_and_back() {
        let v = ParamValues::defaults(&SPECS);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, r#"{"n":5.0,"way":"a"}"#);
        let back: ParamValues = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
    }
}
