//! A lesson's parameters in one line, for the folded form: `Soup takes 300 ms · Bread
//! takes 200 ms`.

use super::{ParamKind, ParamSpec};

/// Longest text of one value in the summary, in characters (longer ones end with `…`).
const MAX_VALUE_CHARS: usize = 24;

/// The parameters `specs` with the texts typed in their fields (same order), as one
/// line: each label with its value and unit, a choice by its option's name, a text by
/// its number of lines. Texts are shown as typed (shortened), valid or not.
pub fn params_summary(specs: &[ParamSpec], texts: &[String]) -> String {
    specs
        .iter()
        .zip(texts)
        .map(|(spec, text)| format!("{} {}", spec.label, value_text(spec, text.trim())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One value as the summary shows it.
fn value_text(spec: &ParamSpec, text: &str) -> String {
    match spec.kind {
        ParamKind::Number(range) | ParamKind::Workers(range) if !range.unit.is_empty() => {
            format!("{} {}", shortened(text), range.unit)
        }
        ParamKind::Text { .. } => {
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            format!("({lines} {})", if lines == 1 { "line" } else { "lines" })
        }
        ParamKind::Choice { options, .. } => options
            .iter()
            .find(|o| o.key == text)
            .map_or_else(|| shortened(text), |o| o.label.to_string()),
        _ => shortened(text),
    }
}

/// `text` cut to [`MAX_VALUE_CHARS`] characters, with `…` if it was longer.
fn shortened(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_VALUE_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{NumberRange, ParamChoice};

    const MS: ParamSpec = ParamSpec {
        key: "d",
        label: "Each call",
        help: "",
        kind: ParamKind::Number(NumberRange {
            min: 0.0,
            max: 10.0,
            default: 1.0,
            step: 1.0,
            unit: "ms",
            whole: true,
        }),
    };

    #[test]
    fn numbers_choices_and_texts_are_summed_up_in_one_line() {
        let choice = ParamSpec {
            key: "way",
            label: "Strategy",
            kind: ParamKind::Choice {
                options: &[ParamChoice {
                    key: "gather",
                    label: "gather",
                }],
                default: "gather",
            },
            ..MS
        };
        let script = ParamSpec {
            key: "script",
            label: "Script",
            kind: ParamKind::Text {
                default: "",
                max_chars: 100,
                rows: 3,
            },
            ..MS
        };
        let texts = [
            "300".to_string(),
            "gather".into(),
            "a io 1s\n\nb cpu 2s".into(),
        ];
        assert_eq!(
            params_summary(&[MS, choice, script], &texts),
            "Each call 300 ms · Strategy gather · Script (2 lines)"
        );
    }

    #[test]
    fn long_or_odd_values_are_shortened_and_never_a_problem() {
        let long = "9".repeat(40);
        let text = params_summary(&[MS], &[long]);
        assert_eq!(text, format!("Each call {}… ms", "9".repeat(24)));
        assert_eq!(params_summary(&[MS, MS], &["1".into()]), "Each call 1 ms");
        assert_eq!(params_summary(&[], &[]), "");
    }
}
