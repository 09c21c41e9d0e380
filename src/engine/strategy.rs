use super::{
    batches_ms, cpu_floor_label, cpu_floor_of, drivers, list_schedule_ms, Clock, CriticalPath,
    DependencyError, DependencyGraph, Recorder, RunEvent, RunOptions, RunRecord, Scenario, Stalled,
    VirtualClock,
};

/// How a list of independent I/O tasks is awaited.
///
/// Failing tasks ([`crate::engine::TaskSpec::fails`], timeouts, rejections) are kept in
/// place as error results by every strategy except [`Strategy::GatherPropagate`] and
/// [`Strategy::TaskGroupCancel`], which raise the first error to the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Await each task in turn: `for t in tasks: await t`. Takes Σd.
    Sequential,
    /// Start every task at once and wait for all: `asyncio.gather` / `join_all`. Takes max d.
    Gather,
    /// Every task at once, each result handled as soon as its task is done (a task group
    /// with done-callbacks, or `FuturesUnordered`): results in completion order. Takes max d.
    AsCompleted,
    /// At most `limit` tasks at once (a semaphore, `buffer_unordered(limit)`); the next
    /// task starts when any slot frees; results in input order. Takes ⌈n/k⌉·d for equal
    /// durations (the greedy k-slot schedule in general).
    Semaphore {
        /// Most tasks in flight together (0 counts as 1).
        limit: usize,
    },
    /// Fixed batches of `size` tasks, each gathered; the next batch starts when the whole
    /// batch is done. Takes Σ over batches of max d.
    Batches {
        /// Tasks per batch (0 counts as 1).
        size: usize,
    },
    /// `gather(…, return_exceptions=True)`: every task runs to its end and errors come back
    /// in place among the results.
    GatherReturnExceptions,
    /// `gather(…)` with a failing task: the first error reaches the caller when it happens;
    /// the other tasks keep running to their end, their results lost to the caller.
    GatherPropagate,
    /// `async with TaskGroup()`: the first failure cancels every sibling still running,
    /// at that moment, and the group raises the error.
    TaskGroupCancel,
    /// Each task starts as soon as every task in its `after` list is done; the run takes
    /// the critical path.
    Chained,
}

/// The limit or batch size used when a key gives none.
pub const DEFAULT_LIMIT: usize = 3;

impl Strategy {
    /// Sequential and gather: the pair every comparison starts from (the hero lesson).
    pub const SEQUENTIAL_AND_GATHER: [Strategy; 2] = [Strategy::Sequential, Strategy::Gather];

    /// Every strategy, in display order, the bounded ones with [`DEFAULT_LIMIT`].
    pub const ALL: [Strategy; 9] = [
        Strategy::Sequential,
        Strategy::Gather,
        Strategy::AsCompleted,
        Strategy::Semaphore {
            limit: DEFAULT_LIMIT,
        },
        Strategy::Batches {
            size: DEFAULT_LIMIT,
        },
        Strategy::GatherReturnExceptions,
        Strategy::GatherPropagate,
        Strategy::TaskGroupCancel,
        Strategy::Chained,
    ];

    /// The key used in exports and URLs, without the strategy's parameter.
    pub fn key(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::Gather => "gather",
            Strategy::AsCompleted => "as_completed",
            Strategy::Semaphore { .. } => "semaphore",
            Strategy::Batches { .. } => "batches",
            Strategy::GatherReturnExceptions => "gather_return_exceptions",
            Strategy::GatherPropagate => "gather_propagate",
            Strategy::TaskGroupCancel => "task_group_cancel",
            Strategy::Chained => "chained",
        }
    }

    /// The name shown to visitors, with the limit for bounded strategies
    /// (`Semaphore (k = 3)`, `Batches of 3`).
    pub fn display(self) -> String {
        match self {
            Strategy::Semaphore { limit } => format!("Semaphore (k = {limit})"),
            Strategy::Batches { size } => format!("Batches of {size}"),
            other => other.title().to_string(),
        }
    }

    /// The name shown to visitors.
    pub fn title(self) -> &'static str {
        match self {
            Strategy::Sequential => "Sequential",
            Strategy::Gather => "Gather",
            Strategy::AsCompleted => "As completed",
            Strategy::Semaphore { .. } => "Semaphore",
            Strategy::Batches { .. } => "Batches",
            Strategy::GatherReturnExceptions => "Gather, errors returned",
            Strategy::GatherPropagate => "Gather, first error raised",
            Strategy::TaskGroupCancel => "TaskGroup, cancel on error",
            Strategy::Chained => "Chained",
        }
    }

    /// The key with the parameter, if any: `semaphore(2)`, `batches(5)`, `gather`.
    pub fn spec(self) -> String {
        match self {
            Strategy::Semaphore { limit: k } | Strategy::Batches { size: k } => {
                format!("{}({k})", self.key())
            }
            _ => self.key().to_string(),
        }
    }

    /// Parses a key written by [`Strategy::key`]; the bounded strategies get
    /// [`DEFAULT_LIMIT`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Parses a spec written by [`Strategy::spec`] (or a bare key). The parameter must be a
    /// whole number from 1 to 100,000.
    pub fn from_spec(spec: &str) -> Option<Self> {
        let spec = spec.trim();
        let Some((key, rest)) = spec.split_once('(') else {
            return Self::from_key(spec);
        };
        let k: usize = rest.strip_suffix(')')?.trim().parse().ok()?;
        if !(1..=100_000).contains(&k) {
            return None;
        }
        match Self::from_key(key.trim())? {
            Strategy::Semaphore { .. } => Some(Strategy::Semaphore { limit: k }),
            Strategy::Batches { .. } => Some(Strategy::Batches { size: k }),
            _ => None,
        }
    }

    /// The theoretical makespan of this strategy on `scenario`, with no timeout.
    pub fn bound_ms(self, scenario: &Scenario) -> f64 {
        self.bound_with(scenario, &RunOptions::default())
    }

    /// The theoretical makespan under `options`: each duration capped by the timeout.
    /// Failures, cancellations and rejections are ignored (the bound is the plan, not the
    /// outcome). Semaphore: the greedy list-scheduling makespan on `limit` slots
    /// ([`list_schedule_ms`]), ⌈n/k⌉·d for equal durations. Chained: the critical path
    /// (0 if the dependencies are invalid).
    pub fn bound_with(self, scenario: &Scenario, options: &RunOptions) -> f64 {
        self.waiting_bound_ms(scenario, options)
            .max(cpu_floor_of(scenario, options))
    }

    /// The bound as if every task only waited its duration (no CPU floor).
    fn waiting_bound_ms(self, scenario: &Scenario, options: &RunOptions) -> f64 {
        let durations: Vec<f64> = scenario
            .tasks
            .iter()
            .map(|t| options.effective_ms(t.duration_ms))
            .collect();
        match self {
            Strategy::Sequential => durations.iter().sum(),
            Strategy::Semaphore { limit } => list_schedule_ms(&durations, limit),
            Strategy::Batches { size } => batches_ms(&durations, size),
            Strategy::Chained => CriticalPath::of(scenario, options).map_or(0.0, |c| c.length_ms),
            // The gather family: every task starts at once.
            _ => durations.iter().copied().fold(0.0, f64::max),
        }
    }

    /// How the bound of this strategy on `scenario` under `options` is written: as
    /// [`Strategy::bound_label_for`], or where CPU jobs set it, how they run (`Σc on one
    /// thread`, `jobs on 2 workers`), with the reason first where the run ends elsewhere
    /// ([`super::bound_note`]).
    pub fn bound_label_with(self, scenario: &Scenario, options: &RunOptions) -> String {
        let cpu = cpu_floor_of(scenario, options);
        let waiting = self.waiting_bound_ms(scenario, options);
        let label = if cpu > 0.0 && cpu >= waiting && self != Strategy::Sequential {
            cpu_floor_label(options.workers)
        } else {
            self.bound_label_for(scenario).to_string()
        };
        let bound = waiting.max(cpu);
        super::bound_note(self, scenario, options, bound, &label).unwrap_or(label)
    }

    /// How the bound is written when tasks only wait (`Σd`, `max d`, `⌈n/k⌉·d`, …).
    pub fn bound_label(self) -> &'static str {
        match self {
            Strategy::Sequential => "Σd",
            Strategy::Semaphore { .. } => "⌈n/k⌉·d",
            Strategy::Batches { .. } => "Σ max d per batch",
            Strategy::Chained => "critical path",
            _ => "max d",
        }
    }

    /// The bound's label for this scenario: as [`Strategy::bound_label`], except that a
    /// semaphore over unequal durations is labelled `k-slot schedule` (its bound is then
    /// the greedy schedule, not ⌈n/k⌉·d).
    pub fn bound_label_for(self, scenario: &Scenario) -> &'static str {
        let first = scenario.tasks.first().map(|t| t.duration_ms);
        let equal = scenario.tasks.iter().all(|t| Some(t.duration_ms) == first);
        match self {
            Strategy::Semaphore { .. } if !equal => "k-slot schedule",
            _ => self.bound_label(),
        }
    }

    /// Checks that `scenario` can be run: for [`Strategy::Chained`], that every `after` id
    /// exists and there is no cycle. Every other strategy accepts every scenario.
    pub fn check(self, scenario: &Scenario) -> Result<(), DependencyError> {
        match self {
            Strategy::Chained => DependencyGraph::new(&scenario.tasks).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// The exact record of this strategy on `scenario` on a fresh virtual clock: the
    /// prediction a measured run is compared with.
    pub fn simulate(self, scenario: &Scenario, options: &RunOptions) -> Result<RunRecord, Stalled> {
        let clock = match options.workers {
            Some(n) => VirtualClock::with_workers(n),
            None => VirtualClock::new(),
        };
        clock.run(self.run_with(&clock, scenario, options, &|_| {}))
    }

    /// Runs `scenario` with this strategy on `clock`, reporting each start and end to
    /// `observer`, and returns the record (no capacity limit, no timeout).
    pub async fn run(
        self,
        clock: &dyn Clock,
        scenario: &Scenario,
        observer: &dyn Fn(RunEvent),
    ) -> RunRecord {
        self.run_with(clock, scenario, &RunOptions::default(), observer)
            .await
    }

    /// Runs `scenario` with this strategy on `clock` under `options` (service capacity,
    /// per-task timeout), reporting each start and end to `observer`.
    ///
    /// The clock is a trait object, so the wasm holds one copy of every strategy whatever
    /// clock runs it (virtual time, the page's timers or the worker pool).
    ///
    /// Never fails: a chained scenario whose dependencies are invalid runs no task; every
    /// span is then a zero-length `cancelled` span at 0 and the record's failure carries
    /// the [`DependencyError`] message.
    pub async fn run_with(
        self,
        clock: &dyn Clock,
        scenario: &Scenario,
        options: &RunOptions,
        observer: &dyn Fn(RunEvent),
    ) -> RunRecord {
        let rec = Recorder::with_options(clock, &scenario.tasks, options, observer);
        let tasks = &scenario.tasks;
        let returned = match self {
            Strategy::Sequential => drivers::sequential(&rec, clock, tasks).await,
            Strategy::Gather | Strategy::GatherReturnExceptions => {
                drivers::gather(&rec, clock, tasks).await
            }
            Strategy::AsCompleted => drivers::as_completed(&rec, clock, tasks).await,
            Strategy::Semaphore { limit } => drivers::semaphore(&rec, clock, tasks, limit).await,
            Strategy::Batches { size } => drivers::batches(&rec, clock, tasks, size).await,
            Strategy::GatherPropagate => drivers::first_error(&rec, clock, tasks, false).await,
            Strategy::TaskGroupCancel => drivers::first_error(&rec, clock, tasks, true).await,
            Strategy::Chained => match DependencyGraph::new(tasks) {
                Ok(graph) => drivers::chained(&rec, clock, tasks, &graph).await,
                Err(error) => drivers::refuse(&rec, clock, tasks, error),
            },
        };
        let makespan_ms = rec.elapsed_ms(clock);
        let bound_ms = self.bound_with(scenario, options);
        RunRecord::from_run(
            self,
            rec.into_spans(),
            makespan_ms,
            bound_ms,
            *options,
            returned,
        )
    }
}

#[cfg(test)]
#[path = "tests/strategy.rs"]
mod tests;
