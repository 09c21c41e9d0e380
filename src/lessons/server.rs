//! A server under load: a pool of threads blocked on I/O, an event loop, and an event
//! loop that offloads its computing. The curves come from the engine's server simulation
//! (virtual time, instant); the live run serves a few requests on this page's own loop.
//!
//! The live run encodes each request `i` as three chained tasks: `arrive i` (a timer until
//! the request's arrival), `I/O i` (a wait of `d` after it) and `CPU i` (a computation of
//! `c` after that). The event loop computes on the page's main thread; the offloaded loop
//! sends the computations to `min(W, cores)` web workers; the thread pool starts the I/O
//! of request `i` only after request `i − T` is answered (each of the `T` threads takes
//! every T-th request) and computes on `min(T, cores)` workers.

use crate::engine::server::{
    Arrivals, LoadSweep, ServerModel, ServerParams, ServerRun, SWEEP_REQUESTS,
};
use crate::engine::{ParamError, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec};

use super::cpu_work::{self, cpu_task};
use super::support::param_text;
use super::{CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

mod live_run;
mod params;

use live_run::{caption, model_of};
pub use live_run::{live_latencies, live_scenario, live_workers};
pub use params::{ServerLoad, CORES, CPU, DURATION, IO, JITTER, RATE, THREADS, WORKERS};

/// Thread pool vs event loop vs event loop with workers, under a rising load.
pub struct ServerLesson;

static PARAMS: [ParamSpec; 8] = [RATE, IO, CPU, THREADS, WORKERS, CORES, JITTER, DURATION];

/// Most requests in the live run.
pub const LIVE_MAX_REQUESTS: usize = 40;

/// The live runs of the three models together should end within this many milliseconds.
pub const LIVE_BUDGET_MS: f64 = 3000.0;

/// Seed of the jittered arrivals.
const SEED: u64 = 1;

const PYTHON: &str = include_str!("code/server.py").trim_ascii_end();

const RUST: &str = include_str!("code/server.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "server",
    title: "A server under load: threads or an event loop",
    nav_title: "Server under load",
    summary: "Requests that wait for I/O and then compute, served by a fixed pool of threads, \
              by one event loop, and by an event loop with workers, as the load rises.",
    explanation: &[
        "Each request waits d ms for I/O (a database call, say) and then computes for c ms. \
         A synchronous server gives every request one of its T threads for the whole time, \
         waiting included, so it answers at most T·1000/(d+c) requests per second: with \
         long waits, the threads are all asleep while new requests queue up.",
        "An event loop does not hold anything while a request waits, so waiting is free: \
         only the computing occupies the loop, one request at a time, and it saturates at \
         1000/c requests per second. With no computing at all it never queues, whatever \
         the rate. Sending the computing to W workers raises that to W·1000/c, but never \
         beyond what the cores can run at once.",
        "Below its capacity a model answers every request in about d + c ms. Past it, the \
         queue grows by the arrivals minus the capacity every second, and the latency \
         grows with it: that bend is the knee of each curve. The curves are simulated \
         exactly on virtual time (1,000 requests per load; accepting a request is counted \
         as free), so they appear at once.",
        "The live run serves a few requests on this page: the waits are real timers, the \
         computing is real work on the main thread or on web workers, and the thread pool \
         is imitated by letting each of its T threads take every T-th request. The faint \
         bars under the measured ones are the same run on virtual time.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::PoolStatus,
        Panel::Server,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The server lesson's buttons.
    pub enum ServerAction {
        /// The three models, one after another.
        All = ("all", "Run all three"),
        /// The thread pool only.
        Threads = ("threads", "Run the thread pool"),
        /// The event loop only.
        Loop = ("loop", "Run the event loop"),
        /// The event loop with workers only.
        Offload = ("offload", "Run the loop + workers"),
    }
}

impl ServerLoad {
    /// The load sweep behind the curves.
    pub fn sweep(&self) -> LoadSweep {
        LoadSweep::run(&self.server, self.jitter, SEED)
    }

    /// The three models at the chosen load, [`SWEEP_REQUESTS`] requests each: the queue
    /// view.
    pub fn at_chosen_rate(&self) -> Vec<ServerRun> {
        self.simulate_all(SWEEP_REQUESTS)
    }

    /// The arrival times of `count` requests at the chosen load and jitter.
    fn arrivals(&self, count: usize) -> Vec<f64> {
        Arrivals {
            jitter: self.jitter,
            seed: SEED,
            ..Arrivals::evenly(self.rate, count)
        }
        .times_ms()
    }

    /// The three models serving `count` requests, simulated on virtual time.
    fn simulate_all(&self, count: usize) -> Vec<ServerRun> {
        let times = self.arrivals(count);
        ServerModel::ALL
            .iter()
            .map(|&m| ServerRun::simulate(m, &self.server, &times))
            .collect()
    }
}

/// Requests per second written for people (`36.4 req/s`, `unlimited`).
pub fn per_second(rate: f64) -> String {
    if rate.is_infinite() {
        "unlimited".to_string()
    } else if rate >= 100.0 {
        format!("{rate:.0} req/s")
    } else {
        format!("{rate:.1} req/s")
    }
}

/// How each model's capacity is worked out (for the panel and insights).
pub fn capacity_formula(model: ServerModel) -> &'static str {
    match model {
        ServerModel::ThreadPool => "min(T·1000/(d+c), cores·1000/c)",
        ServerModel::EventLoop => "1000/c",
        ServerModel::Offloaded => "min(W, cores)·1000/c",
    }
}

impl Lesson for ServerLesson {
    type Params = ServerLoad;
    type Action = ServerAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        let p = ServerLoad::read(values).server;
        if p.io() + p.cpu() > 0.0 {
            Vec::new()
        } else {
            vec![ParamError::new(
                CPU.key,
                "A request must take some time: give it some I/O or some CPU.",
            )]
        }
    }

    fn plan(&self, action: ServerAction, load: &ServerLoad) -> Vec<RunPlan> {
        let models: &[ServerModel] = match action {
            ServerAction::All => &ServerModel::ALL,
            ServerAction::Threads => &[ServerModel::ThreadPool],
            ServerAction::Loop => &[ServerModel::EventLoop],
            ServerAction::Offload => &[ServerModel::Offloaded],
        };
        let p = &load.server;
        let times = load.arrivals(load.live_requests());
        models
            .iter()
            .map(|&m| {
                RunPlan::new(Strategy::Chained, live_scenario(m, p, &times))
                    .with_options(cpu_work::on(live_workers(m, p)))
                    .with_caption(caption(m, p))
            })
            .collect()
    }

    fn code(&self, load: &ServerLoad) -> Vec<CodeSample> {
        let p = load.server;
        let sample = CodeSample::new(
            "A sync handler on a thread pool, an async handler, and one that offloads",
            PYTHON,
            RUST,
        );
        vec![sample
            .with("io_s", cpu_work::code_seconds(p.io()))
            .with("cpu_s", cpu_work::code_seconds(p.cpu()))
            .with("io", param_text(p.io()))
            .with("cpu", param_text(p.cpu()))
            .with("threads", p.threads)
            .with("workers", p.workers)
            .with("n", load.live_requests())
            .with("rate", param_text(load.rate.round()))]
    }

    fn insights(&self, runs: &[RunRecord], load: &ServerLoad) -> Vec<Insight> {
        let p = load.server;
        let sweep = load.sweep();
        let mut out = Vec::new();
        for run in runs {
            let Some(model) = model_of(run) else { continue };
            let key = model.key();
            let latency = crate::engine::server::Percentiles::of(&live_latencies(run));
            out.push(Insight::new(
                format!("latency-{key}"),
                format!("{}: measured latency p50 / p95 / p99", run.title()),
                format!(
                    "{} / {} / {}",
                    cpu_work::in_millis(latency.p50),
                    cpu_work::in_millis(latency.p95),
                    cpu_work::in_millis(latency.p99)
                ),
            ));
            out.push(Insight::new(
                format!("capacity-{key}"),
                format!("{}: capacity, {}", model.title(), capacity_formula(model)),
                per_second(p.capacity_per_s(model)),
            ));
            let knee = sweep
                .knee_per_s(model)
                .map_or_else(|| "none in the sweep".to_string(), per_second);
            out.push(Insight::new(
                format!("knee-{key}"),
                format!("{}: latency bends (p99 doubles) at", model.title()),
                knee,
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/server.rs"]
mod tests;
