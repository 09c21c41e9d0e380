//! The engine: scenarios, strategies, run records, statistics and the virtual clock.
//!
//! Pure Rust: no `web-sys`, `js-sys` or `leptos`. Every strategy is written once,
//! generic over [`Clock`], and runs both on [`VirtualClock`] (native tests,
//! predictions, event-loop traces) and on the browser's timers (injected by the browser
//! layer).

mod bound_note;
pub mod bounds;
mod clock;
mod comparison;
mod concurrency;
pub mod cpu;
mod cpu_lane;
mod critical_path;
mod deadline_heap;
mod dependency_error;
mod dependency_graph;
mod drivers;
mod event_loop_trace;
pub mod exercise;
pub mod lab;
pub mod lag;
mod loop_step;
mod param_choice;
mod param_error;
mod param_spec;
mod param_summary;
mod param_values;
pub mod pixels;
mod recorder;
mod run_event;
mod run_export;
mod run_failure;
mod run_options;
mod run_record;
mod scaling_point;
mod scenario;
pub mod search;
pub mod server;
mod service;
mod stalled;
mod strategy;
mod task_phase;
mod task_span;
mod task_spec;
mod task_status;
mod trace_export;
mod virtual_clock;
mod virtual_cpu;
mod virtual_timers;
mod wait_ms;
mod work_kind;

#[cfg(test)]
mod tests;

pub use bound_note::{bound_note, first_cpu_ready_ms, first_error_ms};
pub use bounds::{batches_ms, cpu_floor_label, cpu_floor_ms, cpu_floor_of, list_schedule_ms};
pub use clock::Clock;
pub use comparison::Comparison;
pub use concurrency::{Concurrency, ConcurrencyPoint};
pub use cpu_lane::{CpuLane, OnRun};
pub use critical_path::{critical_path, CriticalPath};
pub use deadline_heap::{Deadline, DeadlineHeap};
pub use dependency_error::DependencyError;
pub(crate) use dependency_graph::DependencyGraph;
pub use event_loop_trace::EventLoopTrace;
pub use loop_step::{LoopAction, LoopStep, SleepingTask};
pub use param_choice::ParamChoice;
pub use param_error::ParamError;
pub use param_spec::{NumberRange, ParamKind, ParamSpec};
pub use param_summary::params_summary;
pub use param_values::ParamValues;
pub use recorder::{Recorder, TaskResult};
pub use run_event::RunEvent;
pub use run_export::{RunExport, EXPORT_FORMAT};
pub use run_failure::RunFailure;
pub use run_options::RunOptions;
pub use run_record::RunRecord;
pub use scaling_point::{scaling, ScalingPoint, MAX_SCALING_N};
pub use scenario::{Scenario, ScenarioParams, MAX_SCENARIO_TASKS};
pub use service::{Service, TOO_MANY_REQUESTS};
pub use stalled::Stalled;
pub use strategy::{Strategy, DEFAULT_LIMIT};
pub use task_phase::TaskPhase;
pub use task_span::TaskSpan;
pub use task_spec::TaskSpec;
pub use task_status::TaskStatus;
pub use trace_export::trace_events;
pub use virtual_clock::{VirtualClock, DEFAULT_STEP_BUDGET};
pub use wait_ms::wait_ms;
pub use work_kind::WorkKind;
