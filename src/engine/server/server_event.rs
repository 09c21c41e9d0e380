use std::cmp::Ordering;

/// What happens to a request at an instant of the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The request arrives.
    Arrive,
    /// Its I/O wait is over; its CPU part is ready.
    IoDone,
    /// Its CPU part is over; the response is ready.
    CpuDone,
}

/// One timed event of the discrete-event simulation, ordered for a max-heap so that the
/// earliest time pops first, and among equal times the event scheduled first.
#[derive(Debug, Clone, Copy)]
pub(super) struct ServerEvent {
    /// When it happens, in milliseconds.
    pub at_ms: f64,
    /// Scheduling order, the tie-breaker.
    pub seq: u64,
    /// Which request.
    pub request: usize,
    /// What happens.
    pub step: Step,
}

impl PartialEq for ServerEvent {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ServerEvent {}

impl PartialOrd for ServerEvent {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ServerEvent {
    /// Reversed: the max-heap pops the earliest time, then the lowest sequence number.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .at_ms
            .total_cmp(&self.at_ms)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}
