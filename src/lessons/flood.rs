//! Flooding and limits: starting every call at once against a service that accepts only so
//! many, then a semaphore of k and batches of k.

use crate::engine::{
    ParamKind, ParamSpec, ParamValues, RunOptions, RunRecord, Scenario, Strategy, TaskSpec,
    TaskStatus,
};

use super::support::{self, secs};
use super::{params, ActionSpec, CodeSample, Insight, Lesson, LessonInfo, Panels, RunPlan};

/// Gather, semaphore(k) and batches(k) against a service of limited capacity.
pub struct FloodLesson;

/// Number of calls (default 12).
pub const COUNT: ParamSpec = ParamSpec {
    default: 12.0,
    help: "How many calls to send to the service.",
    ..params::COUNT
};

/// Duration of every call, in seconds.
pub const DURATION: ParamSpec = ParamSpec {
    key: "d",
    label: "Each call",
    unit: "s",
    kind: ParamKind::Decimal,
    min: 0.05,
    max: 10.0,
    default: 1.0,
    step: 0.1,
    help: "Every call takes the same time, so the limits are easy to read.",
};

/// How many calls the service handles at once.
pub const CAPACITY: ParamSpec = ParamSpec {
    key: "capacity",
    label: "Service capacity",
    unit: "",
    kind: ParamKind::Integer,
    min: 1.0,
    max: 50.0,
    default: 4.0,
    step: 1.0,
    help: "A call arriving while this many are in flight is refused with 429 Too Many Requests.",
};

/// The semaphore size and the batch size.
pub const LIMIT: ParamSpec = ParamSpec {
    key: "k",
    label: "Limit k",
    unit: "",
    kind: ParamKind::Integer,
    min: 1.0,
    max: 50.0,
    default: 3.0,
    step: 1.0,
    help: "Semaphore size and batch size. It may exceed the capacity, to see what happens then.",
};

/// Time scale (default 0.25: the 4-second limited runs take about a second).
pub const SCALE: ParamSpec = ParamSpec {
    default: 0.25,
    ..params::SCALE
};

static PARAMS: [ParamSpec; 5] = [COUNT, DURATION, CAPACITY, LIMIT, SCALE];

const PYTHON: &str = include_str!("code/flood.py").trim_ascii_end();

const RUST: &str = include_str!("code/flood.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "flood",
    title: "Flooding a service, and how to hold back",
    nav_title: "Flooding and limits",
    summary: "Starting every call at once can overwhelm the service on the other end; a \
              semaphore or fixed batches keep at most k calls in flight.",
    explanation: &[
        "The service these calls go to can handle only a few requests at once (its \
         capacity). Any request that arrives while it is full is refused straight away \
         with 429 Too Many Requests, the answer many real APIs give.",
        "Gathering every call starts them all in the same instant. The first few are \
         accepted and the rest are refused, so the run is fast but most of its results \
         are errors. Nothing is retried here.",
        "A semaphore of size k lets at most k calls be in flight. When one call ends, \
         the next waiting one starts at once. With equal durations d this takes ⌈n/k⌉·d, \
         and as long as k does not exceed the capacity, nothing is refused.",
        "Batches of k also keep at most k calls in flight, but a batch starts only when \
         the whole previous batch is done, so each batch waits for its slowest call. With \
         equal durations both approaches take the same time; with uneven ones, batches \
         leave slots idle and fall behind.",
        "Try a limit above the capacity: the limit no longer protects the service and \
         refusals come back. The concurrency chart shows how many calls were in flight at \
         each moment.",
    ],
    params: &PARAMS,
    actions: &[
        support::RUN_ALL_THREE,
        support::RUN_GATHER,
        ActionSpec {
            key: "semaphore",
            label: "Run semaphore",
        },
        ActionSpec {
            key: "batches",
            label: "Run batches",
        },
    ],
    panels: Panels {
        concurrency: true,
        ..Panels::STANDARD
    },
};

/// The clamped parameters of one run.
struct Flood {
    count: usize,
    call_ms: f64,
    capacity: usize,
    limit: usize,
}

impl Flood {
    fn read(values: &ParamValues) -> Self {
        let scale = support::decimal(values, &SCALE);
        Self {
            count: support::whole(values, &COUNT).max(1),
            call_ms: support::scaled_ms(support::decimal(values, &DURATION), scale),
            capacity: support::whole(values, &CAPACITY).max(1),
            limit: support::whole(values, &LIMIT).max(1),
        }
    }

    fn strategies(&self) -> [Strategy; 3] {
        [
            Strategy::Gather,
            Strategy::Semaphore { limit: self.limit },
            Strategy::Batches { size: self.limit },
        ]
    }

    fn scenario(&self) -> Scenario {
        Scenario {
            tasks: (0..self.count)
                .map(|id| TaskSpec::new(id, format!("request {}", id + 1), self.call_ms))
                .collect(),
        }
    }

    /// ⌈n/k⌉·d, in milliseconds.
    fn limited_ms(&self) -> f64 {
        self.count.div_ceil(self.limit) as f64 * self.call_ms
    }
}

impl Lesson for FloodLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let flood = Flood::read(values);
        let options = RunOptions {
            capacity: Some(flood.capacity),
            timeout_ms: None,
            ..RunOptions::default()
        };
        support::plans(action, &flood.strategies(), &flood.scenario(), options)
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let flood = Flood::read(values);
        let d = support::decimal(values, &DURATION);
        vec![
            CodeSample::new("Everything at once, a semaphore, batches", PYTHON, RUST)
                .with("k", flood.limit)
                .with("capacity", flood.capacity)
                .with("d", support::number(d))
                .with("d_ms", (d * 1000.0).round())
                .with("n", flood.count),
        ]
    }

    fn insights(&self, runs: &[RunRecord], values: &ParamValues) -> Vec<Insight> {
        let flood = Flood::read(values);
        let mut out = Vec::new();
        for strategy in flood.strategies() {
            let key = strategy.key();
            let Some(run) = support::run_of(runs, key) else {
                continue;
            };
            let title = strategy.title();
            out.push(Insight::new(
                format!("rejected-{key}"),
                format!("{title}: refused with 429"),
                format!("{} of {}", run.count(TaskStatus::Rejected), run.tasks.len()),
            ));
            out.push(Insight::new(
                format!("peak-{key}"),
                format!("{title}: most calls in flight"),
                run.concurrency().peak.to_string(),
            ));
            let expected = match strategy {
                Strategy::Gather => format!("d = {}", secs(flood.call_ms)),
                _ => format!(
                    "⌈{}/{}⌉·d = {}",
                    flood.count,
                    flood.limit,
                    secs(flood.limited_ms())
                ),
            };
            out.push(Insight::new(
                format!("makespan-{key}"),
                format!("{title}: makespan"),
                format!("{} ({expected})", secs(run.makespan_ms)),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn runs(action: &str, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
        predicted(&FloodLesson.plan(action, &values_with(&PARAMS, pairs)))
    }

    /// One second per call at scale 1, so the times read in whole seconds.
    const REAL_TIME: [(&str, f64); 2] = [("scale", 1.0), ("d", 1.0)];

    #[test]
    fn run_all_three_plans_gather_semaphore_and_batches_under_the_capacity() {
        let plans = FloodLesson.plan("all", &ParamValues::defaults(&PARAMS));
        let specs: Vec<String> = plans.iter().map(|p| p.strategy.spec()).collect();
        assert_eq!(specs, vec!["gather", "semaphore(3)", "batches(3)"]);
        assert!(plans.iter().all(|p| p.options.capacity == Some(4)));
        assert_eq!(
            FloodLesson.plan("batches", &ParamValues::default()).len(),
            1
        );
    }

    #[test]
    fn gathering_12_calls_against_a_capacity_of_4_refuses_8_of_them() {
        let r = &runs("gather", &REAL_TIME)[0];
        assert_eq!(r.count(TaskStatus::Rejected), 8);
        assert_eq!(r.concurrency().peak, 4);
        assert_eq!(r.makespan_ms, 1000.0);
    }

    #[test]
    fn a_semaphore_never_has_more_than_k_calls_in_flight() {
        for k in 1..=6 {
            let k = k as f64;
            let r = &runs("semaphore", &[("k", k), ("capacity", 50.0)])[0];
            assert!(r.concurrency().peak as f64 <= k, "k = {k}");
            assert_eq!(r.count(TaskStatus::Rejected), 0);
        }
    }

    #[test]
    fn a_semaphore_of_3_takes_ceil_12_over_3_times_1s_and_refuses_nothing() {
        let r = &runs("semaphore", &REAL_TIME)[0];
        assert_eq!(r.makespan_ms, 4000.0);
        assert_eq!(r.concurrency().peak, 3);
        assert_eq!(r.count(TaskStatus::Rejected), 0);
    }

    #[test]
    fn each_batch_starts_only_when_the_slowest_call_of_the_previous_one_ends() {
        let r = &runs("batches", &REAL_TIME)[0];
        for t in &r.tasks {
            let batch = (t.id / 3) as f64;
            assert_eq!(t.start_ms, batch * 1000.0, "{}", t.label);
        }
        assert_eq!(r.makespan_ms, 4000.0);
    }

    #[test]
    fn a_limit_of_6_above_a_capacity_of_4_lets_refusals_back_in() {
        let pairs = [("k", 6.0), ("scale", 1.0)];
        let all = runs("all", &pairs);
        // Semaphore: calls 5 and 6 are refused at once, which frees their slots for 7 and
        // 8, refused too, and so on: only the first 4 run.
        assert_eq!(all[1].count(TaskStatus::Rejected), 8);
        // Batches of 6: 2 of each batch are refused; 2 batches of 1 s.
        assert_eq!(all[2].count(TaskStatus::Rejected), 4);
        assert_eq!(all[2].makespan_ms, 2000.0);
    }

    #[test]
    fn insights_give_refusals_peak_and_makespan_per_run() {
        let values = values_with(&PARAMS, &REAL_TIME);
        let all = FloodLesson.insights(&predicted(&FloodLesson.plan("all", &values)), &values);
        assert_eq!(insight(&all, "rejected-gather"), "8 of 12");
        assert_eq!(insight(&all, "peak-semaphore"), "3");
        assert_eq!(insight(&all, "makespan-gather"), "1.00 s (d = 1.00 s)");
        assert_eq!(
            insight(&all, "makespan-batches"),
            "4.00 s (⌈12/3⌉·d = 4.00 s)"
        );
    }

    #[test]
    fn the_code_uses_the_limit_and_the_capacity() {
        let values = values_with(&PARAMS, &[("k", 5.0), ("capacity", 9.0), ("d", 0.5)]);
        let code = &FloodLesson.code(&values)[0];
        assert!(code.python.contains("LIMIT = 5") && code.python.contains("than 9 calls"));
        assert!(code.python.contains("asyncio.sleep(0.5)"));
        assert!(code.rust.contains("const LIMIT: usize = 5;"));
        assert!(code.rust.contains("from_millis(500)"));
        assert!(!code.rust.contains("{k}") && !code.python.contains("{capacity}"));
    }
}
