use leptos::prelude::*;

use crate::browser::{clear_canvas, draw_tile_pixels};
use crate::engine::cpu::CpuOutput;
use crate::engine::pixels::{rgb_css, worker_rgb, TilePixels};

use super::{
    tile_coverage, tile_progress, tile_rows, tile_workers, worker_label, DataTable, TileRow,
};

/// The largest canvas side accepted, in pixels (the engine's largest image side).
const MAX_SIDE: u32 = 4096;

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
    draw_as_they_come(canvas, tiles, width, height);

    let rows = Memo::new(move |_| tiles.with(|t| tile_rows(t)));
    let workers = Memo::new(move |_| rows.with(|r| tile_workers(r)));
    let coverage = Memo::new(move |_| rows.with(|r| tile_coverage(r, width, height)));
    let progress =
        move || tile_progress(rows.with(Vec::len), workers.with(Vec::len), coverage.get());
    let aria = move || format!("Mandelbrot set drawn tile by tile: {}", progress());
    view! {
        <figure class="mandelbrot-view">
            <figcaption>
                <strong>"Mandelbrot"</strong>" · "
                <span data-testid="mandelbrot-count">{progress}</span>
            </figcaption>
            <canvas class="mandel-canvas" node_ref=canvas width=width height=height role="img"
                aria-label=aria></canvas>
            {mandel_legend(workers)}
            {mandel_table(rows)}
        </figure>
    }
}

/// Draws the entries of `tiles` on `canvas` as they arrive: only the new ones, or all of
/// them on a cleared canvas when the list got shorter.
fn draw_as_they_come(
    canvas: NodeRef<leptos::html::Canvas>,
    tiles: Signal<Vec<(CpuOutput, usize)>>,
    width: u32,
    height: u32,
) {
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
}

/// The legend: each worker's colour, then black for the inside of the set.
fn mandel_legend(workers: Memo<Vec<usize>>) -> impl IntoView {
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
        <ul class="mandel-legend" aria-label="Colours">
            {legend}
            <li data-worker="none">
                <span class="swatch mandel-swatch mandel-inside" aria-hidden="true"></span>
                "black: inside the set"
            </li>
        </ul>
    }
}

/// The data table: every tile in arrival order, its worker and its checksum.
fn mandel_table(rows: Memo<Vec<TileRow>>) -> impl IntoView {
    view! {
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
    }
}
