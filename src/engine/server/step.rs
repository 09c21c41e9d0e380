/// What happens to a request at an instant of the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The request arrives.
    Arrive,
    /// Its I/O wait is over; its CPU part is ready.
    IoDone,
    /// Its CPU part is over; the response is ready.
    CpuDone,
}
