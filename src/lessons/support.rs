//! Small helpers shared by the lessons: reading parameters safely (for `Params::read`),
//! planning one run per strategy, and writing times for insights and code panes.
//!
//! Every reader here clamps what it reads, so a hand-built [`ParamValues`] (missing keys,
//! NaN, values out of range) can never make a lesson panic.

use crate::engine::{
    ParamSpec, ParamValues, RunOptions, RunRecord, Scenario, ScenarioParams, Strategy,
};

use super::{params, RunPlan};

/// The value of `spec` in `values`, clamped to the spec's range; the spec's default when
/// it is absent or not a finite number.
pub(super) fn read_number(values: &ParamValues, spec: &ParamSpec) -> f64 {
    let Some(range) = spec.number() else {
        return 0.0;
    };
    let v = values.get_or(spec.key, range.default);
    let v = if v.is_finite() { v } else { range.default };
    v.max(range.min).min(range.max)
}

/// Like [`read_number`], rounded down to a whole number (never negative).
pub(super) fn read_count(values: &ParamValues, spec: &ParamSpec) -> usize {
    read_number(values, spec).floor().max(0.0) as usize
}

/// The random scenario's parameters (`n`, `min`, `max`, `seed`, `scale`), with the
/// count read through `count_spec` (lessons give it their own range), every field
/// clamped to its spec; a shortest duration above the longest counts as equal to it.
pub(super) fn scenario_params(values: &ParamValues, count_spec: &ParamSpec) -> ScenarioParams {
    let min_s = read_number(values, &params::MIN_S);
    ScenarioParams {
        count: read_count(values, count_spec).max(1),
        min_s,
        max_s: read_number(values, &params::MAX_S).max(min_s),
        seed: read_number(values, &params::SEED) as u64,
        scale: read_number(values, &params::SCALE),
    }
}

/// Seconds from a parameter, turned into scaled milliseconds (whole milliseconds, as the
/// random scenarios use).
pub(super) fn scaled_ms(seconds: f64, scale: f64) -> f64 {
    (seconds * 1000.0 * scale).round()
}

/// One plan per strategy in `strategies`, all on `scenario` under `options` (a typed
/// action picks the strategies it runs).
pub(super) fn plans_for(
    strategies: impl IntoIterator<Item = Strategy>,
    scenario: &Scenario,
    options: RunOptions,
) -> Vec<RunPlan> {
    strategies
        .into_iter()
        .map(|s| RunPlan::new(s, scenario.clone()).with_options(options))
        .collect()
}

/// The first finished run of the strategy with this key, if any.
pub(super) fn run_of<'a>(runs: &'a [RunRecord], key: &str) -> Option<&'a RunRecord> {
    runs.iter().find(|r| r.strategy == key)
}

/// Milliseconds written as seconds with two decimals (`1.25 s`); `–` for a missing time.
pub(super) fn in_seconds(ms: f64) -> String {
    if ms.is_finite() {
        format!("{:.2} s", ms / 1000.0)
    } else {
        "–".to_string()
    }
}

/// A parameter value as the inputs show it (`3`, `0.5`), for the code panes.
pub(super) fn param_text(value: f64) -> String {
    ParamSpec::format_value(value)
}

/// Test helpers shared by the lessons' tests.
#[cfg(test)]
pub(super) mod testing {
    use crate::engine::{ParamSpec, ParamValues, RunRecord};
    use crate::lessons::{AnyLesson, Insight, RunPlan};

    /// Panics if a code pane of `lesson` for `values` still holds `{name}` for one of
    /// `names`.
    pub fn assert_no_placeholders(lesson: &dyn AnyLesson, values: &ParamValues) {
        use crate::lessons::code_sample::{CLOSE, OPEN};
        for sample in lesson.code(values) {
            for (language, text) in [("Python", &sample.python), ("Rust", &sample.rust)] {
                assert!(
                    !text.contains(OPEN) && !text.contains(CLOSE),
                    "{} / {} ({language}) keeps a placeholder:\n{text}",
                    lesson.info().id,
                    sample.title
                );
            }
        }
    }

    /// The defaults of `specs` with some values replaced.
    pub fn values_with(specs: &[ParamSpec], pairs: &[(&str, f64)]) -> ParamValues {
        let mut values = ParamValues::defaults(specs);
        for (k, v) in pairs {
            values.0.insert((*k).to_string(), *v);
        }
        values
    }

    /// The predicted (virtual-time) record of every plan.
    pub fn predicted(plans: &[RunPlan]) -> Vec<RunRecord> {
        plans
            .iter()
            .map(|p| p.predict().expect("finishes"))
            .collect()
    }

    /// The value of the insight with `key`; panics (failing the test) if there is none.
    pub fn insight(all: &[Insight], key: &str) -> String {
        all.iter()
            .find(|i| i.key == key)
            .map(|i| i.value.clone())
            .unwrap_or_else(|| panic!("no insight {key} in {all:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_missing_and_out_of_range_values_fall_back_or_are_clamped() {
        let mut values = ParamValues::default();
        values.0.insert("n".into(), f64::NAN);
        values.0.insert("min".into(), 99.0);
        values.0.insert("max".into(), -3.0);
        values.0.insert("scale".into(), f64::INFINITY);
        let p = scenario_params(&values, &params::COUNT);
        assert_eq!(p.count, 5);
        assert_eq!((p.min_s, p.max_s), (60.0, 60.0));
        assert_eq!(p.scale, params::SCALE.default_number());
        assert_eq!(p.seed, 1);
    }

    #[test]
    fn times_are_written_in_seconds_with_two_decimals() {
        assert_eq!(in_seconds(1250.0), "1.25 s");
        assert_eq!(in_seconds(f64::NAN), "–");
        assert_eq!(param_text(0.5), "0.5");
        assert_eq!(param_text(3.0), "3");
    }

    /// Values no form would send: every key of every lesson set to `value`.
    fn everything(value: f64) -> ParamValues {
        let mut values = ParamValues::default();
        for lesson in crate::lessons::ALL {
            for spec in lesson.info().params {
                values.0.insert(spec.key.to_string(), value);
            }
        }
        values
    }

    #[test]
    fn no_lesson_panics_on_hand_built_values() {
        let odd = [0.0, -1.0, 1e12, -1e12, 0.5, f64::INFINITY, f64::NAN];
        let cases = odd
            .iter()
            .map(|&v| everything(v))
            .chain([ParamValues::default()]);
        for values in cases {
            for lesson in crate::lessons::ALL {
                let info = lesson.info();
                let _ = lesson.check(&values);
                let _ = lesson.code(&values);
                let _ = lesson.trace(&values);
                let _ = lesson.scaling(&values);
                assert!(lesson.plan("nope", &values).is_empty(), "{}", info.id);
                for action in lesson.actions().iter().map(|a| a.key) {
                    let plans = lesson.plan(action, &values);
                    assert!(!plans.is_empty(), "{} {action}", info.id);
                    assert!(plans.len() <= 90, "{} {action}", info.id);
                    let runs: Vec<RunRecord> = plans.iter().filter_map(RunPlan::predict).collect();
                    assert_eq!(runs.len(), plans.len(), "{} {action}", info.id);
                    let _ = lesson.insights(&runs, &values);
                }
            }
        }
    }

    #[test]
    fn no_code_pane_of_any_lesson_keeps_a_placeholder_whatever_the_values() {
        for lesson in crate::lessons::ALL {
            let mut cases = vec![ParamValues::defaults(lesson.info().params)];
            for odd in [f64::NAN, -1.0, 0.0, 1e12] {
                let mut values = ParamValues::defaults(lesson.info().params);
                for spec in lesson.info().params {
                    values.0.insert(spec.key.to_string(), odd);
                }
                cases.push(values);
            }
            for values in &cases {
                testing::assert_no_placeholders(*lesson, values);
            }
        }
    }
}
