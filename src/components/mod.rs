//! Components: the Leptos user interface, one component per file.
//!
//! Components render lessons generically and inject the browser layer into them.

pub mod app;
mod code_panes;
mod exercise;
mod exercise_field;
mod exercise_result;
mod export_button;
mod heartbeat;
mod insights_list;
mod lag_panel;
mod lesson_form;
mod lesson_page;
mod live_search;
mod panel_view;
mod param_form;
mod pool_status;
mod queue_player;
mod results_list;
mod run_buttons;
mod run_driver;
mod run_model;
mod run_timelines;
mod search_pane;
mod server_panel;
mod share_buttons;
mod status_line;
mod theme_toggle;
mod timing_panel;
mod timing_table;

pub use app::{App, CurrentLink, EmbedMode};
pub use code_panes::CodePanes;
pub use exercise::Exercise;
pub use exercise_field::ExerciseField;
pub use exercise_result::ExerciseResult;
pub use export_button::ExportButton;
pub use heartbeat::Heartbeat;
pub use insights_list::InsightsList;
pub use lag_panel::LagPanel;
pub use lesson_form::{LessonForm, Validated};
pub use lesson_page::LessonPage;
pub use live_search::LiveSearch;
pub use param_form::ParamForm;
pub use pool_status::PoolStatus;
pub use queue_player::QueuePlayer;
pub use results_list::ResultsList;
pub use run_buttons::RunButtons;
pub use run_model::{RunModel, RunStatus};
pub use run_timelines::RunTimelines;
pub use search_pane::SearchPane;
pub use server_panel::ServerPanel;
pub use share_buttons::ShareButtons;
pub use status_line::StatusLine;
pub use theme_toggle::ThemeToggle;
pub use timing_panel::TimingPanel;
pub use timing_table::TimingTable;
