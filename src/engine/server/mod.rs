//! A simulated server under load, on virtual time: requests arrive at a rate, each needs
//! `d` ms of I/O and `c` ms of CPU, and three ways of serving them are compared.
//!
//! - [`ServerModel::ThreadPool`]: `T` worker threads, each blocked for the whole request
//!   (a synchronous handler); a request waits in a FIFO queue for a free thread, and the
//!   CPU parts of the busy threads share the machine's cores.
//! - [`ServerModel::EventLoop`]: one event loop; I/O waits cost it nothing, only CPU time
//!   occupies it (an `async` handler computing inline).
//! - [`ServerModel::Offloaded`]: the same loop, with each CPU part sent to a pool of `W`
//!   workers (at most `cores` of them compute at once).
//!
//! [`ServerRun::simulate`] is an exact discrete-event simulation (a heap of timed events,
//! no real clock); [`LoadSweep`] runs it across offered loads so the curves are instant.

mod arrivals;
mod load_point;
mod load_sweep;
mod percentiles;
mod queue_point;
mod request_outcome;
mod server_model;
mod server_params;
mod server_run;
mod step;

pub use arrivals::Arrivals;
pub use load_point::LoadPoint;
pub use load_sweep::{LoadSweep, SWEEP_POINTS, SWEEP_REQUESTS};
pub use percentiles::Percentiles;
pub use queue_point::QueuePoint;
pub use request_outcome::RequestOutcome;
pub use server_model::ServerModel;
pub use server_params::ServerParams;
pub use server_run::ServerRun;

#[cfg(test)]
mod tests;
