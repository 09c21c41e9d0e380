//! Why a prediction can differ from the bound it is shown beside: the words put before the
//! bound's label in a timeline's heading (`predicted 628 ms (the first error ends the wait
//! at 628 ms, before max d = 823 ms)`).

use super::{cpu_floor_label, DependencyGraph, RunOptions, Scenario, Strategy};

/// The reason, if any, that `strategy` on `scenario` ends at another time than its bound of
/// `bound_ms`, written to stand before the bound's `label`:
/// - a task group ends at the first error (a failing task, or a timeout), before its bound;
/// - chained CPU work cannot start before its inputs arrive, so the floor of the CPU work
///   (Σc on one thread, or the jobs' schedule on the workers) starts late.
///
/// `None` when the prediction is the bound. Odd values (no tasks, invalid dependencies,
/// non-finite times) give `None`.
pub fn bound_note(
    strategy: Strategy,
    scenario: &Scenario,
    options: &RunOptions,
    bound_ms: f64,
    label: &str,
) -> Option<String> {
    match strategy {
        Strategy::TaskGroupCancel => {
            let at = first_error_ms(scenario, options)?;
            (at < bound_ms).then(|| {
                format!(
                    "the first error ends the wait at {}, before {label}",
                    ms_text(at)
                )
            })
        }
        Strategy::Chained if label == cpu_floor_label(options.workers) => {
            let ready = first_cpu_ready_ms(scenario, options)?;
            (ready > 0.0).then(|| {
                format!(
                    "the work waits for its inputs, the first at {}; {label}",
                    ms_text(ready)
                )
            })
        }
        _ => None,
    }
}

/// When the first error of tasks that all start at once happens: the earliest end of a
/// failing task, or the timeout if some task waits longer than it. `None` without one.
pub fn first_error_ms(scenario: &Scenario, options: &RunOptions) -> Option<f64> {
    let timeout = options.timeout();
    scenario
        .tasks
        .iter()
        .filter_map(|t| {
            let d = options.effective_ms(t.duration_ms);
            let timed_out = timeout.is_some_and(|limit| super::wait_ms(t.duration_ms) > limit);
            (t.fails || timed_out).then_some(d)
        })
        .filter(|ms| ms.is_finite())
        .reduce(f64::min)
}

/// The earliest time a CPU task of a chained scenario can start: the longest chain of the
/// tasks it waits for. `None` without CPU tasks or with invalid dependencies.
pub fn first_cpu_ready_ms(scenario: &Scenario, options: &RunOptions) -> Option<f64> {
    let graph = DependencyGraph::new(&scenario.tasks).ok()?;
    let tasks = &scenario.tasks;
    let mut start = vec![0.0_f64; tasks.len()];
    for &p in &graph.order {
        start[p] = graph.deps[p]
            .iter()
            .map(|&d| start[d] + options.effective_ms(tasks[d].duration_ms))
            .fold(0.0, f64::max);
    }
    (0..tasks.len())
        .filter(|&p| tasks[p].cpu.is_some())
        .map(|p| start[p])
        .reduce(f64::min)
}

/// `628 ms`, `1.35 s`: as the timeline writes times.
fn ms_text(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{} ms", trim(format!("{ms:.1}")))
    } else {
        format!("{} s", trim(format!("{:.2}", ms / 1000.0)))
    }
}

fn trim(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cpu::CpuJob;
    use crate::engine::TaskSpec;

    fn failing(durations: &[f64], fails: usize) -> Scenario {
        let mut s = Scenario {
            tasks: (0..durations.len())
                .map(|i| TaskSpec::new(i, format!("t{i}"), durations[i]))
                .collect(),
        };
        s.tasks[fails].fails = true;
        s
    }

    #[test]
    fn a_task_group_says_that_its_first_error_ends_the_wait() {
        let s = failing(&[823.0, 628.0, 300.0], 1);
        let options = RunOptions::default();
        let bound = Strategy::TaskGroupCancel.bound_with(&s, &options);
        assert_eq!(
            bound_note(Strategy::TaskGroupCancel, &s, &options, bound, "max d").as_deref(),
            Some("the first error ends the wait at 628 ms, before max d")
        );
        assert_eq!(
            bound_note(Strategy::Gather, &s, &options, bound, "max d"),
            None
        );
        let last = failing(&[823.0, 628.0], 0);
        assert_eq!(
            bound_note(Strategy::TaskGroupCancel, &last, &options, 823.0, "max d"),
            None
        );
    }

    #[test]
    fn a_timeout_is_a_first_error_too() {
        let mut s = failing(&[900.0, 100.0], 0);
        s.tasks[0].fails = false;
        let options = RunOptions {
            timeout_ms: Some(400.0),
            ..RunOptions::default()
        };
        assert_eq!(first_error_ms(&s, &options), Some(400.0));
        assert_eq!(first_error_ms(&s, &RunOptions::default()), None);
    }

    #[test]
    fn chained_work_on_one_thread_waits_for_its_first_input() {
        let job = CpuJob::Work { seed: 1, ms: 150.0 };
        let s = Scenario {
            tasks: vec![
                TaskSpec::new(0, "fetch 1", 50.0),
                TaskSpec::new(1, "process 1", 150.0)
                    .computing(job)
                    .after(&[0]),
            ],
        };
        let options = RunOptions::default();
        assert_eq!(first_cpu_ready_ms(&s, &options), Some(50.0));
        assert_eq!(
            bound_note(Strategy::Chained, &s, &options, 150.0, "Σc on one thread").as_deref(),
            Some("the work waits for its inputs, the first at 50 ms; Σc on one thread")
        );
        let pool = RunOptions {
            workers: Some(2),
            ..RunOptions::default()
        };
        assert_eq!(
            bound_note(Strategy::Chained, &s, &pool, 200.0, "critical path"),
            None
        );
        assert!(bound_note(Strategy::Chained, &s, &pool, 150.0, "jobs on 2 workers").is_some());
    }

    #[test]
    fn odd_scenarios_have_no_note() {
        let empty = Scenario { tasks: Vec::new() };
        let options = RunOptions::default();
        for strategy in Strategy::ALL {
            assert_eq!(bound_note(strategy, &empty, &options, 0.0, "max d"), None);
        }
        let mut cycle = failing(&[f64::NAN, 10.0], 0);
        cycle.tasks[0].after = vec![1];
        cycle.tasks[1].after = vec![0];
        assert_eq!(first_cpu_ready_ms(&cycle, &options), None);
        assert_eq!(ms_text(1350.0), "1.35 s");
    }
}
