//! Components: the Leptos user interface, one component per file.
//!
//! Components render lessons generically and inject the browser layer into them.

pub mod app;
mod code_panes;
mod export_button;
mod heartbeat;
mod insights_list;
mod lag_panel;
mod lesson_page;
mod param_form;
mod results_list;
mod run_model;
mod server_panel;
mod share_buttons;
mod theme_toggle;
mod timing_panel;

pub use app::{App, CurrentLink, EmbedMode};
pub use code_panes::CodePanes;
pub use export_button::ExportButton;
pub use heartbeat::Heartbeat;
pub use insights_list::InsightsList;
pub use lag_panel::LagPanel;
pub use lesson_page::LessonPage;
pub use param_form::ParamForm;
pub use results_list::ResultsList;
pub use run_model::{RunModel, RunStatus};
pub use server_panel::ServerPanel;
pub use share_buttons::ShareButtons;
pub use theme_toggle::ThemeToggle;
pub use timing_panel::TimingPanel;
