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
#[path = "lab_script_tests.rs"]
mod tests;
