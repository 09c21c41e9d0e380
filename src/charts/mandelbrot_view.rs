use leptos::prelude::*;

use crate::browser::{clear_canvas, draw_tile_pixels};
use crate::engine::cpu::{CpuOutput, Tile};
use crate::engine::pixels::{rgb_css, worker_rgb, TilePixels};

use super::DataTable;

/// The largest canvas side accepted, in pixels (the engine's largest image side).
const MAX_SIDE: u32 = 4096;

/// One row of the tile table: arrival order, the tile, its worker and its checksum.
type TileRow = (usize, Tile, usize, u64);

/// The computed tiles among `entries`, in arrival order (other outputs are skipped).
fn tile_rows(entries: &[(CpuOutput, usize)]) -> Vec<TileRow> {
    entries
        .iter()
        .filter_map(|(output, worker)| match output {
            CpuOutput::Tile { tile, checksum, .. } => Some((*tile, *worker, *checksum)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (tile, worker, checksum))| (i, tile, worker, checksum))
        .collect()
}

/// Workers are numbered from 1 for people.
fn worker_label(worker: usize) -> String {
    format!("Worker {}", worker.saturating_add(1))
}

/// The Mandelbrot picture drawn on a `<canvas>` tile by tile as the tiles arrive, each
/// tinted with the hue of the worker that computed it (black is inside the set). New
/// entries are drawn incrementally; if the list gets shorter the picture is cleared and
/// redrawn. Tiles are placed at their pixel position and clipped to the canvas, so they
/// should be computed for an image of `width × height`. A legend names the workers'
/// colours and a data table lists every tile, its worker and its checksum.
#[component]
pub fn MandelbrotView(
    /// Canvas width in pixels (the picture scales to the page's width).
    width: u32,
    /// Canvas height in pixels.
    height: u32,
    /// The results so far, in arrival order: each a [`CpuOutput::Tile`] (other outputs
    /// are ignored) and the index of the worker that computed it.
    #[prop(into)]
    tiles: Signal<Vec<(CpuOutput, usize)>>,
) -> impl IntoView {
    let width = width.clamp(1, MAX_SIDE);
    let height = height.clamp(1, MAX_SIDE);
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let drawn = StoredValue::new(0usize);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else {
            return;
        };
        tiles.with(|entries| {
            let mut from = drawn.get_value();
            if entries.len() < from {
                clear_canvas(&el);
                from = 0;
            }
            for (output, worker) in entries.iter().skip(from) {
                if let Some(pixels) = TilePixels::from_output(output, *worker, width, height) {
                    draw_tile_pixels(&el, &pixels);
                }
            }
            drawn.set_value(entries.len());
        });
    });

    let rows = Memo::new(move |_| tiles.with(|t| tile_rows(t)));
    let workers = Memo::new(move |_| {
        let mut ids: Vec<usize> = rows.with(|r| r.iter().map(|row| row.2).collect());
        ids.sort_unstable();
        ids.dedup();
        ids
    });
    let coverage = Memo::new(move |_| {
        let covered: u64 = rows.with(|r| {
            r.iter()
                .map(|(_, t, _, _)| {
                    let w = t.width.min(width.saturating_sub(t.x));
                    let h = t.height.min(height.saturating_sub(t.y));
                    u64::from(w) * u64::from(h)
                })
                .sum()
        });
        (covered as f64 / (f64::from(width) * f64::from(height)) * 100.0).min(100.0)
    });
    let progress = move || {
        let n = rows.with(Vec::len);
        let k = workers.with(Vec::len);
        format!(
            "{n} tile{} from {k} worker{} · {:.0}% of the picture",
            if n == 1 { "" } else { "s" },
            if k == 1 { "" } else { "s" },
            coverage.get()
        )
    };
    let aria = move || format!("Mandelbrot set drawn tile by tile: {}", progress());
    let legend = move || {
        workers
            .get()
            .into_iter()
            .map(|w| {
                view! {
                    <li data-worker=w>
                        <span class="swatch mandel-swatch" aria-hidden="true"
                            style:background=rgb_css(worker_rgb(w))></span>
                        {worker_label(w)}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="mandelbrot-view">
            <figcaption>
                <strong>"Mandelbrot"</strong>" · "
                <span data-testid="mandelbrot-count">{progress}</span>
            </figcaption>
            <canvas class="mandel-canvas" node_ref=canvas width=width height=height role="img"
                aria-label=aria></canvas>
            <ul class="mandel-legend" aria-label="Colours">
                {legend}
                <li data-worker="none">
                    <span class="swatch mandel-swatch mandel-inside" aria-hidden="true"></span>
                    "black: inside the set"
                </li>
            </ul>
            <DataTable summary="Mandelbrot tiles: data table".to_string()
                headers=&["#", "Tile", "Worker", "Checksum"]>
                <For each=move || rows.get() key=|row| (row.0, row.1.x, row.1.y, row.2, row.3)
                    let:row>
                    <tr>
                        <th scope="row">{row.0 + 1}</th>
                        <td>{format!("{}×{} at ({}, {})", row.1.width, row.1.height, row.1.x, row.1.y)}</td>
                        <td>{worker_label(row.2)}</td>
                        <td>{row.3}</td>
                    </tr>
                </For>
            </DataTable>
        </figure>
    }
}
