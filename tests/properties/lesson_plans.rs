//! The costly property: every action of every lesson plans finishing runs and code from
//! hostile values.

use super::generators::*;

use super::*;

proptest! {
    #![proptest_config(config(COSTLY_CASES, COSTLY))]

    #[test]
    fn every_action_of_every_lesson_plans_finishing_runs_and_code_from_hostile_values(
        (i, values) in lesson_and_hostile_values(),
        stray_action in "[a-z_]{0,12}",
    ) {
        let lesson = ALL[i];
        let info = lesson.info();
        let actions = lesson.actions();
        if !actions.iter().any(|a| a.key == stray_action) {
            // An action the lesson does not have plans nothing (it never runs everything).
            prop_assert!(lesson.plan(&stray_action, &values).is_empty(), "{} {}", info.id, stray_action);
        }
        for action in actions.iter().map(|a| a.key) {
            let plans = lesson.plan(action, &values);
            prop_assert!(!plans.is_empty(), "{} {}: no plan", info.id, action);
            let mut runs = Vec::new();
            for plan in &plans {
                let run = plan.predict();
                prop_assert!(run.is_some(), "{} {}: a plan never finishes", info.id, action);
                runs.extend(run);
            }
            let _ = lesson.insights(&runs, &values);
        }
        prop_assert!(!lesson.code(&values).is_empty());
        let _ = lesson.trace(&values);
        let _ = lesson.scaling(&values);
    }
}
