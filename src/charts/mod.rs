//! Charts: inline SVG, each with a data-table alternative.
//!
//! The geometry ([`TimeAxis`], [`LogPlot`], [`PlotFrame`], [`concurrency_steps`],
//! [`GraphLayout`], the scaling series) and the state ([`LiveRun`], the stepper's moves) are
//! pure and tested natively; the Leptos components that draw them exist only in the wasm
//! build. Their styles are in `style/charts.css`.

mod axis;
mod concurrency_steps;
mod freeze_tracker;
mod graph_geometry;
mod graph_layout;
mod heartbeat_motion;
mod lag_geometry;
mod lag_window;
mod lane_segments;
mod live_run;
mod log_plot;
mod log_scale;
mod makespan_text;
mod mandel_tiles;
mod plot_frame;
mod queue_steps;
mod scaling_series;
mod scaling_text;
mod search_bars;
mod stepper_colours;
mod stepper_state;
mod timeline_text;

pub use axis::{format_ms, TimeAxis};
pub use concurrency_steps::{concurrency_scale_top, concurrency_steps, level_height, StepSegment};
pub use freeze_tracker::{freeze_text, FreezeTracker, FREEZE_HOLD_MS, FREEZE_MS};
pub use graph_geometry::GraphGeometry;
pub use graph_layout::{dependency_depths, shortened, GraphEdge, GraphLayout, NodePlace};
pub use heartbeat_motion::bounce_transform;
pub use lag_geometry::{lag_labels, lag_row_label, lag_table_rows, lag_y};
pub use lag_window::{format_lag_ms, percentile, LagWindow};
pub use lane_segments::{
    lane_segments, predicted_bar, time_kinds, worker_jobs, LaneSegments, TimeKind, WorkerJob,
};
pub use live_run::LiveRun;
pub use log_plot::LogPlot;
pub use log_scale::{format_count, LogScale};
pub use makespan_text::{gather_speedups, makespan_bound_label};
pub use mandel_tiles::{
    tile_coverage, tile_progress, tile_rows, tile_workers, worker_label, TileRow,
};
pub use plot_frame::{tick_anchor, PlotFrame};
pub use queue_steps::queue_polyline;
pub use scaling_series::{
    measured_groups, measured_strategies, scaling_extent, semaphore_title, strategy_rank,
    task_counts, theory_lines, thinned, MeasuredGroup, TheoryLine,
};
pub use scaling_text::{
    extra_strategies, measured_cell, scaling_table_summary, series_title, theory_cell,
};
pub use search_bars::{search_bars, SearchBar};
pub use stepper_colours::STEPPER_LEGEND;
pub use stepper_state::{
    action_kind, action_task, clamp_step, describe_action, play_start, span_so_far,
    step_from_input, step_valuetext, stepper_title, task_label, StepMove, StepperCommand,
};
pub use timeline_text::{finish_label, measured_span, timeline_heading, MeasuredSpan};

#[cfg(target_arch = "wasm32")]
mod axis_ticks;
#[cfg(target_arch = "wasm32")]
mod bar_note;
#[cfg(target_arch = "wasm32")]
mod chart_export_buttons;
#[cfg(target_arch = "wasm32")]
mod concurrency_chart;
#[cfg(target_arch = "wasm32")]
mod data_table;
#[cfg(target_arch = "wasm32")]
mod dependency_graph;
#[cfg(target_arch = "wasm32")]
mod framed_plot;
#[cfg(target_arch = "wasm32")]
mod handover_chart;
#[cfg(target_arch = "wasm32")]
mod lag_strip;
#[cfg(target_arch = "wasm32")]
mod latency_load_chart;
#[cfg(target_arch = "wasm32")]
mod legend_item;
#[cfg(target_arch = "wasm32")]
mod load_chart;
#[cfg(target_arch = "wasm32")]
mod load_series;
#[cfg(target_arch = "wasm32")]
mod loop_stepper;
#[cfg(target_arch = "wasm32")]
mod makespan_chart;
#[cfg(target_arch = "wasm32")]
mod mandelbrot_view;
#[cfg(target_arch = "wasm32")]
mod queue_chart;
#[cfg(target_arch = "wasm32")]
mod scaling_chart;
#[cfg(target_arch = "wasm32")]
mod scoped_memo;
#[cfg(target_arch = "wasm32")]
mod search_timeline;
#[cfg(target_arch = "wasm32")]
mod stepper_cursor;
#[cfg(target_arch = "wasm32")]
mod stepper_legend;
#[cfg(target_arch = "wasm32")]
mod stepper_so_far;
#[cfg(target_arch = "wasm32")]
mod stepper_table;
#[cfg(target_arch = "wasm32")]
mod throughput_load_chart;
#[cfg(target_arch = "wasm32")]
mod time_legend;
#[cfg(target_arch = "wasm32")]
mod timeline;
#[cfg(target_arch = "wasm32")]
mod worker_lanes;
#[cfg(target_arch = "wasm32")]
mod y_labels;

#[cfg(target_arch = "wasm32")]
pub use axis_ticks::AxisTicks;
#[cfg(target_arch = "wasm32")]
pub use bar_note::BarNote;
#[cfg(target_arch = "wasm32")]
pub use chart_export_buttons::ChartExportButtons;
#[cfg(target_arch = "wasm32")]
pub use concurrency_chart::ConcurrencyChart;
#[cfg(target_arch = "wasm32")]
pub use data_table::DataTable;
#[cfg(target_arch = "wasm32")]
pub use dependency_graph::DependencyGraph;
#[cfg(target_arch = "wasm32")]
pub use framed_plot::FramedPlot;
#[cfg(target_arch = "wasm32")]
pub use handover_chart::HandoverChart;
#[cfg(target_arch = "wasm32")]
pub use lag_strip::LagStrip;
#[cfg(target_arch = "wasm32")]
pub use latency_load_chart::LatencyLoadChart;
#[cfg(target_arch = "wasm32")]
pub use legend_item::LegendItem;
#[cfg(target_arch = "wasm32")]
pub use load_chart::LoadChart;
#[cfg(target_arch = "wasm32")]
pub use load_series::LoadSeries;
#[cfg(target_arch = "wasm32")]
pub use loop_stepper::LoopStepper;
#[cfg(target_arch = "wasm32")]
pub use makespan_chart::MakespanChart;
#[cfg(target_arch = "wasm32")]
pub use mandelbrot_view::MandelbrotView;
#[cfg(target_arch = "wasm32")]
pub use queue_chart::QueueChart;
#[cfg(target_arch = "wasm32")]
pub use scaling_chart::ScalingChart;
#[cfg(target_arch = "wasm32")]
pub use scoped_memo::scoped_memo;
#[cfg(target_arch = "wasm32")]
pub use search_timeline::SearchTimeline;
#[cfg(target_arch = "wasm32")]
pub use stepper_legend::StepperLegend;
#[cfg(target_arch = "wasm32")]
pub use stepper_so_far::StepperSoFar;
#[cfg(target_arch = "wasm32")]
pub use stepper_table::StepperTable;
#[cfg(target_arch = "wasm32")]
pub use throughput_load_chart::ThroughputLoadChart;
#[cfg(target_arch = "wasm32")]
pub use time_legend::TimeLegend;
#[cfg(target_arch = "wasm32")]
pub use timeline::Timeline;
#[cfg(target_arch = "wasm32")]
pub use worker_lanes::WorkerLanes;
#[cfg(target_arch = "wasm32")]
pub use y_labels::YLabels;
