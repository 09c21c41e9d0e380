//! Order of results: gather hands results back in input order, all at the end; done-callbacks
//! (or `FuturesUnordered`) hand each one over the moment its task finishes.

use crate::engine::{
    ParamError, ParamValues, RunOptions, RunRecord, Scenario, ScenarioParams, Strategy,
};

use super::support::{self, in_seconds};
use super::{params, CodeSample, Insight, Lesson, LessonInfo, Panel, RunOrder, RunPlan};

/// Gather vs a task group with done-callbacks, on the same random tasks.
pub struct OrderLesson;

/// The value bound to each task: task `id` (from 0) gets `FRUITS[id % FRUITS.len()]`,
/// exactly as in the code panes.
pub const FRUITS: [&str; 8] = [
    "apple",
    "banana",
    "cherry",
    "damson",
    "elderberry",
    "fig",
    "grape",
    "kiwi",
];

const STRATEGIES: [Strategy; 2] = [Strategy::Gather, Strategy::AsCompleted];

crate::actions! {
    /// The order lesson's buttons.
    pub enum OrderAction {
        /// Gather, then the done-callbacks, side by side on the same tasks.
        Both = ("both", "Run both"),
        /// Gather only.
        Gather = ("gather", "Run gather"),
        /// The task group with done-callbacks only.
        Callbacks = ("as_completed", "Run with callbacks"),
    }
}

const PYTHON: &str = include_str!("code/order.py").trim_ascii_end();

const RUST: &str = include_str!("code/order.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "order",
    title: "In which order do results arrive?",
    nav_title: "Order of results",
    summary: "Gather returns every result at once, in the order the tasks were given; \
              done-callbacks see each result the moment its task finishes.",
    explanation: &[
        "Both runs start every task at the same moment and take as long as the slowest \
         one. What differs is when, and in which order, your code gets to see the results.",
        "Gather waits until the last task is done and then returns one list, in the order \
         the tasks were passed in. A short task that finished early sits in that list doing \
         nothing until the slowest one is over.",
        "A task group with a done-callback on each task calls your function as soon as that \
         task finishes, so results are handled in completion order: shortest first. In Rust, \
         FuturesUnordered gives the same order by yielding each output as it becomes ready.",
        "Each callback often needs a value of its own, such as a name chosen in the loop that \
         created the task. In Python a lambda reads its variables when it runs, not when it \
         is made, so the value is bound with a default argument (fruit=fruit). In Rust an \
         `async move` block or a `move` closure takes its own copy.",
        "Here only the even-numbered tasks are kept (task 2, task 4, …, counting from 1). \
         After gather they all become available together at the end of the run; in the \
         callbacks each one is ready at its own finishing time, shown below.",
    ],
    params: &params::SCENARIO,
    panels: &[
        Panel::TIMELINES,
        Panel::Handover,
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::SideBySide,
};

/// The fruit bound to task `id` (from 0).
pub fn fruit(id: usize) -> &'static str {
    FRUITS[id % FRUITS.len()]
}

/// Whether task `id` (from 0) is one of the kept tasks: task 2, 4, 6, … counting from 1.
pub fn is_kept(id: usize) -> bool {
    (id + 1).is_multiple_of(2)
}

/// Task ids in the order the run handed their results back (read from its results).
fn returned_ids(run: &RunRecord) -> Vec<usize> {
    run.results
        .iter()
        .filter_map(|text| run.tasks.iter().find(|t| &t.result == text))
        .map(|t| t.id)
        .collect()
}

/// `1, 2, 3` (task numbers counting from 1).
fn numbers(ids: &[usize]) -> String {
    let parts: Vec<String> = ids.iter().map(|id| (id + 1).to_string()).collect();
    parts.join(", ")
}

/// `task 2 at 1.20 s, …` for the kept ids among `ids`, each at `time(id)`; `none` when no
/// task is kept (a single task).
fn kept_at(run: &RunRecord, ids: &[usize], time: impl Fn(usize) -> f64) -> String {
    let parts: Vec<String> = ids
        .iter()
        .filter(|&&id| is_kept(id))
        .filter_map(|&id| run.tasks.iter().find(|t| t.id == id))
        .map(|t| format!("{} at {}", t.label, in_seconds(time(t.id))))
        .collect();
    if parts.is_empty() {
        "none (there is no task 2)".to_string()
    } else {
        parts.join(", ")
    }
}

/// What each run's timeline is called: when and in which order the caller gets results.
pub fn caption(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::AsCompleted => "Done-callbacks: each result as its task ends",
        _ => "Gather: every result at the end, in input order",
    }
}

impl Lesson for OrderLesson {
    type Params = ScenarioParams;
    type Action = OrderAction;
    const INFO: &'static LessonInfo = &INFO;

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, action: OrderAction, params: &ScenarioParams) -> Vec<RunPlan> {
        let strategies: &[Strategy] = match action {
            OrderAction::Both => &STRATEGIES,
            OrderAction::Gather => &[Strategy::Gather],
            OrderAction::Callbacks => &[Strategy::AsCompleted],
        };
        let scenario = Scenario::generate(params);
        support::plans_for(strategies.iter().copied(), &scenario, RunOptions::default())
            .into_iter()
            .map(|plan| {
                let caption = caption(plan.strategy);
                plan.with_caption(caption)
            })
            .collect()
    }

    fn code(&self, params: &ScenarioParams) -> Vec<CodeSample> {
        let sample = CodeSample::new(
            "Gather vs done-callbacks, keeping the even-numbered tasks",
            PYTHON,
            RUST,
        );
        vec![sample.with_scenario(params)]
    }

    fn insights(&self, runs: &[RunRecord], _params: &ScenarioParams) -> Vec<Insight> {
        let mut out = Vec::new();
        let gather = support::run_of(runs, Strategy::Gather.key());
        let callbacks = support::run_of(runs, Strategy::AsCompleted.key());
        if let Some(run) = gather {
            out.push(Insight::new(
                "gather-order",
                "Order gather returned",
                numbers(&returned_ids(run)),
            ));
        }
        let completion = callbacks
            .map(returned_ids)
            .or_else(|| gather.map(RunRecord::completion_order));
        if let Some(ids) = completion {
            out.push(Insight::new(
                "completion-order",
                "Order the tasks finished in",
                numbers(&ids),
            ));
        }
        if let Some(run) = callbacks {
            let bound: Vec<String> = returned_ids(run)
                .into_iter()
                .filter_map(|id| run.tasks.iter().find(|t| t.id == id))
                .map(|t| format!("{} · {}", t.label, fruit(t.id)))
                .collect();
            out.push(Insight::new(
                "bound-labels",
                "Bound values, in callback order",
                bound.join(", "),
            ));
        }
        if let Some(run) = gather {
            let ids: Vec<usize> = run.tasks.iter().map(|t| t.id).collect();
            out.push(Insight::new(
                "even-gather",
                "Even-numbered results after gather",
                kept_at(run, &ids, |_| run.makespan_ms),
            ));
        }
        if let Some(run) = callbacks {
            let end = |id: usize| {
                run.tasks
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(f64::NAN, |t| t.end_ms)
            };
            out.push(Insight::new(
                "even-callbacks",
                "Even-numbered results in the callbacks",
                kept_at(run, &returned_ids(run), end),
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/order.rs"]
mod tests;
