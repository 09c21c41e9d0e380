use std::collections::HashMap;

use super::{DependencyError, TaskSpec};

/// The `after` lists of a list of tasks, resolved to positions and checked for cycles.
pub(crate) struct DependencyGraph {
    /// For each position, the positions it waits for (without repeats).
    pub deps: Vec<Vec<usize>>,
    /// Every position, each after all of those it waits for.
    pub order: Vec<usize>,
}

impl DependencyGraph {
    /// Resolves the ids in `after` lists (the first task with an id wins) and orders the
    /// tasks; fails on an unknown id or a cycle.
    pub fn new(tasks: &[TaskSpec]) -> Result<Self, DependencyError> {
        let mut position: HashMap<usize, usize> = HashMap::with_capacity(tasks.len());
        for (p, t) in tasks.iter().enumerate() {
            position.entry(t.id).or_insert(p);
        }
        let mut deps = Vec::with_capacity(tasks.len());
        for t in tasks {
            let mut mine: Vec<usize> = Vec::with_capacity(t.after.len());
            for id in &t.after {
                let Some(&p) = position.get(id) else {
                    return Err(DependencyError {
                        tasks: vec![t.id, *id],
                        message: format!(
                            "{} waits for task id {id}, which does not exist.",
                            t.label
                        ),
                    });
                };
                if !mine.contains(&p) {
                    mine.push(p);
                }
            }
            deps.push(mine);
        }
        let order = topological_order(&deps).map_err(|cycle| cycle_error(tasks, &cycle))?;
        Ok(Self { deps, order })
    }
}

/// Kahn's algorithm on "waits for" edges: the tasks that can run, in an order that
/// respects every dependency, and for each task how many of its dependencies are stuck
/// (non-zero only for tasks in or behind a cycle).
fn kahn(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<usize>) {
    let n = deps.len();
    let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (p, ds) in deps.iter().enumerate() {
        for &d in ds {
            dependents[d].push(p);
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&p| waiting[p] == 0).collect();
    let mut next = 0;
    while let Some(&p) = order.get(next) {
        next += 1;
        for &q in &dependents[p] {
            waiting[q] -= 1;
            if waiting[q] == 0 {
                order.push(q);
            }
        }
    }
    (order, waiting)
}

/// A topological order of positions; on failure, the first cycle of [`cycles`].
fn topological_order(deps: &[Vec<usize>]) -> Result<Vec<usize>, Vec<usize>> {
    let (order, _) = kahn(deps);
    if order.len() == deps.len() {
        return Ok(order);
    }
    Err(cycles(deps).into_iter().next().unwrap_or_default())
}

/// One cycle per group of tasks that wait for each other: positions in "waits for"
/// order, starting at the earliest position, which is repeated at the end.
pub(crate) fn cycles(deps: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = deps.len();
    let (_, waiting) = kahn(deps);
    // Every task left waits for at least one task left: walk until a task repeats.
    let mut covered = vec![false; n];
    let mut found = Vec::new();
    for start in 0..n {
        if waiting[start] == 0 || covered[start] {
            continue;
        }
        let mut walk: Vec<usize> = Vec::new();
        let mut p = start;
        loop {
            if covered[p] {
                break; // leads into a cycle already reported
            }
            if let Some(at) = walk.iter().position(|&q| q == p) {
                let mut cycle = walk.split_off(at);
                // Start at the earliest task of the cycle.
                let min = cycle
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, &q)| q)
                    .map_or(0, |(i, _)| i);
                cycle.rotate_left(min);
                cycle.push(cycle[0]);
                found.push(cycle);
                break;
            }
            walk.push(p);
            match deps[p].iter().find(|&&d| waiting[d] > 0) {
                Some(&d) => p = d,
                None => break,
            }
        }
        for q in walk {
            covered[q] = true;
        }
        if let Some(cycle) = found.last() {
            for &q in cycle {
                covered[q] = true;
            }
        }
    }
    found
}

fn cycle_error(tasks: &[TaskSpec], cycle: &[usize]) -> DependencyError {
    let labels: Vec<&str> = cycle.iter().map(|&p| tasks[p].label.as_str()).collect();
    DependencyError {
        tasks: cycle.iter().map(|&p| tasks[p].id).collect(),
        message: format!(
            "These tasks wait for each other in a circle, so none of them can start: {} \
             (each waits for the next).",
            labels.join(" → ")
        ),
    }
}
