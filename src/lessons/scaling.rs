//! Scaling: makespan against the number of tasks, 1 to N, for sequential, gather and a
//! semaphore of k — the theory lines and the measured points.

use crate::engine::{
    scaling, ParamError, ParamSpec, ParamValues, RunRecord, ScalingPoint, Scenario, Strategy,
};

use super::support::{self, secs};
use super::{params, ActionSpec, CodeSample, Insight, Lesson, LessonInfo, Panels, RunPlan};

/// Sequential, gather and semaphore(k) over the first 1, 2, …, N tasks.
pub struct ScalingLesson;

/// The largest task count of the sweep (1–30).
pub const MAX_COUNT: ParamSpec = ParamSpec {
    label: "Up to N tasks",
    max: 30.0,
    default: 10.0,
    help: "The sweep runs the first 1, 2, …, N tasks with each strategy: 3·N runs at once.",
    ..params::COUNT
};

/// The semaphore's limit.
pub const LIMIT: ParamSpec = ParamSpec {
    label: "Semaphore k",
    help: "At most this many tasks in flight in the semaphore runs.",
    ..super::flood::LIMIT
};

/// Time scale (default 0.05, so that the whole sweep takes a second or two).
pub const SCALE: ParamSpec = ParamSpec {
    default: 0.05,
    ..params::SCALE
};

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
    actions: &[ActionSpec {
        key: "run",
        label: "Run the sweep",
    }],
    panels: Panels {
        timelines: false,
        makespan: false,
        results: false,
        concurrency: false,
        graph: false,
        stepper: false,
        scaling: true,
        ..Panels::STANDARD
    },
};

/// The three strategies of the sweep, the semaphore with the `k` parameter.
pub fn strategies(values: &ParamValues) -> [Strategy; 3] {
    let limit = support::whole(values, &LIMIT).max(1);
    [
        Strategy::Sequential,
        Strategy::Gather,
        Strategy::Semaphore { limit },
    ]
}

impl Lesson for ScalingLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        params::check_range(values)
    }

    fn plan(&self, _action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let all = support::scenario(values, &MAX_COUNT).tasks;
        let strategies = strategies(values);
        (1..=all.len())
            .flat_map(|count| {
                let scenario = Scenario {
                    tasks: all[..count].to_vec(),
                };
                strategies.map(|s| RunPlan::new(s, scenario.clone()))
            })
            .collect()
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let scale = support::decimal(values, &SCALE);
        let sample = CodeSample::new("Timing the sweep yourself", PYTHON, RUST)
            .with("k", support::whole(values, &LIMIT).max(1))
            .with("scale_f64", format!("{scale:?}"))
            .with("scale", support::number(scale));
        vec![support::with_scenario(sample, values, &MAX_COUNT)]
    }

    fn scaling(&self, values: &ParamValues) -> Vec<ScalingPoint> {
        let durations: Vec<f64> = support::scenario(values, &MAX_COUNT)
            .tasks
            .iter()
            .map(|t| t.duration_ms)
            .collect();
        let limit = support::whole(values, &LIMIT).max(1);
        scaling(&durations, durations.len(), limit)
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let points = self.scaling(values);
        let Some(last) = points.last() else {
            return Vec::new();
        };
        let theory = [
            last.sequential_bound_ms,
            last.gather_bound_ms,
            last.semaphore_bound_ms,
        ];
        let mut out = Vec::new();
        for (strategy, bound) in strategies(values).into_iter().zip(theory) {
            let key = strategy.key();
            let title = format!("{} at N = {}", strategy.title(), last.n);
            out.push(Insight::new(
                format!("theory-{key}"),
                format!("{title}, theory"),
                secs(bound),
            ));
            let measured = runs
                .iter()
                .find(|r| r.strategy == key && r.tasks.len() == last.n);
            if let Some(run) = measured {
                out.push(Insight::new(
                    format!("measured-{key}"),
                    format!("{title}, measured"),
                    secs(run.makespan_ms),
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
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    #[test]
    fn the_sweep_plans_three_runs_for_each_task_count_from_1_to_n() {
        for n in [1.0, 10.0, 30.0] {
            let plans = ScalingLesson.plan("run", &values_with(&PARAMS, &[("n", n)]));
            assert_eq!(plans.len(), 3 * n as usize);
        }
        let plans = ScalingLesson.plan("run", &values_with(&PARAMS, &[]));
        let first: Vec<(String, usize)> = plans[..4]
            .iter()
            .map(|p| (p.strategy.spec(), p.scenario.tasks.len()))
            .collect();
        assert_eq!(
            first,
            vec![
                ("sequential".to_string(), 1),
                ("gather".to_string(), 1),
                ("semaphore(3)".to_string(), 1),
                ("sequential".to_string(), 2),
            ]
        );
    }

    #[test]
    fn every_run_takes_the_first_tasks_of_one_and_the_same_scenario() {
        let plans = ScalingLesson.plan("run", &values_with(&PARAMS, &[]));
        let longest = &plans.last().expect("planned").scenario.tasks;
        for p in &plans {
            assert_eq!(p.scenario.tasks[..], longest[..p.scenario.tasks.len()]);
        }
    }

    #[test]
    fn the_theory_lines_never_go_down_and_sequential_always_goes_up() {
        let points = ScalingLesson.scaling(&values_with(&PARAMS, &[("n", 30.0)]));
        assert_eq!(points.len(), 30);
        for pair in points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(b.sequential_bound_ms > a.sequential_bound_ms);
            assert!(b.gather_bound_ms >= a.gather_bound_ms);
            assert!(b.semaphore_bound_ms >= a.semaphore_bound_ms);
            assert!(b.gather_bound_ms <= b.semaphore_bound_ms);
            assert!(b.semaphore_bound_ms <= b.sequential_bound_ms);
        }
    }

    #[test]
    fn equal_two_second_tasks_give_2n_seconds_2_seconds_and_2_ceil_n_over_3() {
        let v = values_with(
            &PARAMS,
            &[("min", 2.0), ("max", 2.0), ("scale", 1.0), ("n", 7.0)],
        );
        for p in ScalingLesson.scaling(&v) {
            let n = p.n as f64;
            assert_eq!(p.sequential_bound_ms, 2000.0 * n);
            assert_eq!(p.gather_bound_ms, 2000.0);
            assert_eq!(p.semaphore_bound_ms, 2000.0 * (n / 3.0).ceil());
        }
    }

    #[test]
    fn measured_points_on_virtual_time_sit_exactly_on_the_theory_lines() {
        let v = values_with(&PARAMS, &[]);
        let points = ScalingLesson.scaling(&v);
        for run in predicted(&ScalingLesson.plan("run", &v)) {
            let p = &points[run.tasks.len() - 1];
            let theory = match run.strategy.as_str() {
                "sequential" => p.sequential_bound_ms,
                "gather" => p.gather_bound_ms,
                _ => p.semaphore_bound_ms,
            };
            assert_eq!(
                run.makespan_ms,
                theory,
                "{} of {}",
                run.spec,
                run.tasks.len()
            );
        }
    }

    #[test]
    fn the_default_sweep_finishes_within_a_few_seconds() {
        let plans = ScalingLesson.plan("run", &values_with(&PARAMS, &[]));
        let longest = plans
            .iter()
            .map(|p| p.strategy.bound_ms(&p.scenario))
            .fold(0.0, f64::max);
        assert!(longest <= 3000.0, "{longest} ms");
    }

    #[test]
    fn insights_compare_theory_and_measurement_at_n() {
        let v = values_with(
            &PARAMS,
            &[("min", 2.0), ("max", 2.0), ("scale", 1.0), ("n", 7.0)],
        );
        let runs = predicted(&ScalingLesson.plan("run", &v));
        let all = ScalingLesson.insights(&runs, &v);
        assert_eq!(insight(&all, "theory-sequential"), "14.00 s");
        assert_eq!(insight(&all, "measured-sequential"), "14.00 s");
        assert_eq!(insight(&all, "theory-gather"), "2.00 s");
        assert_eq!(insight(&all, "theory-semaphore"), "6.00 s");
        assert_eq!(insight(&all, "measured-semaphore"), "6.00 s");
        assert_eq!(insight(&all, "speedup"), "7.0× faster");
    }

    #[test]
    fn the_code_follows_n_k_and_the_scale() {
        let code = &ScalingLesson.code(&values_with(&PARAMS, &[("n", 12.0), ("k", 4.0)]))[0];
        assert!(code.python.contains("range(12)") && code.python.contains("Semaphore(4)"));
        assert!(code.python.contains("SCALE = 0.05 "));
        assert!(code.rust.contains("const SCALE: f64 = 0.05;"));
        assert!(code.rust.contains("buffer_unordered(4)"));
    }
}
