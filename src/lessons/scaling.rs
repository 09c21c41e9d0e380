//! Scaling: makespan against the number of tasks, 1 to N, for sequential, gather and a
//! semaphore of k — the theory lines and the measured points.

use crate::engine::{
    scaling, ParamError, ParamSpec, ParamValues, RunRecord, ScalingPoint, Scenario, ScenarioParams,
    Strategy,
};

use super::support::{self, in_seconds};
use super::{params, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// Sequential, gather and semaphore(k) over the first 1, 2, …, N tasks.
pub struct ScalingLesson;

/// The largest task count of the sweep (1–30).
pub const MAX_COUNT: ParamSpec = params::COUNT
    .with_label("Up to N tasks")
    .with_default(10.0)
    .with_help("The sweep runs the first 1, 2, …, N tasks with each strategy: 3·N runs at once.")
    .with_range(params::COUNT.number().unwrap().min, 30.0);

/// The semaphore's limit.
pub const LIMIT: ParamSpec = super::flood::LIMIT
    .with_label("Semaphore k")
    .with_help("At most this many tasks in flight in the semaphore runs.");

/// Time scale (default 0.05, so that the whole sweep takes a second or two).
pub const SCALE: ParamSpec = params::SCALE.with_default(0.05);

static PARAMS: [ParamSpec; 6] = [
    MAX_COUNT,
    params::MIN_S,
    params::MAX_S,
    params::SEED,
    LIMIT,
    SCALE,
];

const PYTHON: &str = include_str!("code/scaling.py").trim_ascii_end();

const RUST: &str = include_str!("code/scaling.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "scaling",
    title: "How each strategy scales",
    nav_title: "Scaling",
    summary: "Add tasks one at a time and watch the makespan: sequential grows with every \
              task, gather stays near the longest one, a semaphore climbs in steps.",
    explanation: &[
        "This page runs the first task alone, then the first two, and so on up to N, with \
         each of the three strategies. All those runs start together, so keep the time \
         scale small; each dot is one measured run.",
        "Sequentially, every extra task adds its whole duration, so the line keeps rising: \
         the makespan is the sum of the durations, Σd.",
        "Gathered, an extra task only matters if it is longer than every task so far, so \
         the line soon flattens at max d. This is why concurrency pays off as the number \
         of independent waits grows.",
        "A semaphore of k sits in between. With k tasks or fewer it behaves like gather; \
         beyond that, tasks queue for a free slot and the line climbs by roughly one \
         duration for every k extra tasks (⌈n/k⌉·d when all durations are equal).",
        "The lines are the theory, computed on virtual time; the dots are measured on the \
         browser's real timers, and sit slightly above the lines because timers fire a \
         little late.",
    ],
    params: &PARAMS,
    panels: &[Panel::Insights, Panel::Scaling],
    runs: RunOrder::SideBySide,
};

crate::actions! {
    /// The scaling lesson's button.
    pub enum ScalingAction {
        /// Every strategy on the first 1, 2, …, N tasks.
        Run = ("run", "Run the sweep"),
    }
}

/// The clamped parameters: the random tasks (N of them) and the semaphore's limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sweep {
    /// The random tasks; the sweep runs the first 1, 2, …, `count` of them.
    pub scenario: ScenarioParams,
    /// The semaphore's limit.
    pub limit: usize,
}

impl Params for Sweep {
    fn read(values: &ParamValues) -> Self {
        Self {
            scenario: ScenarioParams {
                // This lesson's own scale (its default is smaller).
                scale: support::read_number(values, &SCALE),
                ..support::scenario_params(values, &MAX_COUNT)
            },
            limit: support::read_count(values, &LIMIT).max(1),
        }
    }
}

impl Sweep {
    /// The three strategies of the sweep, the semaphore with the `k` parameter.
    pub fn strategies(&self) -> [Strategy; 3] {
        [
            Strategy::Sequential,
            Strategy::Gather,
            Strategy::Semaphore { limit: self.limit },
        ]
    }
}

impl Lesson for ScalingLesson {
    type Params = Sweep;
    type Action = ScalingAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, action: ScalingAction, sweep: &Sweep) -> Vec<RunPlan> {
        match action {
            ScalingAction::Run => {
                let all = Scenario::generate(&sweep.scenario).tasks;
                let strategies = sweep.strategies();
                (1..=all.len())
                    .flat_map(|count| {
                        let scenario = Scenario {
                            tasks: all[..count].to_vec(),
                        };
                        strategies.map(|s| RunPlan::new(s, scenario.clone()))
                    })
                    .collect()
            }
        }
    }

    fn code(&self, sweep: &Sweep) -> Vec<CodeSample> {
        let scale = sweep.scenario.scale;
        let sample = CodeSample::new("Timing the sweep yourself", PYTHON, RUST)
            .with("k", sweep.limit)
            .with("scale_f64", format!("{scale:?}"))
            .with("scale", support::param_text(scale));
        vec![sample.with_scenario(&sweep.scenario)]
    }

    fn scaling(&self, sweep: &Sweep) -> Vec<ScalingPoint> {
        let durations: Vec<f64> = Scenario::generate(&sweep.scenario)
            .tasks
            .iter()
            .map(|t| t.duration_ms)
            .collect();
        scaling(&durations, durations.len(), sweep.limit)
    }

    fn insights(&self, runs: &[RunRecord], sweep: &Sweep) -> Vec<Insight> {
        let points = self.scaling(sweep);
        let Some(last) = points.last() else {
            return Vec::new();
        };
        let theory = [
            last.sequential_bound_ms,
            last.gather_bound_ms,
            last.semaphore_bound_ms,
        ];
        let mut out = Vec::new();
        for (strategy, bound) in sweep.strategies().into_iter().zip(theory) {
            let key = strategy.key();
            let title = format!("{} at N = {}", strategy.title(), last.n);
            out.push(Insight::new(
                format!("theory-{key}"),
                format!("{title}, theory"),
                in_seconds(bound),
            ));
            let measured = runs
                .iter()
                .find(|r| r.strategy == key && r.tasks.len() == last.n);
            if let Some(run) = measured {
                out.push(Insight::new(
                    format!("measured-{key}"),
                    format!("{title}, measured"),
                    in_seconds(run.makespan_ms),
                ));
            }
        }
        if last.gather_bound_ms > 0.0 {
            out.push(Insight::new(
                "speedup",
                format!("Gather vs sequential at N = {}", last.n),
                format!(
                    "{:.1}× faster",
                    last.sequential_bound_ms / last.gather_bound_ms
                ),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/scaling.rs"]
mod tests;
