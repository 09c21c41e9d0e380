//! The browser layer: the only code that touches `web-sys` and `js-sys`.
//!
//! It provides the real [`crate::engine::Clock`] (`performance.now()` + `setTimeout`),
//! animation frames, downloads, the page URL and media queries. The components inject
//! these into the lessons; the engine never sees them.

mod browser_clock;
mod canvas_tiles;
mod chart_export;
mod clipboard;
mod cpu_worker;
mod debounced;
mod download;
mod embed;
#[cfg(feature = "bench")]
mod engine_bench;
mod frame_loop;
mod job_outcome;
mod lag_meter;
mod offline;
mod page_speed;
mod page_url;
#[cfg(feature = "bench")]
mod pool_bench;
mod pool_clock;
mod preferences;
mod theme;
mod timer_queue;
mod timing_probe;
mod visibility;
mod worker_handle;
mod worker_pool;

pub use browser_clock::BrowserClock;
pub use canvas_tiles::{clear_canvas, draw_tile_pixels};
pub use chart_export::{export_chart, ChartFormat};
pub use clipboard::copy_text;
pub use cpu_worker::CpuWorker;
pub use debounced::Debounced;
pub use download::{download_text, download_url};
pub use embed::{report_height_to_parent, RESIZE_MESSAGE};
#[cfg(feature = "bench")]
pub use engine_bench::{engine_bench, EngineBench};
pub use frame_loop::FrameLoop;
pub use job_outcome::JobOutcome;
pub use lag_meter::LagMeter;
pub use offline::register_service_worker;
pub use page_speed::{measure_page_speed_soon, page_speed, worker_speed};
pub use page_url::{PageUrl, PopListener};
#[cfg(feature = "bench")]
pub use pool_bench::{pool_bench, PoolBench};
pub use pool_clock::{OutputTap, PoolClock};
pub use preferences::{
    hardware_concurrency, is_narrow_screen, is_page_hidden, prefers_reduced_motion,
};
pub use theme::{apply_theme, saved_theme};
pub use timer_queue::{pending_sleeps, wake_ups};
pub use timing_probe::{probe_timing, TimingFacts};
pub use visibility::{hide_count, is_visible, watch_visibility};
pub use worker_handle::{FromWorker, WorkerEvent, WorkerHandle};
pub use worker_pool::{WorkerPool, MAX_WORKERS, START_LIMIT_MS};
