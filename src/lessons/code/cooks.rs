use futures::future::join;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

«crunch_rs»

«pool_rs»

async fn wait_for(dish: &str, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await; // the stove works; the cook is free
    format!("{dish} ready")
}

fn by_hand(dish: &str, seed: u64, rounds: u32) -> String {
    crunch(seed, rounds); // the cook's own hands, all the time
    format!("{dish} ready")
}

async fn one_cook_waiting() -> (String, String) {
    // concurrency: one cook starts both dishes, then waits for both
    join(wait_for("soup", «soup_ms»), wait_for("bread", «bread_ms»)).await
}

async fn one_cook_by_hand() -> (String, String) {
    // still one cook: these futures never await, so the bread waits for the soup
    let soup = async { by_hand("soup", 1, «soup_rounds») };
    let bread = async { by_hand("bread", 2, «bread_rounds») };
    join(soup, bread).await
}

async fn two_cooks_by_hand() -> (String, String) {
    // parallelism: two workers, two pairs of hands
    let cooks = Pool::new(2);
    let soup = cooks.run(|| by_hand("soup", 1, «soup_rounds»));
    let bread = cooks.run(|| by_hand("bread", 2, «bread_rounds»));
    join(soup, bread).await
}
