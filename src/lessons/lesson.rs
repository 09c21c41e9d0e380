use crate::engine::{EventLoopTrace, ParamError, ParamSpec, ParamValues, RunRecord, ScalingPoint};

use super::{ActionSpec, CodeSample, Insight, Panels, RunPlan};

/// The static description of a lesson: what the page shows before anything runs.
#[derive(Debug, Clone, Copy)]
pub struct LessonInfo {
    /// Short id used in URLs and exports (for example `gather`).
    pub id: &'static str,
    /// Title shown on the page.
    pub title: &'static str,
    /// Short name shown in the navigation.
    pub nav_title: &'static str,
    /// One-sentence summary shown under the title.
    pub summary: &'static str,
    /// Explanation paragraphs, plain text (never HTML).
    pub explanation: &'static [&'static str],
    /// The lesson's parameters.
    pub params: &'static [ParamSpec],
    /// The buttons that start runs; the first is the main one.
    pub actions: &'static [ActionSpec],
    /// Which views the page shows.
    pub panels: Panels,
}

/// A lesson: its description, its parameter rules, how each action becomes runs, its
/// code, and how it reads its results.
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

    /// Python asyncio and Rust code for these values (kept in sync with what runs).
    fn code(&self, values: &ParamValues) -> Vec<CodeSample>;

    /// The lesson's reading of finished runs, as labelled values.
    fn insights(&self, _runs: &[RunRecord], _values: &ParamValues) -> Vec<Insight> {
        Vec::new()
    }

    /// A recorded event-loop trace for the stepper panel (virtual time).
    fn trace(&self, _values: &ParamValues) -> Option<(RunRecord, EventLoopTrace)> {
        None
    }

    /// Theoretical scaling curves for the scaling panel (virtual time).
    fn scaling(&self, _values: &ParamValues) -> Vec<ScalingPoint> {
        Vec::new()
    }
}
