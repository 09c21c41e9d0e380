//! Tests of `param_spec.rs`, and specs other engine tests share.

use super::*;

/// A whole number of tasks from 1 to 50 (5 by default), shared with other tests.
pub(crate) const COUNT: ParamSpec = ParamSpec {
    key: "n",
    label: "Tasks",
    help: "",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 50.0,
        default: 5.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
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

/// A choice between `a` (the default) and `b`, shared with other tests.
pub(crate) const CHOICE: ParamSpec = ParamSpec {
    key: "way",
    label: "Way",
    help: COUNT.help,
    kind: ParamKind::Choice {
        options: &[
            ParamChoice {
                key: "a",
                label: "A",
            },
            ParamChoice {
                key: "b",
                label: "B",
            },
        ],
        default: "a",
    },
};

const TEXT: ParamSpec = ParamSpec {
    key: "t",
    label: "Script",
    help: COUNT.help,
    kind: ParamKind::Text {
        default: "x",
        max_chars: 5,
        rows: 3,
    },
};

#[test]
fn a_choice_accepts_only_the_key_of_one_of_its_options() {
    assert_eq!(CHOICE.parse_text(" b "), Ok("b".to_string()));
    let err = CHOICE.parse_text("c").unwrap_err();
    assert_eq!(err.message, "Way must be one of a, b, not “c”.");
    assert!(CHOICE.parse("1").is_err() && CHOICE.check(0.0).is_err());
    assert_eq!(CHOICE.default_text(), "a");
}

#[test]
fn a_text_is_kept_as_written_within_its_length_and_refused_beyond() {
    assert_eq!(TEXT.parse_text("a\r\nb"), Ok("a\nb".to_string()));
    assert_eq!(TEXT.parse_text("ééééé"), Ok("ééééé".to_string()));
    let err = TEXT.parse_text("123456").unwrap_err();
    assert!(err.message.contains("at most 5"), "{}", err.message);
    assert!(COUNT.parse_text("5").is_err());
}

#[test]
fn the_range_message_names_both_bounds() {
    assert_eq!(
        COUNT.parse("51").unwrap_err().message,
        "Tasks must be between 1 and 50."
    );
}
