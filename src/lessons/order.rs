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
mod tests {
    use super::*;

    use crate::lessons::support::testing::{insight, predicted, values_with};
    use crate::lessons::Params;

    fn with(pairs: &[(&str, f64)]) -> ScenarioParams {
        ScenarioParams::read(&values_with(INFO.params, pairs))
    }

    /// Read from no values at all.
    fn nothing() -> ScenarioParams {
        ScenarioParams::read(&ParamValues::default())
    }

    #[test]
    fn both_runs_use_the_same_tasks_gather_first() {
        let plans = OrderLesson.plan(OrderAction::Both, &with(&[]));
        let keys: Vec<&str> = plans.iter().map(|p| p.strategy.key()).collect();
        assert_eq!(keys, vec!["gather", "as_completed"]);
        assert_eq!(plans[0].scenario, plans[1].scenario);
        assert_eq!(OrderLesson.plan(OrderAction::Gather, &nothing()).len(), 1);
    }

    #[test]
    fn the_callback_order_is_the_tasks_sorted_by_end_time() {
        let values = with(&[("n", 8.0), ("seed", 7.0)]);
        let runs = predicted(&OrderLesson.plan(OrderAction::Callbacks, &values));
        let run = &runs[0];
        let mut by_end: Vec<(f64, usize)> = run.tasks.iter().map(|t| (t.end_ms, t.id)).collect();
        by_end.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let expected: Vec<usize> = by_end.into_iter().map(|(_, id)| id).collect();
        assert_eq!(returned_ids(run), expected);
    }

    #[test]
    fn three_tasks_of_3_1_and_2_seconds_read_as_gather_1_2_3_and_callbacks_2_3_1() {
        // Equal min and max would give equal durations; build the runs by hand instead.
        let scenario = crate::engine::Scenario::from_durations(&[3000.0, 1000.0, 2000.0]);
        let runs: Vec<RunRecord> = STRATEGIES
            .iter()
            .filter_map(|&s| RunPlan::new(s, scenario.clone()).predict())
            .collect();
        let all = OrderLesson.insights(&runs, &nothing());
        assert_eq!(insight(&all, "gather-order"), "1, 2, 3");
        assert_eq!(insight(&all, "completion-order"), "2, 3, 1");
        assert_eq!(
            insight(&all, "bound-labels"),
            "task 2 · banana, task 3 · cherry, task 1 · apple"
        );
        // Task 2 is the only even-numbered one: at the 3 s makespan after gather, at its
        // own end (1 s) in the callbacks.
        assert_eq!(insight(&all, "even-gather"), "task 2 at 3.00 s");
        assert_eq!(insight(&all, "even-callbacks"), "task 2 at 1.00 s");
    }

    #[test]
    fn after_gather_every_kept_result_arrives_at_the_makespan() {
        let values = with(&[("n", 6.0)]);
        let runs = predicted(&OrderLesson.plan(OrderAction::Both, &values));
        let all = OrderLesson.insights(&runs, &values);
        let at = format!("at {}", in_seconds(runs[0].makespan_ms));
        let gathered = insight(&all, "even-gather");
        assert_eq!(gathered.matches(&at).count(), 3, "{gathered}");
        assert!(gathered.starts_with("task 2 at"));
    }

    #[test]
    fn a_single_task_keeps_nothing_and_says_so() {
        let values = with(&[("n", 1.0)]);
        let runs = predicted(&OrderLesson.plan(OrderAction::Both, &values));
        let all = OrderLesson.insights(&runs, &values);
        assert!(insight(&all, "even-callbacks").starts_with("none"));
    }

    #[test]
    fn fruits_are_bound_by_task_id_and_wrap_around() {
        assert_eq!(fruit(0), "apple");
        assert_eq!(fruit(9), "banana");
        assert!(!is_kept(0) && is_kept(1) && is_kept(3));
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let code = OrderLesson.code(&with(&[("n", 7.0), ("seed", 42.0), ("min", 0.5)]));
        assert!(code[0].python.contains("range(7)"));
        assert!(code[0].python.contains("random.Random(42)"));
        assert!(code[0].python.contains("uniform(0.5, 5)"));
        assert!(code[0].rust.contains("rng.u64(500..=5000)"));
    }
}
