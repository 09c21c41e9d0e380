//! Tests of `lab_script.rs`, kept beside it so the module stays readable.

use super::*;
use crate::engine::lab::MAX_LISTED;

fn errors(text: &str) -> Vec<LabError> {
    LabScript::parse(text).expect_err("should be rejected")
}

fn only_error(text: &str) -> LabError {
    let all = errors(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn the_example_script_gives_its_four_tasks_with_kinds_durations_dependencies_and_failure() {
    let script = LabScript::parse(
        "fetch_user io 2s\norders io 1s after fetch_user\nresize cpu 200ms\n\
         charge io 500ms after fetch_user, orders fails\n# comments and blank lines are allowed\n\n",
    )
    .expect("valid");
    let t = &script.tasks;
    assert_eq!(t.len(), 4);
    assert_eq!(
        (t[0].name.as_str(), t[0].kind, t[0].duration_ms),
        ("fetch_user", WorkKind::Io, 2000.0)
    );
    assert_eq!(t[1].after, vec!["fetch_user"]);
    assert_eq!(
        (t[2].kind, t[2].duration_ms, t[2].line),
        (WorkKind::Cpu, 200.0, 3)
    );
    assert_eq!(t[3].after, vec!["fetch_user", "orders"]);
    assert!(t[3].fails && !t[0].fails);
    assert!(script.has_dependencies());
}

#[test]
fn decimals_tabs_crlf_trailing_comments_forward_references_and_fails_first_are_accepted() {
    let script =
        LabScript::parse("  a\tio 1.5s fails after b # a comment\r\nb-2 cpu 0ms\r\nb io 0.25s\n")
            .expect("valid");
    assert_eq!(script.tasks[0].duration_ms, 1500.0);
    assert!(script.tasks[0].fails);
    assert_eq!(script.tasks[0].after, vec!["b"]);
    assert_eq!(script.tasks[1].name, "b-2");
    assert_eq!(script.tasks[1].duration_ms, 0.0);
    assert_eq!(script.tasks[2].duration_ms, 250.0);
}

#[test]
fn the_scenario_numbers_tasks_in_order_resolves_names_and_sizes_cpu_jobs_to_their_duration() {
    let script =
        LabScript::parse("a io 1s\nb cpu 200ms after a\nc io 2s after a, b fails").unwrap();
    let s = script.scenario();
    assert_eq!(s.tasks.len(), 3);
    assert_eq!(s.tasks[1].after, vec![0]);
    assert_eq!(s.tasks[2].after, vec![0, 1]);
    assert!(s.tasks[2].fails);
    assert_eq!(s.tasks[1].label, "b");
    assert_eq!(s.tasks[1].cpu, Some(CpuJob::Work { seed: 2, ms: 200.0 }));
    assert!(s.tasks[0].cpu.is_none());
    assert_eq!(s.tasks[1].duration_ms, 200.0);
}

#[test]
fn an_unknown_kind_is_reported_at_its_column() {
    let e = only_error("fetch iox 2s");
    assert_eq!(
        (e.line, e.column, e.kind),
        (1, 7, LabErrorKind::UnknownKind)
    );
    assert!(e.message.contains("“iox”"), "{}", e.message);
}

#[test]
fn durations_without_a_unit_or_with_bad_numbers_are_bad_durations() {
    for bad in [
        "2",
        "2h",
        ".5s",
        "1.s",
        "1,5s",
        "-1s",
        "1e3ms",
        "ms",
        "1..2s",
        "12345678901s",
    ] {
        let all = errors(&format!("a io {bad}"));
        assert!(
            all.iter()
                .any(|e| e.kind == LabErrorKind::BadDuration && e.column == 6),
            "{bad}: {all:?}"
        );
    }
}

#[test]
fn an_io_wait_over_a_minute_and_cpu_work_over_a_second_are_too_long() {
    assert!(LabScript::parse("a io 60s\nb cpu 1s").is_ok());
    let e = only_error("a io 60.001s");
    assert_eq!((e.kind, e.column), (LabErrorKind::DurationTooLong, 6));
    let e = only_error("a cpu 1001ms");
    assert_eq!(e.kind, LabErrorKind::DurationTooLong);
}

#[test]
fn more_than_ten_seconds_of_cpu_work_in_all_is_reported_on_the_task_that_crosses_it() {
    let text: String = (0..11).map(|i| format!("c{i} cpu 1s\n")).collect();
    let e = only_error(&text);
    assert_eq!((e.line, e.kind), (11, LabErrorKind::DurationTooLong));
}

#[test]
fn an_unknown_dependency_is_reported_at_the_name() {
    let e = only_error("a io 1s\nb io 1s after a, ghost");
    assert_eq!(
        (e.line, e.column, e.kind),
        (2, 18, LabErrorKind::UnknownDependency)
    );
    assert!(e.message.contains("“ghost”"));
}

#[test]
fn a_duplicate_name_points_at_the_line_of_the_first() {
    let e = only_error("a io 1s\n\na cpu 10ms");
    assert_eq!(
        (e.line, e.column, e.kind),
        (3, 1, LabErrorKind::DuplicateName)
    );
    assert!(e.message.contains("line 1"), "{}", e.message);
    let e = only_error("a io 1s\nb io 1s after a, a");
    assert_eq!(
        (e.line, e.column, e.kind),
        (2, 18, LabErrorKind::DuplicateName)
    );
}

#[test]
fn a_task_waiting_for_itself_is_a_self_dependency_not_a_cycle() {
    let e = only_error("a io 1s after a");
    assert_eq!((e.column, e.kind), (15, LabErrorKind::SelfDependency));
}

#[test]
fn a_cycle_is_named_in_order_from_its_earliest_task() {
    let e = only_error("x io 1s\nb io 1s after c\na io 1s after b\nc io 1s after a, x");
    assert_eq!(e.kind, LabErrorKind::Cycle);
    assert_eq!((e.line, e.column), (2, 15));
    assert!(e.message.contains("b → c → a → b"), "{}", e.message);
}

#[test]
fn two_separate_cycles_give_two_errors_and_a_task_behind_one_gives_none() {
    let all = errors(
        "a io 1s after b\nb io 1s after a\nc io 1s after d\nd io 1s after c\ne io 1s after a",
    );
    let cycles: Vec<&LabError> = all
        .iter()
        .filter(|e| e.kind == LabErrorKind::Cycle)
        .collect();
    assert_eq!(cycles.len(), 2, "{all:?}");
    assert_eq!(all.len(), 2);
    assert!(cycles[0].message.contains("a → b → a"));
    assert!(cycles[1].message.contains("c → d → c"));
}

#[test]
fn the_five_hundred_and_first_task_is_one_too_many() {
    let text: String = (0..=MAX_SCRIPT_TASKS)
        .map(|i| format!("t{i} io 1ms\n"))
        .collect();
    let e = only_error(&text);
    assert_eq!(
        (e.line, e.kind),
        (MAX_SCRIPT_TASKS + 1, LabErrorKind::TooManyTasks)
    );
    let ok: String = (0..MAX_SCRIPT_TASKS)
        .map(|i| format!("t{i} io 1ms\n"))
        .collect();
    assert_eq!(
        LabScript::parse(&ok).map(|s| s.tasks.len()),
        Ok(MAX_SCRIPT_TASKS)
    );
}

#[test]
fn words_after_a_complete_task_are_junk() {
    let e = only_error("a io 1s now");
    assert_eq!((e.column, e.kind), (9, LabErrorKind::Junk));
    let e = only_error("a io 1s fails fails");
    assert_eq!((e.column, e.kind), (15, LabErrorKind::Junk));
    let all = errors("a io 1s\nb io 1s after a b");
    assert_eq!((all[0].column, all[0].kind), (17, LabErrorKind::Junk));
}

#[test]
fn bad_names_missing_parts_and_reserved_words_are_reported() {
    let e = only_error("fetch.user io 1s");
    assert_eq!((e.column, e.kind), (6, LabErrorKind::BadName));
    assert_eq!(only_error("after io 1s").kind, LabErrorKind::BadName);
    assert_eq!(
        only_error(&format!("{} io 1s", "n".repeat(41))).kind,
        LabErrorKind::BadName
    );
    let e = only_error("lonely");
    assert_eq!((e.column, e.kind), (7, LabErrorKind::Missing));
    assert_eq!(only_error("a io").kind, LabErrorKind::Missing);
    assert_eq!(only_error("a io 1s after").kind, LabErrorKind::Missing);
    assert_eq!(
        only_error("b io 1s\na io 1s after b,").kind,
        LabErrorKind::Missing
    );
}

#[test]
fn an_empty_or_comment_only_script_has_no_tasks() {
    for text in ["", "\n\n", "# only a comment\n   "] {
        let e = only_error(text);
        assert_eq!((e.line, e.column, e.kind), (1, 1, LabErrorKind::NoTasks));
    }
}

#[test]
fn overlong_lines_and_texts_are_refused_with_their_position() {
    let e = only_error(&format!("a io 1s\n{}", "x".repeat(MAX_LINE_CHARS + 1)));
    assert_eq!(
        (e.line, e.column, e.kind),
        (2, MAX_LINE_CHARS + 1, LabErrorKind::TooLong)
    );
    let line = format!("{}\n", "#".repeat(99));
    let text = line.repeat(MAX_TEXT_CHARS / 100 + 1);
    let e = only_error(&text);
    assert_eq!(e.kind, LabErrorKind::TooLong);
    assert_eq!((e.line, e.column), (MAX_TEXT_CHARS / 100 + 1, 1));
}

#[test]
fn every_error_of_a_broken_script_is_reported_in_order_with_line_and_column() {
    let all = errors("a iox 1s\nb io 2x\n\nc io 1s after zz\nc io 1s");
    let found: Vec<(usize, usize, LabErrorKind)> =
        all.iter().map(|e| (e.line, e.column, e.kind)).collect();
    assert_eq!(
        found,
        vec![
            (1, 3, LabErrorKind::UnknownKind),
            (2, 6, LabErrorKind::BadDuration),
            (4, 15, LabErrorKind::UnknownDependency),
            (5, 1, LabErrorKind::DuplicateName),
        ]
    );
    assert_eq!(
        all[0].to_string(),
        format!("Line 1, column 3: {}", all[0].message)
    );
}

#[test]
fn markup_in_a_name_is_rejected_as_a_bad_name_and_quoted_as_text() {
    let e = only_error("<script>alert(1)</script> io 1s");
    assert_eq!((e.column, e.kind), (1, LabErrorKind::BadName));
    assert!(
        e.message.contains("“<script>alert(1)</script…”"),
        "{}",
        e.message
    );
}

#[test]
fn a_script_of_5000_bad_lines_lists_fifty_errors_and_one_counting_the_rest() {
    let all = errors(&"x\n".repeat(5_000));
    assert_eq!(all.len(), MAX_LISTED + 1);
    assert!(all[..MAX_LISTED]
        .iter()
        .all(|e| e.kind == LabErrorKind::Missing));
    let last = &all[MAX_LISTED];
    assert_eq!(
        (last.line, last.column, last.kind),
        (51, 2, LabErrorKind::NotListed)
    );
    let text = "… and 4,950 more problems not listed, from line 51 on.";
    assert_eq!(
        (last.message.as_str(), last.to_string()),
        (text, text.into())
    );
}
