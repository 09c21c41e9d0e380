//! Lessons: one file per lesson, plus the registry below.
//!
//! Lessons are pure Rust, like the engine: each has its parameters, plans its runs on
//! engine types, and carries its explanation and code panes. Adding a lesson means adding
//! its file and one line to [`ALL`].
//!
//! The lesson with id `x` (the page `?lesson=x`) lives in `src/lessons/x.rs`, with `-`
//! written `_` (`cpu-gather` is `cpu_gather.rs`); its longer tests, if any, in
//! `src/lessons/tests/x.rs` and its code panes in `src/lessons/code/`.

pub mod action_run;
mod action_spec;
mod code_sample;
mod cpu_work;
pub mod handover;
mod insight;
mod lab_code;
mod lesson;
pub mod outcomes;
pub mod panels;
pub mod params;
pub mod permalink;
mod run_plan;
mod support;

pub mod chain;
// The id `loop` is a Rust keyword, so this one module is named apart from its file.
#[path = "loop.rs"]
pub mod event_loop;
pub mod failures;
pub mod flood;
pub mod gather;
pub mod order;
pub mod scaling;

pub mod blocking;
pub mod cooks;
pub mod cpu_gather;
pub mod mandelbrot;
pub mod mixed;
pub mod table;

pub mod exercise;
pub mod lab;
pub mod search;
pub mod server;

pub use action_spec::ActionSpec;
pub use code_sample::CodeSample;
pub use insight::Insight;
pub use lesson::{Action, AnyLesson, Lesson, LessonInfo, NoAction, Params};
pub use panels::{Panel, RunOrder, TimelineExtra};
pub use run_plan::RunPlan;

/// Every lesson, in navigation order. The first is the home page.
pub static ALL: &[&dyn AnyLesson] = &[
    &gather::GatherLesson,
    &order::OrderLesson,
    &flood::FloodLesson,
    &failures::FailuresLesson,
    &chain::ChainLesson,
    &event_loop::EventLoopLesson,
    &scaling::ScalingLesson,
    &blocking::BlockingLesson,
    &cpu_gather::CpuGatherLesson,
    &cooks::CooksLesson,
    &table::TableLesson,
    &mixed::MixedLesson,
    &mandelbrot::MandelbrotLesson,
    &server::ServerLesson,
    &search::LiveSearchLesson,
    &exercise::ExerciseLesson,
    &lab::LabLesson,
];

/// The navigation's sections: each starts at the lesson with this id, in [`ALL`]'s order.
pub static SECTIONS: &[(&str, &str)] = &[
    ("gather", "Waiting"),
    ("blocking", "Computing"),
    ("server", "In practice"),
    ("exercise", "Your turn"),
];

/// The lesson with this id, if any.
pub fn find(id: &str) -> Option<&'static dyn AnyLesson> {
    ALL.iter().copied().find(|l| l.info().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ParamValues;

    #[test]
    fn lesson_ids_are_unique_and_findable() {
        for lesson in ALL {
            let id = lesson.info().id;
            assert_eq!(ALL.iter().filter(|l| l.info().id == id).count(), 1);
            assert!(find(id).is_some());
        }
        assert!(find("nope").is_none());
    }

    #[test]
    fn every_action_of_every_lesson_plans_at_least_one_finite_run() {
        for lesson in ALL {
            let info = lesson.info();
            let values = ParamValues::defaults(info.params);
            assert!(lesson.check(&values).is_empty(), "{} defaults", info.id);
            assert!(!lesson.code(&values).is_empty(), "{} has code", info.id);
            for action in lesson.actions() {
                let plans = lesson.plan(action.key, &values);
                assert!(!plans.is_empty(), "{} {}", info.id, action.key);
                assert!(plans.iter().all(|p| p.predict().is_some()));
            }
        }
    }

    #[test]
    fn the_lesson_of_each_id_lives_in_the_file_of_that_name() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lessons");
        for lesson in ALL {
            let id = lesson.info().id;
            let file = dir.join(format!("{}.rs", id.replace('-', "_")));
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(
                text.contains(&format!("id: \"{id}\"")),
                "{id}: {}",
                file.display()
            );
        }
    }

    #[test]
    fn every_section_starts_at_a_lesson_and_the_first_starts_the_navigation() {
        for (id, name) in SECTIONS {
            assert!(find(id).is_some(), "{name} starts at {id}");
        }
        assert_eq!(SECTIONS[0].0, ALL[0].info().id);
    }

    #[test]
    fn every_default_value_passes_its_own_spec() {
        for lesson in ALL {
            for spec in lesson.info().params {
                if spec.is_text() {
                    let text = spec.default_text();
                    assert_eq!(spec.parse_text(text).as_deref(), Ok(text), "{}", spec.key);
                } else {
                    assert_eq!(
                        spec.check(spec.default_number()),
                        Ok(spec.default_number()),
                        "{}",
                        spec.key
                    );
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "tests/labels.rs"]
mod labels_tests;
