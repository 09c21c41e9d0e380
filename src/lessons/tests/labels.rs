//! Labels across every lesson at its defaults: one distinct name per run shown side by
//! side, no doubled words, and a reason wherever a prediction is not its stated bound.

use crate::engine::{cpu_floor_label, ParamValues, RunRecord};
use crate::lessons::support::testing::values_with;
use crate::lessons::{AnyLesson, Panel, RunPlan, ALL};

/// The first word written twice in a row (`returned returned`), ignoring case.
fn doubled_word(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let word = |w: &String| w.chars().any(char::is_alphabetic);
    (words.windows(2))
        .find(|w| w[0] == w[1] && word(&w[0]))
        .map(|w| w[0].clone())
}

/// Every action's plans with their predicted runs at the lesson's defaults.
fn default_runs(lesson: &dyn AnyLesson) -> Vec<(String, Vec<(RunPlan, RunRecord)>)> {
    runs_with(lesson, &[])
}

/// Every action's plans with their predicted runs at the defaults but for `pairs`.
fn runs_with(
    lesson: &dyn AnyLesson,
    pairs: &[(&str, f64)],
) -> Vec<(String, Vec<(RunPlan, RunRecord)>)> {
    let values = values_with(lesson.info().params, pairs);
    (lesson.actions().into_iter())
        .map(|a| {
            let plans = lesson.plan(a.key, &values).into_iter();
            let runs = plans.filter_map(|p| p.predict().map(|r| (p, r))).collect();
            (a.key.to_string(), runs)
        })
        .collect()
}

fn has_timelines(lesson: &dyn AnyLesson) -> bool {
    (lesson.info().panels.iter()).any(|p| matches!(p, Panel::Timelines(_)))
}

#[test]
fn doubled_words_are_found_and_only_they() {
    assert_eq!(
        doubled_word("Gather, errors returned returned").as_deref(),
        Some("returned")
    );
    assert_eq!(doubled_word("Results of Gather, errors returned"), None);
    assert_eq!(doubled_word("1 1 of 2"), None, "numbers may repeat");
    assert_eq!(doubled_word("153 ms / 197 ms"), None);
    assert_eq!(doubled_word(""), None);
}

#[test]
fn runs_shown_side_by_side_have_distinct_names() {
    for lesson in ALL.iter().copied().filter(|l| has_timelines(*l)) {
        for (action, runs) in default_runs(lesson) {
            let mut titles: Vec<String> = runs.iter().map(|(_, r)| r.title()).collect();
            let all = titles.clone();
            titles.sort();
            titles.dedup();
            assert_eq!(
                titles.len(),
                all.len(),
                "{} / {action}: {all:?}",
                lesson.info().id
            );
        }
    }
}

#[test]
fn no_label_doubles_a_word() {
    for lesson in ALL.iter().copied() {
        let values = ParamValues::defaults(lesson.info().params);
        for (action, runs) in default_runs(lesson) {
            let mut texts: Vec<String> = runs.iter().map(|(_, r)| r.results_heading()).collect();
            texts.extend(
                (runs.iter()).map(|(p, _)| p.strategy.bound_label_with(&p.scenario, &p.options)),
            );
            let records: Vec<RunRecord> = runs.into_iter().map(|(_, r)| r).collect();
            let insights = lesson.insights(&records, &values);
            texts.extend(
                insights
                    .iter()
                    .flat_map(|i| [i.label.clone(), i.value.clone()]),
            );
            for text in texts {
                assert_eq!(
                    doubled_word(&text),
                    None,
                    "{} / {action}: {text}",
                    lesson.info().id
                );
            }
        }
    }
}

#[test]
fn a_prediction_away_from_its_bound_says_why() {
    // At the defaults, and on every pool size up to 4 where the lesson has one.
    let pools = [None, Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
    for lesson in ALL.iter().copied().filter(|l| has_timelines(*l)) {
        let has_pool = lesson.info().params.iter().any(|p| p.key == "workers");
        let sizes = pools.iter().filter(|w| has_pool || w.is_none());
        let all = sizes.flat_map(|w| match w {
            Some(w) => runs_with(lesson, &[("workers", *w)]),
            None => default_runs(lesson),
        });
        for (action, runs) in all {
            for (plan, run) in runs {
                if (run.makespan_ms - run.bound_ms).abs() < 0.5 {
                    continue;
                }
                let label = plan
                    .strategy
                    .bound_label_with(&plan.scenario, &plan.options);
                let plain = [
                    plan.strategy.bound_label_for(&plan.scenario).to_string(),
                    cpu_floor_label(plan.options.workers),
                ];
                assert!(
                    !plain.contains(&label),
                    "{} / {action}: {} predicted {} against {label} = {}",
                    lesson.info().id,
                    run.title(),
                    run.makespan_ms,
                    run.bound_ms
                );
            }
        }
    }
}
