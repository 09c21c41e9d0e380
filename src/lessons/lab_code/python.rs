//! The lab's Python asyncio pane.

use std::fmt::Write as _;

use super::*;
use crate::lessons::cpu_work::{self, code_seconds};

const PY_HEAD: &str = r#"import asyncio
from concurrent.futures import ProcessPoolExecutor

«crunch_py»

"#;

pub(super) fn python(script: &LabScript, ids: &[String], way: LabWay, workers: usize) -> String {
    let mut out = PY_HEAD.replace("«crunch_py»", cpu_work::CRUNCH_PY);
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
                    code_seconds(t.duration_ms)
                );
            }
            WorkKind::Cpu => {
                let _ = writeln!(
                    out,
                    "    await run_cpu({}, {})  # about {} of CPU work",
                    i + 1,
                    rounds(t.duration_ms),
                    cpu_work::in_millis(t.duration_ms)
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
