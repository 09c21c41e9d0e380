//! Property-based hardening tests (native only): permalinks, parameter parsing, lesson
//! plans and strategy specs, on generated and hostile inputs.
//!
//! `cargo test` runs a few hundred cases per property (a few dozen for the costly
//! plan/predict property) in a few seconds. The case count is set by `PROPTEST_CASES`:
//! `make fuzz-long` runs `PROPTEST_CASES=1000000 cargo test --release --test properties`,
//! a million inputs for every cheap property; the plan/predict property, which predicts
//! every run of every action per input, runs one case in [`COSTLY`] of that.
#![cfg(not(target_arch = "wasm32"))]

mod generators;
mod lab_cost;
mod lab_scripts;
mod lesson_plans;
mod links_and_params;
mod oracles;

use std::collections::BTreeSet;

use asyncscope::engine::{self, ParamKind, ParamSpec, ParamValues, Scenario, ScenarioParams};
use asyncscope::lessons::permalink::{query_for, Permalink, MAX_QUERY_LEN};
use asyncscope::lessons::{find, AnyLesson, ALL};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;

/// The most tasks `ScenarioParams::from_values` allows.
pub(crate) use asyncscope::engine::MAX_SCENARIO_TASKS as MAX_TASKS;

/// Cases of the cheap properties in a plain `cargo test`.
pub(crate) const CHEAP_CASES: u32 = 256;
/// Cases of the plan/predict property in a plain `cargo test`.
pub(crate) const COSTLY_CASES: u32 = 32;
/// With `PROPTEST_CASES` set, the plan/predict property runs this many times fewer cases.
pub(crate) const COSTLY: u32 = 8;

/// `default_cases` cases, unless `PROPTEST_CASES` says otherwise (then that number,
/// divided by `divisor`).
pub(crate) fn config(default_cases: u32, divisor: u32) -> Config {
    // `Config::default()` reads the PROPTEST_* variables.
    let mut config = Config::default();
    config.cases = match std::env::var("PROPTEST_CASES") {
        Ok(_) => (config.cases / divisor).max(1),
        Err(_) => default_cases,
    };
    config
}
