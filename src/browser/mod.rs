//! The browser layer: the only code that touches `web-sys` and `js-sys`.
//!
//! It provides the real [`crate::engine::Clock`] (`performance.now()` + `setTimeout`),
//! animation frames, downloads, the page URL and media queries. The components inject
//! these into the lessons; the engine never sees them.

mod browser_clock;
mod download;
mod frame_loop;
mod page_url;
mod preferences;

pub use browser_clock::BrowserClock;
pub use download::download_text;
pub use frame_loop::FrameLoop;
pub use page_url::PageUrl;
pub use preferences::{is_page_hidden, prefers_reduced_motion};
