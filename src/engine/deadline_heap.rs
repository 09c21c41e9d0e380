use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// An item due at a time, as kept by a [`DeadlineHeap`].
#[derive(Debug, Clone)]
pub struct Deadline<T> {
    /// When it is due, in milliseconds.
    pub at_ms: f64,
    /// The order it was pushed in: among equal times, the first pushed comes out first.
    pub seq: u64,
    /// What is due.
    pub item: T,
}

impl<T> PartialEq for Deadline<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T> Eq for Deadline<T> {}

impl<T> PartialOrd for Deadline<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Deadline<T> {
    /// Reversed, so that the (max-)heap pops the earliest time, then the oldest push.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .at_ms
            .total_cmp(&self.at_ms)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Items ordered by when they are due, first come first served among equal times: the
/// timer heap of an event loop. The virtual clock, the browser's timer queue and the
/// server simulation all keep their timers in one.
#[derive(Debug, Clone)]
pub struct DeadlineHeap<T> {
    heap: BinaryHeap<Deadline<T>>,
    next_seq: u64,
}

impl<T> Default for DeadlineHeap<T> {
    fn default() -> Self {
        Self {
            heap: BinaryHeap::new(),
            next_seq: 0,
        }
    }
}

impl<T> DeadlineHeap<T> {
    /// An empty heap with room for `capacity` items.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            heap: BinaryHeap::with_capacity(capacity),
            next_seq: 0,
        }
    }

    /// Adds `item`, due at `at_ms`.
    pub fn push(&mut self, at_ms: f64, item: T) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Deadline { at_ms, seq, item });
    }

    /// The earliest item, without removing it.
    pub fn peek(&self) -> Option<&Deadline<T>> {
        self.heap.peek()
    }

    /// Removes and returns the earliest item.
    pub fn pop(&mut self) -> Option<Deadline<T>> {
        self.heap.pop()
    }

    /// Every item, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Deadline<T>> {
        self.heap.iter()
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.heap.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_out_earliest_first_and_in_push_order_among_equal_times() {
        let mut heap = DeadlineHeap::default();
        for (at, name) in [(30.0, "c"), (10.0, "a1"), (20.0, "b"), (10.0, "a2")] {
            heap.push(at, name);
        }
        assert_eq!(heap.peek().map(|d| d.item), Some("a1"));
        let order: Vec<&str> = std::iter::from_fn(|| heap.pop().map(|d| d.item)).collect();
        assert_eq!(order, ["a1", "a2", "b", "c"]);
    }
}
