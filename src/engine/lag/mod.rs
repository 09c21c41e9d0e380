//! The main thread's lag as data: what the browser's `LagMeter` measures and the lag
//! strip draws, so both sides share one type without knowing each other.

mod lag_kind;
mod lag_sample;

pub use lag_kind::LagKind;
pub use lag_sample::LagSample;
