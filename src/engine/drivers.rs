//! The body of each strategy, written once over any [`Clock`] with `futures` primitives.
//!
//! A body runs the tasks through the [`Recorder`] and says what the caller got back: the
//! task ids in the order their results were returned, or the error raised.

use futures::future::{join_all, FutureExt};
use futures::stream::{self, FuturesUnordered, StreamExt};

use super::{Clock, DependencyError, DependencyGraph, Recorder, RunFailure, TaskSpec};

/// What a strategy handed back to its caller.
#[derive(Default)]
pub(crate) struct Returned {
    /// Ids whose results the caller received, in the order it received them.
    pub order: Vec<usize>,
    /// The error the caller received instead, if any.
    pub failure: Option<RunFailure>,
}

impl Returned {
    fn in_input_order(tasks: &[TaskSpec]) -> Self {
        Self {
            order: tasks.iter().map(|t| t.id).collect(),
            failure: None,
        }
    }
}

/// `for t in tasks: await t`, each error kept in place (as if each await were wrapped in
/// `try`/`except`), so every task runs.
pub(crate) async fn sequential<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
) -> Returned {
    for task in tasks {
        let _ = rec.simulated_io(clock, task).await;
    }
    Returned::in_input_order(tasks)
}

/// `join_all` / `gather(return_exceptions=True)`: every task at once, results (and errors)
/// in input order.
pub(crate) async fn gather<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
) -> Returned {
    join_all(tasks.iter().map(|t| rec.simulated_io(clock, t))).await;
    Returned::in_input_order(tasks)
}

/// Every task at once in a `FuturesUnordered`; each result is taken the moment its task is
/// done (a done-callback), so the order is the completion order.
pub(crate) async fn as_completed<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
) -> Returned {
    let order = unordered(rec, clock, tasks)
        .map(|(id, _)| id)
        .collect()
        .await;
    Returned {
        order,
        failure: None,
    }
}

/// At most `limit` tasks in flight (`buffer_unordered`); the next task in input order
/// starts as soon as any slot frees. Results in input order, like gather with a semaphore.
pub(crate) async fn semaphore<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
    limit: usize,
) -> Returned {
    stream::iter(tasks)
        .map(|t| rec.simulated_io(clock, t))
        .buffer_unordered(limit.max(1))
        .for_each(|_| async {})
        .await;
    Returned::in_input_order(tasks)
}

/// Fixed batches of `size`, each gathered; a batch starts when the previous one is done.
pub(crate) async fn batches<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
    size: usize,
) -> Returned {
    for batch in tasks.chunks(size.max(1)) {
        gather(rec, clock, batch).await;
    }
    Returned::in_input_order(tasks)
}

/// Every task at once; the first error reaches the caller at its time. With `cancel`
/// (a task group), every sibling still running is cancelled then; without (plain gather),
/// the others run on to their end and their results are lost to the caller.
pub(crate) async fn first_error<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
    cancel: bool,
) -> Returned {
    let mut running = unordered(rec, clock, tasks);
    let mut failure: Option<RunFailure> = None;
    while let Some((task, outcome)) = running.next().await {
        let Err(message) = outcome else { continue };
        if failure.is_some() {
            continue;
        }
        let at_ms = rec.elapsed_ms(clock);
        failure = Some(RunFailure {
            task,
            at_ms,
            message,
        });
        if cancel {
            drop(running);
            rec.cancel_unfinished(clock);
            rec.raise(clock, task);
            return Returned {
                order: Vec::new(),
                failure,
            };
        }
        rec.raise(clock, task);
    }
    match failure {
        Some(_) => Returned {
            order: Vec::new(),
            failure,
        },
        None => Returned::in_input_order(tasks),
    }
}

/// Each task starts as soon as every task in its `after` list is done; a task whose
/// dependency did not succeed is not run (a zero-length `cancelled` span at that moment).
/// Results in input order.
///
/// A scheduler with ready counts, linear in tasks + edges: each task counts the
/// dependencies it still waits for; when a task ends, its dependents' counts drop and
/// those reaching zero start at once (in the graph's order). Only running tasks are
/// futures, so a dense graph costs no more than its edges.
pub(crate) async fn chained<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
    graph: &DependencyGraph,
) -> Returned {
    let mut ready = ReadyCounts::new(graph);
    let mut running = FuturesUnordered::new();
    let mut start = ready.initially_ready();
    loop {
        while let Some(p) = start.pop() {
            let task = &tasks[p];
            match ready.failed_dependency(p) {
                Some(d) => {
                    let reason = format!("waits for {}, which did not succeed", tasks[d].label);
                    let _ = rec.skip(clock, task, &reason);
                    start.extend(ready.finish(p, false).into_iter().rev());
                }
                None => running.push(rec.simulated_io(clock, task).map(move |r| (p, r.is_ok()))),
            }
        }
        let Some((p, ok)) = running.next().await else {
            break;
        };
        start.extend(ready.finish(p, ok).into_iter().rev());
    }
    Returned::in_input_order(tasks)
}

/// The chained scheduler's book-keeping: for each task, how many dependencies it still
/// waits for, whether it succeeded, and who waits for it.
struct ReadyCounts<'g> {
    graph: &'g DependencyGraph,
    waiting: Vec<usize>,
    ok: Vec<bool>,
    dependents: Vec<Vec<usize>>,
    rank: Vec<usize>,
}

impl<'g> ReadyCounts<'g> {
    fn new(graph: &'g DependencyGraph) -> Self {
        let n = graph.deps.len();
        let mut dependents = vec![Vec::new(); n];
        for (p, ds) in graph.deps.iter().enumerate() {
            for &d in ds {
                dependents[d].push(p);
            }
        }
        let mut rank = vec![0; n];
        for (r, &p) in graph.order.iter().enumerate() {
            rank[p] = r;
        }
        for list in &mut dependents {
            list.sort_by_key(|&p| rank[p]);
        }
        Self {
            graph,
            waiting: graph.deps.iter().map(Vec::len).collect(),
            ok: vec![false; n],
            dependents,
            rank,
        }
    }

    /// The tasks with no dependency, as a stack whose top is the first in graph order.
    fn initially_ready(&self) -> Vec<usize> {
        let mut ready: Vec<usize> = (0..self.waiting.len())
            .filter(|&p| self.waiting[p] == 0)
            .collect();
        ready.sort_by_key(|&p| std::cmp::Reverse(self.rank[p]));
        ready
    }

    /// The first of `p`'s dependencies (in its `after` order) that did not succeed.
    fn failed_dependency(&self, p: usize) -> Option<usize> {
        self.graph.deps[p].iter().copied().find(|&d| !self.ok[d])
    }

    /// Records that `p` ended (`ok` if it succeeded); returns the dependents that can
    /// start now, in graph order.
    fn finish(&mut self, p: usize, ok: bool) -> Vec<usize> {
        self.ok[p] = ok;
        let mut now_ready = Vec::new();
        for &q in &self.dependents[p] {
            self.waiting[q] -= 1;
            if self.waiting[q] == 0 {
                now_ready.push(q);
            }
        }
        now_ready
    }
}

/// Runs nothing because the dependencies are invalid: every task gets a zero-length
/// `cancelled` span now, and the caller gets `error` as the run's failure.
pub(crate) fn refuse<C: Clock + ?Sized>(
    rec: &Recorder<'_>,
    clock: &C,
    tasks: &[TaskSpec],
    error: DependencyError,
) -> Returned {
    for task in tasks {
        let _ = rec.skip(clock, task, &error.message);
    }
    Returned {
        order: Vec::new(),
        failure: Some(RunFailure {
            task: error.tasks.first().copied().unwrap_or(0),
            at_ms: rec.elapsed_ms(clock),
            message: error.message,
        }),
    }
}

/// Every task at once, yielding `(id, outcome)` as each one is done.
fn unordered<'s, C: Clock + ?Sized>(
    rec: &'s Recorder<'_>,
    clock: &'s C,
    tasks: &'s [TaskSpec],
) -> FuturesUnordered<impl std::future::Future<Output = (usize, super::TaskResult)> + 's> {
    tasks
        .iter()
        .map(|t| rec.simulated_io(clock, t).map(move |r| (t.id, r)))
        .collect()
}
