use super::{DependencyError, DependencyGraph, RunOptions, Scenario};

/// The longest chain of tasks that must run one after another because of their `after`
/// lists: the makespan of [`crate::engine::Strategy::Chained`] when nothing fails.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CriticalPath {
    /// Total duration of the chain, in milliseconds.
    pub length_ms: f64,
    /// Ids of the chain's tasks, first to run first (empty for an empty scenario).
    pub tasks: Vec<usize>,
}

impl CriticalPath {
    /// The critical path of `scenario`, each task lasting its duration capped by the
    /// timeout of `options`; fails on an unknown id or a cycle. On ties the chain ending
    /// at the earliest task in input order wins.
    pub fn of(scenario: &Scenario, options: &RunOptions) -> Result<Self, DependencyError> {
        let graph = DependencyGraph::new(&scenario.tasks)?;
        let tasks = &scenario.tasks;
        let mut finish = vec![0.0_f64; tasks.len()];
        let mut via: Vec<Option<usize>> = vec![None; tasks.len()];
        for &p in &graph.order {
            let mut start = 0.0_f64;
            for &d in &graph.deps[p] {
                if finish[d] > start || via[p].is_none() {
                    start = start.max(finish[d]);
                    via[p] = Some(d);
                }
            }
            finish[p] = start + options.effective_ms(tasks[p].duration_ms);
        }
        let mut end: Option<usize> = None;
        for p in 0..tasks.len() {
            if end.is_none_or(|e| finish[p] > finish[e]) {
                end = Some(p);
            }
        }
        let mut chain = Vec::new();
        let mut cursor = end;
        while let Some(p) = cursor {
            chain.push(tasks[p].id);
            cursor = via[p];
        }
        chain.reverse();
        Ok(Self {
            length_ms: end.map_or(0.0, |e| finish[e]),
            tasks: chain,
        })
    }
}

/// The critical path of `scenario` with no timeout (see [`CriticalPath::of`]).
pub fn critical_path(scenario: &Scenario) -> Result<CriticalPath, DependencyError> {
    CriticalPath::of(scenario, &RunOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::TaskSpec;

    fn scenario(tasks: Vec<TaskSpec>) -> Scenario {
        Scenario { tasks }
    }

    #[test]
    fn user_then_orders_is_a_3_second_path_and_the_independent_profile_is_off_it() {
        let s = scenario(vec![
            TaskSpec::new(0, "user", 2000.0),
            TaskSpec::new(1, "orders", 1000.0).after(&[0]),
            TaskSpec::new(2, "profile", 2500.0),
        ]);
        let path = critical_path(&s).unwrap();
        assert_eq!(path.length_ms, 3000.0);
        assert_eq!(path.tasks, vec![0, 1]);
    }

    #[test]
    fn a_diamond_follows_its_longer_branch() {
        // 0 (1 s) → {1 (5 s), 2 (2 s)} → 3 (1 s): 1 + 5 + 1 = 7 s through task 1.
        let s = scenario(vec![
            TaskSpec::new(0, "a", 1000.0),
            TaskSpec::new(1, "b", 5000.0).after(&[0]),
            TaskSpec::new(2, "c", 2000.0).after(&[0]),
            TaskSpec::new(3, "d", 1000.0).after(&[2, 1]),
        ]);
        let path = critical_path(&s).unwrap();
        assert_eq!(path.length_ms, 7000.0);
        assert_eq!(path.tasks, vec![0, 1, 3]);
    }

    #[test]
    fn a_timeout_shortens_every_task_on_the_path() {
        let s = scenario(vec![
            TaskSpec::new(0, "user", 2000.0),
            TaskSpec::new(1, "orders", 1000.0).after(&[0]),
        ]);
        let options = RunOptions {
            timeout_ms: Some(1500.0),
            ..RunOptions::default()
        };
        assert_eq!(CriticalPath::of(&s, &options).unwrap().length_ms, 2500.0);
    }

    #[test]
    fn a_cycle_is_rejected_with_a_message_naming_it_in_order() {
        let s = scenario(vec![
            TaskSpec::new(0, "free", 1.0),
            TaskSpec::new(1, "a", 1.0).after(&[3]),
            TaskSpec::new(2, "b", 1.0).after(&[1]),
            TaskSpec::new(3, "c", 1.0).after(&[2, 0]),
        ]);
        let err = critical_path(&s).unwrap_err();
        assert_eq!(err.tasks, vec![1, 3, 2, 1]);
        assert!(err.message.contains("a → c → b → a"), "{}", err.message);
    }

    #[test]
    fn a_task_waiting_for_itself_or_for_a_missing_id_is_rejected() {
        let own = scenario(vec![TaskSpec::new(0, "a", 1.0).after(&[0])]);
        assert_eq!(critical_path(&own).unwrap_err().tasks, vec![0, 0]);
        let missing = scenario(vec![TaskSpec::new(0, "a", 1.0).after(&[7])]);
        let err = critical_path(&missing).unwrap_err();
        assert_eq!(err.tasks, vec![0, 7]);
        assert_eq!(err.message, "a waits for task id 7, which does not exist.");
    }
}
