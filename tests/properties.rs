//! Property-based hardening tests (native only): permalinks, parameter parsing, lesson
//! plans and strategy specs, on generated and hostile inputs.
//!
//! `cargo test` runs a few hundred cases per property (a few dozen for the costly
//! plan/predict property) in a few seconds. The case count is set by `PROPTEST_CASES`:
//! `make fuzz-long` runs `PROPTEST_CASES=1000000 cargo test --release --test properties`,
//! a million inputs for every cheap property; the plan/predict property, which predicts
//! every run of every action per input, runs one case in [`COSTLY`] of that.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use asyncscope::engine::{self, ParamKind, ParamSpec, ParamValues, Scenario, ScenarioParams};
use asyncscope::lessons::permalink::{query_for, Permalink, MAX_QUERY_LEN};
use asyncscope::lessons::{find, Lesson, ALL};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;

/// The most tasks `ScenarioParams::from_values` allows (`engine::scenario::MAX_TASKS`,
/// which the crate does not export).
const MAX_TASKS: usize = 1000;

/// Cases of the cheap properties in a plain `cargo test`.
const CHEAP_CASES: u32 = 256;
/// Cases of the plan/predict property in a plain `cargo test`.
const COSTLY_CASES: u32 = 32;
/// With `PROPTEST_CASES` set, the plan/predict property runs this many times fewer cases.
const COSTLY: u32 = 8;

/// `default_cases` cases, unless `PROPTEST_CASES` says otherwise (then that number,
/// divided by `divisor`).
fn config(default_cases: u32, divisor: u32) -> Config {
    // `Config::default()` reads the PROPTEST_* variables.
    let mut config = Config::default();
    config.cases = match std::env::var("PROPTEST_CASES") {
        Ok(_) => (config.cases / divisor).max(1),
        Err(_) => default_cases,
    };
    config
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

fn lesson_ids() -> Vec<&'static str> {
    ALL.iter().map(|l| l.info().id).collect()
}

/// Every parameter key of every lesson, once each.
fn param_keys() -> Vec<&'static str> {
    let keys: BTreeSet<&'static str> = ALL
        .iter()
        .flat_map(|l| l.info().params.iter().map(|s| s.key))
        .collect();
    keys.into_iter().collect()
}

/// Every numeric parameter spec of every lesson (texts and choices have their own tests).
fn all_specs() -> Vec<ParamSpec> {
    ALL.iter()
        .flat_map(|l| l.info().params.iter().copied())
        .filter(|s| !s.is_text())
        .collect()
}

/// Texts that look like numbers, or almost.
#[rustfmt::skip]
const NUMBERISH: &[&str] = &[
    "0", "-0", "1", "5", "7", "50", "51", "-1", "0.5", ".5", "5.", "+5", "1e3", "1E-3", "1e308",
    "1e309", "-1e309", "1e-400", "NaN", "nan", "inf", "-inf", "+infinity", "Infinity", "0x10",
    "1_000", "1,5", " 7 ", "\t3\n", "٣", "７", "4294967295", "4294967296", "9007199254740993",
    "0.30000000000000004", "1e-31", "2.5", "", " ", "--1", "1..2", "e5", "%", "%2",
];

/// One key or value of a query: known names, number-ish text, escapes, or anything.
fn fragment() -> impl Strategy<Value = String> {
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
fn value_text() -> impl Strategy<Value = String> {
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
fn query_part() -> impl Strategy<Value = String> {
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
fn structured_query() -> impl Strategy<Value = String> {
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
fn long_query() -> impl Strategy<Value = String> {
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
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => structured_query(),
        2 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..2_000).prop_map(String::from_iter),
        1 => long_query(),
    ]
}

/// A valid value of `spec`: a bound, a multiple of the step, or anything in range. For a
/// choice, the position of an option; for a text, 0 (its default is used).
fn valid_value(spec: &ParamSpec) -> BoxedStrategy<f64> {
    let (lo, hi, step) = (spec.min, spec.max, spec.step);
    match spec.kind {
        ParamKind::Choice { options, .. } => (0..options.len()).prop_map(|i| i as f64).boxed(),
        ParamKind::Text { .. } => Just(0.0).boxed(),
        ParamKind::Integer => (lo as i64..=hi as i64).prop_map(|v| v as f64).boxed(),
        ParamKind::Decimal => {
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
fn lesson_and_valid_values() -> impl Strategy<Value = (usize, ParamValues)> {
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
                    values.0.insert(e.key.clone(), spec.min);
                }
            }
            (i, values)
        })
        .prop_filter("the lesson's cross-field check passes", |(i, values)| {
            ALL[*i].check(values).is_empty()
        })
}

/// A value no form would let through.
fn hostile_number() -> impl Strategy<Value = f64> {
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
fn lesson_and_hostile_values() -> impl Strategy<Value = (usize, ParamValues)> {
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
fn param_text() -> impl Strategy<Value = String> {
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
fn strategy_text() -> impl Strategy<Value = String> {
    let keys: Vec<String> = engine::Strategy::EVERY
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

// ---------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------

/// What a permalink should make of the pairs it reads: the last `lesson` (if known), the
/// last valid value of each parameter (unless the lesson's check refuses them together),
/// and one notice per ignored part (an unknown lesson, an unknown parameter, a rejected
/// value, a broken cross-field rule).
struct Expected {
    lesson: &'static dyn Lesson,
    values: ParamValues,
    embed: bool,
    ignored: usize,
}

fn expected_from(pairs: &[(String, String)]) -> Expected {
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

fn pairs_of(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Every value is one of the lesson's parameters, passes its spec, and together they pass
/// the lesson's own check.
fn assert_valid(lesson: &dyn Lesson, values: &ParamValues) -> Result<(), TestCaseError> {
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

fn same_number(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(CHEAP_CASES, 1))]

    #[test]
    fn any_query_parses_without_panicking_into_a_lesson_and_valid_values_noting_each_ignored_part(
        query in any_query()
    ) {
        let p = Permalink::parse(&query);
        prop_assert!(ALL.iter().any(|l| l.info().id == p.lesson.info().id));
        assert_valid(p.lesson, &p.values)?;
        prop_assert!(p.notices.iter().all(|n| !n.trim().is_empty()), "{:?}", p.notices);
        let body = query.strip_prefix('?').unwrap_or(&query);
        if body.len() > MAX_QUERY_LEN {
            prop_assert_eq!(p.notices.len(), 1);
            prop_assert_eq!(p.lesson.info().id, ALL[0].info().id);
            prop_assert_eq!(&p.values, &ParamValues::defaults(ALL[0].info().params));
            prop_assert!(!p.embed);
        } else {
            let pairs = pairs_of(&query);
            let read = &pairs[..];
            let expected = expected_from(read);
            prop_assert_eq!(p.lesson.info().id, expected.lesson.info().id);
            prop_assert_eq!(&p.values, &expected.values);
            prop_assert_eq!(p.embed, expected.embed);
            prop_assert_eq!(p.notices.len(), expected.ignored, "{:?}", p.notices);
        }
    }

    // Was a bug: pairs after the 64th were dropped without a notice.
    #[test]
    fn every_pair_of_a_short_query_is_applied_or_noticed(
        parts in prop::collection::vec(select(&["x", "n=3", "lesson=order", "seed=2"][..]), 60..80)
    ) {
        let query = parts.join("&");
        let p = Permalink::parse(&query);
        let expected = expected_from(&pairs_of(&query));
        prop_assert_eq!(p.lesson.info().id, expected.lesson.info().id);
        prop_assert_eq!(&p.values, &expected.values);
        prop_assert_eq!(p.notices.len(), expected.ignored, "{:?}", p.notices);
    }

    #[test]
    fn a_link_built_from_valid_values_gives_back_the_same_lesson_values_and_embed_flag(
        (i, values) in lesson_and_valid_values(),
        embed in any::<bool>(),
    ) {
        let lesson = ALL[i];
        let query = query_for(lesson, &values, embed);
        let p = Permalink::parse(&query);
        prop_assert!(p.notices.is_empty(), "{}: {:?}", query, p.notices);
        prop_assert_eq!(p.lesson.info().id, lesson.info().id);
        prop_assert_eq!(p.embed, embed);
        prop_assert_eq!(p.values.0.len(), values.0.len());
        prop_assert_eq!(&p.values.1, &values.1);
        for (key, &v) in &values.0 {
            let back = p.values.0[key];
            prop_assert_eq!(
                ParamSpec::format_value(back),
                ParamSpec::format_value(v),
                "{}", key
            );
            prop_assert!(same_number(back, v), "{}: {} became {}", key, v, back);
        }
    }

    // Was a bug: tiny decimals were written without an exponent and came back too long.
    #[test]
    fn a_link_with_a_tiny_valid_decimal_gives_it_back(
        mantissa in 1u32..10, exponent in 16i32..320
    ) {
        let tiny = format!("{mantissa}e-{exponent}").parse::<f64>().unwrap();
        let lesson = find("gather").unwrap();
        let mut values = ParamValues::defaults(lesson.info().params);
        values.0.insert("min".into(), tiny);
        let p = Permalink::parse(&query_for(lesson, &values, false));
        prop_assert!(p.notices.is_empty(), "{:?}", p.notices);
        prop_assert!(same_number(p.values.0["min"], tiny));
    }

    #[test]
    fn a_parameter_accepts_text_iff_it_is_a_short_finite_number_in_range_of_its_kind(
        spec in select(all_specs()), text in param_text()
    ) {
        let trimmed = text.trim();
        let number = trimmed.parse::<f64>().ok().filter(|_| trimmed.len() <= 32);
        let acceptable = number.filter(|v| {
            v.is_finite()
                && (spec.kind == ParamKind::Decimal || v.fract() == 0.0)
                && (spec.min..=spec.max).contains(v)
        });
        match spec.parse(&text) {
            Ok(v) => {
                prop_assert_eq!(Some(v), acceptable, "{:?} accepted as {}", text, v);
            }
            Err(e) => {
                prop_assert_eq!(acceptable, None, "{:?} refused: {}", text, e.message);
                prop_assert_eq!(e.key.as_str(), spec.key);
                prop_assert!(
                    e.message.starts_with(&format!("{} ", spec.label)),
                    "{:?}: {}", text, e.message
                );
            }
        }
    }

    #[test]
    fn a_number_written_in_exponent_form_is_accepted_iff_finite_in_range_and_of_the_kind(
        spec in select(all_specs()), x in prop_oneof![any::<f64>(), -100.0..5e9f64, (-100i64..100).prop_map(|i| i as f64)]
    ) {
        let ok = x.is_finite()
            && (spec.kind == ParamKind::Decimal || x.fract() == 0.0)
            && x >= spec.min
            && x <= spec.max;
        let parsed = spec.parse(&format!(" {x:e} "));
        prop_assert_eq!(parsed.is_ok(), ok, "{:e}: {:?}", x, parsed);
        if let Ok(v) = parsed {
            prop_assert_eq!(v, x);
        }
    }

    #[test]
    fn a_strategy_spec_of_any_text_parses_without_panicking_and_round_trips_when_accepted(
        text in strategy_text()
    ) {
        if let Some(s) = engine::Strategy::from_spec(&text) {
            prop_assert_eq!(engine::Strategy::from_spec(&s.spec()), Some(s));
            if let engine::Strategy::Semaphore { limit: k } | engine::Strategy::Batches { size: k } = s {
                prop_assert!((1..=100_000).contains(&k), "{:?} gave {}", text, k);
            }
        }
    }

    #[test]
    fn every_bounded_strategy_with_a_limit_from_1_to_100000_round_trips_through_its_spec(
        k in 1usize..=100_000
    ) {
        for s in [engine::Strategy::Semaphore { limit: k }, engine::Strategy::Batches { size: k }] {
            prop_assert_eq!(engine::Strategy::from_spec(&s.spec()), Some(s));
        }
    }

    #[test]
    fn hand_built_values_always_draw_a_bounded_scenario_of_finite_durations(
        (_, values) in lesson_and_hostile_values()
    ) {
        let params = ScenarioParams::from_values(&values);
        prop_assert!((1..=MAX_TASKS).contains(&params.count));
        let scenario = Scenario::generate(&params);
        prop_assert_eq!(scenario.tasks.len(), params.count);
        prop_assert!(
            scenario.tasks.iter().all(|t| t.duration_ms.is_finite() && t.duration_ms >= 0.0),
            "{:?}", params
        );
    }
}

proptest! {
    #![proptest_config(config(COSTLY_CASES, COSTLY))]

    #[test]
    fn every_action_of_every_lesson_plans_finishing_runs_and_code_from_hostile_values(
        (i, values) in lesson_and_hostile_values(),
        stray_action in "[a-z_]{0,12}",
    ) {
        let lesson = ALL[i];
        let info = lesson.info();
        let actions = info.actions.iter().map(|a| a.key).chain([stray_action.as_str()]);
        for action in actions {
            let plans = lesson.plan(action, &values);
            // A lesson without actions brings its own widget and plans nothing.
            prop_assert!(!plans.is_empty() || info.actions.is_empty(), "{} {}: no plan", info.id, action);
            let mut runs = Vec::new();
            for plan in &plans {
                let run = plan.predict();
                prop_assert!(run.is_some(), "{} {}: a plan never finishes", info.id, action);
                runs.extend(run);
            }
            let _ = lesson.insights(&runs, &values);
        }
        prop_assert!(!lesson.code(&values).is_empty());
        let _ = lesson.trace(&values);
        let _ = lesson.scaling(&values);
    }
}

// ---------------------------------------------------------------------------------------
// The lab's scripts
// ---------------------------------------------------------------------------------------

/// One line that is a valid task, nearly one, or something else.
fn near_valid_line() -> impl Strategy<Value = String> {
    let names = &[
        "a",
        "b",
        "c",
        "d",
        "x-1",
        "_",
        "fetch_user",
        "io",
        "a.b",
        "<img>",
        "é",
    ][..];
    let kinds = &["io", "cpu", "io", "cpu", "iox", "IO", ""][..];
    let durations = &[
        "250ms",
        "2s",
        "1.5s",
        "0ms",
        "60s",
        "1s",
        "61s",
        "2",
        "1.s",
        ".5s",
        "1001ms",
        "9999999999s",
        "",
    ][..];
    let tails = &[
        "",
        "",
        " fails",
        " # note",
        " junk",
        " fails fails",
        " after",
        ",",
        " after a,",
    ][..];
    let deps = prop::collection::vec(select(names), 0..4);
    (
        select(&["", " ", "\t"][..]),
        select(names),
        select(kinds),
        select(durations),
        deps,
        select(tails),
        select(&["", "\r"][..]),
    )
        .prop_map(|(indent, name, kind, duration, deps, tail, cr)| {
            let after = if deps.is_empty() {
                String::new()
            } else {
                format!(" after {}", deps.join(", "))
            };
            format!("{indent}{name} {kind} {duration}{after}{tail}{cr}")
        })
}

/// A script of near-valid lines, comments, blank lines and the odd random line.
fn near_valid_script() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        8 => near_valid_line(),
        1 => Just("# a comment".to_string()),
        1 => Just(String::new()),
        1 => any::<String>(),
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
}

/// Every error is at a line of the text and a column of that line (or just after it),
/// with a message; the errors are sorted by position.
fn assert_errors_in_range(
    text: &str,
    errors: &[engine::lab::LabError],
) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(!errors.is_empty());
    for e in errors {
        prop_assert!(
            (1..=lines.len()).contains(&e.line),
            "{:?} in {} lines",
            e,
            lines.len()
        );
        let line = lines[e.line - 1];
        let width = line.strip_suffix('\r').unwrap_or(line).chars().count();
        prop_assert!(
            (1..=width + 1).contains(&e.column),
            "{:?} on a line of {}",
            e,
            width
        );
        prop_assert!(!e.message.trim().is_empty());
        let prefix = format!("Line {}, column {}: ", e.line, e.column);
        prop_assert!(e.to_string().starts_with(&prefix), "{}", e);
    }
    prop_assert!(errors
        .windows(2)
        .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)));
    Ok(())
}

proptest! {
    #![proptest_config(config(CHEAP_CASES, 1))]

    #[test]
    fn any_text_given_to_the_lab_parser_is_accepted_or_rejected_with_positions_in_range(
        text in prop_oneof![
            any::<String>(),
            prop::collection::vec(any::<char>(), 0..3_000).prop_map(String::from_iter),
            "[a-z_ ,#\n\r\t0-9.]{0,400}",
        ]
    ) {
        if let Err(errors) = engine::lab::LabScript::parse(&text) {
            assert_errors_in_range(&text, &errors)?;
        }
    }

    #[test]
    fn a_near_valid_lab_script_is_rejected_in_range_or_gives_a_runnable_acyclic_scenario(
        text in near_valid_script()
    ) {
        match engine::lab::LabScript::parse(&text) {
            Err(errors) => assert_errors_in_range(&text, &errors)?,
            Ok(script) => {
                prop_assert!(!script.tasks.is_empty() && script.tasks.len() <= engine::lab::MAX_TASKS);
                let names: BTreeSet<&str> = script.tasks.iter().map(|t| t.name.as_str()).collect();
                prop_assert_eq!(names.len(), script.tasks.len());
                for t in &script.tasks {
                    prop_assert!(t.after.iter().all(|a| names.contains(a.as_str()) && *a != t.name));
                    prop_assert!(t.duration_ms >= 0.0 && t.duration_ms <= engine::lab::MAX_IO_MS);
                }
                let scenario = script.scenario(150_000.0);
                prop_assert_eq!(scenario.tasks.len(), script.tasks.len());
                prop_assert!(engine::Strategy::Chained.check(&scenario).is_ok());
                prop_assert!(engine::Strategy::Chained
                    .simulate(&scenario, &engine::RunOptions::default())
                    .is_ok());
            }
        }
    }
}
