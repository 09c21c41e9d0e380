use super::{count_primes_below, hash_chain, mandelbrot_tile, CpuOutput, Tile};

/// A CPU-bound job: plain data, sent to a worker over `postMessage`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum CpuJob {
    /// Answer at once: used to warm up a worker and to time a round trip.
    Ping,
    /// Count the primes below `below`.
    CountPrimes {
        /// Exclusive upper limit (at most 50,000,000).
        below: u32,
    },
    /// Compute one Mandelbrot tile.
    Mandelbrot(Tile),
    /// Hash a seed `rounds` times in a chain (at most 2,000,000,000 rounds).
    HashChain {
        /// Start value.
        seed: u64,
        /// Number of rounds.
        rounds: u32,
    },
    /// Hash a chain for about `ms` milliseconds at the speed measured on the thread that
    /// runs it ([`super::speed::current`]): how the lessons size their CPU jobs, so that a
    /// job labelled d ms takes about d ms on the page's thread and on a worker alike.
    Work {
        /// Start value.
        seed: u64,
        /// How long the job should compute, in milliseconds (clamped to 0–1,000).
        ms: f64,
    },
    /// Fault injection for tests: panic inside the job.
    Panic,
    /// Fault injection for tests: the worker that receives this job closes itself
    /// (`close()` on its global scope) and never answers. Seen from the page this is a
    /// worker killed from outside: no reply and no error event, only silence, which the
    /// pool must notice on its own (see [`super::JobDeadline`]).
    CloseWorker,
}

/// Work units (hash rounds, Mandelbrot iterations, trial divisions) that even a slow
/// device computes per millisecond in a browser: about five to ten times slower than
/// native code on a small cloud machine (hash chain ≈ 100,000 rounds/ms, Mandelbrot
/// ≈ 220,000 iterations/ms, trial division ≈ 200,000 steps/ms there).
const SLOW_UNITS_PER_MS: f64 = 20_000.0;

impl CpuJob {
    /// Runs the job here and now (on whatever thread calls it).
    ///
    /// [`CpuJob::Panic`] panics by design, and so does [`CpuJob::CloseWorker`] (a worker
    /// handles it before it gets here, as only a worker can close itself); everything
    /// else is clamped to its limits.
    pub fn run(&self) -> CpuOutput {
        match self {
            CpuJob::Ping => CpuOutput::Pong,
            CpuJob::CountPrimes { below } => {
                CpuOutput::Count(count_primes_below((*below).min(50_000_000)))
            }
            CpuJob::Mandelbrot(tile) => {
                let (counts, checksum) = mandelbrot_tile(tile);
                CpuOutput::Tile {
                    tile: *tile,
                    counts,
                    checksum,
                }
            }
            CpuJob::HashChain { seed, rounds } => {
                CpuOutput::Hash(hash_chain(*seed, (*rounds).min(2_000_000_000)))
            }
            CpuJob::Work { seed, ms } => {
                CpuOutput::Hash(hash_chain(*seed, super::speed::current().rounds_for(*ms)))
            }
            CpuJob::Panic => panic!("{}", self.fault().unwrap_or_default()),
            CpuJob::CloseWorker => {
                panic!("injected fault: only a worker can close itself, and it did not")
            }
        }
    }

    /// Whether this is a fault-injection job ([`CpuJob::Panic`], [`CpuJob::CloseWorker`]).
    pub fn is_fault(&self) -> bool {
        self.fault().is_some()
    }

    /// What a fault-injection job does, as its failure reads (`None` for real work).
    pub fn fault(&self) -> Option<&'static str> {
        match self {
            CpuJob::Panic => Some("injected fault: this job panics on purpose"),
            CpuJob::CloseWorker => Some("injected fault: this job closes its worker"),
            _ => None,
        }
    }

    /// A pessimistic estimate of how long the job computes, in milliseconds: its work
    /// (an upper bound of it for Mandelbrot tiles, where every pixel is counted at the
    /// iteration limit) at the pace of a slow device. Used to tell a long job from a dead
    /// worker, never to predict timings. Pings and faults count as 0 (they answer, or
    /// fail, at once).
    pub fn slow_estimate_ms(&self) -> f64 {
        let units = match self {
            CpuJob::Ping | CpuJob::Panic | CpuJob::CloseWorker => 0.0,
            CpuJob::CountPrimes { below } => {
                // Trial division up to √k for each odd k: about n·√n / (3 ln n) steps.
                let n = f64::from((*below).clamp(3, 50_000_000));
                n * n.sqrt() / (3.0 * n.ln())
            }
            CpuJob::Mandelbrot(tile) => {
                tile.pixels() as f64 * f64::from(tile.max_iter.clamp(1, u32::from(u16::MAX)))
            }
            CpuJob::HashChain { rounds, .. } => f64::from((*rounds).min(2_000_000_000)),
            CpuJob::Work { ms, .. } => f64::from(super::Speed::ESTIMATE.rounds_for(*ms)),
        };
        units / SLOW_UNITS_PER_MS
    }

    /// Runs the job on the calling thread, refusing the fault-injection job (a panic on
    /// the page's main thread would stop the whole app).
    pub fn run_here(&self) -> Result<CpuOutput, String> {
        match self {
            CpuJob::Panic => Err("a panicking job only runs in a worker".to_string()),
            CpuJob::CloseWorker => {
                Err("a job that closes its worker only runs in a worker".to_string())
            }
            job => Ok(job.run()),
        }
    }

    /// A short description for logs and tables.
    pub fn describe(&self) -> String {
        match self {
            CpuJob::Ping => "ping".into(),
            CpuJob::CountPrimes { below } => format!("primes below {below}"),
            CpuJob::Mandelbrot(t) => format!("tile {}×{} at ({}, {})", t.width, t.height, t.x, t.y),
            CpuJob::HashChain { rounds, .. } => format!("{rounds} hash rounds"),
            CpuJob::Work { ms, .. } => format!("hash rounds for {ms} ms"),
            CpuJob::Panic => "a job that panics".into(),
            CpuJob::CloseWorker => "a job that closes its worker".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_give_known_answers() {
        assert_eq!(CpuJob::Ping.run(), CpuOutput::Pong);
        assert_eq!(
            CpuJob::CountPrimes { below: 100_000 }.run(),
            CpuOutput::Count(9592)
        );
        assert_eq!(
            CpuJob::HashChain { seed: 7, rounds: 3 }.run(),
            CpuOutput::Hash(hash_chain(7, 3))
        );
    }

    #[test]
    fn a_job_survives_a_json_round_trip() {
        let job = CpuJob::CountPrimes { below: 10 };
        let text = serde_json::to_string(&job).unwrap();
        assert_eq!(serde_json::from_str::<CpuJob>(&text).unwrap(), job);
    }

    #[test]
    #[should_panic(expected = "injected fault")]
    fn the_fault_job_panics() {
        CpuJob::Panic.run();
    }

    #[test]
    fn both_fault_jobs_are_refused_on_the_calling_thread_and_others_are_not() {
        assert!(CpuJob::Panic.run_here().is_err());
        let closing = CpuJob::CloseWorker.run_here().unwrap_err();
        assert!(closing.contains("only runs in a worker"), "{closing}");
        assert!(CpuJob::CloseWorker.is_fault() && CpuJob::Panic.is_fault());
        assert!(!CpuJob::Ping.is_fault());
        assert_eq!(CpuJob::Ping.run_here(), Ok(CpuOutput::Pong));
    }

    #[test]
    fn the_slow_estimate_grows_with_the_work_and_is_zero_for_pings_and_faults() {
        let hash = |rounds| CpuJob::HashChain { seed: 1, rounds }.slow_estimate_ms();
        assert_eq!(hash(0), 0.0);
        assert!(hash(2_000_000) > 0.0 && hash(4_000_000) == 2.0 * hash(2_000_000));
        let primes = |below| CpuJob::CountPrimes { below }.slow_estimate_ms();
        assert!(primes(4_000_000) > 4.0 * primes(1_000_000));
        assert!(primes(0).is_finite() && primes(u32::MAX).is_finite());
        let tile =
            |max_iter| CpuJob::Mandelbrot(super::super::tiles_for(64, 48, 1, 1, max_iter)[0]);
        assert!(tile(200).slow_estimate_ms() > tile(100).slow_estimate_ms());
        for job in [CpuJob::Ping, CpuJob::Panic, CpuJob::CloseWorker] {
            assert_eq!(job.slow_estimate_ms(), 0.0);
        }
    }

    #[test]
    fn the_slow_estimate_is_slower_than_native_code_really_runs() {
        // Generous on purpose: the estimate must exceed even a debug build's real time
        // on a loaded machine by a margin, or a long job would look like a dead worker.
        let job = CpuJob::HashChain {
            seed: 3,
            rounds: 2_000_000,
        };
        let t0 = std::time::Instant::now();
        job.run();
        let real_ms = t0.elapsed().as_secs_f64() * 1000.0;
        assert!(job.slow_estimate_ms() >= 50.0, "{}", job.slow_estimate_ms());
        assert!(real_ms < 10.0 * job.slow_estimate_ms(), "ran {real_ms} ms");
    }
}
