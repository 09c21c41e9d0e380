use futures::future::LocalBoxFuture;

use crate::engine::cpu::Speed;
use crate::engine::Clock;

use super::BrowserClock;

/// What this browser's clock and timers can do, measured on the spot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimingFacts {
    /// The smallest step `performance.now()` was seen to take, in milliseconds.
    pub resolution_ms: f64,
    /// Whether the page is cross-origin isolated (finer clock; never the case on a plain
    /// static host or in an embed).
    pub cross_origin_isolated: bool,
    /// The mean delay of `setTimeout(0)` once nested five levels deep (the clamp).
    pub nested_timeout_ms: f64,
    /// How fast the page's own thread computes (measured once per page).
    pub page_speed: Speed,
    /// How fast the latest worker to start computes, if one has started.
    pub worker_speed: Option<Speed>,
}

/// Measures [`TimingFacts`]: a tight loop over `performance.now()` (bounded to a few
/// milliseconds) and a chain of ten nested zero-delay timeouts.
pub fn probe_timing() -> LocalBoxFuture<'static, TimingFacts> {
    Box::pin(async move {
        let clock = BrowserClock::new();
        let start = clock.now_ms();
        let mut last = start;
        let mut resolution = f64::INFINITY;
        for _ in 0..200_000 {
            let now = clock.now_ms();
            if now > last {
                resolution = resolution.min(now - last);
                last = now;
            }
            if now - start > 5.0 {
                break;
            }
        }
        let mut marks = Vec::with_capacity(11);
        marks.push(clock.now_ms());
        for _ in 0..10 {
            clock.sleep(0.0).await;
            marks.push(clock.now_ms());
        }
        let nested: Vec<f64> = marks.windows(2).skip(5).map(|w| w[1] - w[0]).collect();
        let nested_timeout_ms = nested.iter().sum::<f64>() / nested.len().max(1) as f64;
        let cross_origin_isolated =
            js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
        let page_speed = super::page_speed().await;
        TimingFacts {
            page_speed,
            worker_speed: super::worker_speed(),
            resolution_ms: if resolution.is_finite() {
                resolution
            } else {
                0.0
            },
            cross_origin_isolated,
            nested_timeout_ms,
        }
    })
}
