/// One of the three ways a server can serve its requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerModel {
    /// `T` worker threads, each held for the whole request (I/O and CPU): a synchronous
    /// handler on a thread pool (WSGI-style). Requests wait in a FIFO queue for a thread.
    ThreadPool,
    /// One event loop: I/O waits are free, CPU time blocks the loop (an `async` handler
    /// that computes inline). CPU parts wait in the loop's FIFO queue.
    EventLoop,
    /// The event loop with every CPU part offloaded to a pool of `W` workers
    /// (`run_in_executor`, `spawn_blocking`).
    Offloaded,
}

impl ServerModel {
    /// The three models, in display order.
    pub const ALL: [ServerModel; 3] = [
        ServerModel::ThreadPool,
        ServerModel::EventLoop,
        ServerModel::Offloaded,
    ];

    /// Short key for exports, styles and tests (`threads`, `loop`, `offload`).
    pub fn key(self) -> &'static str {
        match self {
            ServerModel::ThreadPool => "threads",
            ServerModel::EventLoop => "loop",
            ServerModel::Offloaded => "offload",
        }
    }

    /// The name shown to visitors.
    pub fn title(self) -> &'static str {
        match self {
            ServerModel::ThreadPool => "Thread pool",
            ServerModel::EventLoop => "Event loop",
            ServerModel::Offloaded => "Event loop + workers",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_models_have_distinct_keys() {
        let keys: Vec<&str> = ServerModel::ALL.iter().map(|m| m.key()).collect();
        assert_eq!(keys, ["threads", "loop", "offload"]);
    }
}
