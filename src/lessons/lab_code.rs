//! The lab's code panes: Python asyncio and Rust written from the visitor's script for
//! the chosen strategy. The code is text for the visitor to read and copy; nothing here
//! is ever evaluated. Task names become identifiers (see [`identifiers`]), so a name can
//! never break out of the generated code.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::engine::lab::{LabScript, WorkKind};

use super::cpu_work::{grouped, rounds_for, seconds};
use super::CodeSample;

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

const PY_HEAD: &str = r#"import asyncio
from concurrent.futures import ProcessPoolExecutor

{crunch_py}

"#;

fn python(script: &LabScript, ids: &[String], way: LabWay, workers: usize) -> String {
    let mut out = PY_HEAD.replace("{crunch_py}", super::cpu_work::CRUNCH_PY);
    let has_cpu = script.tasks.iter().any(|t| t.kind == WorkKind::Cpu);
    if has_cpu {
        if workers > 0 {
            let _ = writeln!(
                out,
                "POOL = ProcessPoolExecutor(max_workers={workers})\n\n\
                 async def run_cpu(seed: int, rounds: int) -> int:\n    \
                 # on a worker process: the event loop stays free\n    \
                 return await asyncio.get_running_loop().run_in_executor(POOL, crunch, seed, rounds)\n"
            );
        } else {
            let _ = writeln!(
                out,
                "async def run_cpu(seed: int, rounds: int) -> int:\n    \
                 # on the event loop's own thread: nothing else runs meanwhile\n    \
                 return crunch(seed, rounds)\n"
            );
        }
    }
    for (i, (t, id)) in script.tasks.iter().zip(ids).enumerate() {
        let _ = writeln!(out, "async def {id}() -> str:");
        match t.kind {
            WorkKind::Io => {
                let _ = writeln!(
                    out,
                    "    await asyncio.sleep({})  # I/O",
                    seconds(t.duration_ms)
                );
            }
            WorkKind::Cpu => {
                let _ = writeln!(
                    out,
                    "    await run_cpu({}, {})  # about {} of CPU work",
                    i + 1,
                    rounds(t.duration_ms),
                    super::cpu_work::millis(t.duration_ms)
                );
            }
        }
        if t.fails {
            let _ = writeln!(out, "    raise RuntimeError(\"{} failed\")\n", t.name);
        } else {
            let _ = writeln!(out, "    return \"{} done\"\n", t.name);
        }
    }
    let all = ids
        .iter()
        .map(|id| format!("{id}()"))
        .collect::<Vec<_>>()
        .join(", ");
    let steps = ids.join(", ");
    match way {
        LabWay::Sequential => {
            let _ = writeln!(
                out,
                "async def main():\n    results = []\n    for step in ({steps},):\n        \
                 try:\n            results.append(await step())  # the next waits for this one\n        \
                 except Exception as error:\n            results.append(error)\n    return results"
            );
        }
        LabWay::Gather => {
            let _ = writeln!(
                out,
                "async def main():\n    # every task starts now; errors come back in place\n    \
                 return await asyncio.gather({all}, return_exceptions=True)"
            );
        }
        LabWay::Semaphore(k) => {
            let _ = writeln!(
                out,
                "async def main():\n    limit = asyncio.Semaphore({k})  # at most {k} at once\n\n    \
                 async def bounded(step):\n        async with limit:\n            return await step()\n\n    \
                 return await asyncio.gather(*(bounded(s) for s in ({steps},)), return_exceptions=True)"
            );
        }
        LabWay::TaskGroup => {
            let _ = writeln!(
                out,
                "async def main():\n    # the first failure cancels every task still running\n    \
                 async with asyncio.TaskGroup() as tg:\n        \
                 tasks = [tg.create_task(step()) for step in ({steps},)]\n    \
                 return [t.result() for t in tasks]"
            );
        }
        LabWay::Chained => {
            out.push_str(
                "async def after(deps, step):\n    \
                 await asyncio.gather(*deps)  # raises if one failed: this task is skipped\n    \
                 return await step()\n\nasync def main():\n",
            );
            for p in dependency_order(script) {
                let t = &script.tasks[p];
                let id = &ids[p];
                let deps: Vec<String> = t
                    .after
                    .iter()
                    .filter_map(|a| script.tasks.iter().position(|u| u.name == *a))
                    .map(|d| format!("{}_t", ids[d]))
                    .collect();
                if deps.is_empty() {
                    let _ = writeln!(out, "    {id}_t = asyncio.create_task({id}())");
                } else {
                    let _ = writeln!(
                        out,
                        "    {id}_t = asyncio.create_task(after([{}], {id}))",
                        deps.join(", ")
                    );
                }
            }
            let handles = ids
                .iter()
                .map(|id| format!("{id}_t"))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                out,
                "    return await asyncio.gather({handles}, return_exceptions=True)"
            );
        }
    }
    out.push_str("\nprint(asyncio.run(main()))");
    out
}

const RS_HEAD: &str = r#"use futures::future::{join_all, try_join_all, FutureExt, LocalBoxFuture, Shared};
use futures::StreamExt;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

type Outcome = Result<String, String>;

"#;

fn rust(script: &LabScript, ids: &[String], way: LabWay, workers: usize) -> String {
    let mut out = RS_HEAD.to_string();
    let has_cpu = script.tasks.iter().any(|t| t.kind == WorkKind::Cpu);
    if has_cpu {
        out.push_str(super::cpu_work::CRUNCH_RS);
        out.push_str("\n\n");
        if workers > 0 {
            let _ = writeln!(
                out,
                "{}\n\n// let pool = Pool::new({workers});\n",
                super::cpu_work::POOL_RS
            );
        }
    }
    for (i, (t, id)) in script.tasks.iter().zip(ids).enumerate() {
        let pool_arg = if t.kind == WorkKind::Cpu && workers > 0 {
            "pool: &Pool"
        } else {
            ""
        };
        let _ = writeln!(out, "async fn {id}({pool_arg}) -> Outcome {{");
        match t.kind {
            WorkKind::Io => {
                let _ = writeln!(
                    out,
                    "    sleep(Duration::from_millis({})).await; // I/O",
                    t.duration_ms.round()
                );
            }
            WorkKind::Cpu if workers > 0 => {
                let _ = writeln!(
                    out,
                    "    pool.run(|| crunch({}, {})).await; // on a worker",
                    i + 1,
                    rounds(t.duration_ms)
                );
            }
            WorkKind::Cpu => {
                let _ = writeln!(
                    out,
                    "    crunch({}, {}); // blocks the event loop meanwhile",
                    i + 1,
                    rounds(t.duration_ms)
                );
            }
        }
        if t.fails {
            let _ = writeln!(out, "    Err(\"{} failed\".to_string())\n}}\n", t.name);
        } else {
            let _ = writeln!(out, "    Ok(\"{} done\".to_string())\n}}\n", t.name);
        }
    }
    let call = |p: usize| {
        let t = &script.tasks[p];
        if t.kind == WorkKind::Cpu && workers > 0 {
            format!("{}(pool)", ids[p])
        } else {
            format!("{}()", ids[p])
        }
    };
    let boxed: Vec<String> = (0..ids.len())
        .map(|p| format!("{}.boxed_local()", call(p)))
        .collect();
    let list = boxed.join(",\n        ");
    let pool_param = if has_cpu && workers > 0 {
        "pool: &Pool"
    } else {
        ""
    };
    match way {
        LabWay::Sequential => {
            let _ = writeln!(out, "async fn run_all({pool_param}) -> Vec<Outcome> {{\n    let mut results = Vec::new();");
            for p in 0..ids.len() {
                let _ = writeln!(
                    out,
                    "    results.push({}.await); // the next waits for this one",
                    call(p)
                );
            }
            out.push_str("    results\n}");
        }
        LabWay::Gather => {
            let _ = write!(
                out,
                "async fn run_all({pool_param}) -> Vec<Outcome> {{\n    \
                 // every future is polled together; errors come back in place\n    \
                 join_all([\n        {list},\n    ])\n    .await\n}}"
            );
        }
        LabWay::Semaphore(k) => {
            let _ = write!(
                out,
                "async fn run_all({pool_param}) -> Vec<Outcome> {{\n    \
                 // at most {k} in flight; results in completion order\n    \
                 futures::stream::iter([\n        {list},\n    ])\n    \
                 .buffer_unordered({k})\n    .collect()\n    .await\n}}"
            );
        }
        LabWay::TaskGroup => {
            let _ = write!(
                out,
                "async fn run_all({pool_param}) -> Result<Vec<String>, String> {{\n    \
                 // the first error drops (cancels) every future still running\n    \
                 try_join_all([\n        {list},\n    ])\n    .await\n}}"
            );
        }
        LabWay::Chained => {
            out.push_str(
                "type Task<'a> = Shared<LocalBoxFuture<'a, Outcome>>;\n\n\
                 /// Waits for every dependency; if one failed, the step is skipped.\n\
                 async fn after(deps: Vec<Task<'_>>, step: impl std::future::Future<Output = Outcome>) -> Outcome {\n    \
                 for dep in deps {\n        dep.await.map_err(|e| format!(\"skipped: {e}\"))?;\n    }\n    \
                 step.await\n}\n\n",
            );
            let _ = writeln!(out, "async fn run_all({pool_param}) -> Vec<Outcome> {{");
            for p in dependency_order(script) {
                let t = &script.tasks[p];
                let deps: Vec<String> = t
                    .after
                    .iter()
                    .filter_map(|a| script.tasks.iter().position(|u| u.name == *a))
                    .map(|d| format!("{}_t.clone()", ids[d]))
                    .collect();
                if deps.is_empty() {
                    let _ = writeln!(
                        out,
                        "    let {}_t = {}.boxed_local().shared();",
                        ids[p],
                        call(p)
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "    let {}_t = after(vec![{}], {}).boxed_local().shared();",
                        ids[p],
                        deps.join(", "),
                        call(p)
                    );
                }
            }
            let handles = ids
                .iter()
                .map(|id| format!("{id}_t"))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = write!(out, "    join_all([{handles}]).await\n}}");
        }
    }
    out
}

#[cfg(test)]
#[path = "tests/lab_code.rs"]
mod tests;
