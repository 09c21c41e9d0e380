use super::{Arrivals, LoadPoint, ServerModel, ServerParams, ServerRun};

/// Offered loads in a sweep.
pub const SWEEP_POINTS: usize = 10;

/// Requests sent at each offered load of a sweep.
pub const SWEEP_REQUESTS: usize = 1000;

/// The three models across offered loads, from well below the smallest capacity to well
/// beyond the largest: the curves of latency and throughput against load.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LoadSweep {
    /// The offered loads, in requests per second, increasing.
    pub rates_per_s: Vec<f64>,
    /// One point per model and rate: for each rate, the models in [`ServerModel::ALL`]
    /// order.
    pub points: Vec<LoadPoint>,
}

impl LoadSweep {
    /// [`SWEEP_POINTS`] rates spaced evenly on a log scale from a quarter of the smallest
    /// finite capacity to twice the largest (one decade either side of 10/s if no model
    /// is limited at all).
    pub fn rates(params: &ServerParams) -> Vec<f64> {
        let caps: Vec<f64> = ServerModel::ALL
            .iter()
            .map(|&m| params.capacity_per_s(m))
            .filter(|c| c.is_finite() && *c > 0.0)
            .collect();
        let (lo, hi) = match (
            caps.iter().copied().reduce(f64::min),
            caps.iter().copied().reduce(f64::max),
        ) {
            (Some(lo), Some(hi)) => (lo / 4.0, hi * 2.0),
            _ => (1.0, 100.0),
        };
        let steps = (SWEEP_POINTS - 1) as f64;
        (0..SWEEP_POINTS)
            .map(|k| lo * (hi / lo).powf(k as f64 / steps))
            .collect()
    }

    /// Simulates [`SWEEP_REQUESTS`] requests of every model at every rate of
    /// [`LoadSweep::rates`], with arrivals jittered by `jitter` (see [`Arrivals`]).
    pub fn run(params: &ServerParams, jitter: f64, seed: u64) -> Self {
        let rates_per_s = Self::rates(params);
        let mut points = Vec::with_capacity(rates_per_s.len() * 3);
        for &rate in &rates_per_s {
            let arrivals = Arrivals {
                jitter,
                seed,
                ..Arrivals::evenly(rate, SWEEP_REQUESTS)
            }
            .times_ms();
            for model in ServerModel::ALL {
                let run = ServerRun::simulate(model, params, &arrivals);
                points.push(LoadPoint {
                    model,
                    rate_per_s: rate,
                    latency: run.percentiles(),
                    throughput_per_s: run.throughput_per_s(),
                    peak_waiting: run.peak_waiting(),
                });
            }
        }
        Self {
            rates_per_s,
            points,
        }
    }

    /// The points of one model, in increasing rate.
    pub fn of(&self, model: ServerModel) -> Vec<LoadPoint> {
        self.points
            .iter()
            .filter(|p| p.model == model)
            .copied()
            .collect()
    }

    /// The knee of `model`'s curve: the first rate whose p99 latency is more than twice
    /// the p99 of the lightest load, if any.
    pub fn knee_per_s(&self, model: ServerModel) -> Option<f64> {
        let points = self.of(model);
        let base = points.first()?.latency.p99;
        points
            .iter()
            .find(|p| p.latency.p99 > 2.0 * base)
            .map(|p| p.rate_per_s)
    }
}
