use futures::future::join;
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;

struct User {
    id: u32,
    name: String,
}

async fn fetch_user(key: &str) -> User {
    let _ = key; // by email or by id: the same wait
    sleep(Duration::from_millis(«user_ms»)).await;
    User { id: 7, name: "Ada".to_string() }
}

async fn fetch_orders(user_id: u32) -> Vec<u32> {
    let _ = user_id; // needs the user's id
    sleep(Duration::from_millis(«orders_ms»)).await;
    vec![101, 102, 103]
}

async fn combine(user: User, orders: Vec<u32>) -> (User, Vec<u32>) {
    sleep(Duration::from_millis(«combine_ms»)).await; // needs both answers
    (user, orders)
}

async fn one_after_the_other(email: &str) -> (User, Vec<u32>) {
    let user = fetch_user(email).await; // we only learn the id here...
    let orders = fetch_orders(user.id).await; // ...so this call has to wait
    combine(user, orders).await
}

async fn side_by_side(user_id: u32) -> (User, Vec<u32>) {
    // the id is known in advance, so both calls can start at once
    let key = user_id.to_string();
    let (user, orders) = join(fetch_user(&key), fetch_orders(user_id)).await;
    combine(user, orders).await
}
