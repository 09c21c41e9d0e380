//! The lab's scenario language: a visitor's own list of tasks, one per line, parsed by
//! hand into a [`crate::engine::Scenario`]. It is data, never code: nothing is evaluated.
//!
//! # Grammar
//!
//! ```text
//! script   = line { "\n" line }                  (a "\r" before "\n" is ignored)
//! line     = blanks [ task ] blanks [ comment ]
//! comment  = "#" { any character }               (to the end of the line)
//! task     = name blanks kind blanks duration { blanks option }
//! option   = "fails"
//!          | "after" blanks name { blanks? "," blanks? name }
//! name     = ( letter | digit | "_" | "-" ){1..=40}   (ASCII; case-sensitive; unique;
//!                                           not one of the words io, cpu, after, fails)
//! kind     = "io" | "cpu"
//! duration = digits [ "." digits ] ( "ms" | "s" )     (for example 250ms, 2s, 1.5s)
//! blanks   = { " " | "\t" }
//! ```
//!
//! Keywords and units are lowercase. Each option may appear once, in either order. A
//! dependency may name a task defined further down. Limits: at most [`MAX_SCRIPT_TASKS`] tasks,
//! [`MAX_LINE_CHARS`] characters per line and [`MAX_TEXT_CHARS`] in all; an I/O wait of
//! 0 to [`MAX_IO_MS`] ms; CPU work of 0 to [`MAX_CPU_MS`] ms per task and
//! [`MAX_TOTAL_CPU_MS`] ms in all (CPU work may run on the page's own thread, which it
//! freezes). A duration of 0 is allowed: a step that takes no time.
//!
//! Parsing returns the tasks, or the errors found, each with its line and column
//! (counted in characters from 1) and a sentence saying what is wrong: every one, or the
//! first [`MAX_LISTED`] and one more counting the rest ([`LabErrorKind::NotListed`]).

mod capped_list;
mod lab_error;
mod lab_error_kind;
mod lab_line;
mod lab_script;
mod lab_task;
mod line_tokens;

pub use crate::engine::WorkKind;
pub use capped_list::{cap_list, thousands, MAX_LISTED};
pub use lab_error::LabError;
pub use lab_error_kind::LabErrorKind;
pub use lab_script::LabScript;
pub use lab_task::LabTask;

/// The most tasks a script may have.
pub const MAX_SCRIPT_TASKS: usize = 500;
/// The longest line, in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// The longest script, in characters.
pub const MAX_TEXT_CHARS: usize = 40_000;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The longest I/O wait, in milliseconds (60 s).
pub const MAX_IO_MS: f64 = 60_000.0;
/// The most CPU work of one task, in milliseconds (1 s).
pub const MAX_CPU_MS: f64 = 1_000.0;
/// The most CPU work of a whole script, in milliseconds (10 s).
pub const MAX_TOTAL_CPU_MS: f64 = 10_000.0;
/// Words that cannot name a task.
pub const RESERVED: [&str; 4] = ["io", "cpu", "after", "fails"];
