use std::cell::Cell;

/// The simulated service every task calls: it handles at most `capacity` requests at once.
///
/// A request that arrives while `capacity` requests are in flight is rejected immediately
/// with `429 Too Many Requests`: its span starts and ends at its arrival time (a zero-length
/// span; nothing is waited for and nothing is retried). A request stops counting as in
/// flight when it ends, whatever its status (a timed-out or cancelled request frees its
/// slot at that moment).
#[derive(Debug, Default)]
pub struct Service {
    capacity: Option<usize>,
    in_flight: Cell<usize>,
    peak: Cell<usize>,
}

/// The error text of a rejected request.
pub const TOO_MANY_REQUESTS: &str = "429 Too Many Requests";

impl Service {
    /// A service handling at most `capacity` requests at once (`None`: unlimited).
    pub fn new(capacity: Option<usize>) -> Self {
        Self {
            capacity,
            ..Self::default()
        }
    }

    /// Admits one request if there is room; `false` means it must be rejected.
    pub fn try_acquire(&self) -> bool {
        let busy = self.in_flight.get();
        if self.capacity.is_some_and(|c| busy >= c) {
            return false;
        }
        self.in_flight.set(busy + 1);
        self.peak.set(self.peak.get().max(busy + 1));
        true
    }

    /// Frees the slot of a request that ended.
    pub fn release(&self) {
        self.in_flight.set(self.in_flight.get().saturating_sub(1));
    }

    /// Requests in flight right now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.get()
    }

    /// The most requests that were ever in flight together.
    pub fn peak(&self) -> usize {
        self.peak.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_of_capacity_2_admits_2_rejects_the_third_and_admits_again_after_a_release() {
        let s = Service::new(Some(2));
        assert!(s.try_acquire());
        assert!(s.try_acquire());
        assert!(!s.try_acquire());
        s.release();
        assert!(s.try_acquire());
        assert_eq!((s.in_flight(), s.peak()), (2, 2));
    }

    #[test]
    fn a_service_of_capacity_0_rejects_everything_and_an_unlimited_one_nothing() {
        assert!(!Service::new(Some(0)).try_acquire());
        let open = Service::new(None);
        assert!((0..1000).all(|_| open.try_acquire()));
        open.release();
        assert_eq!(open.peak(), 1000);
    }
}
