//! CPU-bound jobs: pure computations that the worker pool (or, to show the blocked
//! event loop, the main thread) runs. Job and reply types are plain serde types shared
//! by the app and the worker binary.

mod cpu_job;
mod cpu_output;
mod hash_chain;
mod job_deadline;
mod job_reply;
mod job_request;
mod mandelbrot;
mod primes;
pub mod speed;
mod tile;

pub use cpu_job::CpuJob;
pub use cpu_output::CpuOutput;
pub use hash_chain::hash_chain;
pub use job_deadline::JobDeadline;
pub use job_reply::JobReply;
pub use job_request::JobRequest;
pub use mandelbrot::{mandelbrot_tile, tiles_for};
pub use primes::count_primes_below;
pub use speed::Speed;
pub use tile::Tile;

#[cfg(test)]
mod tests {
    use crate::engine::{RunOptions, Scenario, Strategy, TaskSpec, VirtualClock};

    use super::CpuJob;

    fn cpu_and_io() -> Scenario {
        let job = CpuJob::CountPrimes { below: 100 };
        Scenario {
            tasks: vec![
                TaskSpec::new(0, "fetch", 100.0),
                TaskSpec::new(1, "crunch a", 300.0).computing(job.clone()),
                TaskSpec::new(2, "crunch b", 300.0).computing(job),
            ],
        }
    }

    #[test]
    fn cpu_jobs_on_the_loop_thread_take_the_sum_of_their_costs_even_when_gathered() {
        let r = Strategy::Gather
            .simulate(&cpu_and_io(), &RunOptions::default())
            .unwrap();
        assert_eq!(r.makespan_ms, 600.0);
        // The fetch started first and was due at 100 ms, but the loop was busy until 600 ms.
        assert_eq!(r.tasks[0].start_ms, 0.0);
        assert_eq!(r.tasks[0].end_ms, 600.0);
        assert_eq!(r.tasks[2].start_ms, 300.0);
    }

    #[test]
    fn cpu_jobs_on_two_workers_overlap_and_the_fetch_ends_on_time() {
        let clock = VirtualClock::with_workers(2);
        let scenario = cpu_and_io();
        let c = clock.clone();
        let r = clock
            .run(async move { Strategy::Gather.run(&c, &scenario, &|_| {}).await })
            .unwrap();
        assert_eq!(r.makespan_ms, 300.0);
        assert_eq!(r.tasks[0].end_ms, 100.0);
    }

    #[test]
    fn a_third_job_on_two_workers_waits_for_a_free_one() {
        let job = CpuJob::Ping;
        let scenario = Scenario {
            tasks: (0..3)
                .map(|i| TaskSpec::new(i, format!("job {i}"), 100.0).computing(job.clone()))
                .collect(),
        };
        let clock = VirtualClock::with_workers(2);
        let c = clock.clone();
        let r = clock
            .run(async move { Strategy::Gather.run(&c, &scenario, &|_| {}).await })
            .unwrap();
        assert_eq!(r.makespan_ms, 200.0);
        assert_eq!(r.tasks[2].start_ms, 0.0);
        assert_eq!(r.tasks[2].end_ms, 200.0);
        // It waited 100 ms in the queue, then computed on the first worker to be free.
        assert_eq!(r.tasks[2].compute_start_ms, Some(100.0));
        assert_eq!(r.tasks[2].queued_ms(), 100.0);
        let lanes: Vec<_> = r.tasks.iter().map(|t| t.lane).collect();
        use crate::engine::CpuLane::Worker;
        assert_eq!(
            lanes,
            vec![Some(Worker(0)), Some(Worker(1)), Some(Worker(0))]
        );
    }

    #[test]
    fn a_real_cpu_job_on_the_default_clock_returns_its_answer() {
        let out = futures::executor::block_on(crate::engine::Clock::compute(
            &NativeClock,
            &CpuJob::CountPrimes { below: 100 },
            0.0,
            Box::new(|_| {}),
        ));
        assert_eq!(out, Ok(super::CpuOutput::Count(25)));
        let refused = futures::executor::block_on(crate::engine::Clock::compute(
            &NativeClock,
            &CpuJob::Panic,
            0.0,
            Box::new(|_| {}),
        ));
        assert!(refused.is_err());
        let closing = futures::executor::block_on(crate::engine::Clock::compute(
            &NativeClock,
            &CpuJob::CloseWorker,
            0.0,
            Box::new(|_| {}),
        ));
        assert!(closing.is_err());
    }

    /// A clock with the trait's default `compute` (runs the job right here).
    struct NativeClock;

    impl crate::engine::Clock for NativeClock {
        fn now_ms(&self) -> f64 {
            0.0
        }

        fn sleep(&self, _ms: f64) -> futures::future::LocalBoxFuture<'static, ()> {
            Box::pin(async {})
        }
    }
}
