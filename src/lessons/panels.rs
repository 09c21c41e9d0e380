//! What a lesson page shows besides its controls, explanation and code: a list of
//! [`Panel`]s, drawn in the list's order, and how an action's runs are started.

/// One view of a lesson page. The page draws a lesson's panels in the order listed, each
/// in one arm of one `match` (`components::panel_view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The exercise: classify tasks, choose a runner, run both runners and score (drawn
    /// with the controls).
    Exercise,
    /// The event-loop lag meter and heartbeat, live while runs go.
    Lag,
    /// The Mandelbrot picture drawn tile by tile, tinted by the worker of each tile.
    Mandelbrot,
    /// The live-search box with its three result panes and query timeline.
    Search,
    /// The worker pool's size, load time, queue and replaced workers (once it is used).
    PoolStatus,
    /// The step-by-step event-loop view of [`super::AnyLesson::trace`].
    Stepper,
    /// The server-under-load views: latency and throughput against offered load, and the
    /// queue over time at the chosen load.
    Server,
    /// One live timeline per run, each with the extras listed beside it.
    Timelines(&'static [TimelineExtra]),
    /// Makespan bars, measured vs theoretical bound (after a run).
    Makespan,
    /// When the caller got each result, per run (from [`super::handover::handovers`]): the
    /// prediction of the lesson's first action before a run, the runs after.
    Handover,
    /// The timing lesson's table: each row run sync, async and on a pool, every cell's
    /// measured time beside its prediction (predictions alone before a run).
    TimingTable,
    /// The lesson's reading of the finished runs (after a run).
    Insights,
    /// What each strategy did with failing tasks, as one table (strategy × outcome, from
    /// [`super::outcomes::outcome_rows`], after a run).
    Outcomes,
    /// Makespan against the number of tasks, from [`super::AnyLesson::scaling`] and the
    /// runs (after a run).
    Scaling,
    /// The results each run returned, in the order it returned them (after a run).
    Results,
}

/// A small view drawn under each run's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineExtra {
    /// Tasks in flight over time.
    Concurrency,
    /// The dependency graph of the tasks (from each task's `after`), when some task waits
    /// for another.
    Graph,
}

impl Panel {
    /// Live timelines with nothing under them.
    pub const TIMELINES: Panel = Panel::Timelines(&[]);

    /// Whether the panel sits with the controls rather than with the charts.
    pub fn with_controls(self) -> bool {
        matches!(self, Panel::Exercise)
    }
}

/// Timelines, makespans, the lesson's reading and results: what most lessons show.
pub const STANDARD: &[Panel] = &[
    Panel::TIMELINES,
    Panel::Makespan,
    Panel::Insights,
    Panel::Results,
];

/// How the runs of one action start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOrder {
    /// All together, side by side on the same event loop.
    SideBySide,
    /// One after another (CPU timings would disturb each other).
    OneAtATime,
}
