/// How a set of tasks is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Runner {
    /// Every task started at once on one event loop (`asyncio.gather`, `join_all`).
    Async,
    /// Tasks handed to a pool of workers, one task per worker at a time (web workers,
    /// a process pool, a thread pool).
    Pool,
}

impl Runner {
    /// Both runners, in the order the form offers them.
    pub const BOTH: [Runner; 2] = [Runner::Async, Runner::Pool];

    /// A short key for element ids and test hooks (`async`, `pool`).
    pub fn key(self) -> &'static str {
        match self {
            Runner::Async => "async",
            Runner::Pool => "pool",
        }
    }

    /// The name used in sentences (`async`, `the pool`).
    pub fn label(self) -> &'static str {
        match self {
            Runner::Async => "async",
            Runner::Pool => "the pool",
        }
    }

    /// The choice as the form words it.
    pub fn choice(self) -> &'static str {
        match self {
            Runner::Async => "Async (one event loop)",
            Runner::Pool => "Pool (web workers)",
        }
    }

    /// The other runner.
    pub fn other(self) -> Runner {
        match self {
            Runner::Async => Runner::Pool,
            Runner::Pool => Runner::Async,
        }
    }
}
