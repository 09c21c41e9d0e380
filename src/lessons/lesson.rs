use crate::engine::{EventLoopTrace, ParamError, ParamSpec, ParamValues, RunRecord, ScalingPoint};

use super::{ActionSpec, CodeSample, Insight, Panel, RunOrder, RunPlan};

/// The static description of a lesson: what the page shows before anything runs.
#[derive(Debug, Clone, Copy)]
pub struct LessonInfo {
    /// Short id used in URLs and exports (for example `gather`, the file
    /// `src/lessons/gather.rs`).
    pub id: &'static str,
    /// Title shown on the page.
    pub title: &'static str,
    /// Short name shown in the navigation.
    pub nav_title: &'static str,
    /// One-sentence summary shown under the title.
    pub summary: &'static str,
    /// Explanation paragraphs, plain text (never HTML).
    pub explanation: &'static [&'static str],
    /// The lesson's parameters, in the form's order.
    pub params: &'static [ParamSpec],
    /// What the page shows, in order.
    pub panels: &'static [Panel],
    /// How the runs of one action start.
    pub runs: RunOrder,
}

/// The buttons of a lesson: an enum whose variants are its actions, written with
/// [`actions!`](crate::actions) (which also gives each its URL key and label).
pub trait Action: Copy + Eq + std::fmt::Debug + 'static {
    /// Every action, the main one first (one button each, in this order).
    const ALL: &'static [Self];

    /// The action's key and button label.
    fn spec(self) -> ActionSpec;

    /// The action whose key is `key`, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.spec().key == key)
    }
}

/// Declares a lesson's action enum: each variant with its key and button label, the main
/// action first.
///
/// ```ignore
/// actions! {
///     /// What the gather lesson's buttons start.
///     pub enum GatherAction {
///         Both = ("both", "Run both"),
///         Sequential = ("sequential", "Run sequential"),
///     }
/// }
/// ```
#[macro_export]
macro_rules! actions {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = ($key:literal, $label:literal)),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $crate::lessons::Action for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn spec(self) -> $crate::lessons::ActionSpec {
                match self {
                    $($name::$variant => $crate::lessons::ActionSpec { key: $key, label: $label }),+
                }
            }
        }
    };
}

/// The action type of a lesson without buttons (its panel is its own widget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAction {}

impl Action for NoAction {
    const ALL: &'static [Self] = &[];

    fn spec(self) -> ActionSpec {
        match self {}
    }
}

/// A lesson's parameters as typed values, read from values the form or the link has
/// already validated. Readers clamp what they read, so hand-built values never panic.
pub trait Params: Sized {
    /// Reads the parameters.
    fn read(values: &ParamValues) -> Self;
}

/// A lesson: its description, its typed parameters and actions, how each action becomes
/// runs, its code, and how it reads its results. One file per lesson implements it.
///
/// Lessons are pure: they plan runs on engine types, and the page runs the plans on the
/// clock it is given (the browser's timers, or virtual time for predictions).
pub trait Lesson: Sync + 'static {
    /// The parameters, read from the form's validated values.
    type Params: Params;
    /// The buttons.
    type Action: Action;

    /// The static description.
    const INFO: &'static LessonInfo;

    /// Rules that involve more than one parameter (for example min ≤ max), on the values
    /// as given (before [`Params::read`] clamps them).
    fn check(&self, _values: &ParamValues) -> Vec<ParamError> {
        Vec::new()
    }

    /// The runs that `action` starts. Runs of one action start together, side by side on
    /// the same event loop, unless [`LessonInfo::runs`] says one at a time.
    fn plan(&self, action: Self::Action, params: &Self::Params) -> Vec<RunPlan>;

    /// Python asyncio and Rust code for these parameters (kept in sync with what runs).
    fn code(&self, params: &Self::Params) -> Vec<CodeSample>;

    /// The lesson's reading of finished runs, as labelled values.
    fn insights(&self, _runs: &[RunRecord], _params: &Self::Params) -> Vec<Insight> {
        Vec::new()
    }

    /// A recorded event-loop trace for [`Panel::Stepper`] (virtual time).
    fn trace(&self, _params: &Self::Params) -> Option<(RunRecord, EventLoopTrace)> {
        None
    }

    /// Theoretical scaling curves for [`Panel::Scaling`] (virtual time).
    fn scaling(&self, _params: &Self::Params) -> Vec<ScalingPoint> {
        Vec::new()
    }
}

/// What the page sees of a lesson: [`Lesson`] with its types erased, so every lesson fits
/// in one list. Actions travel as their keys, which come from [`AnyLesson::actions`];
/// an unknown key plans nothing.
pub trait AnyLesson: Sync {
    /// The static description.
    fn info(&self) -> &'static LessonInfo;
    /// The buttons, the main one first.
    fn actions(&self) -> Vec<ActionSpec>;
    /// See [`Lesson::check`].
    fn check(&self, values: &ParamValues) -> Vec<ParamError>;
    /// See [`Lesson::plan`]; nothing for a key that is not one of [`AnyLesson::actions`].
    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan>;
    /// See [`Lesson::code`].
    fn code(&self, values: &ParamValues) -> Vec<CodeSample>;
    /// See [`Lesson::insights`].
    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight>;
    /// See [`Lesson::trace`].
    fn trace(&self, values: &ParamValues) -> Option<(RunRecord, EventLoopTrace)>;
    /// See [`Lesson::scaling`].
    fn scaling(&self, values: &ParamValues) -> Vec<ScalingPoint>;
}

impl<L: Lesson> AnyLesson for L {
    fn info(&self) -> &'static LessonInfo {
        L::INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        L::Action::ALL.iter().map(|a| a.spec()).collect()
    }

    fn check(&self, values: &ParamValues) -> Vec<ParamError> {
        Lesson::check(self, values)
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        match L::Action::from_key(action) {
            Some(action) => Lesson::plan(self, action, &L::Params::read(values)),
            None => Vec::new(),
        }
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        Lesson::code(self, &L::Params::read(values))
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        Lesson::insights(self, runs, &L::Params::read(values))
    }

    fn trace(&self, values: &ParamValues) -> Option<(RunRecord, EventLoopTrace)> {
        Lesson::trace(self, &L::Params::read(values))
    }

    fn scaling(&self, values: &ParamValues) -> Vec<ScalingPoint> {
        Lesson::scaling(self, &L::Params::read(values))
    }
}
