//! The work a lab script can cause is bounded: every accepted script, dense dependency
//! graphs included, plans and predicts every action in a few milliseconds.

use std::time::{Duration, Instant};

use super::*;

/// The most one plan + predict of one accepted script may take in the release build the
/// page runs (it does this on the idle preview after typing, and again on Run).
const RELEASE_BUDGET: Duration = Duration::from_millis(50);

/// How much slower this code is unoptimised (`cargo test`) than in release: measured
/// 8–10× on the largest scripts. `make fuzz-long` runs in release with the plain budget.
const DEBUG_SLOWDOWN: u32 = 10;

/// Cases in a plain `cargo test` (each predicts up to 60 plans of up to 500 tasks).
const SCRIPT_CASES: u32 = 12;

fn budget() -> Duration {
    if cfg!(debug_assertions) {
        RELEASE_BUDGET * DEBUG_SLOWDOWN
    } else {
        RELEASE_BUDGET
    }
}

/// A script of `n` tasks named `t0`, `t1`, …; task `i` waits for the earlier tasks that
/// `pick` chooses, as many as fit on a line.
fn dense_script(n: usize, mut pick: impl FnMut(usize, usize) -> bool) -> String {
    let mut text = String::new();
    for i in 0..n {
        let kind = if i % 3 == 2 { "cpu 5ms" } else { "io 40ms" };
        let mut line = format!("t{i} {kind}");
        let deps: Vec<String> = (0..i)
            .filter(|&d| pick(i, d))
            .map(|d| format!("t{d}"))
            .collect();
        let mut first = true;
        for dep in deps {
            let extra = if first { 7 } else { 2 } + dep.len();
            if line.len() + extra > engine::lab::MAX_LINE_CHARS - 6 {
                break;
            }
            line.push_str(if first { " after " } else { ", " });
            line.push_str(&dep);
            first = false;
        }
        if i % 17 == 16 {
            line.push_str(" fails");
        }
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Plans and predicts every action of the lab with `script` and each strategy, failing
/// if one plan and its prediction take longer than [`budget`] (an action's planning time
/// is shared among its plans); returns how many plans were predicted.
fn assert_bounded(script: &str) -> Result<usize, TestCaseError> {
    let lab = find("lab").expect("the lab lesson exists");
    let mut values = ParamValues::defaults(lab.info().params);
    values.1.insert("script".into(), script.into());
    prop_assert!(lab.check(&values).is_empty(), "not accepted: {script}");
    let mut predicted = 0;
    for way in ["sequential", "gather", "semaphore", "taskgroup", "chained"] {
        for workers in [0.0, 2.0] {
            values.1.insert("strategy".into(), way.into());
            values.0.insert("workers".into(), workers);
            for action in lab.actions().iter().map(|a| a.key) {
                // The best of three tries: a busy machine slows one down, not the code.
                let mut took = Duration::MAX;
                for _ in 0..3 {
                    let t0 = Instant::now();
                    let plans = lab.plan(action, &values);
                    for plan in &plans {
                        prop_assert!(plan.try_predict().is_ok(), "{way} {action}: no prediction");
                    }
                    predicted += plans.len();
                    took = took.min(t0.elapsed() / plans.len().max(1) as u32);
                    if took <= budget() {
                        break;
                    }
                }
                prop_assert!(
                    took <= budget(),
                    "{way} {action} workers={workers}: {took:?} a plan"
                );
            }
        }
    }
    Ok(predicted)
}

#[test]
fn a_script_whose_tasks_each_wait_for_every_earlier_task_predicts_at_once() {
    // 26 such tasks froze the page for 7 s, 62 for good, with nested shared futures.
    for n in [26, 62, 200] {
        let script = dense_script(n, |_, _| true);
        let predicted = assert_bounded(&script).map_err(|e| e.to_string()).unwrap();
        assert!(predicted > 0);
    }
}

proptest! {
    #![proptest_config(config(SCRIPT_CASES, COSTLY))]

    #[test]
    fn every_accepted_lab_script_plans_and_predicts_within_50_ms(
        n in 1usize..=engine::lab::MAX_SCRIPT_TASKS,
        density in 0u32..=100,
        seed in any::<u64>(),
    ) {
        let mut rng = fastrand::Rng::with_seed(seed);
        let script = dense_script(n, |_, _| rng.u32(0..100) < density);
        let script = trim_to_limits(script);
        assert_bounded(&script)?;
    }
}

/// Keeps whole lines while the script fits the lab's length and CPU limits.
fn trim_to_limits(script: String) -> String {
    let mut out = String::new();
    let mut cpu_ms = 0.0;
    for line in script.lines() {
        if line.contains("cpu") {
            cpu_ms += 5.0;
        }
        if out.len() + line.len() + 1 > engine::lab::MAX_TEXT_CHARS
            || cpu_ms > engine::lab::MAX_TOTAL_CPU_MS
        {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
