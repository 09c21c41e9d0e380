//! P7: the virtual-time engine natively. Runs scenarios of 1,000, 10,000 and 100,000
//! tasks with several strategies on the virtual clock and prints simulated task events
//! (one start and one end per task) per second of real time; writes `bench/engine.json`
//! for `bench/run.mjs`.
//!
//! `cargo bench --bench engine` (release profile; no extra dependency).

use std::time::Instant;

use asyncscope::engine::{RunOptions, Scenario, Strategy, TaskSpec};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const REPEATS: usize = 5;

/// `count` tasks of 1–5,000 ms (seeded).
fn scenario(count: usize) -> Scenario {
    let mut rng = fastrand::Rng::with_seed(7);
    Scenario {
        tasks: (0..count)
            .map(|id| TaskSpec::new(id, format!("task {}", id + 1), rng.u32(1..=5_000) as f64))
            .collect(),
    }
}

/// The median wall time, in seconds, of simulating `scenario` with `strategy`.
fn median_run_s(strategy: Strategy, scenario: &Scenario) -> f64 {
    let mut times: Vec<f64> = (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            let record = strategy
                .simulate(scenario, &RunOptions::default())
                .expect("a scenario without dependencies never stalls");
            assert_eq!(record.tasks.len(), scenario.tasks.len());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[REPEATS / 2]
}

fn main() {
    let strategies = [
        Strategy::Sequential,
        Strategy::Gather,
        Strategy::AsCompleted,
        Strategy::Semaphore { limit: 100 },
        Strategy::Batches { size: 100 },
    ];
    let mut rows = Vec::new();
    println!("P7 virtual-time engine: task events (start + end) per second, median of {REPEATS}");
    println!(
        "{:<20} {:>8} {:>10} {:>14}",
        "strategy", "tasks", "run ms", "events/s"
    );
    for count in SIZES {
        let scenario = scenario(count);
        for strategy in strategies {
            let median = median_run_s(strategy, &scenario);
            let events_per_s = (2 * count) as f64 / median;
            println!(
                "{:<20} {:>8} {:>10.1} {:>14.0}",
                strategy.display(),
                count,
                median * 1000.0,
                events_per_s
            );
            rows.push(format!(
                r#"{{"strategy":"{}","tasks":{count},"run_ms":{:.3},"events_per_s":{:.0}}}"#,
                strategy.spec(),
                median * 1000.0,
                events_per_s
            ));
        }
    }
    let json = format!("[{}]\n", rows.join(","));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/engine.json");
    if let Err(e) = std::fs::write(path, json) {
        eprintln!("could not write {path}: {e}");
    }
}
