//! Generators: lesson ids, parameter keys and values (valid and hostile), query strings
//! and strategy specs.

use super::*;

pub(crate) fn lesson_ids() -> Vec<&'static str> {
    ALL.iter().map(|l| l.info().id).collect()
}

/// Every parameter key of every lesson, once each.
pub(crate) fn param_keys() -> Vec<&'static str> {
    let keys: BTreeSet<&'static str> = ALL
        .iter()
        .flat_map(|l| l.info().params.iter().map(|s| s.key))
        .collect();
    keys.into_iter().collect()
}

/// Every numeric parameter spec of every lesson (texts and choices have their own tests).
pub(crate) fn all_specs() -> Vec<ParamSpec> {
    ALL.iter()
        .flat_map(|l| l.info().params.iter().copied())
        .filter(|s| !s.is_text())
        .collect()
}

/// Texts that look like numbers, or almost.
#[rustfmt::skip]
pub(crate) const NUMBERISH: &[&str] = &[
    "0", "-0", "1", "5", "7", "50", "51", "-1", "0.5", ".5", "5.", "+5", "1e3", "1E-3", "1e308",
    "1e309", "-1e309", "1e-400", "NaN", "nan", "inf", "-inf", "+infinity", "Infinity", "0x10",
    "1_000", "1,5", " 7 ", "\t3\n", "٣", "７", "4294967295", "4294967296", "9007199254740993",
    "0.30000000000000004", "1e-31", "2.5", "", " ", "--1", "1..2", "e5", "%", "%2",
];

/// One key or value of a query: known names, number-ish text, escapes, or anything.
pub(crate) fn fragment() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = lesson_ids()
        .into_iter()
        .chain(param_keys())
        .chain(["lesson", "embed", "true", "1"])
        .collect();
    prop_oneof![
        3 => select(names).prop_map(str::to_string),
        3 => select(NUMBERISH).prop_map(str::to_string),
        2 => "%[0-9A-Fa-f]{2}|%[^0-9A-Fa-f]?.?|\\+|%E2%80%9C|%F0%9F%92%A9|%C3%28",
        2 => any::<f64>().prop_map(|x| format!("{x}")),
        1 => any::<f64>().prop_map(|x| format!("{x:e}")),
        2 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

/// A plausible value for a parameter: small numbers, plain or percent-escaped.
pub(crate) fn value_text() -> impl Strategy<Value = String> {
    let plain = prop_oneof![
        select(&["0", "1", "2", "3", "4", "5", "8", "10", "0.5", "0.1", "2.5", "60", "100"][..])
            .prop_map(str::to_string),
        (0u32..300).prop_map(|v| v.to_string()),
        (0.0..10.0f64).prop_map(|v| format!("{v}")),
    ];
    prop_oneof![
        4 => plain.clone(),
        1 => plain.prop_map(|v| v.bytes().map(|b| format!("%{b:02X}")).collect()),
        1 => select(NUMBERISH).prop_map(str::to_string),
    ]
}

/// One part of a query: a well-formed parameter, lesson or embed flag, or something
/// malformed.
pub(crate) fn query_part() -> impl Strategy<Value = String> {
    let malformed = (
        prop::collection::vec(fragment(), 1..3),
        select(&["=", "==", "", "=&", "&="][..]),
        prop::collection::vec(fragment(), 0..3),
    )
        .prop_map(|(k, sep, v)| format!("{}{sep}{}", k.concat(), v.concat()));
    prop_oneof![
        5 => (select(param_keys()), value_text()).prop_map(|(k, v)| format!("{k}={v}")),
        2 => select(lesson_ids()).prop_map(|id| format!("lesson={id}")),
        1 => select(&["1", "true", "0", "yes", ""][..]).prop_map(|v| format!("embed={v}")),
        3 => malformed,
    ]
}

/// A query of such parts (a few, or many), with stray separators and an optional `?`.
pub(crate) fn structured_query() -> impl Strategy<Value = String> {
    let parts = prop_oneof![
        4 => prop::collection::vec(query_part(), 0..10),
        1 => prop::collection::vec(query_part(), 0..80),
    ];
    (
        any::<bool>(),
        parts,
        select(&["&", "&", "&", "&&", ";", "&amp;"][..]),
    )
        .prop_map(|(question, parts, join)| {
            let q = parts.join(join);
            if question {
                format!("?{q}")
            } else {
                q
            }
        })
}

/// Long queries, up to 20 kB: a fragment repeated, or many `&`/`=`.
pub(crate) fn long_query() -> impl Strategy<Value = String> {
    prop_oneof![
        (structured_query(), 1..400usize).prop_map(|(q, n)| q.repeat(n)),
        (
            select(&["&", "=", "&=", "n=1&", "%", "%FF", "é"][..]),
            0..10_000usize
        )
            .prop_map(|(s, n)| s.repeat(n)),
        (0..=20_000usize).prop_map(|n| format!("n={}", "9".repeat(n))),
    ]
    .prop_map(|mut q| {
        let mut cut = q.len().min(20_000);
        while !q.is_char_boundary(cut) {
            cut -= 1;
        }
        q.truncate(cut);
        q
    })
}

/// Any text a visitor could put after the `?`.
pub(crate) fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => structured_query(),
        2 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..2_000).prop_map(String::from_iter),
        1 => long_query(),
    ]
}

/// A valid value of `spec`: a bound, a multiple of the step, or anything in range. For a
/// choice, the position of an option; for a text, 0 (its default is used).
pub(crate) fn valid_value(spec: &ParamSpec) -> BoxedStrategy<f64> {
    match spec.kind {
        ParamKind::Choice { options, .. } => (0..options.len()).prop_map(|i| i as f64).boxed(),
        ParamKind::Text { .. } => Just(0.0).boxed(),
        ParamKind::Number(r) | ParamKind::Workers(r) if r.whole => {
            (r.min as i64..=r.max as i64).prop_map(|v| v as f64).boxed()
        }
        ParamKind::Number(r) | ParamKind::Workers(r) => {
            let (lo, hi, step) = (r.min, r.max, r.step);
            let steps = ((hi - lo) / step).floor() as u64;
            prop_oneof![
                Just(lo),
                Just(hi),
                (0..=steps).prop_map(move |i| (lo + i as f64 * step).min(hi)),
                lo..=hi,
            ]
            .boxed()
        }
    }
}

/// A lesson and valid values for it: each in its spec's range and of its kind, then
/// made to pass the lesson's cross-field check (min ≤ max swapped into order, any other
/// offending value set to its spec's minimum).
pub(crate) fn lesson_and_valid_values() -> impl Strategy<Value = (usize, ParamValues)> {
    (0..ALL.len())
        .prop_flat_map(|i| {
            let lesson = ALL[i];
            let values: Vec<BoxedStrategy<f64>> =
                lesson.info().params.iter().map(valid_value).collect();
            (Just(i), values)
        })
        .prop_map(|(i, raw)| {
            let lesson = ALL[i];
            let specs = lesson.info().params;
            let mut values = ParamValues::defaults(specs);
            for (s, v) in specs.iter().zip(raw) {
                match s.kind {
                    ParamKind::Choice { options, .. } => {
                        values
                            .1
                            .insert(s.key.to_string(), options[v as usize].key.to_string());
                    }
                    ParamKind::Text { .. } => {}
                    _ => {
                        values.0.insert(s.key.to_string(), v);
                    }
                }
            }
            if let (Some(&lo), Some(&hi)) = (values.0.get("min"), values.0.get("max")) {
                if lo > hi {
                    values.0.insert("min".into(), hi);
                    values.0.insert("max".into(), lo);
                }
            }
            for e in lesson.check(&values) {
                if let Some(spec) = specs.iter().find(|s| s.key == e.key) {
                    if let Some(range) = spec.number() {
                        values.0.insert(e.key.clone(), range.min);
                    }
                }
            }
            (i, values)
        })
        .prop_filter("the lesson's cross-field check passes", |(i, values)| {
            ALL[*i].check(values).is_empty()
        })
}

/// A value no form would let through.
pub(crate) fn hostile_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        select(
            &[
                f64::NAN,
                -f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                1e300,
                -1e300,
                f64::MAX,
                f64::MIN,
                f64::MIN_POSITIVE,
                -1.0,
                -0.0,
                0.0,
                0.5,
                1e18,
                1e9,
                4_294_967_296.0,
                u64::MAX as f64,
            ][..]
        ),
        -1e6..1e6f64,
        any::<f64>(),
    ]
}

/// A lesson and hand-built values: each key missing, valid, or hostile, plus stray keys.
pub(crate) fn lesson_and_hostile_values() -> impl Strategy<Value = (usize, ParamValues)> {
    (0..ALL.len())
        .prop_flat_map(|i| {
            let lesson = ALL[i];
            let values: Vec<BoxedStrategy<Option<f64>>> = lesson
                .info()
                .params
                .iter()
                .map(|spec| {
                    prop_oneof![
                        1 => Just(None),
                        1 => valid_value(spec).prop_map(Some),
                        3 => hostile_number().prop_map(Some),
                    ]
                    .boxed()
                })
                .collect();
            let stray = prop::collection::vec((select(param_keys()), hostile_number()), 0..3);
            (Just(i), values, stray)
        })
        .prop_map(|(i, raw, stray)| {
            let mut values = ParamValues::default();
            for (k, v) in stray {
                values.0.insert(k.to_string(), v);
            }
            for (spec, v) in ALL[i].info().params.iter().zip(raw) {
                match v {
                    Some(v) => values.0.insert(spec.key.to_string(), v),
                    None => values.0.remove(spec.key),
                };
            }
            (i, values)
        })
}

/// Text offered to `ParamSpec::parse`.
pub(crate) fn param_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(NUMBERISH).prop_map(str::to_string),
        2 => any::<f64>().prop_map(|x| format!("{x}")),
        2 => any::<f64>().prop_map(|x| format!("{x:e}")),
        2 => any::<i64>().prop_map(|x| x.to_string()),
        2 => (-100.0..5e9f64).prop_map(|x| format!("{x}")),
        2 => (-100i64..100).prop_map(|x| x.to_string()),
        1 => "[ \t\n]{0,3}[-+]?[0-9]{0,12}(\\.[0-9]{0,12})?([eE][-+]?[0-9]{0,4})?[ \t\n]{0,3}",
        2 => any::<String>(),
        1 => "[0-9]{30,40}",
    ]
}

/// Text offered to `Strategy::from_spec`.
pub(crate) fn strategy_text() -> impl Strategy<Value = String> {
    let keys: Vec<String> = engine::Strategy::ALL
        .iter()
        .map(|s| s.key().to_string())
        .collect();
    let number = prop_oneof![
        (0u64..200_000).prop_map(|k| k.to_string()),
        any::<i128>().prop_map(|k| k.to_string()),
        select(
            &[
                "",
                " 7 ",
                "-0",
                "+3",
                "1e3",
                "0x10",
                "٣",
                "3)",
                "(3",
                "99999999999999999999999"
            ][..]
        )
        .prop_map(str::to_string),
    ];
    prop_oneof![
        3 => (
            "[ \t]{0,2}",
            select(keys),
            "[ \t]{0,2}",
            select(&["(", "((", ")", ""][..]),
            number,
            select(&[")", "))", "", "(", ") x"][..]),
        )
            .prop_map(|(a, k, b, open, n, close)| format!("{a}{k}{b}{open}{n}{close}")),
        2 => any::<String>(),
        1 => "[a-z_()0-9 ]{0,40}",
    ]
}
