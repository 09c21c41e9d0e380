//! Theoretical makespans of the bounded strategies, computed without running anything.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

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
}
