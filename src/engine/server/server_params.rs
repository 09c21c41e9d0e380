use super::ServerModel;

/// What every request costs and what the server has to serve it with.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ServerParams {
    /// I/O wait of each request (`d`), in milliseconds: a database or network call.
    pub io_ms: f64,
    /// CPU time of each request (`c`), in milliseconds: computing the response.
    pub cpu_ms: f64,
    /// Worker threads of the thread pool (`T`, 0 counts as 1).
    pub threads: usize,
    /// Workers the event loop offloads CPU parts to (`W`, 0 counts as 1).
    pub workers: usize,
    /// Cores of the machine (0 counts as 1): at most this many CPU parts run at once.
    pub cores: usize,
}

impl Default for ServerParams {
    /// 100 ms of I/O and 10 ms of CPU per request, 4 threads, 2 workers, 2 cores.
    fn default() -> Self {
        Self {
            io_ms: 100.0,
            cpu_ms: 10.0,
            threads: 4,
            workers: 2,
            cores: 2,
        }
    }
}

impl ServerParams {
    /// The I/O wait actually simulated (negative and non-finite count as 0).
    pub fn io(&self) -> f64 {
        crate::engine::wait_ms(self.io_ms)
    }

    /// The CPU time actually simulated (negative and non-finite count as 0).
    pub fn cpu(&self) -> f64 {
        crate::engine::wait_ms(self.cpu_ms)
    }

    /// How `model` serves: the most requests it holds at once (`None`: no limit) and how
    /// many CPU parts can run at once.
    ///
    /// Thread pool: `T` requests, CPU parts on at most `cores` cores. Event loop: no limit
    /// on requests, one CPU part at a time (the loop's own thread). Offloaded: no limit on
    /// requests, CPU parts on `min(W, cores)` workers.
    pub fn stations(&self, model: ServerModel) -> (Option<usize>, usize) {
        let cores = self.cores.max(1);
        match model {
            ServerModel::ThreadPool => (Some(self.threads.max(1)), cores),
            ServerModel::EventLoop => (None, 1),
            ServerModel::Offloaded => (None, self.workers.max(1).min(cores)),
        }
    }

    /// The most requests per second `model` can complete in the long run (infinite when
    /// nothing limits it, for example an event loop with no CPU work).
    ///
    /// Thread pool: `min(T·1000/(d+c), cores·1000/c)`; event loop: `1000/c`; offloaded:
    /// `min(W, cores)·1000/c`.
    pub fn capacity_per_s(&self, model: ServerModel) -> f64 {
        let (slots, cpu_servers) = self.stations(model);
        let per_cpu = per_second(cpu_servers, self.cpu());
        match slots {
            Some(t) => per_second(t, self.io() + self.cpu()).min(per_cpu),
            None => per_cpu,
        }
    }
}

/// `servers` each completing one request every `ms`: requests per second (∞ for 0 ms).
fn per_second(servers: usize, ms: f64) -> f64 {
    if ms > 0.0 {
        servers as f64 * 1000.0 / ms
    } else {
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_follow_the_formulas_of_each_model() {
        let p = ServerParams::default();
        // 4 threads held 110 ms each: 4000/110 per second; the cores allow 200 per second.
        assert!((p.capacity_per_s(ServerModel::ThreadPool) - 4000.0 / 110.0).abs() < 1e-9);
        assert_eq!(p.capacity_per_s(ServerModel::EventLoop), 100.0);
        assert_eq!(p.capacity_per_s(ServerModel::Offloaded), 200.0);
    }

    #[test]
    fn more_threads_or_workers_than_cores_are_limited_by_the_cores() {
        let p = ServerParams {
            io_ms: 10.0,
            cpu_ms: 10.0,
            threads: 8,
            workers: 6,
            cores: 2,
        };
        // Threads alone would allow 8000/20 = 400/s; two cores allow 200/s.
        assert_eq!(p.capacity_per_s(ServerModel::ThreadPool), 200.0);
        assert_eq!(p.capacity_per_s(ServerModel::Offloaded), 200.0);
    }

    #[test]
    fn no_cpu_work_leaves_the_event_loop_unlimited_and_odd_values_are_cleaned() {
        let p = ServerParams {
            cpu_ms: 0.0,
            ..ServerParams::default()
        };
        assert!(p.capacity_per_s(ServerModel::EventLoop).is_infinite());
        assert_eq!(p.capacity_per_s(ServerModel::ThreadPool), 40.0);
        let odd = ServerParams {
            io_ms: f64::NAN,
            cpu_ms: -4.0,
            threads: 0,
            workers: 0,
            cores: 0,
        };
        assert_eq!((odd.io(), odd.cpu()), (0.0, 0.0));
        assert_eq!(odd.stations(ServerModel::ThreadPool), (Some(1), 1));
        assert!(odd.capacity_per_s(ServerModel::ThreadPool).is_infinite());
    }
}
