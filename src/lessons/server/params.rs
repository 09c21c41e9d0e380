//! The server lesson's parameters: their specs, and [`ServerLoad`], what they say once
//! read.

use crate::engine::server::ServerParams;
use crate::engine::{NumberRange, ParamKind, ParamSpec, ParamValues};
use crate::lessons::{cpu_work, support, Params};

/// The server lesson's parameters, clamped: the server, the load put on it and the
/// length of the live run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServerLoad {
    /// What each request costs and what the server has to serve it with.
    pub server: ServerParams,
    /// The chosen offered load, in requests per second (at least 1).
    pub rate: f64,
    /// The arrival jitter as a fraction (0–1).
    pub jitter: f64,
    /// How long the live run's arrivals last, in seconds.
    pub duration_s: f64,
}

impl Params for ServerLoad {
    fn read(values: &ParamValues) -> Self {
        Self {
            server: ServerParams {
                io_ms: support::read_count(values, &IO) as f64,
                cpu_ms: support::read_count(values, &CPU) as f64,
                threads: support::read_count(values, &THREADS).max(1),
                workers: support::read_count(values, &WORKERS).max(1),
                cores: support::read_count(values, &CORES).max(1),
            },
            rate: support::read_number(values, &RATE).max(1.0),
            jitter: support::read_number(values, &JITTER) / 100.0,
            duration_s: support::read_number(values, &DURATION),
        }
    }
}

/// Offered load.
pub const RATE: ParamSpec = ParamSpec {
    key: "rate",
    label: "Offered load",
    help: "Requests arriving per second at the point shown in the queue view and run live.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 1000.0,
        default: 60.0,
        step: 5.0,
        unit: "req/s",
        whole: true,
    }),
};

/// I/O wait per request (`d`).
pub const IO: ParamSpec = ParamSpec {
    key: "io",
    label: "I/O per request",
    help: "How long each request waits for its database or network call (d).",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 1000.0,
        default: 100.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// CPU time per request (`c`).
pub const CPU: ParamSpec = ParamSpec {
    key: "cpu",
    label: "CPU per request",
    help: "How long each request computes (c); in the live run an estimate for this browser.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 100.0,
        default: 10.0,
        step: 1.0,
        unit: "ms",
        whole: true,
    }),
};

/// Threads of the thread pool (`T`).
pub const THREADS: ParamSpec = ParamSpec {
    key: "threads",
    label: "Threads",
    help: "Worker threads of the synchronous server (T); each is held for a whole request.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 32.0,
        default: 4.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Workers the event loop offloads to (`W`).
pub const WORKERS: ParamSpec = cpu_work::WORKERS
    .with_label("Workers")
    .with_help("Workers the event loop sends its computing to (W).");

/// Cores of the simulated machine.
pub const CORES: ParamSpec = ParamSpec {
    key: "cores",
    label: "Cores",
    help: "At most this many computations run at once, however many threads or workers.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 16.0,
        default: 2.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Random jitter of the arrivals.
pub const JITTER: ParamSpec = ParamSpec {
    key: "jitter",
    label: "Arrival jitter",
    help: "0 spaces the arrivals evenly; 100 moves each by up to half a gap (seeded).",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 100.0,
        default: 0.0,
        step: 10.0,
        unit: "%",
        whole: true,
    }),
};

/// Length of the live run.
pub const DURATION: ParamSpec = ParamSpec {
    key: "duration",
    label: "Live run",
    help: "Arrivals of the live run last this long (at most 40 requests, about 3 s in all).",
    kind: ParamKind::Number(NumberRange {
        min: 0.1,
        max: 3.0,
        default: 0.2,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};
