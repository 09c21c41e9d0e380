use futures::future::{abortable, AbortHandle};
use gloo_timers::future::sleep; // tokio::time::sleep outside the browser
use std::time::Duration;
use wasm_bindgen_futures::spawn_local;

async fn search(text: &str) -> Vec<String> {
    todo!("an async database query: slower when it matches more rows")
}

struct SearchBox {
    pending: Option<AbortHandle>, // the query of the previous keystroke
}

impl SearchBox {
    // Race: a task per keystroke, each shows its rows when they arrive.
    fn on_key_race(&self, text: String) {
        spawn_local(async move {
            let rows = search(&text).await;
            show(&text, rows); // an old answer may land last
        });
    }

    // Cancel stale: abort the previous task, wait a little, then ask.
    fn on_key(&mut self, text: String) {
        if let Some(previous) = self.pending.take() {
            previous.abort(); // drops its future: its timer is cleared
        }
        let (task, handle) = abortable(async move {
            sleep(Duration::from_millis(«debounce_ms»)).await; // debounce
            let rows = search(&text).await;
            show(&text, rows);
        });
        self.pending = Some(handle);
        spawn_local(async move {
            let _ = task.await; // Err(Aborted) if a newer key came first
        });
    }
}

// Await in order: futures::stream::FuturesOrdered starts every query at once
// and yields the answers in the order they were pushed.
fn show(text: &str, rows: Vec<String>) { /* put the rows in the pane */ }
