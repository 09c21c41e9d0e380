//! Asyncscope: an in-browser async playground.
//!
//! The crate is layered; dependencies point one way (see `ARCHITECTURE.md`):
//! `components`/`charts` → `lessons` → `engine`, with `browser` injected at the top.
//!
//! - [`engine`]: pure Rust scenarios, strategies, run records and the virtual clock.
//! - [`lessons`]: one file per lesson: parameters, run plans, explanation, code panes.
//! - `browser` (wasm only): the only code that touches `web-sys`.
//! - `components`, `charts` (wasm only): the Leptos user interface.

pub mod engine;
pub mod lessons;

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod components;
