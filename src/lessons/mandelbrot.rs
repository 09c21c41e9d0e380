//! The Mandelbrot picture, tile by tile: on the main thread (the page freezes) or on a
//! pool of web workers (tiles appear in parallel, tinted by worker).

use crate::engine::cpu::{mandelbrot_tile, tiles_for, CpuJob, Tile};
use crate::engine::{ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec};

use super::cpu_work::{self, millis};
use super::support::{self, secs};
use super::{ActionSpec, CodeSample, Insight, Lesson, LessonInfo, Panels, RunPlan};

/// A Mandelbrot picture split into tiles, each tile one CPU job.
pub struct MandelbrotLesson;

/// Width of the picture, in pixels.
pub const WIDTH: u32 = 480;
/// Height of the picture, in pixels.
pub const HEIGHT: u32 = 320;

/// Size of the pool (1–16, default 4).
pub const WORKERS: ParamSpec = ParamSpec {
    max: 16.0,
    default: 4.0,
    ..cpu_work::WORKERS
};

/// Tiles per side: the picture is cut into side × side tiles.
pub const SIDE: ParamSpec = ParamSpec {
    key: "tiles",
    label: "Tiles per side",
    unit: "",
    kind: ParamKind::Integer,
    min: 1.0,
    max: 8.0,
    default: 4.0,
    step: 1.0,
    help: "The picture is cut into this many rows and columns of tiles: one job per tile.",
};

/// Iteration limit per pixel.
pub const DETAIL: ParamSpec = ParamSpec {
    key: "iter",
    label: "Iterations per pixel",
    unit: "",
    kind: ParamKind::Integer,
    min: 100.0,
    max: 10_000.0,
    default: 3000.0,
    step: 100.0,
    help: "How long each pixel is followed before it counts as inside the set: more \
           detail at the edges, and more computing everywhere inside.",
};

static PARAMS: [ParamSpec; 3] = [WORKERS, SIDE, DETAIL];

/// Estimated browser cost of one Mandelbrot iteration, in nanoseconds (3.2–4.7 ns
/// measured natively in release, times about 1.5 for wasm).
const NS_PER_ITERATION: f64 = 6.0;
/// Estimated browser cost of each pixel besides its iterations, in nanoseconds.
const NS_PER_PIXEL: f64 = 10.0;
/// The preview used for estimates has one pixel for every `PREVIEW` × `PREVIEW` pixels.
const PREVIEW: u32 = 8;
/// Preview pixels still inside after this many iterations count as inside the set.
const PREVIEW_ITER: u32 = 500;

const PYTHON: &str = include_str!("code/mandelbrot.py").trim_ascii_end();

const RUST: &str = include_str!("code/mandelbrot.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "mandelbrot",
    title: "A Mandelbrot picture on web workers",
    nav_title: "Mandelbrot on workers",
    summary: "Each tile of the picture is one CPU job: computed one by one on the main \
              thread, or several at once on a pool of workers.",
    explanation: &[
        "Each tile of the picture is one CPU job: for every pixel, a small formula is \
         repeated until the point escapes or the iteration limit is reached. Tiles that \
         cover the black set reach the limit at every pixel, so they cost far more than \
         tiles near the edges.",
        "On the main thread the tiles are computed one after another and the page \
         freezes until the last one: watch the heartbeat. On the workers several tiles \
         are computed at once, each tinted by the worker that drew it, and the page \
         stays responsive. No run can end before its slowest tile, so smaller tiles \
         share the work out more evenly.",
        "Each tile's predicted cost is estimated from a coarse preview of the picture \
         and from an estimate of this browser's speed, so measured bars will differ.",
    ],
    params: &PARAMS,
    actions: &[
        ActionSpec {
            key: "pool",
            label: "Render on the workers",
        },
        ActionSpec {
            key: "main",
            label: "Render on the main thread",
        },
        ActionSpec {
            key: "both",
            label: "Render both ways",
        },
    ],
    panels: Panels {
        results: false,
        lag: true,
        mandelbrot: true,
        one_at_a_time: true,
        ..Panels::STANDARD
    },
};

/// The clamped parameters.
struct Picture {
    workers: usize,
    side: u32,
    max_iter: u32,
}

impl Picture {
    fn read(values: &ParamValues) -> Self {
        Self {
            workers: support::whole(values, &WORKERS).max(1),
            side: support::whole(values, &SIDE).max(1) as u32,
            max_iter: support::whole(values, &DETAIL).max(1) as u32,
        }
    }

    fn tiles(&self) -> Vec<Tile> {
        tiles_for(WIDTH, HEIGHT, self.side, self.side, self.max_iter)
    }

    fn scenario(&self) -> Scenario {
        let tasks = self.tiles().into_iter().enumerate().map(|(i, tile)| {
            TaskSpec::new(i, format!("tile {}", i + 1), estimated_ms(&tile))
                .computing(CpuJob::Mandelbrot(tile))
        });
        Scenario {
            tasks: tasks.collect(),
        }
    }
}

/// About how many iterations `tile` needs, from a preview with one pixel in every
/// 8 × 8 (preview pixels still inside after 500 iterations count as inside the set).
pub fn estimated_iterations(tile: &Tile) -> f64 {
    let lo = |v: u32| v / PREVIEW;
    let hi = |v: u32| v.div_ceil(PREVIEW);
    let limit = tile.max_iter.clamp(1, PREVIEW_ITER);
    let preview = Tile {
        x: lo(tile.x),
        y: lo(tile.y),
        width: hi(tile.x.saturating_add(tile.width)) - lo(tile.x),
        height: hi(tile.y.saturating_add(tile.height)) - lo(tile.y),
        image_width: hi(tile.image_width).max(1),
        image_height: hi(tile.image_height).max(1),
        max_iter: limit,
    };
    let (counts, _) = mandelbrot_tile(&preview);
    if counts.is_empty() {
        return 0.0;
    }
    let inside = tile.max_iter as f64;
    let sum: f64 = counts
        .iter()
        .map(|&n| if n as u32 >= limit { inside } else { n as f64 })
        .sum();
    sum / counts.len() as f64 * tile.pixels() as f64
}

/// The estimated browser cost of `tile`, in whole milliseconds (at least 1).
pub fn estimated_ms(tile: &Tile) -> f64 {
    let ns = estimated_iterations(tile) * NS_PER_ITERATION + tile.pixels() as f64 * NS_PER_PIXEL;
    (ns / 1e6).round().max(1.0)
}

impl Lesson for MandelbrotLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let p = Picture::read(values);
        cpu_work::main_and_pool(action, Strategy::Gather, &p.scenario(), p.workers)
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let p = Picture::read(values);
        let sample = CodeSample::new("Tiles on a pool of workers", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, 0.0)
            .with("width", WIDTH)
            .with("height", HEIGHT)
            .with("side", p.side)
            .with("iter", p.max_iter)
            .with("workers", p.workers)]
    }

    fn insights(&self, runs: &[RunRecord], _values: &ParamValues) -> Vec<Insight> {
        let mut out = Vec::new();
        for run in runs {
            let place = cpu_work::place_key(run);
            let title = run.title();
            out.push(Insight::new(
                format!("makespan-{place}"),
                format!("{title}: the whole picture took"),
                secs(run.makespan_ms),
            ));
            let slowest = run
                .tasks
                .iter()
                .filter(|t| t.elapsed_ms().is_finite())
                .max_by(|a, b| a.elapsed_ms().total_cmp(&b.elapsed_ms()));
            if let Some(t) = slowest {
                out.push(Insight::new(
                    format!("slowest-{place}"),
                    format!("{title}: the slowest tile"),
                    format!("{}, {}", t.label, millis(t.elapsed_ms())),
                ));
            }
        }
        let of = |place: &str| runs.iter().find(|r| cpu_work::place_key(r) == place);
        if let (Some(main), Some(pool)) = (of("main"), of("pool")) {
            out.push(Insight::new(
                "speedup",
                format!("{}: speedup over the main thread", pool.title()),
                cpu_work::ratio(main.makespan_ms, pool.makespan_ms),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::cpu_work::testing::assert_code_filled;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn runs(action: &str, pairs: &[(&str, f64)]) -> Vec<RunRecord> {
        predicted(&MandelbrotLesson.plan(action, &values_with(&PARAMS, pairs)))
    }

    #[test]
    fn the_default_picture_is_16_tile_jobs_covering_every_pixel() {
        let plan = &MandelbrotLesson.plan("pool", &ParamValues::default())[0];
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
        let tasks = &MandelbrotLesson.plan("main", &ParamValues::default())[0]
            .scenario
            .tasks;
        // Row 2, column 3 covers the main cardioid; row 1, column 4 is almost all outside.
        let (inside, outside) = (tasks[6].duration_ms, tasks[3].duration_ms);
        assert!(inside > 10.0 * outside, "{inside} vs {outside}");
    }

    #[test]
    fn on_the_main_thread_the_tiles_add_up_and_on_workers_the_slowest_tile_is_a_floor() {
        let [main, pool] = &runs("both", &[])[..] else {
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
        let main = &runs("main", &[("iter", 1e9), ("tiles", 1.0)])[0];
        assert!(main.makespan_ms <= 15_000.0, "{} ms", main.makespan_ms);
    }

    #[test]
    fn insights_give_each_makespan_the_slowest_tile_and_the_speedup() {
        let values = ParamValues::defaults(&PARAMS);
        let both = runs("both", &[]);
        let all = MandelbrotLesson.insights(&both, &values);
        assert_eq!(insight(&all, "makespan-main"), secs(both[0].makespan_ms));
        assert!(insight(&all, "slowest-pool").starts_with("tile "));
        let expected = cpu_work::ratio(both[0].makespan_ms, both[1].makespan_ms);
        assert_eq!(insight(&all, "speedup"), expected);
        let alone = MandelbrotLesson.insights(&both[1..], &values);
        assert!(alone.iter().all(|i| i.key != "speedup"));
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let values = values_with(
            &PARAMS,
            &[("tiles", 6.0), ("iter", 500.0), ("workers", 9.0)],
        );
        let code = &MandelbrotLesson.code(&values)[0];
        assert!(code.python.contains("= 480, 320, 6, 500"));
        assert!(code.python.contains("render(9)"));
        assert!(code.rust.contains("const SIDE: u32 = 6;") && code.rust.contains("render(9)"));
        assert_code_filled(&MandelbrotLesson);
    }
}
