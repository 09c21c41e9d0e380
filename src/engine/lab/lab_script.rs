use std::collections::HashMap;

use super::line_tokens::LineTokens;
use super::{
    LabError, LabErrorKind, LabTask, WorkKind, MAX_CPU_MS, MAX_IO_MS, MAX_LINE_CHARS,
    MAX_NAME_CHARS, MAX_TASKS, MAX_TEXT_CHARS, MAX_TOTAL_CPU_MS, RESERVED,
};
use crate::engine::cpu::CpuJob;
use crate::engine::{Scenario, TaskSpec};

/// A parsed lab script: its tasks in the order written (see the grammar in
/// [`super`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LabScript {
    /// The tasks, in script order.
    pub tasks: Vec<LabTask>,
}

/// The longest piece of user text quoted in a message.
const QUOTE_CHARS: usize = 24;

impl LabScript {
    /// Parses `text`: the tasks, or every error found, sorted by line and column. Never
    /// panics, whatever the text.
    pub fn parse(text: &str) -> Result<Self, Vec<LabError>> {
        if let Some(error) = too_long(text) {
            return Err(vec![error]);
        }
        let mut errors = Vec::new();
        let mut tasks: Vec<LabTask> = Vec::new();
        // Where each task's name and each dependency were written, for later messages.
        let mut name_columns: Vec<usize> = Vec::new();
        let mut after_columns: Vec<Vec<usize>> = Vec::new();
        let mut too_many = false;
        for (index, raw) in text.split('\n').enumerate() {
            let line = index + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if raw.chars().count() > MAX_LINE_CHARS {
                errors.push(LabError::new(
                    line,
                    MAX_LINE_CHARS + 1,
                    LabErrorKind::TooLong,
                    format!("This line is longer than {MAX_LINE_CHARS} characters."),
                ));
                continue;
            }
            let tokens = LineTokens::split(raw);
            if tokens.tokens.is_empty() {
                continue;
            }
            if tasks.len() == MAX_TASKS {
                if !too_many {
                    errors.push(LabError::new(
                        line,
                        tokens.tokens[0].1,
                        LabErrorKind::TooManyTasks,
                        format!("A script may have at most {MAX_TASKS} tasks; this is one more."),
                    ));
                    too_many = true;
                }
                continue;
            }
            if let Some((task, columns)) = parse_line(line, &tokens, &mut errors) {
                name_columns.push(columns.0);
                after_columns.push(columns.1);
                tasks.push(task);
            }
        }
        check_names(&tasks, &name_columns, &after_columns, &mut errors);
        check_total_cpu(&tasks, &name_columns, &mut errors);
        if tasks.is_empty() && errors.is_empty() {
            errors.push(LabError::new(
                1,
                1,
                LabErrorKind::NoTasks,
                "The script has no task: write one per line, for example “fetch io 2s”.",
            ));
        }
        if errors.is_empty() {
            Ok(Self { tasks })
        } else {
            errors.sort_by_key(|e| (e.line, e.column));
            Err(errors)
        }
    }

    /// The tasks as a scenario: ids from 0 in script order, `after` names turned into ids,
    /// CPU tasks computing a hash chain of `rounds_per_ms` rounds per millisecond of
    /// their duration (their nominal cost on virtual time).
    pub fn scenario(&self, rounds_per_ms: f64) -> Scenario {
        let id_of: HashMap<&str, usize> = self
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        let rate = if rounds_per_ms.is_finite() {
            rounds_per_ms.clamp(0.0, 1e7)
        } else {
            0.0
        };
        let tasks = self
            .tasks
            .iter()
            .enumerate()
            .map(|(id, t)| {
                let after: Vec<usize> = t
                    .after
                    .iter()
                    .filter_map(|name| id_of.get(name.as_str()).copied())
                    .collect();
                let mut spec = TaskSpec::new(id, t.name.clone(), t.duration_ms).after(&after);
                if t.fails {
                    spec = spec.failing();
                }
                if t.kind == WorkKind::Cpu {
                    let rounds = (t.duration_ms.min(MAX_CPU_MS) * rate).round() as u32;
                    spec = spec.computing(CpuJob::HashChain {
                        seed: id as u64 + 1,
                        rounds,
                    });
                }
                spec
            })
            .collect();
        Scenario { tasks }
    }

    /// Whether any task waits for another.
    pub fn has_dependencies(&self) -> bool {
        self.tasks.iter().any(|t| !t.after.is_empty())
    }
}

/// The one error of a text above [`MAX_TEXT_CHARS`]: where the limit is crossed.
fn too_long(text: &str) -> Option<LabError> {
    let (byte, _) = text.char_indices().nth(MAX_TEXT_CHARS)?;
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(LabError::new(
        line,
        column,
        LabErrorKind::TooLong,
        format!("The script is longer than {MAX_TEXT_CHARS} characters; it stops being read here."),
    ))
}

/// `text` cut to a readable length for a message.
fn quote(text: &str) -> String {
    let mut out: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().count() > QUOTE_CHARS {
        out.push('…');
    }
    format!("“{out}”")
}

/// Checks a name; the error if it is not one.
fn check_name(line: usize, (word, column): (&str, usize)) -> Result<(), LabError> {
    let bad = |message: String| Err(LabError::new(line, column, LabErrorKind::BadName, message));
    if word == "," {
        return bad("A task name is missing before this comma.".to_string());
    }
    if let Some((i, c)) = word
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(LabError::new(
            line,
            column + i,
            LabErrorKind::BadName,
            format!(
                "{} is not a name: names use only letters, digits, “_” and “-” (found “{}”).",
                quote(word),
                c.escape_default()
            ),
        ));
    }
    if word.chars().count() > MAX_NAME_CHARS {
        return bad(format!(
            "{} is too long for a name (at most {MAX_NAME_CHARS} characters).",
            quote(word)
        ));
    }
    if RESERVED.contains(&word) {
        return bad(format!(
            "“{word}” is a keyword and cannot name a task (keywords: io, cpu, after, fails)."
        ));
    }
    Ok(())
}

/// A duration in milliseconds from `250ms`, `2s` or `1.5s`.
fn parse_duration(word: &str) -> Result<f64, String> {
    let (number, unit_ms) = if let Some(n) = word.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = word.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return Err(format!(
            "{} is not a duration: write a number and a unit, such as 250ms, 2s or 1.5s.",
            quote(word)
        ));
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(format!(
            "{} is not a duration: the number must be digits, with an optional decimal part \
             (250ms, 2s, 1.5s).",
            quote(word)
        ));
    }
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{} is not a number.", quote(number)))?;
    Ok(value * unit_ms)
}

/// Parses one task line; pushes its errors and returns the task (and the columns of its
/// name and of each dependency) if the line is well formed.
fn parse_line(
    line: usize,
    tokens: &LineTokens,
    errors: &mut Vec<LabError>,
) -> Option<(LabTask, (usize, Vec<usize>))> {
    let words = &tokens.tokens;
    let at = |i: usize| words.get(i).map(|(w, c)| (w.as_str(), *c));
    let before = errors.len();
    let name = at(0)?;
    if let Err(e) = check_name(line, name) {
        errors.push(e);
    }
    let Some((kind_word, kind_col)) = at(1) else {
        errors.push(LabError::new(
            line,
            tokens.end_column,
            LabErrorKind::Missing,
            format!(
                "The task {} needs a kind (io or cpu) and a duration, for example “{} io 2s”.",
                quote(name.0),
                name.0
            ),
        ));
        return None;
    };
    let kind = match kind_word {
        "io" => Some(WorkKind::Io),
        "cpu" => Some(WorkKind::Cpu),
        other => {
            errors.push(LabError::new(
                line,
                kind_col,
                LabErrorKind::UnknownKind,
                format!(
                    "Unknown kind {}: write io (a wait) or cpu (computing).",
                    quote(other)
                ),
            ));
            None
        }
    };
    let Some((duration_word, duration_col)) = at(2) else {
        errors.push(LabError::new(
            line,
            tokens.end_column,
            LabErrorKind::Missing,
            "A duration is missing after the kind, for example 250ms, 2s or 1.5s.",
        ));
        return None;
    };
    let duration = match parse_duration(duration_word) {
        Ok(ms) => {
            let limit = match kind {
                Some(WorkKind::Cpu) => MAX_CPU_MS,
                _ => MAX_IO_MS,
            };
            if ms > limit {
                let what = match kind {
                    Some(WorkKind::Cpu) => {
                        "CPU work of a task is limited to 1 s, so the page never freezes for long"
                    }
                    _ => "an I/O wait is limited to 60 s",
                };
                errors.push(LabError::new(
                    line,
                    duration_col,
                    LabErrorKind::DurationTooLong,
                    format!("{} is too long: {what}.", quote(duration_word)),
                ));
            }
            ms
        }
        Err(message) => {
            errors.push(LabError::new(
                line,
                duration_col,
                LabErrorKind::BadDuration,
                message,
            ));
            0.0
        }
    };
    let mut fails = false;
    let mut after: Vec<String> = Vec::new();
    let mut after_cols: Vec<usize> = Vec::new();
    let mut seen_after = false;
    let mut i = 3;
    while let Some((word, column)) = at(i) {
        i += 1;
        match word {
            "fails" if !fails => fails = true,
            "after" if !seen_after => {
                seen_after = true;
                loop {
                    let Some(dep) = at(i) else {
                        errors.push(LabError::new(
                            line,
                            tokens.end_column,
                            LabErrorKind::Missing,
                            "A task name is missing after “after” (write “after a, b”).",
                        ));
                        break;
                    };
                    i += 1;
                    match check_name(line, dep) {
                        Err(e) => errors.push(e),
                        Ok(()) if after.iter().any(|a| a == dep.0) => errors.push(LabError::new(
                            line,
                            dep.1,
                            LabErrorKind::DuplicateName,
                            format!("{} is listed twice after “after”.", quote(dep.0)),
                        )),
                        Ok(()) => {
                            after.push(dep.0.to_string());
                            after_cols.push(dep.1);
                        }
                    }
                    if at(i).is_some_and(|(w, _)| w == ",") {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            "fails" | "after" => errors.push(LabError::new(
                line,
                column,
                LabErrorKind::Junk,
                format!("“{word}” is written twice on this line."),
            )),
            _ => {
                errors.push(LabError::new(
                    line,
                    column,
                    LabErrorKind::Junk,
                    format!(
                        "Unexpected {} after the task: expected “after”, “fails”, a comma \
                         between names, or a comment starting with #.",
                        quote(word)
                    ),
                ));
                break;
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    let task = LabTask {
        name: name.0.to_string(),
        kind: kind?,
        duration_ms: duration,
        after,
        fails,
        line,
    };
    Some((task, (name.1, after_cols)))
}

/// Duplicate names, unknown and self dependencies, and cycles.
fn check_names(
    tasks: &[LabTask],
    name_columns: &[usize],
    after_columns: &[Vec<usize>],
    errors: &mut Vec<LabError>,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, t) in tasks.iter().enumerate() {
        if let Some(&j) = first.get(t.name.as_str()) {
            errors.push(LabError::new(
                t.line,
                name_columns[i],
                LabErrorKind::DuplicateName,
                format!(
                    "{} is already the name of the task on line {}; names must be unique.",
                    quote(&t.name),
                    tasks[j].line
                ),
            ));
        } else {
            first.insert(t.name.as_str(), i);
        }
    }
    // Edges by position: each task to the tasks it waits for (self and unknown left out).
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    for (i, t) in tasks.iter().enumerate() {
        for (k, name) in t.after.iter().enumerate() {
            let column = after_columns[i][k];
            match first.get(name.as_str()) {
                _ if *name == t.name => errors.push(LabError::new(
                    t.line,
                    column,
                    LabErrorKind::SelfDependency,
                    format!("{} waits for itself, so it could never start.", quote(name)),
                )),
                None => errors.push(LabError::new(
                    t.line,
                    column,
                    LabErrorKind::UnknownDependency,
                    format!(
                        "{} waits for {}, but no task has that name.",
                        quote(&t.name),
                        quote(name)
                    ),
                )),
                Some(&j) => deps[i].push(j),
            }
        }
    }
    for cycle in crate::engine::dependency_graph::cycles(&deps) {
        let start = cycle[0];
        let next = cycle[1];
        let k = tasks[start]
            .after
            .iter()
            .position(|n| *n == tasks[next].name)
            .unwrap_or(0);
        let column = after_columns[start].get(k).copied().unwrap_or(1);
        let names: Vec<&str> = cycle.iter().map(|&p| tasks[p].name.as_str()).collect();
        errors.push(LabError::new(
            tasks[start].line,
            column,
            LabErrorKind::Cycle,
            format!(
                "These tasks wait for each other in a circle: {} (each waits for the next), so \
                 none of them can start.",
                names.join(" → ")
            ),
        ));
    }
}

/// CPU work above [`MAX_TOTAL_CPU_MS`] in all: an error on the task that crosses it.
fn check_total_cpu(tasks: &[LabTask], name_columns: &[usize], errors: &mut Vec<LabError>) {
    let mut total = 0.0;
    for (i, t) in tasks.iter().enumerate() {
        if t.kind != WorkKind::Cpu {
            continue;
        }
        total += t.duration_ms;
        if total > MAX_TOTAL_CPU_MS {
            errors.push(LabError::new(
                t.line,
                name_columns[i],
                LabErrorKind::DurationTooLong,
                "With this task the script asks for more than 10 s of CPU work in all, the \
                 most a page should compute on a visitor's machine.",
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let script = LabScript::parse(
            "  a\tio 1.5s fails after b # a comment\r\nb-2 cpu 0ms\r\nb io 0.25s\n",
        )
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
        let s = script.scenario(150_000.0);
        assert_eq!(s.tasks.len(), 3);
        assert_eq!(s.tasks[1].after, vec![0]);
        assert_eq!(s.tasks[2].after, vec![0, 1]);
        assert!(s.tasks[2].fails);
        assert_eq!(s.tasks[1].label, "b");
        assert_eq!(
            s.tasks[1].cpu,
            Some(CpuJob::HashChain {
                seed: 2,
                rounds: 30_000_000
            })
        );
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
        let text: String = (0..=MAX_TASKS).map(|i| format!("t{i} io 1ms\n")).collect();
        let e = only_error(&text);
        assert_eq!(
            (e.line, e.kind),
            (MAX_TASKS + 1, LabErrorKind::TooManyTasks)
        );
        let ok: String = (0..MAX_TASKS).map(|i| format!("t{i} io 1ms\n")).collect();
        assert_eq!(LabScript::parse(&ok).map(|s| s.tasks.len()), Ok(MAX_TASKS));
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
}
