//! The engine: scenarios, strategies, run records, statistics and the virtual clock.
//!
//! Pure Rust: no `web-sys`, `js-sys` or `leptos`. Every strategy is written once,
//! generic over [`Clock`], and runs both on [`VirtualClock`] (native tests,
//! predictions) and on the browser's timers (injected by the browser layer).

mod clock;
mod comparison;
mod param_error;
mod param_spec;
mod param_values;
mod recorder;
mod run_event;
mod run_export;
mod run_record;
mod scenario;
mod strategy;
mod task_span;
mod task_spec;
mod virtual_clock;

pub use clock::Clock;
pub use comparison::Comparison;
pub use param_error::ParamError;
pub use param_spec::{ParamKind, ParamSpec};
pub use param_values::ParamValues;
pub use recorder::Recorder;
pub use run_event::RunEvent;
pub use run_export::{RunExport, EXPORT_FORMAT};
pub use run_record::RunRecord;
pub use scenario::{Scenario, ScenarioParams};
pub use strategy::Strategy;
pub use task_span::TaskSpan;
pub use task_spec::TaskSpec;
pub use virtual_clock::{Stalled, VirtualClock};
