//! The live run: a few requests served on this page, each encoded as three chained
//! tasks (`arrive i`, `I/O i`, `CPU i`; see the lesson's module comment).

use super::*;

impl ServerLoad {
    /// How many requests the live run serves: the arrivals within the chosen duration,
    /// at most [`LIVE_MAX_REQUESTS`], fewer if the three runs would take longer than
    /// [`LIVE_BUDGET_MS`] together (at least 1).
    pub fn live_requests(&self) -> usize {
        let wanted = (self.rate * self.duration_s).round() as usize;
        let mut n = wanted.clamp(1, LIVE_MAX_REQUESTS);
        while n > 1 {
            let total: f64 = self
                .simulate_all(n)
                .iter()
                .map(ServerRun::makespan_ms)
                .sum();
            if total <= LIVE_BUDGET_MS {
                break;
            }
            n -= 1;
        }
        n
    }
}

/// How many CPU parts of `model` the live run computes at once, and where: `None` on the
/// page's main thread, `Some(k)` on `k` web workers.
pub fn live_workers(model: ServerModel, p: &ServerParams) -> Option<usize> {
    match model {
        ServerModel::EventLoop => None,
        ServerModel::ThreadPool => Some(p.threads.max(1).min(p.cores.max(1))),
        ServerModel::Offloaded => Some(p.workers.max(1).min(p.cores.max(1))),
    }
}

/// The live run's tasks for `model`: `arrive i`, `I/O i`, `CPU i` (ids 3i, 3i+1, 3i+2).
/// For the thread pool, `I/O i` also waits for `CPU i−T`: the thread is free only then.
pub fn live_scenario(model: ServerModel, p: &ServerParams, arrivals_ms: &[f64]) -> Scenario {
    let threads = p.threads.max(1);
    let tasks = arrivals_ms.iter().enumerate().flat_map(|(i, &at)| {
        let (arrive, io, cpu) = (3 * i, 3 * i + 1, 3 * i + 2);
        let mut io_after = vec![arrive];
        if model == ServerModel::ThreadPool && i >= threads {
            io_after.push(3 * (i - threads) + 2);
        }
        let n = i + 1;
        [
            TaskSpec::new(arrive, format!("arrive {n}"), at),
            TaskSpec::new(io, format!("I/O {n}"), p.io()).after(&io_after),
            cpu_task(cpu, n, format!("CPU {n}"), p.cpu()).after(&[io]),
        ]
    });
    Scenario {
        tasks: tasks.collect(),
    }
}

/// The caption of a model's live run (`Thread pool (T = 4)`).
pub(super) fn caption(model: ServerModel, p: &ServerParams) -> String {
    match model {
        ServerModel::ThreadPool => format!("{} (T = {})", model.title(), p.threads.max(1)),
        ServerModel::EventLoop => model.title().to_string(),
        ServerModel::Offloaded => {
            let w = p.workers.max(1);
            format!("Event loop + {w} worker{}", if w == 1 { "" } else { "s" })
        }
    }
}

/// The model a live run record belongs to, read from its caption.
pub(super) fn model_of(record: &RunRecord) -> Option<ServerModel> {
    let title = record.title();
    if title.starts_with(ServerModel::ThreadPool.title()) {
        Some(ServerModel::ThreadPool)
    } else if title.starts_with("Event loop +") {
        Some(ServerModel::Offloaded)
    } else if title.starts_with(ServerModel::EventLoop.title()) {
        Some(ServerModel::EventLoop)
    } else {
        None
    }
}

/// Each request's latency in a live run record: the end of `CPU i` minus the planned
/// arrival of request `i` (the duration of `arrive i`). Unfinished requests are left out.
pub fn live_latencies(record: &RunRecord) -> Vec<f64> {
    record
        .tasks
        .chunks(3)
        .filter(|c| c.len() == 3)
        .map(|c| c[2].end_ms - c[0].requested_ms)
        .filter(|l| l.is_finite())
        .collect()
}
