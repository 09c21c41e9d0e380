//! The lab's Rust pane (futures, like the engine).

use std::fmt::Write as _;

use super::*;
use crate::lessons::cpu_work;

const RS_HEAD: &str = r#"use futures::future::{join_all, try_join_all, FutureExt, LocalBoxFuture, Shared};
use futures::StreamExt;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

type Outcome = Result<String, String>;

"#;

pub(super) fn rust(script: &LabScript, ids: &[String], way: LabWay, workers: usize) -> String {
    let mut out = RS_HEAD.to_string();
    let has_cpu = script.tasks.iter().any(|t| t.kind == WorkKind::Cpu);
    if has_cpu {
        out.push_str(cpu_work::CRUNCH_RS);
        out.push_str("\n\n");
        if workers > 0 {
            let _ = writeln!(
                out,
                "{}\n\n// let pool = Pool::new({workers});\n",
                cpu_work::POOL_RS
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
