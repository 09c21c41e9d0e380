use std::collections::HashMap;

use super::lab_line::{parse_line, quote};
use super::line_tokens::LineTokens;
use super::{
    cap_list, thousands, LabError, LabErrorKind, LabTask, WorkKind, MAX_CPU_MS, MAX_LINE_CHARS,
    MAX_SCRIPT_TASKS, MAX_TEXT_CHARS, MAX_TOTAL_CPU_MS,
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

impl LabScript {
    /// Parses `text`: the tasks, or the errors found, sorted by line and column (at most
    /// [`super::MAX_LISTED`] and one counting the rest). Never panics, whatever the text.
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
            if tasks.len() == MAX_SCRIPT_TASKS {
                if !too_many {
                    errors.push(LabError::new(
                        line,
                        tokens.tokens[0].1,
                        LabErrorKind::TooManyTasks,
                        format!(
                            "A script may have at most {MAX_SCRIPT_TASKS} tasks; this is one more."
                        ),
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
            cap_list(&mut errors, |left_out, first| {
                LabError::new(
                    first.line,
                    first.column,
                    LabErrorKind::NotListed,
                    format!(
                        "… and {} more problems not listed, from line {} on.",
                        thousands(left_out),
                        first.line
                    ),
                )
            });
            Err(errors)
        }
    }

    /// The tasks as a scenario: ids from 0 in script order, `after` names turned into ids,
    /// CPU tasks computing for their duration where they run (a [`CpuJob::Work`] sized
    /// by the measured speed of that thread; their nominal cost on virtual time).
    pub fn scenario(&self) -> Scenario {
        let id_of: HashMap<&str, usize> = self
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
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
                    spec = spec.computing(CpuJob::Work {
                        seed: id as u64 + 1,
                        ms: t.duration_ms.min(MAX_CPU_MS),
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
