//! Chaining: a call that needs another call's answer must wait for it; calls that do not,
//! need not. The run takes the critical path.

use crate::engine::{
    CriticalPath, NumberRange, ParamKind, ParamSpec, ParamValues, RunOptions, RunRecord, Scenario,
    Strategy, TaskSpec,
};

use super::support::{self, in_seconds};
use super::{
    params, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan,
    TimelineExtra,
};

/// Fetch a user then their orders, vs both at once, each followed by a combine step.
pub struct ChainLesson;

/// How long fetching the user takes, in seconds.
pub const USER: ParamSpec = super::flood::DURATION
    .with_key("user")
    .with_label("Fetch the user")
    .with_help("The call that returns the user record.");

/// How long fetching the orders takes, in seconds.
pub const ORDERS: ParamSpec = USER
    .with_key("orders")
    .with_label("Fetch the orders")
    .with_default(1.5)
    .with_help("The call that returns the user's orders; it needs the user's id.");

/// How long combining the two answers takes, in seconds.
pub const COMBINE: ParamSpec = ParamSpec {
    key: "combine",
    label: "Combine",
    help: "A short step that needs both answers (0 for none).",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 5.0,
        default: 0.2,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

/// Time scale (default 0.5: the chained run takes about 1.4 s).
pub const SCALE: ParamSpec = params::SCALE.with_default(0.5);

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

crate::actions! {
    /// The chain lesson's buttons.
    pub enum ChainAction {
        /// The chained and the concurrent version side by side.
        Both = ("both", "Run both"),
        /// The orders wait for the user.
        Chained = ("chained", "Run one after the other"),
        /// The orders are fetched by a known id, alongside the user.
        Concurrent = ("concurrent", "Run side by side"),
    }
}

/// The clamped durations, in seconds before scaling, and the time scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chain {
    /// Fetching the user.
    pub user_s: f64,
    /// Fetching the orders.
    pub orders_s: f64,
    /// Combining the two answers.
    pub combine_s: f64,
    /// The time scale.
    pub scale: f64,
}

impl Params for Chain {
    fn read(values: &ParamValues) -> Self {
        Self {
            user_s: support::read_number(values, &USER),
            orders_s: support::read_number(values, &ORDERS),
            combine_s: support::read_number(values, &COMBINE),
            scale: support::read_number(values, &SCALE),
        }
    }
}

impl Chain {
    /// The three tasks, with the orders waiting for the user (`dependent`) or not.
    pub fn scenario(&self, dependent: bool) -> Scenario {
        let ms = |seconds: f64| support::scaled_ms(seconds, self.scale);
        let orders = if dependent {
            TaskSpec::new(1, ORDERS_AFTER_USER, ms(self.orders_s)).after(&[0])
        } else {
            TaskSpec::new(1, ORDERS_BY_ID, ms(self.orders_s))
        };
        Scenario {
            tasks: vec![
                TaskSpec::new(0, "fetch user", ms(self.user_s)),
                orders,
                TaskSpec::new(2, "combine", ms(self.combine_s)).after(&[0, 1]),
            ],
        }
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

/// The caption of each version's run, the dependent one first: what differs between them.
pub const CAPTIONS: [(bool, &str); 2] = [
    (true, "One after the other: orders wait for the user"),
    (false, "Side by side: orders looked up by id"),
];

/// The caption of the dependent version (`true`) or the concurrent one.
fn caption(dependent: bool) -> &'static str {
    CAPTIONS[usize::from(!dependent)].1
}

/// Whether a finished run is the dependent version (read from its orders task's label).
fn is_dependent(run: &RunRecord) -> bool {
    run.tasks.iter().any(|t| t.label == ORDERS_AFTER_USER)
}

impl Lesson for ChainLesson {
    type Params = Chain;
    type Action = ChainAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: ChainAction, chain: &Chain) -> Vec<RunPlan> {
        let versions: &[bool] = match action {
            ChainAction::Both => &[true, false],
            ChainAction::Chained => &[true],
            ChainAction::Concurrent => &[false],
        };
        versions
            .iter()
            .map(|&dependent| {
                RunPlan::new(Strategy::Chained, chain.scenario(dependent))
                    .with_caption(caption(dependent))
            })
            .collect()
    }

    fn code(&self, chain: &Chain) -> Vec<CodeSample> {
        let mut sample = CodeSample::new("One after the other, or side by side", PYTHON, RUST);
        let durations = [
            ("user", chain.user_s),
            ("orders", chain.orders_s),
            ("combine", chain.combine_s),
        ];
        for (name, seconds) in durations {
            sample = sample
                .with(&format!("{name}_s"), support::param_text(seconds))
                .with(&format!("{name}_ms"), (seconds * 1000.0).round());
        }
        vec![sample]
    }

    fn insights(&self, runs: &[RunRecord], chain: &Chain) -> Vec<Insight> {
        let mut out = Vec::new();
        let mut lengths = Vec::new();
        for (key, dependent) in [("chained", true), ("concurrent", false)] {
            let title = caption(dependent);
            let s = chain.scenario(dependent);
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
                in_seconds(p.length_ms),
            ));
            if let Some(run) = runs.iter().find(|r| is_dependent(r) == dependent) {
                out.push(Insight::new(
                    format!("makespan-{key}"),
                    format!("{title}: measured"),
                    in_seconds(run.makespan_ms),
                ));
            }
        }
        out.push(Insight::new(
            "saving",
            "Saved by starting both lookups at once",
            in_seconds(lengths[0] - lengths[1]),
        ));
        out
    }
}

#[cfg(test)]
#[path = "tests/chain.rs"]
mod tests;
