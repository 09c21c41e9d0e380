//! Properties of the lab's text format: random text and near-valid scripts.

use super::links_and_params::timed;
use super::*;
use engine::lab::{thousands, LabErrorKind, MAX_LISTED};

/// One line that is a valid task, nearly one, or something else.
pub(crate) fn near_valid_line() -> impl Strategy<Value = String> {
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
pub(crate) fn near_valid_script() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        8 => near_valid_line(),
        1 => Just("# a comment".to_string()),
        1 => Just(String::new()),
        1 => any::<String>(),
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
}

/// Every error is at a line of the text and a column of that line (or just after it),
/// with a message; the errors are sorted by position, and capped.
pub(crate) fn assert_errors_in_range(
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
        let prefix = match e.kind {
            LabErrorKind::NotListed => String::new(),
            _ => format!("Line {}, column {}: ", e.line, e.column),
        };
        prop_assert_eq!(e.to_string(), format!("{prefix}{}", e.message));
    }
    // At most MAX_LISTED errors and, last, one counting the others.
    prop_assert!(errors.len() <= MAX_LISTED + 1, "{} errors", errors.len());
    let counted = errors
        .iter()
        .position(|e| e.kind == LabErrorKind::NotListed);
    prop_assert!(counted.is_none_or(|i| i == MAX_LISTED), "{:?}", counted);
    prop_assert!(errors
        .windows(2)
        .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)));
    Ok(())
}

/// Lines that each give exactly one error and define no task.
const BAD_LINES: &[&str] = &["x", "a iox 1s", "b io 2h", "<b> io 1s", "io io 1s", "c io"];

/// Parses `text` within the parse budget (see [`timed`]); its errors.
fn timed_parse(text: &str) -> Result<Vec<engine::lab::LabError>, TestCaseError> {
    match timed(text.len(), || engine::lab::LabScript::parse(text))? {
        Ok(script) => Err(TestCaseError::fail(format!("accepted: {script:?}"))),
        Err(errors) => Ok(errors),
    }
}

proptest! {
    #![proptest_config(config(CHEAP_CASES, 1))]

    #[test]
    fn a_script_of_bad_lines_lists_fifty_errors_and_one_counting_the_rest_quickly(
        lines in prop::collection::vec(select(BAD_LINES), 1..=4_000)
    ) {
        let text = lines.join("\n");
        let errors = timed_parse(&text)?;
        assert_errors_in_range(&text, &errors)?;
        prop_assert_eq!(errors.len(), lines.len().min(MAX_LISTED + 1));
        let not_listed = errors.iter().filter(|e| e.kind == LabErrorKind::NotListed).count();
        prop_assert_eq!(not_listed, usize::from(lines.len() > MAX_LISTED + 1));
        if lines.len() > MAX_LISTED + 1 {
            let last = &errors[MAX_LISTED];
            prop_assert_eq!(last.kind, LabErrorKind::NotListed);
            let count = thousands(lines.len() - MAX_LISTED);
            let text = format!("… and {count} more problems not listed, from line 51 on.");
            prop_assert_eq!(&last.message, &text);
        }
    }

    #[test]
    fn a_script_of_any_length_up_to_2_mb_is_parsed_or_refused_quickly(
        line in select(BAD_LINES), lines in 1..400_000usize
    ) {
        let text = format!("{line}\n").repeat(lines);
        timed_parse(&text)?;
    }

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
                prop_assert!(!script.tasks.is_empty() && script.tasks.len() <= engine::lab::MAX_SCRIPT_TASKS);
                let names: BTreeSet<&str> = script.tasks.iter().map(|t| t.name.as_str()).collect();
                prop_assert_eq!(names.len(), script.tasks.len());
                for t in &script.tasks {
                    prop_assert!(t.after.iter().all(|a| names.contains(a.as_str()) && *a != t.name));
                    prop_assert!(t.duration_ms >= 0.0 && t.duration_ms <= engine::lab::MAX_IO_MS);
                }
                let scenario = script.scenario();
                prop_assert_eq!(scenario.tasks.len(), script.tasks.len());
                prop_assert!(engine::Strategy::Chained.check(&scenario).is_ok());
                prop_assert!(engine::Strategy::Chained
                    .simulate(&scenario, &engine::RunOptions::default())
                    .is_ok());
            }
        }
    }
}
