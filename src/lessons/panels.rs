/// Which views a lesson page shows besides its controls, explanation and code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    /// One live timeline per run.
    pub timelines: bool,
    /// Makespan bars, measured vs theoretical bound.
    pub makespan: bool,
    /// The results each run returned, in the order it returned them.
    pub results: bool,
    /// Tasks in flight over time, one small chart per run.
    pub concurrency: bool,
    /// The dependency graph of the tasks (from each task's `after`).
    pub graph: bool,
    /// The step-by-step event-loop view of [`super::Lesson::trace`].
    pub stepper: bool,
    /// Makespan against the number of tasks, from [`super::Lesson::scaling`] and the runs.
    pub scaling: bool,
    /// The event-loop lag meter and heartbeat, live while runs go.
    pub lag: bool,
    /// The Mandelbrot picture drawn tile by tile, tinted by the worker of each tile.
    pub mandelbrot: bool,
    /// The live-search box with its three result panes and query timeline.
    pub search: bool,
    /// The server-under-load views: latency and throughput against offered load, and the
    /// queue over time at the chosen load (the `server` lesson).
    pub server: bool,
    /// Run an action's plans one after another instead of side by side (CPU timings
    /// would disturb each other).
    pub one_at_a_time: bool,
    /// The exercise: classify tasks, choose a runner, run both runners and score.
    pub exercise: bool,
}

impl Panels {
    /// Timelines, makespans and results: what most lessons show.
    pub const STANDARD: Panels = Panels {
        timelines: true,
        makespan: true,
        results: true,
        concurrency: false,
        graph: false,
        stepper: false,
        scaling: false,
        lag: false,
        mandelbrot: false,
        search: false,
        server: false,
        one_at_a_time: false,
        exercise: false,
    };
}
