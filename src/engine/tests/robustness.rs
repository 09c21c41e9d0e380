use super::*;

/// A scenario of `n` tasks with hostile durations, random failures and random (possibly
/// cyclic or dangling) dependencies.
fn hostile(rng: &mut fastrand::Rng, n: usize) -> Scenario {
    let weird = [f64::NAN, f64::INFINITY, -1.0, -0.0, 0.0, 1e-9];
    let tasks = (0..n)
        .map(|id| {
            let d = if rng.u8(0..5) == 0 {
                weird[rng.usize(0..weird.len())]
            } else {
                rng.u32(0..5000) as f64
            };
            let mut t = TaskSpec::new(id, format!("t{id}"), d);
            t.fails = rng.bool();
            t.after = (0..rng.usize(0..3)).map(|_| rng.usize(0..n + 2)).collect();
            t
        })
        .collect();
    Scenario { tasks }
}

#[test]
fn hostile_scenarios_and_options_never_panic_or_stall_and_every_span_is_closed() {
    let mut rng = fastrand::Rng::with_seed(7);
    let timeouts = [None, Some(f64::NAN), Some(-5.0), Some(0.0), Some(1500.0)];
    for round in 0..200 {
        let n = rng.usize(0..12);
        let scenario = hostile(&mut rng, n);
        let options = RunOptions {
            capacity: [None, Some(0), Some(1), Some(3)][rng.usize(0..4)],
            timeout_ms: timeouts[rng.usize(0..timeouts.len())],
            ..RunOptions::default()
        };
        let limit = rng.usize(0..4);
        let strategies = Strategy::ALL.into_iter().chain([
            Strategy::Semaphore { limit },
            Strategy::Batches { size: limit },
        ]);
        for strategy in strategies {
            let r = run_on(strategy, &scenario, options);
            for t in &r.tasks {
                assert!(
                    t.start_ms.is_finite() && t.end_ms >= t.start_ms && t.finish_rank > 0,
                    "round {round} {}: {t:?}",
                    r.spec
                );
            }
            assert!(
                r.makespan_ms.is_finite() && r.bound_ms.is_finite(),
                "round {round}"
            );
            let json = serde_json::to_string(&r).expect("serialises");
            let back: RunRecord = serde_json::from_str(&json).expect("parses");
            assert_eq!(back.tasks.len(), r.tasks.len());
        }
    }
}

#[test]
fn a_record_exported_before_statuses_existed_still_parses_with_every_task_ok() {
    let json = r#"{"strategy":"gather","tasks":[{"id":0,"label":"task 1","requested_ms":5.0,
        "start_ms":0.0,"end_ms":5.0,"result":"task 1 done","finish_rank":1}],
        "makespan_ms":5.0,"bound_ms":5.0,"results":["task 1 done"]}"#;
    let r: RunRecord = serde_json::from_str(json).expect("old records parse");
    assert_eq!(r.tasks[0].status, TaskStatus::Ok);
    assert_eq!(r.options, RunOptions::default());
    assert_eq!(r.failure, None);
    assert_eq!(r.spec, "");
}
