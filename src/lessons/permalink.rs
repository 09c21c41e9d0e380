//! Permalinks: a lesson and its parameters in the URL query, short and readable
//! (`?lesson=gather&n=5&min=1&max=5&seed=7&scale=0.2`).
//!
//! Parsing never fails: anything unknown or malformed is ignored with a notice, and the
//! lesson's defaults fill in. The work is bounded by the query's length
//! ([`MAX_QUERY_LEN`]), and the notices by [`crate::engine::lab::MAX_LISTED`] and one
//! counting the rest.

use crate::engine::lab::{cap_list, thousands};
use crate::engine::{ParamSpec, ParamValues};

use super::{find, AnyLesson, ALL};

/// The longest query that is read at all; longer ones are ignored with a notice.
///
/// Raised from 2048 for the lab, whose script travels in the link (a few dozen lines
/// take 1–3 kB once percent-encoded): 8 kB is the request-line limit of common servers
/// and far below what browsers accept. A link that would be longer is not offered (the
/// Copy link button says so).
pub const MAX_QUERY_LEN: usize = 8192;

/// Keys that are not lesson parameters but are understood.
const RESERVED: [&str; 2] = ["lesson", "embed"];

/// What a URL query asks for, after validation.
pub struct Permalink {
    /// The lesson to show (the first lesson if none or an unknown one was named).
    pub lesson: &'static dyn AnyLesson,
    /// The parameter values: from the query where valid, defaults elsewhere.
    pub values: ParamValues,
    /// Whether the page is embedded (`embed=1`): minimal chrome.
    pub embed: bool,
    /// One sentence per ignored part of the query: the first
    /// [`crate::engine::lab::MAX_LISTED`], then one counting the rest.
    pub notices: Vec<String>,
    /// The keys of the lesson's parameters the query named, valid or not (the others
    /// have their defaults).
    pub named: Vec<&'static str>,
}

impl Permalink {
    /// Reads a query string (with or without the leading `?`).
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut notices = Vec::new();
        if query.len() > MAX_QUERY_LEN {
            notices.push(format!(
                "The link's query is {} characters long (at most {} are read), so it was ignored.",
                thousands(query.len()),
                thousands(MAX_QUERY_LEN)
            ));
            return Self::defaults(ALL[0], notices);
        }
        // At most MAX_QUERY_LEN characters, so at most 4,096 pairs (`x&x&…`) and no value
        // longer than that: every pair is applied or named in a notice (capped below).
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
        let lesson = match get("lesson") {
            None => ALL[0],
            Some(id) => find(id).unwrap_or_else(|| {
                notices.push(format!(
                    "There is no lesson “{}”; showing “{}” instead.",
                    shorten(id),
                    ALL[0].info().title
                ));
                ALL[0]
            }),
        };
        let embed = matches!(get("embed").map(String::as_str), Some("1" | "true"));
        let specs = lesson.info().params;
        let mut values = ParamValues::defaults(specs);
        let mut named = Vec::new();
        for (key, text) in &pairs {
            if RESERVED.contains(&key.as_str()) {
                continue;
            }
            let spec = specs.iter().find(|s| s.key == key);
            if let Some(spec) = spec.filter(|s| !named.contains(&s.key)) {
                named.push(spec.key);
            }
            notices.extend(apply(spec, key, text, &mut values));
        }
        let cross = lesson.check(&values);
        if !cross.is_empty() {
            for e in cross {
                notices.push(format!("{} The defaults are used instead.", e.message));
            }
            values = ParamValues::defaults(specs);
        }
        // Counted as notices, not problems: one of them may sum up a lab script's errors.
        cap_list(&mut notices, |left_out, _| {
            format!("… and {} more not listed.", thousands(left_out))
        });
        Self {
            lesson,
            values,
            embed,
            notices,
            named,
        }
    }

    fn defaults(lesson: &'static dyn AnyLesson, notices: Vec<String>) -> Self {
        Self {
            lesson,
            values: ParamValues::defaults(lesson.info().params),
            embed: false,
            notices,
            named: Vec::new(),
        }
    }
}

/// Applies one `key=text` pair of the query (`spec`: the lesson's parameter of that key)
/// to `values`; the notice if it is ignored.
fn apply(
    spec: Option<&ParamSpec>,
    key: &str,
    text: &str,
    values: &mut ParamValues,
) -> Option<String> {
    let Some(spec) = spec else {
        return Some(format!(
            "Ignored “{}”: this lesson has no such parameter.",
            shorten(key)
        ));
    };
    let ignored = if spec.is_text() {
        match spec.parse_text(text) {
            Ok(t) => {
                values.1.insert(spec.key.to_string(), t);
                return None;
            }
            Err(e) => format!("{} Using the default.", e.message),
        }
    } else {
        match spec.parse(text) {
            Ok(v) => {
                values.0.insert(spec.key.to_string(), v);
                return None;
            }
            Err(e) => format!(
                "{} Using {}.",
                e.message,
                ParamSpec::format_value(spec.default_number())
            ),
        }
    };
    Some(format!("Ignored {}={}: {ignored}", spec.key, shorten(text)))
}

/// The query string (without `?`) for a lesson and its values, parameters in the
/// lesson's display order.
pub fn query_for(lesson: &dyn AnyLesson, values: &ParamValues, embed: bool) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lesson", lesson.info().id);
    for spec in lesson.info().params {
        out.append_pair(spec.key, &values.form_text(spec));
    }
    if embed {
        out.append_pair("embed", "1");
    }
    out.finish()
}

/// Cuts user text for a notice: at most 24 characters, so a 10 kB value cannot flood
/// the page.
fn shorten(text: &str) -> String {
    let mut cut: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_link_restores_every_parameter() {
        let p = Permalink::parse("?lesson=gather&n=7&min=0.5&max=2&seed=9&scale=0.1");
        assert_eq!(p.lesson.info().id, "gather");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.values.get_or("n", 0.0), 7.0);
        assert_eq!(p.values.get_or("min", 0.0), 0.5);
        assert_eq!(p.values.get_or("seed", 0.0), 9.0);
        assert!(!p.embed);
    }

    #[test]
    fn building_then_parsing_a_link_gives_the_same_values_for_every_lesson() {
        for lesson in ALL {
            let values = ParamValues::defaults(lesson.info().params);
            let query = query_for(*lesson, &values, true);
            let back = Permalink::parse(&query);
            assert_eq!(back.lesson.info().id, lesson.info().id);
            assert_eq!(back.values, values);
            assert!(back.embed);
            assert!(back.notices.is_empty(), "{query}: {:?}", back.notices);
        }
    }

    #[test]
    fn malformed_values_are_ignored_with_a_notice_each_and_defaults_fill_in() {
        let p = Permalink::parse("n=-1&seed=abc&scale=1e9&bogus=3");
        assert_eq!(p.notices.len(), 4, "{:?}", p.notices);
        assert_eq!(p.values, ParamValues::defaults(p.lesson.info().params));
        assert!(p.notices[0].contains("n=-1"));
    }

    #[test]
    fn a_link_names_each_parameter_it_gives_once_valid_or_not_and_nothing_else() {
        let p = Permalink::parse("lesson=cpu-gather&workers=abc&n=3&workers=2&embed=1&bogus=1");
        assert_eq!(p.named, ["workers", "n"]);
        assert!(Permalink::parse("lesson=cpu-gather").named.is_empty());
    }

    #[test]
    fn an_unknown_lesson_falls_back_to_the_first_with_a_notice() {
        let p = Permalink::parse("lesson=nope");
        assert_eq!(p.lesson.info().id, ALL[0].info().id);
        assert_eq!(p.notices.len(), 1);
    }

    #[test]
    fn a_huge_query_is_ignored_whole() {
        let q = format!("n={}", "9".repeat(10_000));
        let p = Permalink::parse(&q);
        assert_eq!(p.notices.len(), 1);
        assert!(p.notices[0].contains("ignored"));
    }

    #[test]
    fn min_above_max_falls_back_to_the_defaults() {
        let p = Permalink::parse("min=5&max=1");
        assert_eq!(p.values, ParamValues::defaults(p.lesson.info().params));
        assert_eq!(p.notices.len(), 1);
    }

    #[test]
    fn a_text_and_a_choice_travel_in_the_link_and_a_bad_choice_is_noticed() {
        let lesson = find("lab").expect("the lab exists");
        let mut values = ParamValues::defaults(lesson.info().params);
        let script = "a io 1s # <b>&amp; ü\nb cpu 20ms after a fails";
        values.1.insert("script".into(), script.into());
        values.1.insert("strategy".into(), "chained".into());
        let back = Permalink::parse(&query_for(lesson, &values, false));
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        assert_eq!(back.values, values);
        let bad = Permalink::parse("lesson=lab&strategy=teleport");
        assert_eq!(bad.notices.len(), 1, "{:?}", bad.notices);
        assert_eq!(bad.values, ParamValues::defaults(lesson.info().params));
    }

    #[test]
    fn percent_encoding_and_odd_bytes_never_panic() {
        for q in [
            "%",
            "%zz",
            "n=%FF%FE",
            "&&&=&=",
            "lesson=%00",
            "n=1&n=2",
            "=5",
        ] {
            let _ = Permalink::parse(q);
        }
        assert_eq!(Permalink::parse("n=1&n=2").values.get_or("n", 0.0), 2.0);
    }
}
