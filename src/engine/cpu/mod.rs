//! CPU-bound jobs: pure computations that the worker pool (or, to show the blocked
//! event loop, the main thread) runs. Job and reply types are plain serde types shared
//! by the app and the worker binary.

mod cpu_job;
mod cpu_output;
mod hash_chain;
mod job_reply;
mod job_request;
mod mandelbrot;
mod primes;
mod tile;

pub use cpu_job::CpuJob;
pub use cpu_output::CpuOutput;
pub use hash_chain::hash_chain;
pub use job_reply::JobReply;
pub use job_request::JobRequest;
pub use mandelbrot::{mandelbrot_tile, tiles_for};
pub use primes::count_primes_below;
pub use tile::Tile;
