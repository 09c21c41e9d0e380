use super::drivers::Returned;
use super::{Concurrency, RunFailure, RunOptions, Strategy, TaskSpan, TaskStatus};

/// Everything measured in one run of one strategy: per-task spans, the makespan, the
/// theoretical bound, the conditions of the run and what the caller got back.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunRecord {
    /// The strategy's key (`sequential`, `gather`, `semaphore`, …).
    pub strategy: String,
    /// The makespan predicted on virtual time for this run, when a page measured it
    /// against one (the deviation is `makespan_ms - predicted_ms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_ms: Option<f64>,
    /// A name the lesson gave this run (for example `10 I/O calls · async`), shown
    /// instead of the strategy's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The strategy with its parameter (`semaphore(2)`); empty in older exports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub spec: String,
    /// One span per task, in input order.
    pub tasks: Vec<TaskSpan>,
    /// Time from the start of the run until the strategy returned (every task ended or was
    /// cancelled), in milliseconds.
    pub makespan_ms: f64,
    /// The theoretical makespan of this strategy (see [`Strategy::bound_with`]).
    pub bound_ms: f64,
    /// Results in the order the strategy handed them back: a task's result, or its error
    /// text in place. Empty when the caller received an error instead.
    pub results: Vec<String>,
    /// The service capacity and timeout the run used.
    #[serde(default)]
    pub options: RunOptions,
    /// The error the caller received, if the strategy raised one: the run's outcome is
    /// then failed at `failure.at_ms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<RunFailure>,
}

impl RunRecord {
    /// The name shown to visitors: the strategy with its limit, and where CPU jobs ran
    /// when on a pool (`Gather on 2 workers`).
    pub fn title(&self) -> String {
        if let Some(caption) = &self.caption {
            return caption.clone();
        }
        let base = Strategy::from_spec(&self.spec)
            .or_else(|| Strategy::from_key(&self.strategy))
            .map(|s| s.display())
            .unwrap_or_else(|| "Run".to_string());
        match self.options.workers {
            Some(1) => format!("{base} on 1 worker"),
            Some(n) => format!("{base} on {n} workers"),
            None if self.tasks.iter().any(|t| t.cpu) => format!("{base} on the main thread"),
            None => base,
        }
    }

    /// The heading of the results the run handed back (`Results of Gather`): the title
    /// is never followed by a verb, so no name ending in one doubles it.
    pub fn results_heading(&self) -> String {
        format!("Results of {}", self.title())
    }

    /// Assembles the record of a finished run; results are read from the spans.
    pub(crate) fn from_run(
        strategy: Strategy,
        tasks: Vec<TaskSpan>,
        makespan_ms: f64,
        bound_ms: f64,
        options: RunOptions,
        returned: Returned,
    ) -> Self {
        let position = |id: usize| match tasks.get(id) {
            Some(s) if s.id == id => Some(s),
            _ => tasks.iter().find(|s| s.id == id),
        };
        let results = returned
            .order
            .iter()
            .filter_map(|&id| position(id).map(|s| s.result.clone()))
            .collect();
        Self {
            strategy: strategy.key().to_string(),
            caption: None,
            predicted_ms: None,
            spec: strategy.spec(),
            tasks,
            makespan_ms,
            bound_ms,
            results,
            options,
            failure: returned.failure,
        }
    }

    /// How the run's bound is written: by its strategy (`Σd`, `max d`, …), or where its
    /// CPU jobs set the bound, how they ran (`Σc on one thread`, `jobs on 2 workers`);
    /// `bound` for an unknown strategy.
    pub fn bound_label(&self) -> String {
        let Some(strategy) =
            Strategy::from_spec(&self.spec).or_else(|| Strategy::from_key(&self.strategy))
        else {
            return "bound".to_string();
        };
        let cpu: Vec<f64> = (self.tasks.iter())
            .filter(|t| t.cpu)
            .map(|t| self.options.effective_ms(t.requested_ms))
            .collect();
        let floor = super::cpu_floor_ms(&cpu, self.options.workers);
        if floor > 0.0 && floor >= self.bound_ms && strategy != Strategy::Sequential {
            super::cpu_floor_label(self.options.workers)
        } else {
            let durations: Vec<f64> = self.tasks.iter().map(|t| t.requested_ms).collect();
            let scenario = super::Scenario::from_durations(&durations);
            strategy.bound_label_for(&scenario).to_string()
        }
    }

    /// The task behind each result, in the results' order: each result is matched to a
    /// task with that result text not matched before (so equal texts, such as many
    /// `429` errors, go to distinct tasks in input order); `None` where none is left.
    pub fn result_spans(&self) -> Vec<Option<&TaskSpan>> {
        let mut used = vec![false; self.tasks.len()];
        (self.results.iter())
            .map(|text| {
                let j =
                    (0..self.tasks.len()).find(|&j| !used[j] && &self.tasks[j].result == text)?;
                used[j] = true;
                Some(&self.tasks[j])
            })
            .collect()
    }

    /// Measured minus theoretical makespan: scheduling overhead plus timer lateness.
    pub fn overhead_ms(&self) -> f64 {
        self.makespan_ms - self.bound_ms
    }

    /// Task ids in the order they finished.
    pub fn completion_order(&self) -> Vec<usize> {
        let mut ids: Vec<&TaskSpan> = self.tasks.iter().collect();
        ids.sort_by_key(|s| s.finish_rank);
        ids.into_iter().map(|s| s.id).collect()
    }

    /// Whether the caller received an error instead of results.
    pub fn failed(&self) -> bool {
        self.failure.is_some()
    }

    /// How many tasks ended with `status`.
    pub fn count(&self, status: TaskStatus) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }

    /// Tasks in flight over time, as a step function, and the peak.
    pub fn concurrency(&self) -> Concurrency {
        Concurrency::of(&self.tasks)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{RunOptions, Scenario, Strategy};

    #[test]
    fn equal_results_are_matched_to_distinct_tasks() {
        let scenario = Scenario::from_durations(&[100.0, 100.0, 100.0, 100.0]);
        let options = RunOptions {
            capacity: Some(1),
            ..RunOptions::default()
        };
        let run = Strategy::Gather
            .simulate(&scenario, &options)
            .expect("runs");
        let ids: Vec<Option<usize>> = run.result_spans().iter().map(|s| s.map(|t| t.id)).collect();
        assert_eq!(ids, vec![Some(0), Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn a_semaphore_over_unequal_tasks_names_its_bound_the_k_slot_schedule() {
        let uneven = Scenario::from_durations(&[300.0, 100.0, 200.0]);
        let run = Strategy::Semaphore { limit: 2 }.simulate(&uneven, &RunOptions::default());
        assert_eq!(run.expect("runs").bound_label(), "k-slot schedule");
        let even = Scenario::from_durations(&[100.0, 100.0, 100.0]);
        let run = Strategy::Semaphore { limit: 2 }.simulate(&even, &RunOptions::default());
        assert_eq!(run.expect("runs").bound_label(), "⌈n/k⌉·d");
    }
}
