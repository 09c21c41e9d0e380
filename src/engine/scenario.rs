use super::{ParamValues, TaskSpec};

/// The most tasks a scenario built from parameters may have (the engine itself runs any
/// number; this bounds what a hand-built or hostile parameter set can ask for).
pub const MAX_SCENARIO_TASKS: usize = 1000;

/// The numbers that define a random scenario: how many tasks, their duration range,
/// the random seed and the time scale.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ScenarioParams {
    /// Number of tasks.
    pub count: usize,
    /// Shortest duration, in seconds (before scaling).
    pub min_s: f64,
    /// Longest duration, in seconds (before scaling).
    pub max_s: f64,
    /// Seed of the random durations: the same seed gives the same scenario.
    pub seed: u64,
    /// Multiplier applied to every duration (0.1 runs ten times faster).
    pub scale: f64,
}

impl Default for ScenarioParams {
    /// Five tasks of 1–5 s, as in the gather example, run at 0.2× for a quick first look.
    fn default() -> Self {
        Self {
            count: 5,
            min_s: 1.0,
            max_s: 5.0,
            seed: 1,
            scale: 0.2,
        }
    }
}

impl ScenarioParams {
    /// Reads `n`, `min`, `max`, `seed` and `scale` from validated values, using the
    /// defaults for anything absent. Values are clamped to sane ranges, so even a
    /// hand-built [`ParamValues`] cannot produce a broken scenario.
    pub fn from_values(values: &ParamValues) -> Self {
        let d = Self::default();
        let read = |key: &str, fallback: f64, lo: f64, hi: f64| {
            let v = values.get_or(key, fallback);
            if v.is_finite() {
                v.clamp(lo, hi)
            } else {
                fallback
            }
        };
        let min_s = read("min", d.min_s, 0.0, 3600.0);
        let max_s = read("max", d.max_s, 0.0, 3600.0).max(min_s);
        Self {
            count: read("n", d.count as f64, 1.0, MAX_SCENARIO_TASKS as f64) as usize,
            min_s,
            max_s,
            seed: read("seed", d.seed as f64, 0.0, u32::MAX as f64) as u64,
            scale: read("scale", d.scale, 0.001, 100.0),
        }
    }
}

/// A list of tasks to run, drawn reproducibly from [`ScenarioParams`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scenario {
    /// The tasks, in input order.
    pub tasks: Vec<TaskSpec>,
}

impl Scenario {
    /// Draws `count` durations uniformly between `min_s` and `max_s` (whole milliseconds)
    /// from a PRNG seeded with `seed`, then multiplies them by `scale`.
    pub fn generate(params: &ScenarioParams) -> Self {
        let mut rng = fastrand::Rng::with_seed(params.seed);
        let lo = (params.min_s * 1000.0).round().max(0.0) as u64;
        let hi = ((params.max_s * 1000.0).round() as u64).max(lo);
        let tasks = (0..params.count)
            .map(|id| {
                let raw_ms = rng.u64(lo..=hi) as f64;
                TaskSpec::new(
                    id,
                    format!("task {}", id + 1),
                    (raw_ms * params.scale).round(),
                )
            })
            .collect();
        Self { tasks }
    }

    /// A scenario with the given durations (milliseconds), labelled `task 1`, `task 2`, ….
    pub fn from_durations(durations_ms: &[f64]) -> Self {
        Self {
            tasks: durations_ms
                .iter()
                .enumerate()
                .map(|(id, &d)| TaskSpec::new(id, format!("task {}", id + 1), d))
                .collect(),
        }
    }

    /// Σd: the sum of all durations, the makespan of a sequential run.
    pub fn total_ms(&self) -> f64 {
        self.tasks.iter().map(|t| t.duration_ms).sum()
    }

    /// max d: the longest duration, the makespan of an ideal gather.
    pub fn longest_ms(&self) -> f64 {
        self.tasks.iter().map(|t| t.duration_ms).fold(0.0, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_durations_and_another_seed_differs() {
        let p = ScenarioParams::default();
        assert_eq!(Scenario::generate(&p), Scenario::generate(&p));
        let other = ScenarioParams { seed: 2, ..p };
        assert_ne!(Scenario::generate(&p), Scenario::generate(&other));
    }

    #[test]
    fn durations_stay_within_the_scaled_range() {
        let p = ScenarioParams {
            count: 500,
            min_s: 1.0,
            max_s: 5.0,
            seed: 9,
            scale: 1.0,
        };
        let s = Scenario::generate(&p);
        assert_eq!(s.tasks.len(), 500);
        assert!(s
            .tasks
            .iter()
            .all(|t| (1000.0..=5000.0).contains(&t.duration_ms)));
        let scaled = Scenario::generate(&ScenarioParams { scale: 0.1, ..p });
        for (a, b) in s.tasks.iter().zip(&scaled.tasks) {
            assert_eq!((a.duration_ms * 0.1).round(), b.duration_ms);
        }
    }

    #[test]
    fn equal_min_and_max_give_equal_durations() {
        let p = ScenarioParams {
            count: 4,
            min_s: 2.0,
            max_s: 2.0,
            seed: 3,
            scale: 1.0,
        };
        let s = Scenario::generate(&p);
        assert!(s.tasks.iter().all(|t| t.duration_ms == 2000.0));
    }

    #[test]
    fn out_of_range_values_are_clamped_rather_than_trusted() {
        let mut v = ParamValues::default();
        v.0.insert("n".into(), -4.0);
        v.0.insert("min".into(), 9.0);
        v.0.insert("max".into(), 1.0);
        v.0.insert("scale".into(), 0.0);
        let p = ScenarioParams::from_values(&v);
        assert_eq!(p.count, 1);
        assert_eq!((p.min_s, p.max_s), (9.0, 9.0));
        assert_eq!(p.scale, 0.001);
    }

    #[test]
    fn non_finite_and_huge_values_fall_back_or_clamp_without_panicking() {
        let mut v = ParamValues::default();
        v.0.insert("min".into(), f64::NAN);
        v.0.insert("max".into(), f64::INFINITY);
        v.0.insert("n".into(), 1e12);
        let p = ScenarioParams::from_values(&v);
        assert_eq!((p.min_s, p.max_s), (1.0, 5.0));
        assert_eq!(p.count, MAX_SCENARIO_TASKS);
    }
}
