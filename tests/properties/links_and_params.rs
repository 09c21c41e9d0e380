//! Properties of permalinks, parameter parsing, strategy specs and drawn scenarios.

use std::time::{Duration, Instant};

use super::generators::*;
use super::oracles::*;

use super::*;
use engine::lab::{thousands, MAX_LISTED};

/// The most parsing one link or one lab script may take, whatever its length: 50 ms in
/// an optimised build (`make fuzz-long`), 200 ms in a debug one (`cargo test`), whose code
/// runs several times slower (a 40,000-character script of 20,000 errors: 35 ms).
pub(crate) const PARSE_BUDGET: Duration =
    Duration::from_millis(if cfg!(debug_assertions) { 200 } else { 50 });

/// Runs `parse` on an input of `bytes` bytes, failing if it takes [`PARSE_BUDGET`] or
/// more three times in a row (a run slowed down by a busy machine is tried again).
pub(crate) fn timed<T>(bytes: usize, parse: impl Fn() -> T) -> Result<T, TestCaseError> {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let parsed = parse();
        best = best.min(start.elapsed());
        if best < PARSE_BUDGET {
            return Ok(parsed);
        }
    }
    Err(TestCaseError::fail(format!(
        "{bytes} bytes took {best:?} at best"
    )))
}

/// Checks that `notices` are the `ignored` ones, capped: all of them up to
/// `MAX_LISTED + 1`, else the first `MAX_LISTED` and one counting the rest.
fn assert_capped(notices: &[String], ignored: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(notices.len(), ignored.min(MAX_LISTED + 1), "{:?}", notices);
    if ignored > MAX_LISTED + 1 {
        let more = format!("… and {} more not listed.", thousands(ignored - MAX_LISTED));
        prop_assert_eq!(&notices[MAX_LISTED], &more);
    }
    Ok(())
}

/// Parses `query` within [`PARSE_BUDGET`].
fn timed_parse(query: &str) -> Result<Permalink, TestCaseError> {
    timed(query.len(), || Permalink::parse(query))
}

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
            assert_capped(&p.notices, expected.ignored)?;
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
        assert_capped(&p.notices, expected.ignored)?;
    }

    #[test]
    fn a_link_of_up_to_the_longest_query_of_bad_parameters_notices_fifty_and_counts_the_rest(
        parts in prop::collection::vec(select(&["x", "n=-1", "seed=abc", "bogus=3", "%FF"][..]), 1..=4_096)
    ) {
        let query: String = parts.iter().fold(String::new(), |mut q, part| {
            if q.len() + part.len() < MAX_QUERY_LEN {
                q.push_str(if q.is_empty() { "" } else { "&" });
                q.push_str(part);
            }
            q
        });
        let p = timed_parse(&query)?;
        assert_capped(&p.notices, pairs_of(&query).len())?;
    }

    #[test]
    fn a_query_over_the_limit_of_any_length_up_to_2_mb_is_ignored_quickly_with_one_notice(
        pairs in (MAX_QUERY_LEN / 2)..1_000_000usize
    ) {
        let query = "x&".repeat(pairs);
        let p = timed_parse(&query)?;
        prop_assert_eq!(p.notices.len(), 1);
        let said = format!("{} characters long (at most 8,192 are read)", thousands(query.len()));
        prop_assert!(p.notices[0].contains(&said), "{}", p.notices[0]);
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
        let range = spec.number().expect("a numeric spec");
        let acceptable = number.filter(|v| {
            v.is_finite()
                && (!range.whole || v.fract() == 0.0)
                && (range.min..=range.max).contains(v)
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
        let range = spec.number().expect("a numeric spec");
        let ok = x.is_finite()
            && (!range.whole || x.fract() == 0.0)
            && x >= range.min
            && x <= range.max;
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

#[test]
fn a_link_of_4096_bad_parameters_lists_fifty_notices_and_one_counting_the_other_4046() {
    let p = Permalink::parse(&["x"; 4_096].join("&"));
    assert_eq!(p.notices.len(), 51);
    assert!(p.notices[..50].iter().all(|n| n.starts_with("Ignored “x”")));
    assert_eq!(p.notices[50], "… and 4,046 more not listed.");
}

#[test]
fn a_link_of_10000_bad_parameters_is_too_long_to_read_and_gets_one_notice_saying_so() {
    let p = Permalink::parse(&["x"; 10_000].join("&"));
    assert_eq!(
        p.notices,
        ["The link's query is 19,999 characters long (at most 8,192 are read), so it was ignored."]
    );
}

#[test]
fn a_lab_link_with_bad_parameters_and_a_script_of_100_bad_lines_counts_the_notices_left_out() {
    let p = Permalink::parse(&format!(
        "lesson=lab&a=1&b=2&c=3&script={}",
        "x%0A".repeat(100)
    ));
    assert_eq!(p.lesson.info().id, "lab");
    assert_eq!(p.notices.len(), 51);
    assert!(p.notices[2].starts_with("Ignored “c”"), "{}", p.notices[2]);
    assert!(
        p.notices[3].starts_with("Line 1, column 2: "),
        "{}",
        p.notices[3]
    );
    // 3 + 50 script errors + the script's own count of the 50 others, less 50 listed.
    assert_eq!(p.notices[50], "… and 4 more not listed.");
}
