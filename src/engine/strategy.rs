use futures::future::join_all;

use super::{Clock, Recorder, RunEvent, RunRecord, Scenario};

/// How a list of independent I/O tasks is awaited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Await each task in turn: `for t in tasks: await t`. Takes Σd.
    Sequential,
    /// Start every task at once and wait for all: `asyncio.gather` / `join_all`. Takes max d.
    Gather,
}

impl Strategy {
    /// Every strategy, in display order.
    pub const ALL: [Strategy; 2] = [Strategy::Sequential, Strategy::Gather];

    /// The key used in exports and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::Gather => "gather",
        }
    }

    /// The name shown to visitors.
    pub fn title(self) -> &'static str {
        match self {
            Strategy::Sequential => "Sequential",
            Strategy::Gather => "Gather",
        }
    }

    /// Parses a key written by [`Strategy::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The theoretical makespan of this strategy on `scenario`.
    pub fn bound_ms(self, scenario: &Scenario) -> f64 {
        match self {
            Strategy::Sequential => scenario.total_ms(),
            Strategy::Gather => scenario.longest_ms(),
        }
    }

    /// How the bound is written (`Σd`, `max d`).
    pub fn bound_label(self) -> &'static str {
        match self {
            Strategy::Sequential => "Σd",
            Strategy::Gather => "max d",
        }
    }

    /// Runs `scenario` with this strategy on `clock`, reporting each start and end to
    /// `observer`, and returns the record.
    pub async fn run<C: Clock + ?Sized>(
        self,
        clock: &C,
        scenario: &Scenario,
        observer: &dyn Fn(RunEvent),
    ) -> RunRecord {
        let recorder = Recorder::new(clock, &scenario.tasks, observer);
        let results = match self {
            Strategy::Sequential => {
                let mut results = Vec::with_capacity(scenario.tasks.len());
                for task in &scenario.tasks {
                    results.push(recorder.simulated_io(clock, task).await);
                }
                results
            }
            Strategy::Gather => {
                join_all(
                    scenario
                        .tasks
                        .iter()
                        .map(|task| recorder.simulated_io(clock, task)),
                )
                .await
            }
        };
        let makespan_ms = recorder.elapsed_ms(clock);
        RunRecord {
            strategy: self.key().to_string(),
            tasks: recorder.into_spans(),
            makespan_ms,
            bound_ms: self.bound_ms(scenario),
            results,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::VirtualClock;

    fn run(strategy: Strategy, durations: &[f64]) -> RunRecord {
        let clock = VirtualClock::new();
        let scenario = Scenario::from_durations(durations);
        let c = clock.clone();
        clock
            .run(async move { strategy.run(&c, &scenario, &|_| {}).await })
            .expect("a run of sleeps always finishes")
    }

    fn starts(r: &RunRecord) -> Vec<f64> {
        r.tasks.iter().map(|t| t.start_ms).collect()
    }

    #[test]
    fn sequential_of_3_1_2_seconds_takes_6_seconds_starting_at_0_3_and_4() {
        let r = run(Strategy::Sequential, &[3000.0, 1000.0, 2000.0]);
        assert_eq!(r.makespan_ms, 6000.0);
        assert_eq!(starts(&r), vec![0.0, 3000.0, 4000.0]);
        assert_eq!(r.bound_ms, 6000.0);
        assert_eq!(r.overhead_ms(), 0.0);
    }

    #[test]
    fn gather_of_3_1_2_seconds_takes_3_seconds_with_every_start_at_0() {
        let r = run(Strategy::Gather, &[3000.0, 1000.0, 2000.0]);
        assert_eq!(r.makespan_ms, 3000.0);
        assert_eq!(starts(&r), vec![0.0, 0.0, 0.0]);
        assert_eq!(r.bound_ms, 3000.0);
    }

    #[test]
    fn gather_returns_results_in_input_order_but_finishes_shortest_first() {
        let r = run(Strategy::Gather, &[3000.0, 1000.0, 2000.0]);
        assert_eq!(r.results, vec!["task 1 done", "task 2 done", "task 3 done"]);
        assert_eq!(r.completion_order(), vec![1, 2, 0]);
    }

    #[test]
    fn a_single_task_takes_its_duration_with_either_strategy() {
        for s in Strategy::ALL {
            let r = run(s, &[1234.0]);
            assert_eq!(r.makespan_ms, 1234.0);
            assert_eq!(r.tasks[0].end_ms, 1234.0);
        }
    }

    #[test]
    fn equal_durations_all_end_together_when_gathered() {
        let r = run(Strategy::Gather, &[500.0; 8]);
        assert!(r.tasks.iter().all(|t| t.end_ms == 500.0));
        let ranks: Vec<usize> = r.tasks.iter().map(|t| t.finish_rank).collect();
        assert_eq!(ranks, (1..=8).collect::<Vec<_>>());
    }

    #[test]
    fn zero_length_tasks_take_no_time() {
        for s in Strategy::ALL {
            let r = run(s, &[0.0, 0.0, 0.0]);
            assert_eq!(r.makespan_ms, 0.0);
            assert!(r.tasks.iter().all(|t| t.finish_rank > 0));
        }
    }

    #[test]
    fn a_thousand_tasks_run_exactly_on_virtual_time() {
        let durations: Vec<f64> = (0..1000).map(|i| (i % 50 + 1) as f64 * 10.0).collect();
        let total: f64 = durations.iter().sum();
        let seq = run(Strategy::Sequential, &durations);
        assert_eq!(seq.makespan_ms, total);
        let gather = run(Strategy::Gather, &durations);
        assert_eq!(gather.makespan_ms, 500.0);
        assert!(gather.tasks.iter().all(|t| t.end_ms == t.requested_ms));
    }

    #[test]
    fn the_observer_hears_one_start_and_one_end_per_task_in_time_order() {
        let clock = VirtualClock::new();
        let scenario = Scenario::from_durations(&[200.0, 100.0]);
        let events = std::cell::RefCell::new(Vec::new());
        let c = clock.clone();
        clock
            .run(async {
                Strategy::Gather
                    .run(&c, &scenario, &|e| events.borrow_mut().push(e))
                    .await
            })
            .unwrap();
        assert_eq!(
            events.into_inner(),
            vec![
                RunEvent::Started { id: 0, at_ms: 0.0 },
                RunEvent::Started { id: 1, at_ms: 0.0 },
                RunEvent::Ended {
                    id: 1,
                    at_ms: 100.0
                },
                RunEvent::Ended {
                    id: 0,
                    at_ms: 200.0
                },
            ]
        );
    }

    #[test]
    fn keys_round_trip() {
        for s in Strategy::ALL {
            assert_eq!(Strategy::from_key(s.key()), Some(s));
        }
        assert_eq!(Strategy::from_key("nope"), None);
    }
}
