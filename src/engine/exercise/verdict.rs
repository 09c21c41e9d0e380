use super::{Payoff, Runner};

/// Two measured times of the same work, one per runner, compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Time on one event loop, in milliseconds.
    pub async_ms: f64,
    /// Time on the pool, in milliseconds.
    pub pool_ms: f64,
}

impl Verdict {
    /// Below this ratio the two times count as about the same (timers and message
    /// passing jitter by a few percent).
    pub const SAME_BELOW: f64 = 1.15;

    /// The comparison of two measured times; `None` unless both are finite and above 0.
    pub fn measure(async_ms: f64, pool_ms: f64) -> Option<Self> {
        let ok = |ms: f64| ms.is_finite() && ms > 0.0;
        (ok(async_ms) && ok(pool_ms)).then_some(Self { async_ms, pool_ms })
    }

    /// The time of `runner`.
    pub fn time_of(&self, runner: Runner) -> f64 {
        match runner {
            Runner::Async => self.async_ms,
            Runner::Pool => self.pool_ms,
        }
    }

    /// How many times faster the faster runner was (≥ 1).
    pub fn ratio(&self) -> f64 {
        self.async_ms.max(self.pool_ms) / self.async_ms.min(self.pool_ms)
    }

    /// The clearly faster runner, or `None` when the ratio is below [`Self::SAME_BELOW`].
    pub fn faster(&self) -> Option<Runner> {
        if self.ratio() < Self::SAME_BELOW {
            None
        } else if self.pool_ms < self.async_ms {
            Some(Runner::Pool)
        } else {
            Some(Runner::Async)
        }
    }

    /// Whether `chosen` paid off.
    pub fn payoff(&self, chosen: Option<Runner>) -> Payoff {
        match (chosen, self.faster()) {
            (None, _) => Payoff::NoChoice,
            (Some(_), None) => Payoff::NoDifference,
            (Some(c), Some(f)) if c == f => Payoff::PaidOff,
            _ => Payoff::Backfired,
        }
    }

    /// `async 410 ms vs pool 230 ms: the pool was 1.8× faster`.
    pub fn sentence(&self) -> String {
        let times = format!(
            "async {} vs pool {}",
            time_text(self.async_ms),
            time_text(self.pool_ms)
        );
        match self.faster() {
            None => format!("{times}: about the same"),
            Some(Runner::Pool) => {
                format!("{times}: the pool was {} faster", ratio_text(self.ratio()))
            }
            Some(Runner::Async) => {
                format!("{times}: async was {} faster", ratio_text(self.ratio()))
            }
        }
    }
}

/// A duration for people: whole milliseconds below a second (`412 ms`), seconds with two
/// decimals above (`1.25 s`), `–` when it is not a time.
pub fn time_text(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        "–".to_string()
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// A speedup for people: one decimal below 10 (`1.8×`), whole above (`24×`).
pub fn ratio_text(ratio: f64) -> String {
    if !ratio.is_finite() {
        "–".to_string()
    } else if ratio < 10.0 {
        format!("{ratio:.1}×")
    } else {
        format!("{ratio:.0}×")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_at_230_ms_against_async_at_410_ms_is_1_8_times_faster_and_pays_off_if_chosen() {
        let v = Verdict::measure(410.0, 230.0).unwrap();
        assert_eq!(
            v.sentence(),
            "async 410 ms vs pool 230 ms: the pool was 1.8× faster"
        );
        assert_eq!(v.faster(), Some(Runner::Pool));
        assert_eq!(v.payoff(Some(Runner::Pool)), Payoff::PaidOff);
        assert_eq!(v.payoff(Some(Runner::Async)), Payoff::Backfired);
        assert_eq!(v.payoff(None), Payoff::NoChoice);
        assert_eq!(v.time_of(Runner::Async), 410.0);
    }

    #[test]
    fn async_much_faster_is_written_as_a_whole_ratio() {
        let v = Verdict::measure(21.0, 525.0).unwrap();
        assert_eq!(
            v.sentence(),
            "async 21 ms vs pool 525 ms: async was 25× faster"
        );
        assert_eq!(v.payoff(Some(Runner::Async)), Payoff::PaidOff);
    }

    #[test]
    fn times_within_fifteen_percent_count_as_about_the_same() {
        let v = Verdict::measure(1000.0, 1100.0).unwrap();
        assert_eq!(v.faster(), None);
        assert_eq!(v.payoff(Some(Runner::Pool)), Payoff::NoDifference);
        assert_eq!(v.sentence(), "async 1.00 s vs pool 1.10 s: about the same");
    }

    #[test]
    fn missing_zero_or_broken_times_give_no_verdict_and_never_panic() {
        for (a, p) in [
            (0.0, 5.0),
            (5.0, -1.0),
            (f64::NAN, 5.0),
            (5.0, f64::INFINITY),
        ] {
            assert_eq!(Verdict::measure(a, p), None);
        }
        assert_eq!(time_text(f64::NAN), "–");
        assert_eq!(ratio_text(f64::INFINITY), "–");
        assert_eq!(time_text(1250.0), "1.25 s");
    }
}
