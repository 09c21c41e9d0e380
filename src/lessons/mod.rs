//! Lessons: one file per lesson. Pure Rust, like the engine.
