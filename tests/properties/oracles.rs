//! Oracles: what a permalink should make of a query, and what valid values look like.

use super::*;

/// What a permalink should make of the pairs it reads: the last `lesson` (if known), the
/// last valid value of each parameter (unless the lesson's check refuses them together),
/// and one notice per ignored part (an unknown lesson, an unknown parameter, a rejected
/// value, a broken cross-field rule).
pub(crate) struct Expected {
    pub(crate) lesson: &'static dyn AnyLesson,
    pub(crate) values: ParamValues,
    pub(crate) embed: bool,
    pub(crate) ignored: usize,
}

pub(crate) fn expected_from(pairs: &[(String, String)]) -> Expected {
    let last = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
    let (lesson, mut ignored) = match last("lesson") {
        None => (ALL[0], 0),
        Some(id) => find(id).map_or((ALL[0], 1), |l| (l, 0)),
    };
    let specs = lesson.info().params;
    let mut values = ParamValues::defaults(specs);
    for (key, text) in pairs {
        if key == "lesson" || key == "embed" {
            continue;
        }
        match specs.iter().find(|s| s.key == key) {
            Some(spec) if spec.is_text() => match spec.parse_text(text) {
                Ok(t) => {
                    values.1.insert(spec.key.to_string(), t);
                }
                Err(_) => ignored += 1,
            },
            Some(spec) => match spec.parse(text) {
                Ok(v) => {
                    values.0.insert(spec.key.to_string(), v);
                }
                Err(_) => ignored += 1,
            },
            None => ignored += 1,
        }
    }
    let cross = lesson.check(&values).len();
    if cross > 0 {
        values = ParamValues::defaults(specs);
    }
    Expected {
        lesson,
        values,
        embed: matches!(last("embed").map(String::as_str), Some("1" | "true")),
        ignored: ignored + cross,
    }
}

pub(crate) fn pairs_of(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Every value is one of the lesson's parameters, passes its spec, and together they pass
/// the lesson's own check.
pub(crate) fn assert_valid(
    lesson: &dyn AnyLesson,
    values: &ParamValues,
) -> Result<(), TestCaseError> {
    let specs = lesson.info().params;
    let mut keys: Vec<&str> = values
        .0
        .keys()
        .chain(values.1.keys())
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut wanted: Vec<&str> = specs.iter().map(|s| s.key).collect();
    wanted.sort_unstable();
    prop_assert_eq!(keys, wanted);
    for spec in specs {
        if spec.is_text() {
            let t = &values.1[spec.key];
            let back = spec.parse_text(t);
            prop_assert_eq!(back.as_ref(), Ok(t), "{}={}", spec.key, t);
        } else {
            let v = values.0[spec.key];
            prop_assert_eq!(spec.check(v), Ok(v), "{}={}", spec.key, v);
        }
    }
    prop_assert!(lesson.check(values).is_empty());
    Ok(())
}

pub(crate) fn same_number(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}
