//! Tests of `lab_code.rs`, kept beside it so the module stays readable.

use super::*;

fn parse(text: &str) -> LabScript {
    LabScript::parse(text).expect("valid script")
}

#[test]
fn names_become_distinct_identifiers_that_avoid_keywords_and_leading_digits() {
    let script = parse("fetch-user io 1s\nfetch_user io 1s\n3d cpu 10ms\nclass io 1s\nmain io 1s\n_ io 1s\n-- io 1s");
    let ids = identifiers(&script);
    assert_eq!(
        ids,
        vec![
            "fetch_user",
            "fetch_user_2",
            "t_3d",
            "class_",
            "main_",
            "__",
            "___"
        ]
    );
    for id in &ids {
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        assert!(!id.starts_with(|c: char| c.is_ascii_digit()));
    }
}

#[test]
fn chained_code_creates_each_task_after_the_ones_it_waits_for() {
    let script = parse("charge io 1s after user\nuser io 2s");
    let code = code(&script, LabWay::Chained, 0);
    let py = &code.python;
    let user = py
        .find("user_t = asyncio.create_task(user())")
        .expect("user first");
    let charge = py
        .find("charge_t = asyncio.create_task(after([user_t], charge))")
        .expect("charge");
    assert!(user < charge, "{py}");
    assert!(code
        .rust
        .contains("let charge_t = after(vec![user_t.clone()], charge()).boxed_local().shared();"));
}

#[test]
fn each_way_writes_its_own_construct_in_both_languages() {
    let script = parse("a io 250ms\nb cpu 100ms fails");
    let cases = [
        (
            LabWay::Sequential,
            "for step in (a, b,)",
            "results.push(a().await)",
        ),
        (LabWay::Gather, "return_exceptions=True", "join_all(["),
        (
            LabWay::Semaphore(2),
            "asyncio.Semaphore(2)",
            "buffer_unordered(2)",
        ),
        (LabWay::TaskGroup, "asyncio.TaskGroup()", "try_join_all(["),
    ];
    for (way, py, rs) in cases {
        let c = code(&script, way, 2);
        assert!(c.python.contains(py), "{way:?}: {}", c.python);
        assert!(c.rust.contains(rs), "{way:?}: {}", c.rust);
        assert!(c.python.contains("asyncio.sleep(0.25)"));
        assert!(c.python.contains("raise RuntimeError(\"b failed\")"));
        assert!(c.python.contains("run_in_executor(POOL"));
        assert!(c.rust.contains("pool.run(|| crunch(2, 15_000_000))"));
        assert!(!c.python.contains('«'), "{}", c.python);
    }
    let blocking = code(&script, LabWay::Gather, 0);
    assert!(blocking.python.contains("return crunch(seed, rounds)"));
    assert!(blocking.rust.contains("crunch(2, 15_000_000); // blocks"));
}
