use super::{Percentiles, ServerModel};

/// One model at one offered load: the summary of a simulated run.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LoadPoint {
    /// The model simulated.
    pub model: ServerModel,
    /// Offered load, in requests per second.
    pub rate_per_s: f64,
    /// Latency percentiles, in milliseconds.
    pub latency: Percentiles,
    /// Completed requests per second (see [`super::ServerRun::throughput_per_s`]).
    pub throughput_per_s: f64,
    /// The most requests waiting at once.
    pub peak_waiting: usize,
}
