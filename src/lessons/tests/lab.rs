//! Tests of `lab.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted};
use crate::lessons::Params;

fn values(script: &str, way: &str) -> ParamValues {
    let mut v = ParamValues::defaults(&PARAMS);
    v.1.insert("script".into(), script.into());
    v.1.insert("strategy".into(), way.into());
    v.0.insert("workers".into(), 0.0);
    v
}

#[test]
fn the_default_script_is_valid_and_honours_its_chain_in_a_little_over_two_seconds() {
    let v = ParamValues::defaults(&PARAMS);
    assert!(LabLesson.check(&v).is_empty());
    let run = &predicted(&LabLesson.plan(LabAction::Run, &Lab::read(&v)))[0];
    assert_eq!(run.tasks.len(), 7);
    // fetch_user 0.8 → orders 1.4 → charge 1.8 → receipt 2.1 s.
    assert_eq!(run.makespan_ms, 2100.0);
    let all = LabLesson.insights(std::slice::from_ref(run), &Lab::read(&v));
    assert_eq!(
        insight(&all, "path"),
        "fetch_user → orders → charge → receipt"
    );
}

#[test]
fn each_strategy_maps_to_its_engine_strategy_with_k_and_workers() {
    let script = "a io 1s\nb io 1s\nc io 1s";
    let expect = [
        ("sequential", Strategy::Sequential, 3000.0),
        ("gather", Strategy::GatherReturnExceptions, 1000.0),
        ("semaphore", Strategy::Semaphore { limit: 2 }, 2000.0),
        ("taskgroup", Strategy::TaskGroupCancel, 1000.0),
        ("chained", Strategy::Chained, 1000.0),
    ];
    for (key, s, makespan) in expect {
        let plans = LabLesson.plan(LabAction::Run, &Lab::read(&values(script, key)));
        assert_eq!(plans[0].strategy, s);
        assert_eq!(plans[0].options.workers, None);
        assert_eq!(
            plans[0].predict().map(|r| r.makespan_ms),
            Some(makespan),
            "{key}"
        );
    }
    let mut v = values(script, "gather");
    v.0.insert("workers".into(), 3.0);
    assert_eq!(
        LabLesson.plan(LabAction::Run, &Lab::read(&v))[0]
            .options
            .workers,
        Some(3)
    );
}

#[test]
fn a_taskgroup_cancels_the_others_when_a_task_fails() {
    let v = values("slow io 2s\nbad io 500ms fails", "taskgroup");
    let run = &predicted(&LabLesson.plan(LabAction::Run, &Lab::read(&v)))[0];
    assert_eq!(run.makespan_ms, 500.0);
    assert_eq!(run.tasks[0].status, TaskStatus::Cancelled);
}

#[test]
fn a_broken_script_is_reported_with_line_and_column_on_the_script_field() {
    let errors = LabLesson.check(&values("a io 1s\nb iox 1s\nc io 1s after c", "gather"));
    assert_eq!(errors.len(), 2);
    assert!(errors.iter().all(|e| e.key == "script"));
    assert!(
        errors[0].message.starts_with("Line 2, column 3: "),
        "{}",
        errors[0].message
    );
    assert!(
        errors[1].message.starts_with("Line 3, column 15: "),
        "{}",
        errors[1].message
    );
}

#[test]
fn dependencies_ignored_by_the_strategy_are_pointed_out() {
    let v = values("a io 1s\nb io 1s after a", "gather");
    let all = LabLesson.insights(&[], &Lab::read(&v));
    assert!(insight(&all, "ignored").starts_with("ignored"));
    let chained = values("a io 1s\nb io 1s after a", "chained");
    let chained = LabLesson.insights(&[], &Lab::read(&chained));
    assert!(chained.iter().all(|i| i.key != "ignored"));
}

#[test]
fn hand_built_values_without_a_valid_script_fall_back_to_the_default_scenario() {
    let mut v = ParamValues::default();
    v.0.insert("script".into(), f64::NAN);
    v.1.insert("strategy".into(), "<img onerror=x>".into());
    let plans = LabLesson.plan(LabAction::Run, &Lab::read(&v));
    assert_eq!(plans[0].scenario.tasks.len(), 7);
    assert_eq!(plans[0].strategy, Strategy::Chained);
}

#[test]
fn comparing_runs_the_script_with_all_five_strategies_in_order_one_at_a_time() {
    let mut v = values("a io 1s\nb io 1s after a\nc io 1s", "gather");
    v.0.insert("k".into(), 2.0);
    let plans = LabLesson.plan(LabAction::Compare, &Lab::read(&v));
    let strategies: Vec<Strategy> = plans.iter().map(|p| p.strategy).collect();
    assert_eq!(
        strategies,
        [
            Strategy::Sequential,
            Strategy::GatherReturnExceptions,
            Strategy::Semaphore { limit: 2 },
            Strategy::TaskGroupCancel,
            Strategy::Chained,
        ]
    );
    assert_eq!(LabLesson::INFO.runs, RunOrder::OneAtATime);
    let runs = predicted(&plans);
    let makespans: Vec<f64> = runs.iter().map(|r| r.makespan_ms).collect();
    // Only the chained run waits for a before starting b.
    assert_eq!(makespans, [3000.0, 1000.0, 2000.0, 1000.0, 2000.0]);
    let all = LabLesson.insights(&runs, &Lab::read(&v));
    let labels: Vec<&str> = all
        .iter()
        .filter(|i| i.key == "makespan")
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels.len(), 5);
    assert!(labels.iter().all(|l| l.starts_with("Measured makespan, ")));
    assert!(insight(&all, "ignored").contains("the other four"));
}
