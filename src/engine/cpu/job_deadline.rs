/// When a worker pool stops waiting for a running job and gives its worker up for dead.
///
/// A worker that is killed, or closes itself, sends nothing: no answer and no error
/// event. Silence is the only sign, and a job that computes for a long time is silent
/// too. So each job gets its own deadline from what is known about it:
///
/// `limit = min(floor + factor × estimate, cap)`
///
/// where `estimate` is a pessimistic estimate of its computing time (see
/// [`super::CpuJob::slow_estimate_ms`]). The floor covers the round trip of the messages
/// and a machine that is busy with something else; the factor covers more workers than
/// cores (they take turns) and a device slower than the estimate; the cap is the
/// longest any job may take. A job without a usable estimate (none, negative, not
/// finite) gets the cap.
///
/// The clock starts when the job's worker was ready: a job sent to a worker that is
/// still loading its code waits the cap from when it was sent (loading may be slow; a
/// worker that never loads is still given up). See [`JobDeadline::is_overdue`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JobDeadline {
    /// The least time given to any job, in milliseconds.
    pub floor_ms: f64,
    /// How many times its estimate a job is given on top of the floor.
    pub factor: f64,
    /// The most time given to any job, in milliseconds (also the limit without estimate).
    pub cap_ms: f64,
}

impl JobDeadline {
    /// The pool's rule: 2 s plus five times the estimate, at most 30 s. A 10 ms hash job
    /// is given about 2.4 s; a silently dead worker is found within about 2 s.
    pub const DEFAULT: JobDeadline = JobDeadline {
        floor_ms: 2_000.0,
        factor: 5.0,
        cap_ms: 30_000.0,
    };

    /// The same rule with another cap (at least 1 ms); the floor never exceeds the cap.
    pub fn with_cap_ms(self, cap_ms: f64) -> Self {
        let cap_ms = if cap_ms.is_finite() {
            cap_ms.max(1.0)
        } else {
            Self::DEFAULT.cap_ms
        };
        Self {
            floor_ms: self.floor_ms.min(cap_ms),
            cap_ms,
            ..self
        }
    }

    /// How long a job with `estimate_ms` of computing may stay silent, in milliseconds.
    pub fn limit_ms(&self, estimate_ms: Option<f64>) -> f64 {
        match estimate_ms {
            Some(e) if e.is_finite() && e >= 0.0 => {
                (self.floor_ms + self.factor * e).min(self.cap_ms)
            }
            _ => self.cap_ms,
        }
    }

    /// Whether a job sent at `sent_ms` to a worker that was ready at `ready_ms` (`None`:
    /// still loading), given `limit_ms`, is overdue at `now_ms`. A worker that became
    /// ready after the job was sent starts the job's clock then; one still loading has
    /// the cap from when the job was sent.
    pub fn is_overdue(
        &self,
        limit_ms: f64,
        sent_ms: f64,
        ready_ms: Option<f64>,
        now_ms: f64,
    ) -> bool {
        match ready_ms {
            Some(ready) => now_ms - sent_ms.max(ready) > limit_ms,
            None => now_ms - sent_ms > self.cap_ms,
        }
    }
}

impl Default for JobDeadline {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cpu::CpuJob;

    const RULE: JobDeadline = JobDeadline::DEFAULT;

    #[test]
    fn a_job_without_an_estimate_gets_the_cap() {
        assert_eq!(RULE.limit_ms(None), 30_000.0);
        assert_eq!(RULE.limit_ms(Some(f64::NAN)), 30_000.0);
        assert_eq!(RULE.limit_ms(Some(-5.0)), 30_000.0);
        assert_eq!(RULE.limit_ms(Some(f64::INFINITY)), 30_000.0);
    }

    #[test]
    fn an_instant_job_gets_the_floor_and_a_longer_one_the_floor_plus_five_times_its_estimate() {
        assert_eq!(RULE.limit_ms(Some(0.0)), 2_000.0);
        assert_eq!(RULE.limit_ms(Some(100.0)), 2_500.0);
        assert_eq!(RULE.limit_ms(Some(1_000.0)), 7_000.0);
    }

    #[test]
    fn no_job_gets_more_than_the_cap() {
        assert_eq!(RULE.limit_ms(Some(1e9)), 30_000.0);
        let short = RULE.with_cap_ms(500.0);
        assert_eq!(short.limit_ms(Some(0.0)), 500.0);
        assert_eq!(short.limit_ms(None), 500.0);
        assert_eq!(RULE.with_cap_ms(f64::NAN), RULE);
        assert_eq!(RULE.with_cap_ms(-3.0).cap_ms, 1.0);
    }

    #[test]
    fn the_largest_jobs_the_lessons_send_get_far_more_than_they_need() {
        // 300 ms of hash rounds at the lessons' pace (150,000 rounds per ms).
        let job = CpuJob::HashChain {
            seed: 1,
            rounds: 45_000_000,
        };
        let limit = RULE.limit_ms(Some(job.slow_estimate_ms()));
        assert!(limit >= 10.0 * 300.0, "{limit} ms");
        assert!(limit < RULE.cap_ms);
    }

    #[test]
    fn the_clock_starts_when_the_worker_was_ready() {
        let limit = RULE.limit_ms(Some(0.0));
        // Sent at 1 s to a ready worker: overdue just after 3 s.
        assert!(!RULE.is_overdue(limit, 1_000.0, Some(0.0), 3_000.0));
        assert!(RULE.is_overdue(limit, 1_000.0, Some(0.0), 3_001.0));
        // The worker finished loading at 5 s: the job's 2 s start then.
        assert!(!RULE.is_overdue(limit, 1_000.0, Some(5_000.0), 6_500.0));
        assert!(RULE.is_overdue(limit, 1_000.0, Some(5_000.0), 7_001.0));
        // Still loading: only the cap counts.
        assert!(!RULE.is_overdue(limit, 1_000.0, None, 30_000.0));
        assert!(RULE.is_overdue(limit, 1_000.0, None, 31_001.0));
    }
}
