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
    /// Fault injection for tests: panic inside the job.
    Panic,
}

impl CpuJob {
    /// Runs the job here and now (on whatever thread calls it).
    ///
    /// [`CpuJob::Panic`] panics by design; everything else is clamped to its limits.
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
            CpuJob::Panic => panic!("injected fault: this job panics on purpose"),
        }
    }

    /// Runs the job on the calling thread, refusing the fault-injection job (a panic on
    /// the page's main thread would stop the whole app).
    pub fn run_here(&self) -> Result<CpuOutput, String> {
        match self {
            CpuJob::Panic => Err("a panicking job only runs in a worker".to_string()),
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
            CpuJob::Panic => "a job that panics".into(),
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
}
