//! Concurrency vs parallelism as a kitchen: one cook with dishes that simmer, one cook
//! with dishes that need hands, two cooks with dishes that need hands.

use crate::engine::{ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec};

use super::cpu_work::{self, millis};
use super::support::{self, secs};
use super::{ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, Panel, RunOrder, RunPlan};

/// Two waiting dishes on one loop, two hands-on dishes on one loop, then on two workers.
pub struct CooksLesson;

/// How long the soup takes.
pub const SOUP: ParamSpec = ParamSpec {
    key: "soup",
    label: "Soup takes",
    unit: "ms",
    kind: ParamKind::Integer,
    min: 10.0,
    max: 500.0,
    default: 300.0,
    step: 10.0,
    help: "Simmering (a wait) or chopping (computing) for the soup.",
};

/// How long the bread takes.
pub const BREAD: ParamSpec = ParamSpec {
    key: "bread",
    label: "Bread takes",
    default: 200.0,
    help: "Baking (a wait) or kneading (computing) for the bread.",
    ..SOUP
};

static PARAMS: [ParamSpec; 2] = [SOUP, BREAD];

/// One cook, dishes that wait: the action key and the insight key of its run.
const WAITING: &str = "waiting";
/// One cook, dishes by hand.
const ONE_COOK: &str = "one-cook";
/// Two cooks, dishes by hand.
const TWO_COOKS: &str = "two-cooks";

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
        "The predicted bars of hands-on work use an estimate of how fast this browser \
         computes, so the measured ones may differ a little.",
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

/// The clamped times of the two dishes, in milliseconds.
fn dishes(values: &ParamValues) -> (f64, f64) {
    (
        support::whole(values, &SOUP) as f64,
        support::whole(values, &BREAD) as f64,
    )
}

/// Which kitchen a finished run was: waiting dishes, or hands-on dishes on the main
/// thread or on workers.
fn kitchen(run: &RunRecord) -> &'static str {
    match (run.tasks.iter().any(|t| t.cpu), run.options.workers) {
        (false, _) => WAITING,
        (true, None) => ONE_COOK,
        (true, Some(_)) => TWO_COOKS,
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

impl AnyLesson for CooksLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![
            support::RUN_ALL_THREE,
            ActionSpec {
                key: WAITING,
                label: "One cook, dishes that wait",
            },
            ActionSpec {
                key: ONE_COOK,
                label: "One cook, dishes by hand",
            },
            ActionSpec {
                key: TWO_COOKS,
                label: "Two cooks, dishes by hand",
            },
        ]
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let (soup, bread) = dishes(values);
        let waiting = Scenario {
            tasks: vec![
                TaskSpec::new(0, "soup simmers", soup),
                TaskSpec::new(1, "bread bakes", bread),
            ],
        };
        let by_hand = Scenario {
            tasks: vec![
                cpu_work::cpu_task(0, 1, "chop for the soup", soup),
                cpu_work::cpu_task(1, 2, "knead the bread", bread),
            ],
        };
        let all = [
            (WAITING, &waiting, None),
            (ONE_COOK, &by_hand, None),
            (TWO_COOKS, &by_hand, Some(2)),
        ];
        let chosen = all.iter().any(|(key, ..)| *key == action);
        all.iter()
            .filter(|(key, ..)| !chosen || *key == action)
            .map(|&(key, scenario, workers)| {
                let caption = match key {
                    WAITING => "Two dishes that wait (one loop)",
                    ONE_COOK => "Two dishes by hand, one cook",
                    _ => "Two dishes by hand, two cooks",
                };
                cpu_work::plan_on(Strategy::Gather, scenario, workers).with_caption(caption)
            })
            .collect()
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let (soup, bread) = dishes(values);
        let sample = CodeSample::new("Waiting, by hand, two pairs of hands", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, soup)
            .with("soup_s", cpu_work::seconds(soup))
            .with("bread_s", cpu_work::seconds(bread))
            .with("soup_ms", soup)
            .with("bread_ms", bread)
            .with("soup_rounds", cpu_work::grouped(cpu_work::rounds_for(soup)))
            .with(
                "bread_rounds",
                cpu_work::grouped(cpu_work::rounds_for(bread)),
            )]
    }

    fn insights(&self, runs: &[RunRecord], _values: &ParamValues) -> Vec<Insight> {
        let mut out = Vec::new();
        for run in runs {
            let key = kitchen(run);
            let title = match key {
                WAITING => "One cook, dishes that wait",
                ONE_COOK => "One cook, dishes by hand",
                _ => "Two cooks, dishes by hand",
            };
            out.push(Insight::new(
                format!("makespan-{key}"),
                format!("{title}: both dishes ready after"),
                secs(run.makespan_ms),
            ));
            out.push(Insight::new(
                format!("overlap-{key}"),
                format!("{title}: both dishes in progress together for"),
                millis(overlap_ms(run)),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn runs(action: &str) -> Vec<RunRecord> {
        predicted(&CooksLesson.plan(action, &ParamValues::defaults(&PARAMS)))
    }

    #[test]
    fn one_cook_waits_for_both_dishes_at_once_300_ms() {
        let r = &runs(WAITING)[0];
        assert_eq!(r.makespan_ms, 300.0);
        assert_eq!(r.tasks[1].end_ms, 200.0);
        assert_eq!(r.title(), "Two dishes that wait (one loop)");
    }

    #[test]
    fn one_cook_by_hand_takes_300_plus_200_ms_and_the_bread_starts_after_the_soup() {
        let r = &runs(ONE_COOK)[0];
        assert_eq!(r.makespan_ms, 500.0);
        assert_eq!(r.tasks[1].start_ms, 300.0);
        assert_eq!(r.title(), "Two dishes by hand, one cook");
    }

    #[test]
    fn two_cooks_by_hand_start_together_and_finish_after_300_ms() {
        let r = &runs(TWO_COOKS)[0];
        assert_eq!(r.makespan_ms, 300.0);
        assert_eq!((r.tasks[0].start_ms, r.tasks[1].start_ms), (0.0, 0.0));
        assert_eq!(r.title(), "Two dishes by hand, two cooks");
    }

    #[test]
    fn run_all_three_plans_the_kitchens_in_order() {
        let plans = CooksLesson.plan("all", &ParamValues::default());
        let workers: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
        assert_eq!(workers, vec![None, None, Some(2)]);
        assert!(plans[0].scenario.tasks.iter().all(|t| t.cpu.is_none()));
        assert!(plans[1].scenario.tasks.iter().all(|t| t.cpu.is_some()));
    }

    #[test]
    fn insights_show_overlap_only_where_the_cook_is_free_or_there_are_two() {
        let values = ParamValues::defaults(&PARAMS);
        let all = CooksLesson.insights(&runs("all"), &values);
        assert_eq!(insight(&all, "overlap-waiting"), "200 ms");
        assert_eq!(insight(&all, "overlap-one-cook"), "0 ms");
        assert_eq!(insight(&all, "overlap-two-cooks"), "200 ms");
        assert_eq!(insight(&all, "makespan-one-cook"), "0.50 s");
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let values = values_with(&PARAMS, &[("soup", 100.0), ("bread", 40.0)]);
        let code = &CooksLesson.code(&values)[0];
        assert!(code.python.contains(r#"wait_for("soup", 0.1)"#));
        assert!(code.python.contains(r#""bread", 2, 6_000_000)"#));
        assert!(code.rust.contains(r#"wait_for("bread", 40)"#));
    }
}
