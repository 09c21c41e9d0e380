//! Asyncscope: an in-browser async playground.
//!
//! The crate is layered; dependencies point one way, down (see `ARCHITECTURE.md`, kept by
//! `tests/layers.rs`): `components` → `charts` → `browser` → `lessons` → `engine`, a layer
//! using any layer below it and none above.
//!
//! - [`engine`]: pure Rust scenarios, strategies, run records and the virtual clock.
//! - [`lessons`]: one file per lesson: parameters, run plans, explanation, code panes.
//! - `browser` (wasm only): the only code that touches `web-sys`; it names no chart or
//!   component.
//! - `components`, `charts` (wasm only): the Leptos user interface.

pub mod engine;
pub mod lessons;

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod components;
