//! Chaining: a call that needs another call's answer must wait for it; calls that do not,
//! need not. The run takes the critical path.

use crate::engine::{
    CriticalPath, ParamKind, ParamSpec, ParamValues, RunOptions, RunRecord, Scenario, Strategy,
    TaskSpec,
};

use super::support::{self, secs};
use super::{
    params, ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, Panel, RunOrder, RunPlan,
    TimelineExtra,
};

/// Fetch a user then their orders, vs both at once, each followed by a combine step.
pub struct ChainLesson;

/// How long fetching the user takes, in seconds.
pub const USER: ParamSpec = ParamSpec {
    key: "user",
    label: "Fetch the user",
    help: "The call that returns the user record.",
    ..super::flood::DURATION
};

/// How long fetching the orders takes, in seconds.
pub const ORDERS: ParamSpec = ParamSpec {
    key: "orders",
    label: "Fetch the orders",
    default: 1.5,
    help: "The call that returns the user's orders; it needs the user's id.",
    ..USER
};

/// How long combining the two answers takes, in seconds.
pub const COMBINE: ParamSpec = ParamSpec {
    key: "combine",
    label: "Combine",
    unit: "s",
    kind: ParamKind::Decimal,
    min: 0.0,
    max: 5.0,
    default: 0.2,
    step: 0.1,
    help: "A short step that needs both answers (0 for none).",
};

/// Time scale (default 0.5: the chained run takes about 1.4 s).
pub const SCALE: ParamSpec = ParamSpec {
    default: 0.5,
    ..params::SCALE
};

static PARAMS: [ParamSpec; 4] = [USER, ORDERS, COMBINE, SCALE];

/// Label of the orders call that needs the user first.
pub const ORDERS_AFTER_USER: &str = "fetch orders";
/// Label of the orders call made with an id known in advance.
pub const ORDERS_BY_ID: &str = "fetch orders by id";

const PYTHON: &str = include_str!("code/chain.py").trim_ascii_end();

const RUST: &str = include_str!("code/chain.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "chain",
    title: "Chaining calls that depend on each other",
    nav_title: "Chaining",
    summary: "When one call needs another's answer it must wait for it; when it does not, \
              both can run at once. The run lasts as long as its critical path.",
    explanation: &[
        "Some calls need the answer of another call. If all you have is the user's email, \
         you must fetch the user first to learn their id, and only then ask for their \
         orders. Awaiting one after the other is then not a mistake: it is the only order \
         that works.",
        "If the id is already known, nothing makes the orders wait for the user. Both \
         calls can start together with gather, and the combine step begins as soon as the \
         slower of the two is back.",
        "The dependency graph shows which task waits for which. The longest chain of tasks \
         that must run one after another is the critical path, and no amount of \
         concurrency makes a run shorter than it.",
        "One after the other, the path is user, then orders, then combine. Side by side, \
         it is the slower lookup followed by combine, so the run saves the time of the \
         faster lookup.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Timelines(&[TimelineExtra::Graph]),
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::SideBySide,
};

/// The three tasks, with the orders waiting for the user (`dependent`) or not.
pub fn scenario(values: &ParamValues, dependent: bool) -> Scenario {
    let scale = support::decimal(values, &SCALE);
    let ms = |spec: &ParamSpec| support::scaled_ms(support::decimal(values, spec), scale);
    let orders = if dependent {
        TaskSpec::new(1, ORDERS_AFTER_USER, ms(&ORDERS)).after(&[0])
    } else {
        TaskSpec::new(1, ORDERS_BY_ID, ms(&ORDERS))
    };
    Scenario {
        tasks: vec![
            TaskSpec::new(0, "fetch user", ms(&USER)),
            orders,
            TaskSpec::new(2, "combine", ms(&COMBINE)).after(&[0, 1]),
        ],
    }
}

/// The critical path of a scenario (empty and 0 if it were ever invalid).
fn path(scenario: &Scenario) -> CriticalPath {
    CriticalPath::of(scenario, &RunOptions::default()).unwrap_or(CriticalPath {
        length_ms: 0.0,
        tasks: Vec::new(),
    })
}

/// `fetch user → fetch orders → combine`.
fn path_labels(scenario: &Scenario, path: &CriticalPath) -> String {
    let labels: Vec<&str> = path
        .tasks
        .iter()
        .filter_map(|&id| scenario.tasks.iter().find(|t| t.id == id))
        .map(|t| t.label.as_str())
        .collect();
    labels.join(" → ")
}

/// Whether a finished run is the dependent version (read from its orders task's label).
fn is_dependent(run: &RunRecord) -> bool {
    run.tasks.iter().any(|t| t.label == ORDERS_AFTER_USER)
}

impl AnyLesson for ChainLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![
            support::RUN_BOTH,
            ActionSpec {
                key: "chained",
                label: "Run one after the other",
            },
            ActionSpec {
                key: "concurrent",
                label: "Run side by side",
            },
        ]
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let versions: &[bool] = match action {
            "chained" => &[true],
            "concurrent" => &[false],
            _ => &[true, false],
        };
        versions
            .iter()
            .map(|&dependent| RunPlan::new(Strategy::Chained, scenario(values, dependent)))
            .collect()
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let mut sample = CodeSample::new("One after the other, or side by side", PYTHON, RUST);
        for (name, spec) in [("user", &USER), ("orders", &ORDERS), ("combine", &COMBINE)] {
            let seconds = support::decimal(values, spec);
            sample = sample
                .with(&format!("{name}_s"), support::number(seconds))
                .with(&format!("{name}_ms"), (seconds * 1000.0).round());
        }
        vec![sample]
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let mut out = Vec::new();
        let mut lengths = Vec::new();
        for (key, title, dependent) in [
            ("chained", "One after the other", true),
            ("concurrent", "Side by side", false),
        ] {
            let s = scenario(values, dependent);
            let p = path(&s);
            lengths.push(p.length_ms);
            out.push(Insight::new(
                format!("path-{key}"),
                format!("{title}: critical path"),
                path_labels(&s, &p),
            ));
            out.push(Insight::new(
                format!("length-{key}"),
                format!("{title}: critical path length"),
                secs(p.length_ms),
            ));
            if let Some(run) = runs.iter().find(|r| is_dependent(r) == dependent) {
                out.push(Insight::new(
                    format!("makespan-{key}"),
                    format!("{title}: measured"),
                    secs(run.makespan_ms),
                ));
            }
        }
        out.push(Insight::new(
            "saving",
            "Saved by starting both lookups at once",
            secs(lengths[0] - lengths[1]),
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    /// User 1 s, orders 1.5 s, combine 0.2 s, at scale 1.
    fn real_time() -> ParamValues {
        values_with(&PARAMS, &[("scale", 1.0)])
    }

    #[test]
    fn both_runs_are_chained_and_differ_only_in_what_the_orders_wait_for() {
        let plans = ChainLesson.plan("both", &real_time());
        assert_eq!(plans.len(), 2);
        assert!(plans.iter().all(|p| p.strategy == Strategy::Chained));
        assert_eq!(plans[0].scenario.tasks[1].after, vec![0]);
        assert!(plans[1].scenario.tasks[1].after.is_empty());
        assert_eq!(plans[1].scenario.tasks[2].after, vec![0, 1]);
        assert_eq!(ChainLesson.plan("concurrent", &real_time()).len(), 1);
    }

    #[test]
    fn one_after_the_other_takes_1_plus_1_5_plus_0_2_seconds() {
        let run = &predicted(&ChainLesson.plan("chained", &real_time()))[0];
        let starts: Vec<f64> = run.tasks.iter().map(|t| t.start_ms).collect();
        assert_eq!(starts, vec![0.0, 1000.0, 2500.0]);
        assert_eq!(run.makespan_ms, 2700.0);
    }

    #[test]
    fn side_by_side_takes_the_slower_lookup_plus_the_combine_step() {
        let run = &predicted(&ChainLesson.plan("concurrent", &real_time()))[0];
        let starts: Vec<f64> = run.tasks.iter().map(|t| t.start_ms).collect();
        assert_eq!(starts, vec![0.0, 0.0, 1500.0]);
        assert_eq!(run.makespan_ms, 1700.0);
    }

    #[test]
    fn every_makespan_equals_its_critical_path_whatever_the_durations() {
        for (user, orders) in [(0.3, 2.0), (2.0, 0.3), (1.0, 1.0)] {
            let v = values_with(
                &PARAMS,
                &[("user", user), ("orders", orders), ("scale", 1.0)],
            );
            for plan in ChainLesson.plan("both", &v) {
                let run = plan.predict().expect("finishes");
                assert_eq!(run.makespan_ms, path(&plan.scenario).length_ms);
                assert_eq!(run.makespan_ms, run.bound_ms);
            }
        }
    }

    #[test]
    fn insights_name_both_critical_paths_and_the_saving_of_the_faster_lookup() {
        let v = real_time();
        let all = ChainLesson.insights(&predicted(&ChainLesson.plan("both", &v)), &v);
        assert_eq!(
            insight(&all, "path-chained"),
            "fetch user → fetch orders → combine"
        );
        assert_eq!(insight(&all, "length-chained"), "2.70 s");
        assert_eq!(
            insight(&all, "path-concurrent"),
            "fetch orders by id → combine"
        );
        assert_eq!(insight(&all, "length-concurrent"), "1.70 s");
        assert_eq!(insight(&all, "saving"), "1.00 s");
        assert_eq!(insight(&all, "makespan-chained"), "2.70 s");
        assert_eq!(insight(&all, "makespan-concurrent"), "1.70 s");
    }

    #[test]
    fn the_code_carries_the_three_durations() {
        let code = &ChainLesson.code(&real_time())[0];
        assert!(code.python.contains("asyncio.sleep(1.5)"));
        assert!(code.python.contains("asyncio.sleep(0.2)"));
        assert!(code.rust.contains("from_millis(1000)"));
        assert!(!code.rust.contains("_ms}") && !code.python.contains("_s}"));
    }
}
