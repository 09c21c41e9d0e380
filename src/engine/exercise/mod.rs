//! The I/O-bound vs CPU-bound exercise as pure data: the catalogue of tasks (what each
//! really is and the right answer with its reason), the visitor's answers, the score, and
//! the verdict on two measured times.
//!
//! Nothing here runs anything: the exercise lesson turns each item into run plans, and
//! the page measures them.

mod answer;
mod best_runner;
mod catalogue;
mod exercise_item;
mod payoff;
mod runner;
mod score;
mod verdict;
mod workload;

pub use crate::engine::WorkKind;
pub use answer::Answer;
pub use catalogue::CATALOGUE;
pub use exercise_item::ExerciseItem;
pub use payoff::Payoff;
pub use runner::Runner;
pub use score::Score;
pub use verdict::{ratio_text, time_text, Verdict};
pub use workload::Workload;
