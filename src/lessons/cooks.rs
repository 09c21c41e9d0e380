//! Concurrency vs parallelism as a kitchen: one cook with dishes that simmer, one cook
//! with dishes that need hands, two cooks with dishes that need hands.

use crate::engine::{
    NumberRange, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec,
};

use super::cpu_work::{self, in_millis};
use super::support::{self, in_seconds};
use super::{Action, CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// Two waiting dishes on one loop, two hands-on dishes on one loop, then on two workers.
pub struct CooksLesson;

/// How long the soup takes.
pub const SOUP: ParamSpec = ParamSpec {
    key: "soup",
    label: "Soup takes",
    help: "Simmering (a wait) or chopping (computing) for the soup.",
    kind: ParamKind::Number(NumberRange {
        min: 10.0,
        max: 500.0,
        default: 300.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// How long the bread takes.
pub const BREAD: ParamSpec = SOUP
    .with_key("bread")
    .with_label("Bread takes")
    .with_default(200.0)
    .with_help("Baking (a wait) or kneading (computing) for the bread.");

static PARAMS: [ParamSpec; 2] = [SOUP, BREAD];

const PYTHON: &str = include_str!("code/cooks.py").trim_ascii_end();

const RUST: &str = include_str!("code/cooks.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "cooks",
    title: "One cook or two: concurrency and parallelism",
    nav_title: "One cook, two cooks",
    summary: "Dishes that simmer share one cook well; dishes that need hands need a second \
              cook.",
    explanation: &[
        "Picture a kitchen. A soup that simmers or a bread that bakes needs the cook only \
         to start it, the way a server answers a request while your program waits. \
         Chopping or kneading needs the cook's hands the whole time, the way computing \
         needs a processor core.",
        "One cook can start the soup, put the bread in the oven and wait for both: that \
         is concurrency, several things in progress at once, and the event loop is that \
         cook. But one cook cannot chop and knead at the same moment, so hands-on dishes \
         gathered on one loop still take the sum of their times. Two cooks really work \
         at the same moment: that is parallelism, and here the cooks are two web workers.",
        "Hands-on work is sized by the speed this device measured of itself (see About \
         these timings): chopping labelled 300 ms computes for about 300 ms, on the page's \
         thread or on a worker.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::PoolStatus,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
        Panel::Results,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The kitchen lesson's buttons.
    pub enum CooksAction {
        /// The three kitchens, in order.
        All = ("all", "Run all three"),
        /// One cook, dishes that wait.
        Waiting = ("waiting", "One cook, dishes that wait"),
        /// One cook, dishes by hand.
        OneCook = ("one-cook", "One cook, dishes by hand"),
        /// Two cooks, dishes by hand.
        TwoCooks = ("two-cooks", "Two cooks, dishes by hand"),
    }
}

/// The clamped times of the two dishes, in milliseconds.
pub struct Dishes {
    soup_ms: f64,
    bread_ms: f64,
}

impl Params for Dishes {
    fn read(values: &ParamValues) -> Self {
        Self {
            soup_ms: support::read_count(values, &SOUP) as f64,
            bread_ms: support::read_count(values, &BREAD) as f64,
        }
    }
}

/// One of the three kitchens: a run of the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kitchen {
    /// One cook, dishes that wait.
    Waiting,
    /// One cook, dishes by hand.
    OneCook,
    /// Two cooks, dishes by hand.
    TwoCooks,
}

impl Kitchen {
    /// The kitchens, in the order "Run all three" runs them.
    const ALL: [Kitchen; 3] = [Kitchen::Waiting, Kitchen::OneCook, Kitchen::TwoCooks];

    /// The kitchen's own button: its key and label also name the kitchen's insights.
    fn action(self) -> CooksAction {
        match self {
            Kitchen::Waiting => CooksAction::Waiting,
            Kitchen::OneCook => CooksAction::OneCook,
            Kitchen::TwoCooks => CooksAction::TwoCooks,
        }
    }

    /// The run's caption.
    fn caption(self) -> &'static str {
        match self {
            Kitchen::Waiting => "Two dishes that wait (one loop)",
            Kitchen::OneCook => "Two dishes by hand, one cook",
            Kitchen::TwoCooks => "Two dishes by hand, two cooks",
        }
    }

    /// The kitchen's run of `dishes`: timers on one loop, or hands-on work on the main
    /// thread or on two workers.
    fn plan(self, dishes: &Dishes) -> RunPlan {
        let (soup, bread) = (dishes.soup_ms, dishes.bread_ms);
        let (scenario, workers) = match self {
            Kitchen::Waiting => {
                let tasks = vec![
                    TaskSpec::new(0, "soup simmers", soup),
                    TaskSpec::new(1, "bread bakes", bread),
                ];
                (Scenario { tasks }, None)
            }
            Kitchen::OneCook | Kitchen::TwoCooks => {
                let tasks = vec![
                    cpu_work::cpu_task(0, 1, "chop for the soup", soup),
                    cpu_work::cpu_task(1, 2, "knead the bread", bread),
                ];
                let workers = (self == Kitchen::TwoCooks).then_some(2);
                (Scenario { tasks }, workers)
            }
        };
        cpu_work::plan_on(Strategy::Gather, &scenario, workers).with_caption(self.caption())
    }

    /// Which kitchen a finished run was: waiting dishes, or hands-on dishes on the main
    /// thread or on workers.
    fn of(run: &RunRecord) -> Kitchen {
        match (run.tasks.iter().any(|t| t.cpu), run.options.workers) {
            (false, _) => Kitchen::Waiting,
            (true, None) => Kitchen::OneCook,
            (true, Some(_)) => Kitchen::TwoCooks,
        }
    }
}

/// How long both dishes were in progress at the same time.
fn overlap_ms(run: &RunRecord) -> f64 {
    let latest_start = run.tasks.iter().map(|t| t.start_ms).fold(0.0, f64::max);
    let first_end = run
        .tasks
        .iter()
        .map(|t| t.end_ms)
        .fold(f64::INFINITY, f64::min);
    (first_end - latest_start).max(0.0)
}

impl Lesson for CooksLesson {
    type Params = Dishes;
    type Action = CooksAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: CooksAction, dishes: &Dishes) -> Vec<RunPlan> {
        let kitchens: &[Kitchen] = match action {
            CooksAction::All => &Kitchen::ALL,
            CooksAction::Waiting => &[Kitchen::Waiting],
            CooksAction::OneCook => &[Kitchen::OneCook],
            CooksAction::TwoCooks => &[Kitchen::TwoCooks],
        };
        kitchens.iter().map(|k| k.plan(dishes)).collect()
    }

    fn code(&self, dishes: &Dishes) -> Vec<CodeSample> {
        let (soup, bread) = (dishes.soup_ms, dishes.bread_ms);
        let sample = CodeSample::new("Waiting, by hand, two pairs of hands", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, soup)
            .with("soup_s", cpu_work::code_seconds(soup))
            .with("bread_s", cpu_work::code_seconds(bread))
            .with("soup_ms", soup)
            .with("bread_ms", bread)
            .with("soup_rounds", cpu_work::grouped(cpu_work::rounds_for(soup)))
            .with(
                "bread_rounds",
                cpu_work::grouped(cpu_work::rounds_for(bread)),
            )]
    }

    fn insights(&self, runs: &[RunRecord], _dishes: &Dishes) -> Vec<Insight> {
        let mut out = Vec::new();
        for run in runs {
            let spec = Kitchen::of(run).action().spec();
            let (key, title) = (spec.key, spec.label);
            out.push(Insight::new(
                format!("makespan-{key}"),
                format!("{title}: both dishes ready after"),
                in_seconds(run.makespan_ms),
            ));
            out.push(Insight::new(
                format!("overlap-{key}"),
                format!("{title}: both dishes in progress together for"),
                in_millis(overlap_ms(run)),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn dishes(values: &ParamValues) -> Dishes {
        Dishes::read(values)
    }

    fn runs(action: CooksAction) -> Vec<RunRecord> {
        predicted(&CooksLesson.plan(action, &dishes(&ParamValues::defaults(&PARAMS))))
    }

    #[test]
    fn one_cook_waits_for_both_dishes_at_once_300_ms() {
        let r = &runs(CooksAction::Waiting)[0];
        assert_eq!(r.makespan_ms, 300.0);
        assert_eq!(r.tasks[1].end_ms, 200.0);
        assert_eq!(r.title(), "Two dishes that wait (one loop)");
    }

    #[test]
    fn one_cook_by_hand_takes_300_plus_200_ms_and_the_bread_starts_after_the_soup() {
        let r = &runs(CooksAction::OneCook)[0];
        assert_eq!(r.makespan_ms, 500.0);
        assert_eq!(r.tasks[1].start_ms, 300.0);
        assert_eq!(r.title(), "Two dishes by hand, one cook");
    }

    #[test]
    fn two_cooks_by_hand_start_together_and_finish_after_300_ms() {
        let r = &runs(CooksAction::TwoCooks)[0];
        assert_eq!(r.makespan_ms, 300.0);
        assert_eq!((r.tasks[0].start_ms, r.tasks[1].start_ms), (0.0, 0.0));
        assert_eq!(r.title(), "Two dishes by hand, two cooks");
    }

    #[test]
    fn run_all_three_plans_the_kitchens_in_order() {
        let plans = CooksLesson.plan(CooksAction::All, &dishes(&ParamValues::default()));
        let workers: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
        assert_eq!(workers, vec![None, None, Some(2)]);
        assert!(plans[0].scenario.tasks.iter().all(|t| t.cpu.is_none()));
        assert!(plans[1].scenario.tasks.iter().all(|t| t.cpu.is_some()));
    }

    #[test]
    fn insights_show_overlap_only_where_the_cook_is_free_or_there_are_two() {
        let values = ParamValues::defaults(&PARAMS);
        let all = CooksLesson.insights(&runs(CooksAction::All), &dishes(&values));
        assert_eq!(insight(&all, "overlap-waiting"), "200 ms");
        assert_eq!(insight(&all, "overlap-one-cook"), "0 ms");
        assert_eq!(insight(&all, "overlap-two-cooks"), "200 ms");
        assert_eq!(insight(&all, "makespan-one-cook"), "0.50 s");
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let values = values_with(&PARAMS, &[("soup", 100.0), ("bread", 40.0)]);
        let code = &CooksLesson.code(&dishes(&values))[0];
        assert!(code.python.contains(r#"wait_for("soup", 0.1)"#));
        assert!(code.python.contains(r#""bread", 2, 6_000_000)"#));
        assert!(code.rust.contains(r#"wait_for("bread", 40)"#));
    }
}
