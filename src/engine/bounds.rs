//! Theoretical makespans of the bounded strategies, computed without running anything.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::{RunOptions, Scenario};

/// A slot's finishing time, ordered by `total_cmp` so it can live in a heap.
#[derive(PartialEq)]
struct FreeAt(f64);

impl Eq for FreeAt {}

impl PartialOrd for FreeAt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FreeAt {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The makespan of greedy list scheduling: `slots` workers (0 counts as 1) take the
/// durations in input order, each task starting on the first worker to become free.
///
/// This is exactly what a semaphore of `slots` permits (or `buffer_unordered(slots)`) does
/// with tasks that only wait, so it is the semaphore's bound. With `n` equal durations
/// `d` it is ⌈n/k⌉·d. Durations are taken as given (pass them already non-negative).
pub fn list_schedule_ms(durations_ms: &[f64], slots: usize) -> f64 {
    let slots = slots.max(1).min(durations_ms.len().max(1));
    let mut free: BinaryHeap<Reverse<FreeAt>> = (0..slots).map(|_| Reverse(FreeAt(0.0))).collect();
    let mut makespan = 0.0_f64;
    for &d in durations_ms {
        let start = free.pop().map_or(0.0, |Reverse(FreeAt(t))| t);
        let end = start + d;
        makespan = makespan.max(end);
        free.push(Reverse(FreeAt(end)));
    }
    makespan
}

/// The makespan of fixed batches of `size` (0 counts as 1): each batch lasts as long as
/// its longest task and the next starts when it is done, so Σ over batches of max d.
pub fn batches_ms(durations_ms: &[f64], size: usize) -> f64 {
    durations_ms
        .chunks(size.max(1))
        .map(|batch| batch.iter().copied().fold(0.0, f64::max))
        .sum()
}

/// The least time CPU jobs of `cpu_ms` need where they run, whatever the strategy: one
/// after another on the page's one thread (Σc), or greedily on `workers` workers, which is
/// at least max(Σc / w, max c) (see [`list_schedule_ms`]). 0 when there are no jobs.
pub fn cpu_floor_ms(cpu_ms: &[f64], workers: Option<usize>) -> f64 {
    match workers {
        None => cpu_ms.iter().sum(),
        Some(w) => list_schedule_ms(cpu_ms, w),
    }
}

/// [`cpu_floor_ms`] of `scenario`'s CPU jobs where `options` runs them, each job's cost
/// capped by the timeout.
pub fn cpu_floor_of(scenario: &Scenario, options: &RunOptions) -> f64 {
    let costs: Vec<f64> = (scenario.tasks.iter())
        .filter(|t| t.cpu.is_some())
        .map(|t| options.effective_ms(t.duration_ms))
        .collect();
    cpu_floor_ms(&costs, options.workers)
}

/// How [`cpu_floor_ms`] is written where it is the bound: `Σc on one thread`, or the jobs'
/// schedule on the workers (`jobs on 2 workers`).
pub fn cpu_floor_label(workers: Option<usize>) -> String {
    match workers {
        None => "Σc on one thread".to_string(),
        Some(1) => "Σc on 1 worker".to_string(),
        Some(w) => format!("jobs on {w} workers"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_equal_tasks_on_3_slots_take_ceil_7_over_3_times_d() {
        assert_eq!(list_schedule_ms(&[1000.0; 7], 3), 3000.0);
        assert_eq!(list_schedule_ms(&[1000.0; 6], 3), 2000.0);
    }

    #[test]
    fn greedy_list_scheduling_of_3_1_2_on_2_slots_takes_3() {
        // slot A: 3; slot B: 1 then 2 → ends at 3.
        assert_eq!(list_schedule_ms(&[3.0, 1.0, 2.0], 2), 3.0);
        // slot A: 1 then 3 → 4; slot B: 2 then 4 → 6; the greedy order is not optimal.
        assert_eq!(list_schedule_ms(&[1.0, 2.0, 3.0, 4.0], 2), 6.0);
    }

    #[test]
    fn zero_slots_count_as_one_and_no_tasks_take_no_time() {
        assert_eq!(list_schedule_ms(&[1.0, 2.0], 0), 3.0);
        assert_eq!(list_schedule_ms(&[], 4), 0.0);
        assert_eq!(batches_ms(&[1.0, 2.0], 0), 3.0);
        assert_eq!(batches_ms(&[], 2), 0.0);
    }

    #[test]
    fn batches_of_2_over_3_1_2_take_3_plus_2() {
        assert_eq!(batches_ms(&[3.0, 1.0, 2.0], 2), 5.0);
    }

    #[test]
    fn cpu_jobs_need_their_sum_on_one_thread_and_their_schedule_on_workers() {
        let jobs = [300.0, 200.0, 100.0];
        assert_eq!(cpu_floor_ms(&jobs, None), 600.0);
        assert_eq!(cpu_floor_ms(&jobs, Some(2)), 300.0);
        assert_eq!(cpu_floor_ms(&jobs, Some(8)), 300.0);
        assert_eq!(cpu_floor_ms(&[], None), 0.0);
        assert_eq!(cpu_floor_label(None), "Σc on one thread");
        assert_eq!(cpu_floor_label(Some(2)), "jobs on 2 workers");
    }
}
