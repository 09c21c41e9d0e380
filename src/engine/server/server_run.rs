use std::collections::VecDeque;

use super::step::Step;
use super::{Percentiles, QueuePoint, RequestOutcome, ServerModel, ServerParams};
use crate::engine::DeadlineHeap;

/// One simulated run of a server model on a list of arrivals: what happened to every
/// request and how many were waiting over time.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ServerRun {
    /// The model simulated.
    pub model: ServerModel,
    /// One outcome per request, in arrival order.
    pub outcomes: Vec<RequestOutcome>,
    /// Waiting and in-system counts as a step function: one point each time they change
    /// (after every event of an instant has been handled), starting at 0 with nothing.
    pub queue: Vec<QueuePoint>,
}

/// The simulation's state between events.
struct Station {
    /// Free threads (`None`: the model holds any number of requests).
    free_slots: Option<usize>,
    /// Requests waiting for a thread, first come first served.
    slot_queue: VecDeque<usize>,
    /// Free cores, loop or workers for CPU parts.
    free_cpu: usize,
    /// CPU parts waiting, first come first served.
    cpu_queue: VecDeque<usize>,
    /// Requests that arrived and are not answered.
    in_system: usize,
    /// Timed events: which request, and what happens to it.
    heap: DeadlineHeap<(usize, Step)>,
}

impl Station {
    fn schedule(&mut self, at_ms: f64, request: usize, step: Step) {
        self.heap.push(at_ms, (request, step));
    }

    fn waiting(&self) -> usize {
        self.slot_queue.len() + self.cpu_queue.len()
    }
}

impl ServerRun {
    /// Simulates `model` serving requests that arrive at `arrivals_ms` (sorted, in
    /// milliseconds), each needing `params.io()` of I/O then `params.cpu()` of CPU.
    ///
    /// A thread-pool request takes a free thread (or waits in FIFO order), keeps it during
    /// its I/O, waits for a free core if all are busy, computes, then frees both. An event
    /// loop request starts its I/O on arrival (waiting costs the loop nothing); its CPU
    /// part then waits for the loop (or a worker) in FIFO order. Simultaneous events are
    /// handled in the order they were scheduled; arrivals are scheduled first.
    pub fn simulate(model: ServerModel, params: &ServerParams, arrivals_ms: &[f64]) -> Self {
        let (slots, cpu_servers) = params.stations(model);
        let (io, cpu) = (params.io(), params.cpu());
        let mut outcomes: Vec<RequestOutcome> = arrivals_ms
            .iter()
            .map(|&a| RequestOutcome {
                arrival_ms: crate::engine::wait_ms(a),
                io_start_ms: f64::NAN,
                cpu_start_ms: f64::NAN,
                end_ms: f64::NAN,
            })
            .collect();
        let mut st = Station {
            free_slots: slots,
            slot_queue: VecDeque::new(),
            free_cpu: cpu_servers.max(1),
            cpu_queue: VecDeque::new(),
            in_system: 0,
            heap: DeadlineHeap::with_capacity(outcomes.len() * 2),
        };
        for (i, o) in outcomes.iter().enumerate() {
            st.schedule(o.arrival_ms, i, Step::Arrive);
        }
        let mut queue = vec![QueuePoint {
            at_ms: 0.0,
            waiting: 0,
            in_system: 0,
        }];
        while let Some(event) = st.heap.pop() {
            let now = event.at_ms;
            let (i, step) = event.item;
            match step {
                Step::Arrive => {
                    st.in_system += 1;
                    match &mut st.free_slots {
                        Some(0) => st.slot_queue.push_back(i),
                        free => {
                            if let Some(n) = free {
                                *n -= 1;
                            }
                            outcomes[i].io_start_ms = now;
                            st.schedule(now + io, i, Step::IoDone);
                        }
                    }
                }
                Step::IoDone => {
                    if st.free_cpu > 0 {
                        st.free_cpu -= 1;
                        outcomes[i].cpu_start_ms = now;
                        st.schedule(now + cpu, i, Step::CpuDone);
                    } else {
                        st.cpu_queue.push_back(i);
                    }
                }
                Step::CpuDone => {
                    outcomes[i].end_ms = now;
                    st.in_system -= 1;
                    match st.cpu_queue.pop_front() {
                        Some(j) => {
                            outcomes[j].cpu_start_ms = now;
                            st.schedule(now + cpu, j, Step::CpuDone);
                        }
                        None => st.free_cpu += 1,
                    }
                    if let Some(free) = &mut st.free_slots {
                        match st.slot_queue.pop_front() {
                            Some(j) => {
                                outcomes[j].io_start_ms = now;
                                st.schedule(now + io, j, Step::IoDone);
                            }
                            None => *free += 1,
                        }
                    }
                }
            }
            let instant_over = st.heap.peek().is_none_or(|next| next.at_ms > now);
            if instant_over {
                let point = QueuePoint {
                    at_ms: now,
                    waiting: st.waiting(),
                    in_system: st.in_system,
                };
                let last = queue.last().copied();
                if last.is_some_and(|l| l.at_ms == now) {
                    queue.pop();
                }
                let same = queue
                    .last()
                    .is_some_and(|l| (l.waiting, l.in_system) == (point.waiting, point.in_system));
                if !same {
                    queue.push(point);
                }
            }
        }
        Self {
            model,
            outcomes,
            queue,
        }
    }

    /// Every request's latency, in arrival order.
    pub fn latencies_ms(&self) -> Vec<f64> {
        self.outcomes
            .iter()
            .map(RequestOutcome::latency_ms)
            .collect()
    }

    /// p50, p95 and p99 of the latencies.
    pub fn percentiles(&self) -> Percentiles {
        Percentiles::of(&self.latencies_ms())
    }

    /// When the last response was ready (0 with no request).
    pub fn makespan_ms(&self) -> f64 {
        self.outcomes.iter().map(|o| o.end_ms).fold(0.0, f64::max)
    }

    /// Completed requests per second, from the first arrival to the last response
    /// (infinite when both are at the same instant, 0 with no request).
    pub fn throughput_per_s(&self) -> f64 {
        let Some(first) = self.outcomes.first() else {
            return 0.0;
        };
        let span = self.makespan_ms() - first.arrival_ms;
        if span > 0.0 {
            self.outcomes.len() as f64 * 1000.0 / span
        } else {
            f64::INFINITY
        }
    }

    /// The most requests waiting at once.
    pub fn peak_waiting(&self) -> usize {
        self.queue.iter().map(|q| q.waiting).max().unwrap_or(0)
    }

    /// How many requests were waiting at `at_ms` (the step function's value then).
    pub fn waiting_at(&self, at_ms: f64) -> usize {
        let after = self.queue.partition_point(|q| q.at_ms <= at_ms);
        after.checked_sub(1).map_or(0, |i| self.queue[i].waiting)
    }
}
