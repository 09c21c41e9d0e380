//! The lab's code panes: Python asyncio and Rust written from the visitor's script for
//! the chosen strategy. The code is text for the visitor to read and copy; nothing here
//! is ever evaluated. Task names become identifiers (see [`identifiers`]), so a name can
//! never break out of the generated code.

use std::collections::HashSet;

use crate::engine::lab::{LabScript, WorkKind};

use super::cpu_work::{grouped, rounds_for};
use super::CodeSample;

mod python;
mod rust;

use python::python;
use rust::rust;

/// How the lab awaits the tasks (the `strategy` parameter, plus its `k`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabWay {
    /// One after another.
    Sequential,
    /// All at once, errors returned in place.
    Gather,
    /// At most `k` at once.
    Semaphore(usize),
    /// All at once in a task group: the first failure cancels the rest.
    TaskGroup,
    /// Each task as soon as the tasks it names are done.
    Chained,
}

/// Words that cannot be identifiers in Python or Rust (the union of both keyword lists,
/// plus names the generated code itself uses).
const TAKEN: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "match", "case", "type", "abstract", "become", "box", "const", "crate", "do",
    "dyn", "enum", "extern", "false", "final", "fn", "impl", "let", "loop", "macro", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "self", "Self", "static", "struct", "super", "trait",
    "true", "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "gen", "try_",
    "main", "after", "crunch", "run_cpu", "sleep", "asyncio", "POOL", "Outcome", "Task", "limit",
    "bounded", "results", "tasks", "tg",
];

/// One identifier per task, in script order: `-` becomes `_`, a leading digit gets a
/// `t_` prefix, a keyword gets a `_` suffix, and a name that would collide with another
/// gets `_2`, `_3`, …. Each is `[A-Za-z_][A-Za-z0-9_]*`.
pub(super) fn identifiers(script: &LabScript) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    script
        .tasks
        .iter()
        .map(|t| {
            let mut base: String = t
                .name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
                base.insert_str(0, "t_");
            }
            if TAKEN.contains(&base.as_str()) || base.chars().all(|c| c == '_') {
                base.push('_');
            }
            let mut id = base.clone();
            let mut n = 2;
            while used.contains(&id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            used.insert(id.clone());
            id
        })
        .collect()
}

/// Positions in an order where each task comes after those it waits for (script order
/// among equals); unknown names are ignored, and tasks left in a cycle come last.
fn dependency_order(script: &LabScript) -> Vec<usize> {
    let n = script.tasks.len();
    let position = |name: &str| script.tasks.iter().position(|t| t.name == name);
    let deps: Vec<Vec<usize>> = script
        .tasks
        .iter()
        .map(|t| t.after.iter().filter_map(|a| position(a)).collect())
        .collect();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let next = (0..n).find(|&p| !placed[p] && deps[p].iter().all(|&d| placed[d]));
        let p = next.unwrap_or_else(|| (0..n).find(|&p| !placed[p]).unwrap_or(0));
        placed[p] = true;
        order.push(p);
    }
    order
}

/// The Python and Rust code of `script` run `way`, CPU work on `workers` workers (0: on
/// the event loop's own thread).
pub(super) fn code(script: &LabScript, way: LabWay, workers: usize) -> CodeSample {
    let ids = identifiers(script);
    CodeSample {
        title: format!("Your scenario, {}", title(way)),
        python: python(script, &ids, way, workers),
        rust: rust(script, &ids, way, workers),
    }
}

fn title(way: LabWay) -> String {
    match way {
        LabWay::Sequential => "one after another".to_string(),
        LabWay::Gather => "gathered".to_string(),
        LabWay::Semaphore(k) => format!("at most {k} at once"),
        LabWay::TaskGroup => "in a TaskGroup".to_string(),
        LabWay::Chained => "each after its dependencies".to_string(),
    }
}

/// Hash rounds of a CPU task of `ms`, written `30_000_000`.
fn rounds(ms: f64) -> String {
    grouped(rounds_for(ms))
}

#[cfg(test)]
#[path = "tests/lab_code.rs"]
mod tests;
