use futures::future::join_all;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

async fn fake_io(task_id: usize, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await; // stands in for a network call
    format!("task {task_id} done")
}

async fn one_after_another(durations: &[u64]) -> Vec<String> {
    let mut results = Vec::new();
    for (i, &ms) in durations.iter().enumerate() {
        // the next call starts only when this one is done
        results.push(fake_io(i + 1, ms).await);
    }
    results
}

async fn all_at_once(durations: &[u64]) -> Vec<String> {
    // join_all polls every future together; results keep input order
    join_all(durations.iter().enumerate().map(|(i, &ms)| fake_io(i + 1, ms))).await
}
