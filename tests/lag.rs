//! Lag meter and its views in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test lag`).
//! Bounds are generous: they catch a meter that measures nothing or the wrong thing, not
//! a slow machine.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncscope::browser::LagMeter;
use asyncscope::charts::{LagStrip, MandelbrotView};
use asyncscope::components::Heartbeat;
use asyncscope::engine::cpu::{tiles_for, CpuJob, CpuOutput};
use asyncscope::engine::lag::{LagKind, LagSample};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Blocks the main thread for `ms` milliseconds, as a long synchronous computation would.
fn busy_wait(ms: f64) {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let t0 = performance.now();
    while performance.now() - t0 < ms {}
}

/// A meter whose samples are collected into the returned list.
fn collecting_meter() -> (LagMeter, Rc<RefCell<Vec<LagSample>>>) {
    let samples = Rc::new(RefCell::new(Vec::new()));
    let sink = samples.clone();
    let meter = LagMeter::start(move |s| sink.borrow_mut().push(s));
    (meter, samples)
}

fn values(samples: &Rc<RefCell<Vec<LagSample>>>, kind: LagKind) -> Vec<f64> {
    samples
        .borrow()
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.value_ms)
        .collect()
}

fn largest(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

/// A fresh element in the page to mount a component into.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn the_meter_reports_heartbeat_samples_with_lateness_under_50_ms_when_nothing_blocks() {
    let (meter, samples) = collecting_meter();
    TimeoutFuture::new(600).await;
    drop(meter);
    let beats = values(&samples, LagKind::Heartbeat);
    assert!(
        beats.len() >= 10,
        "only {} heartbeats in 600 ms",
        beats.len()
    );
    assert!(largest(&beats) < 50.0, "lateness {beats:?}");
    assert!(beats.iter().all(|v| *v >= 0.0));
}

#[wasm_bindgen_test]
async fn a_300_ms_busy_wait_shows_as_a_heartbeat_lateness_of_at_least_200_ms() {
    let (meter, samples) = collecting_meter();
    TimeoutFuture::new(100).await;
    busy_wait(300.0);
    TimeoutFuture::new(100).await;
    drop(meter);
    let beats = values(&samples, LagKind::Heartbeat);
    assert!(largest(&beats) >= 200.0, "lateness {beats:?}");
    assert!(largest(&beats) < 1000.0, "lateness {beats:?}");
}

#[wasm_bindgen_test]
async fn frames_are_reported_and_a_busy_wait_shows_as_a_long_frame_gap() {
    let (meter, samples) = collecting_meter();
    TimeoutFuture::new(200).await;
    let steady = values(&samples, LagKind::Frame);
    assert!(steady.len() >= 3, "only {} frames in 200 ms", steady.len());
    busy_wait(300.0);
    TimeoutFuture::new(150).await;
    drop(meter);
    let frames = values(&samples, LagKind::Frame);
    assert!(largest(&frames) >= 200.0, "frame gaps {frames:?}");
}

#[wasm_bindgen_test]
async fn long_tasks_are_reported_where_the_browser_supports_them() {
    let (meter, samples) = collecting_meter();
    assert_eq!(
        meter.observes_long_tasks(),
        LagMeter::long_tasks_supported()
    );
    TimeoutFuture::new(50).await;
    busy_wait(300.0);
    TimeoutFuture::new(300).await;
    drop(meter);
    let tasks = values(&samples, LagKind::LongTask);
    if LagMeter::long_tasks_supported() {
        assert!(largest(&tasks) >= 250.0, "long tasks {tasks:?}");
    } else {
        assert!(tasks.is_empty());
    }
}

#[wasm_bindgen_test]
async fn dropping_the_meter_stops_every_kind_of_sample() {
    let (meter, samples) = collecting_meter();
    TimeoutFuture::new(150).await;
    assert!(!samples.borrow().is_empty());
    drop(meter);
    let count = samples.borrow().len();
    busy_wait(120.0);
    TimeoutFuture::new(300).await;
    assert_eq!(samples.borrow().len(), count);
}

#[wasm_bindgen_test]
async fn a_meter_dropped_by_its_own_sample_handler_stops_without_panicking() {
    let slot: Rc<RefCell<Option<LagMeter>>> = Rc::new(RefCell::new(None));
    let seen = Rc::new(RefCell::new(0usize));
    let (slot_in, seen_in) = (slot.clone(), seen.clone());
    *slot.borrow_mut() = Some(LagMeter::start(move |_| {
        *seen_in.borrow_mut() += 1;
        // Dropping later (not inside this borrow) is what a component would do.
        if let Ok(mut s) = slot_in.try_borrow_mut() {
            s.take();
        }
    }));
    TimeoutFuture::new(200).await;
    assert!(slot.borrow().is_none());
    let count = *seen.borrow();
    TimeoutFuture::new(200).await;
    assert_eq!(*seen.borrow(), count);
}

#[wasm_bindgen_test]
async fn the_lag_strip_writes_the_worst_timer_lateness_in_its_window() {
    let root = container();
    let samples = RwSignal::new(vec![
        LagSample::new(1000.0, LagKind::Heartbeat, 3.0),
        LagSample::new(5000.0, LagKind::Heartbeat, 312.4),
        LagSample::new(5010.0, LagKind::Frame, 330.0),
        LagSample::new(4700.0, LagKind::LongTask, 300.0),
        LagSample::new(9000.0, LagKind::Heartbeat, 1.5),
    ]);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LagStrip samples=samples window_ms=10_000.0 /> }
    });
    TimeoutFuture::new(0).await;
    assert_eq!(
        text_of(&root, "[data-testid=lag-max]").as_deref(),
        Some("312.4 ms")
    );
    assert_eq!(
        text_of(&root, "[data-testid=lag-frame-max]").as_deref(),
        Some("330.0 ms")
    );
    assert_eq!(
        text_of(&root, "[data-testid=lag-long-tasks]").as_deref(),
        Some("1")
    );
    assert_eq!(
        root.query_selector_all(".lag-longtask-tick")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        root.query_selector_all(".lag-threshold").unwrap().length(),
        2
    );
    let aria = root
        .query_selector("svg.lag-svg")
        .unwrap()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(aria.contains("312.4 ms"), "{aria}");

    // Twenty seconds later the spike has left the 10 s window.
    samples.update(|s| s.push(LagSample::new(25_000.0, LagKind::Heartbeat, 4.0)));
    TimeoutFuture::new(0).await;
    assert_eq!(
        text_of(&root, "[data-testid=lag-max]").as_deref(),
        Some("4.0 ms")
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_mandelbrot_view_draws_each_tile_in_its_workers_colour() {
    let root = container();
    let tiles = RwSignal::new(Vec::<(CpuOutput, usize)>::new());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MandelbrotView width=64 height=48 tiles=tiles /> }
    });
    let jobs = tiles_for(64, 48, 2, 2, 60);
    tiles.update(|t| {
        t.push((CpuJob::Mandelbrot(jobs[0]).run(), 0));
        t.push((CpuOutput::Pong, 3));
        t.push((CpuJob::Mandelbrot(jobs[3]).run(), 1));
    });
    TimeoutFuture::new(50).await;
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!((canvas.width(), canvas.height()), (64, 48));
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let alpha_at = |x: f64, y: f64| context.get_image_data(x, y, 1.0, 1.0).unwrap().data()[3];
    assert_eq!(alpha_at(0.0, 0.0), 255, "tile 1 drawn");
    assert_eq!(alpha_at(63.0, 47.0), 255, "tile 4 drawn");
    assert_eq!(alpha_at(40.0, 5.0), 0, "tile 2 not computed yet");
    assert_eq!(
        root.query_selector_all(".mandel-legend li[data-worker]")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        root.query_selector_all(".data-table tbody tr")
            .unwrap()
            .length(),
        2
    );
    let count = text_of(&root, "[data-testid=mandelbrot-count]").unwrap();
    assert!(count.starts_with("2 tiles from 2 workers · 50%"), "{count}");

    // A shorter list starts the picture again.
    tiles.set(vec![(CpuJob::Mandelbrot(jobs[1]).run(), 2)]);
    TimeoutFuture::new(50).await;
    assert_eq!(alpha_at(0.0, 0.0), 0, "old tile cleared");
    assert_eq!(alpha_at(40.0, 5.0), 255, "new tile drawn");
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_heartbeat_says_how_long_the_main_thread_was_frozen() {
    let root = container();
    let active = RwSignal::new(true);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Heartbeat active=active /> }
    });
    TimeoutFuture::new(150).await;
    assert_eq!(text_of(&root, "[data-testid=heartbeat-frozen]"), None);
    assert_eq!(
        text_of(&root, "[data-testid=heartbeat-status]").as_deref(),
        Some("responsive")
    );
    busy_wait(400.0);
    TimeoutFuture::new(100).await;
    let frozen = text_of(&root, "[data-testid=heartbeat-frozen]").unwrap_or_default();
    assert!(
        frozen.starts_with("frozen for ") || frozen.starts_with("blocked for "),
        "{frozen:?}"
    );
    active.set(false);
    TimeoutFuture::new(50).await;
    assert_eq!(
        text_of(&root, "[data-testid=heartbeat-status]").as_deref(),
        Some("paused")
    );
    drop(handle);
}
