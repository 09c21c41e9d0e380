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
        /// Number of workers.
        slots: usize,
        /// Workers busy now.
        in_use: usize,
        /// Jobs waiting for a worker, first come first served.
        waiting: VecDeque<Waker>,
    },
}

impl VirtualCpu {
    /// A pool of `slots` workers (at least one).
    pub(crate) fn parallel(slots: usize) -> Self {
        VirtualCpu::Parallel {
            slots: slots.max(1),
            in_use: 0,
            waiting: VecDeque::new(),
        }
    }

    /// Frees a worker and wakes every job in line, in order; the first to be polled takes
    /// the worker and the others queue again. (Waking only the first is not enough: a job
    /// polled twice while waiting is in the line twice, and a stale entry would swallow
    /// the wake-up meant for a job still waiting, which then waits forever.)
    pub(crate) fn release(&mut self) {
        if let VirtualCpu::Parallel {
            in_use, waiting, ..
        } = self
        {
            *in_use = in_use.saturating_sub(1);
            for w in waiting.drain(..) {
                w.wake();
            }
        }
    }
}

/// Waits until a virtual worker is free and takes it.
pub(crate) struct AcquireWorker {
    pub(crate) cpu: Rc<RefCell<VirtualCpu>>,
}

impl Future for AcquireWorker {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut cpu = self.cpu.borrow_mut();
        match &mut *cpu {
            VirtualCpu::Blocking => Poll::Ready(()),
            VirtualCpu::Parallel {
                slots,
                in_use,
                waiting,
            } => {
                if *in_use < *slots {
                    *in_use += 1;
                    Poll::Ready(())
                } else {
                    waiting.push_back(cx.waker().clone());
                    Poll::Pending
                }
            }
        }
    }
}
