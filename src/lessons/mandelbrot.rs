//! The Mandelbrot picture, tile by tile: on the main thread (the page freezes) or on a
//! pool of web workers (tiles appear in parallel, tinted by worker).

use crate::engine::cpu::{mandelbrot_tile, tiles_for, CpuJob, Tile};
use crate::engine::{
    NumberRange, ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec,
};

use super::cpu_work::{self, in_millis, Places};
use super::support::{self, in_seconds};
use super::{CodeSample, Insight, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

/// A Mandelbrot picture split into tiles, each tile one CPU job.
pub struct MandelbrotLesson;

/// Width of the picture, in pixels.
pub const WIDTH: u32 = 480;
/// Height of the picture, in pixels.
pub const HEIGHT: u32 = 320;

/// Size of the pool (1–16, default 4).
pub const WORKERS: ParamSpec = cpu_work::WORKERS
    .with_default(4.0)
    .with_range(cpu_work::WORKERS.number().unwrap().min, 16.0);

/// Tiles per side: the picture is cut into side × side tiles.
pub const SIDE: ParamSpec = ParamSpec {
    key: "tiles",
    label: "Tiles per side",
    help: "The picture is cut into this many rows and columns of tiles: one job per tile.",
    kind: ParamKind::Number(NumberRange {
        min: 1.0,
        max: 8.0,
        default: 4.0,
        step: 1.0,
        unit: "",
        whole: true,
    }),
};

/// Iteration limit per pixel.
pub const DETAIL: ParamSpec = ParamSpec {
    key: "iter",
    label: "Iterations per pixel",
    help: "How long each pixel is followed before it counts as inside the set: more \
           detail at the edges, and more computing everywhere inside.",
    kind: ParamKind::Number(NumberRange {
        min: 100.0,
        max: 10_000.0,
        default: 3000.0,
        step: 100.0,
        unit: "",
        whole: true,
    }),
};

static PARAMS: [ParamSpec; 3] = [WORKERS, SIDE, DETAIL];

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
         and from the speed this device measured of itself (see About these timings), so \
         a tile's measured bar differs from its prediction by what the preview missed.",
    ],
    params: &PARAMS,
    panels: &[
        Panel::Lag,
        Panel::Mandelbrot,
        Panel::PoolStatus,
        Panel::TIMELINES,
        Panel::Makespan,
        Panel::Insights,
    ],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The Mandelbrot lesson's buttons.
    pub enum MandelbrotAction {
        /// The tiles on the pool only.
        Pool = ("pool", "Render on the workers"),
        /// The tiles on the main thread only.
        Main = ("main", "Render on the main thread"),
        /// The tiles on the main thread, then on the pool.
        Both = ("both", "Render both ways"),
    }
}

/// The clamped parameters.
pub struct Picture {
    workers: usize,
    side: u32,
    max_iter: u32,
}

impl Params for Picture {
    fn read(values: &ParamValues) -> Self {
        Self {
            workers: support::read_count(values, &WORKERS).max(1),
            side: support::read_count(values, &SIDE).max(1) as u32,
            max_iter: support::read_count(values, &DETAIL).max(1) as u32,
        }
    }
}

impl Picture {
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

/// The estimated cost of `tile` at the speed measured on this page's thread (each pixel
/// counts one iteration more, as the measure counts it), in whole milliseconds (at least
/// 1).
pub fn estimated_ms(tile: &Tile) -> f64 {
    let iterations = estimated_iterations(tile) + tile.pixels() as f64;
    crate::engine::cpu::speed::current()
        .mandel_ms(iterations)
        .round()
        .max(1.0)
}

impl Lesson for MandelbrotLesson {
    type Params = Picture;
    type Action = MandelbrotAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: MandelbrotAction, p: &Picture) -> Vec<RunPlan> {
        let places = match action {
            MandelbrotAction::Pool => Places::Pool,
            MandelbrotAction::Main => Places::Main,
            MandelbrotAction::Both => Places::Both,
        };
        cpu_work::main_and_pool(places, Strategy::Gather, &p.scenario(), p.workers)
    }

    fn code(&self, p: &Picture) -> Vec<CodeSample> {
        let sample = CodeSample::new("Tiles on a pool of workers", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, 0.0)
            .with("width", WIDTH)
            .with("height", HEIGHT)
            .with("side", p.side)
            .with("iter", p.max_iter)
            .with("workers", p.workers)]
    }

    fn insights(&self, runs: &[RunRecord], _params: &Picture) -> Vec<Insight> {
        let mut out = Vec::new();
        for run in runs {
            let place = cpu_work::place_key(run);
            let title = run.title();
            out.push(Insight::new(
                format!("makespan-{place}"),
                format!("{title}: the whole picture took"),
                in_seconds(run.makespan_ms),
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
                    format!("{}, {}", t.label, in_millis(t.elapsed_ms())),
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
#[path = "tests/mandelbrot.rs"]
mod tests;
