//! Tests of `mandelbrot.rs`, kept beside it so the module stays readable.

use super::*;
use crate::lessons::support::testing::{insight, predicted, values_with};

fn picture(pairs: &[(&str, f64)]) -> Picture {
    Picture::read(&values_with(&PARAMS, pairs))
}

fn runs(action: MandelbrotAction, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
    predicted(&MandelbrotLesson.plan(action, &picture(pairs)))
}

#[test]
fn the_default_picture_is_16_tile_jobs_covering_every_pixel() {
    let plan = &MandelbrotLesson.plan(
        MandelbrotAction::Pool,
        &Picture::read(&ParamValues::default()),
    )[0];
    assert_eq!(plan.options.workers, Some(4));
    let tiles: Vec<Tile> = plan
        .scenario
        .tasks
        .iter()
        .filter_map(|t| match &t.cpu {
            Some(CpuJob::Mandelbrot(tile)) => Some(*tile),
            _ => None,
        })
        .collect();
    assert_eq!(tiles.len(), 16);
    let pixels: usize = tiles.iter().map(Tile::pixels).sum();
    assert_eq!(pixels, (WIDTH * HEIGHT) as usize);
    assert!(tiles.iter().all(|t| t.max_iter == 3000));
}

#[test]
fn the_preview_estimate_is_within_a_fifth_of_the_real_iterations() {
    let tiles = tiles_for(240, 160, 2, 2, 200);
    let real: f64 = tiles.iter().map(|t| mandelbrot_tile(t).1 as f64).sum();
    let estimate: f64 = tiles.iter().map(estimated_iterations).sum();
    assert!((estimate / real - 1.0).abs() < 0.2, "{estimate} vs {real}");
}

#[test]
fn tiles_over_the_set_cost_more_than_tiles_far_from_it() {
    let tasks = &MandelbrotLesson.plan(
        MandelbrotAction::Main,
        &Picture::read(&ParamValues::default()),
    )[0]
    .scenario
    .tasks;
    // Row 2, column 3 covers the main cardioid; row 1, column 4 is almost all outside.
    let (inside, outside) = (tasks[6].duration_ms, tasks[3].duration_ms);
    assert!(inside > 10.0 * outside, "{inside} vs {outside}");
}

#[test]
fn on_the_main_thread_the_tiles_add_up_and_on_workers_the_slowest_tile_is_a_floor() {
    let [main, pool] = &runs(MandelbrotAction::Both, &[])[..] else {
        panic!("two runs")
    };
    let costs: Vec<f64> = main.tasks.iter().map(|t| t.requested_ms).collect();
    let total: f64 = costs.iter().sum();
    let slowest = costs.iter().copied().fold(0.0, f64::max);
    assert_eq!(main.makespan_ms, total);
    assert!(pool.makespan_ms >= slowest && pool.makespan_ms >= total / 4.0);
    assert!(pool.makespan_ms <= total / 4.0 + slowest);
    // Between half a second and five seconds on the main thread, by the estimate.
    assert!((500.0..=5000.0).contains(&total), "{total} ms");
}

#[test]
fn even_the_most_detailed_picture_is_estimated_under_15_seconds() {
    let main = &runs(MandelbrotAction::Main, &[("iter", 1e9), ("tiles", 1.0)])[0];
    assert!(main.makespan_ms <= 15_000.0, "{} ms", main.makespan_ms);
}

#[test]
fn insights_give_each_makespan_the_slowest_tile_and_the_speedup() {
    let values = picture(&[]);
    let both = runs(MandelbrotAction::Both, &[]);
    let all = MandelbrotLesson.insights(&both, &values);
    assert_eq!(
        insight(&all, "makespan-main"),
        in_seconds(both[0].makespan_ms)
    );
    assert!(insight(&all, "slowest-pool").starts_with("tile "));
    let expected = cpu_work::ratio(both[0].makespan_ms, both[1].makespan_ms);
    assert_eq!(insight(&all, "speedup"), expected);
    let alone = MandelbrotLesson.insights(&both[1..], &values);
    assert!(alone.iter().all(|i| i.key != "speedup"));
}

#[test]
fn the_code_follows_the_parameters() {
    let values = picture(&[("tiles", 6.0), ("iter", 500.0), ("workers", 9.0)]);
    let code = &MandelbrotLesson.code(&values)[0];
    assert!(code.python.contains("= 480, 320, 6, 500"));
    assert!(code.python.contains("render(9)"));
    assert!(code.rust.contains("const SIDE: u32 = 6;") && code.rust.contains("render(9)"));
}
