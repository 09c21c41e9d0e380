use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How CPU jobs spend virtual time: on the loop's own thread (blocking everything), or on
/// a pool of parallel workers.
#[derive(Debug, Default)]
pub(crate) enum VirtualCpu {
    /// Jobs run on the event loop's thread: time jumps forward by the job's cost while no
    /// other task runs, so timers due meanwhile fire late.
    #[default]
    Blocking,
    /// Jobs run on `slots` workers in parallel; extra jobs queue for a free worker.
    Parallel {
        /// Whether each worker is busy now.
        busy: Vec<bool>,
        /// Jobs waiting for a worker, first come first served.
        waiting: VecDeque<Waker>,
    },
}

impl VirtualCpu {
    /// A pool of `slots` workers (at least one).
    pub(crate) fn parallel(slots: usize) -> Self {
        VirtualCpu::Parallel {
            busy: vec![false; slots.max(1)],
            waiting: VecDeque::new(),
        }
    }

    /// Frees worker `index` and wakes every job in line, in order; the first to be polled takes
    /// the worker and the others queue again. (Waking only the first is not enough: a job
    /// polled twice while waiting is in the line twice, and a stale entry would swallow
    /// the wake-up meant for a job still waiting, which then waits forever.)
    pub(crate) fn release(&mut self, index: usize) {
        if let VirtualCpu::Parallel { busy, waiting } = self {
            if let Some(b) = busy.get_mut(index) {
                *b = false;
            }
            for w in waiting.drain(..) {
                w.wake();
            }
        }
    }
}

/// Waits until a virtual worker is free and takes the first free one (its index; 0 on
/// the loop's own thread).
pub(crate) struct AcquireWorker {
    pub(crate) cpu: Rc<RefCell<VirtualCpu>>,
}

impl Future for AcquireWorker {
    type Output = usize;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        let mut cpu = self.cpu.borrow_mut();
        match &mut *cpu {
            VirtualCpu::Blocking => Poll::Ready(0),
            VirtualCpu::Parallel { busy, waiting } => match busy.iter().position(|b| !b) {
                Some(free) => {
                    busy[free] = true;
                    Poll::Ready(free)
                }
                None => {
                    waiting.push_back(cx.waker().clone());
                    Poll::Pending
                }
            },
        }
    }
}
