//! Parameter specs shared by the lessons that draw a random scenario.

use crate::engine::{NumberRange, ParamError, ParamKind, ParamSpec, ParamValues};

/// Number of tasks (1–50).
pub const COUNT: ParamSpec = ParamSpec {
    key: "n",
    label: "Tasks",
    help: "How many simulated I/O calls to make.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 50.0,
        default: 5.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Shortest task duration, in seconds.
pub const MIN_S: ParamSpec = ParamSpec {
    key: "min",
    label: "Shortest",
    help: "Each task waits a random time between the shortest and the longest.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 60.0,
        default: 1.0,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

/// Longest task duration, in seconds.
pub const MAX_S: ParamSpec = ParamSpec {
    key: "max",
    label: "Longest",
    help: "Must not be shorter than the shortest.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 60.0,
        default: 5.0,
        step: 0.1,
        unit: "s",
        whole: false,
    }),
};

/// Seed of the random durations.
pub const SEED: ParamSpec = ParamSpec {
    key: "seed",
    label: "Random seed",
    help: "The same seed always draws the same durations.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 4_294_967_295.0,
        default: 1.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Time scale applied to every duration.
pub const SCALE: ParamSpec = ParamSpec {
    key: "scale",
    label: "Time scale",
    help: "0.1 runs ten times faster than real time; 1 is real time.",
    kind: ParamKind::Number(NumberRange {
        min: 0.01,
        max: 10.0,
        default: 0.2,
        step: 0.05,
        unit: "×",
        whole: false,
    }),
};

/// The five parameters of a random scenario, in display order.
pub const SCENARIO: [ParamSpec; 5] = [COUNT, MIN_S, MAX_S, SEED, SCALE];

/// The shortest duration must not exceed the longest.
pub fn check_range(values: &ParamValues) -> Vec<ParamError> {
    let min = values.get_or(MIN_S.key, MIN_S.default_number());
    let max = values.get_or(MAX_S.key, MAX_S.default_number());
    if min > max {
        vec![ParamError::new(
            MAX_S.key,
            "The longest duration must be at least the shortest.",
        )]
    } else {
        Vec::new()
    }
}
