use crate::engine::{ParamError, ParamSpec, ParamValues};

use super::{ActionSpec, CodeSample, RunPlan};

/// The static description of a lesson: what the page shows before anything runs.
#[derive(Debug, Clone, Copy)]
pub struct LessonInfo {
    /// Short id used in URLs and exports (for example `gather`).
    pub id: &'static str,
    /// Title shown on the page and in the navigation.
    pub title: &'static str,
    /// One-sentence summary shown under the title.
    pub summary: &'static str,
    /// Explanation paragraphs, plain text (never HTML).
    pub explanation: &'static [&'static str],
    /// Code panes: Python asyncio beside Rust.
    pub code: &'static [CodeSample],
    /// The lesson's parameters.
    pub params: &'static [ParamSpec],
    /// The buttons that start runs.
    pub actions: &'static [ActionSpec],
}

/// A lesson: its description, its parameter rules, and how each action becomes runs.
///
/// Lessons are pure: they plan runs on engine types, and the page runs the plans on the
/// clock it is given (the browser's timers, or virtual time for predictions).
pub trait Lesson: Sync {
    /// The static description.
    fn info(&self) -> &'static LessonInfo;

    /// Rules that involve more than one parameter (for example min ≤ max).
    fn check(&self, _values: &ParamValues) -> Vec<ParamError> {
        Vec::new()
    }

    /// The runs that `action` starts with these (validated) values. Runs of one action
    /// start together, side by side on the same event loop.
    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan>;
}
