use futures::future::{select, Either};
use gloo_timers::future::sleep; // outside the browser, tokio::time::timeout does this
use std::pin::pin;
use std::time::Duration;

const LIMIT: Option<Duration> = «timeout_rs»; // per task; None waits as long as it takes

// `call` and `Outcome` as in the first pane.
async fn call_with_timeout(number: usize, ms: u64) -> Outcome {
    let work = call(number, ms, false);
    let Some(limit) = LIMIT else {
        return work.await;
    };
    // race the call against a timer: the first to finish wins
    match select(pin!(work), pin!(sleep(limit))).await {
        Either::Left((outcome, _timer)) => outcome,
        // returning drops the unfinished call, which cancels it
        Either::Right(((), _work)) => Err(format!("task {number} timed out")),
    }
}
