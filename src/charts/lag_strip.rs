use leptos::prelude::*;

use crate::engine::lag::{LagKind, LagSample};

use super::{format_lag_ms, format_ms, ChartExportButtons, DataTable, LagWindow, TimeAxis};

/// Height of the plotting area, in pixels (and in viewBox units).
const PLOT_H: f64 = 90.0;
/// Width of the viewBox; the SVG stretches it to the page's width.
const VIEW_W: f64 = 1000.0;
/// Points per line: samples are reduced to the largest value in each bin.
const BINS: usize = 250;
/// The dashed reference lines, in milliseconds.
const THRESHOLDS: [f64; 2] = [50.0, 100.0];
/// The vertical scale always reaches at least this far, so both dashed lines show.
const MIN_TOP_MS: f64 = 120.0;
/// Most rows in the data table (one per second of a window up to a minute long).
const MAX_ROWS: usize = 60;
/// Window used when the one given is not a positive number, in milliseconds.
const DEFAULT_WINDOW_MS: f64 = 10_000.0;
/// Height of a long-task tick at the bottom of the strip, in pixels.
const TICK_H: f64 = 14.0;

/// Where a value of `ms` sits on a scale from 0 (bottom) to `top` milliseconds.
fn y_of(ms: f64, top: f64) -> f64 {
    PLOT_H * (1.0 - (ms / top).clamp(0.0, 1.0))
}

/// The `points` of one series' polyline, in viewBox units.
fn series_points(window: &LagWindow, samples: &[LagSample], kind: LagKind, top: f64) -> String {
    window
        .bin_maxima(samples, kind, BINS)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let x = (i as f64 + 0.5) / BINS as f64 * VIEW_W;
            v.map(|v| format!("{x:.1},{:.1}", y_of(v, top)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A live strip chart of the main thread's lag over the last `window_ms`: heartbeat
/// (timer) lateness and animation-frame gaps as two lines, long tasks as red ticks along
/// the bottom (with their span shaded), and dashed lines at 50 ms and 100 ms. The caption
/// gives the worst timer lateness (`data-testid="lag-max"`), its 95th percentile, the worst
/// frame gap and the long-task count; a data table gives the same numbers per second.
#[component]
pub fn LagStrip(
    /// The samples of a [`crate::browser::LagMeter`] (any order; older ones than the
    /// window are ignored, so the caller may trim them with [`LagWindow::retain`]).
    #[prop(into)]
    samples: Signal<Vec<LagSample>>,
    /// How much recent time to show, in milliseconds (for example 10,000).
    window_ms: f64,
) -> impl IntoView {
    let window_ms = if window_ms.is_finite() && window_ms > 0.0 {
        window_ms
    } else {
        DEFAULT_WINDOW_MS
    };
    let window = Memo::new(move |_| samples.with(|s| LagWindow::latest(s, window_ms)));
    let worst = move |kind: LagKind| samples.with(|s| window.get().max(s, kind));
    let beat_max = Memo::new(move |_| worst(LagKind::Heartbeat));
    let frame_max = Memo::new(move |_| worst(LagKind::Frame));
    let beat_p95 = Memo::new(move |_| samples.with(|s| window.get().p95(s, LagKind::Heartbeat)));
    let long_count =
        Memo::new(move |_| samples.with(|s| window.get().values(s, LagKind::LongTask).len()));
    let top = Memo::new(move |_| {
        let highest = beat_max
            .get()
            .unwrap_or(0.0)
            .max(frame_max.get().unwrap_or(0.0));
        TimeAxis::covering(highest.max(MIN_TOP_MS)).max_ms
    });
    let text = |v: Option<f64>| v.map_or_else(|| "–".to_string(), format_lag_ms);

    let line = move |kind: LagKind| {
        view! {
            <polyline class="lag-line" data-series=kind.key() fill="none"
                vector-effect="non-scaling-stroke"
                points=move || samples.with(|s| series_points(&window.get(), s, kind, top.get()))>
            </polyline>
        }
    };
    let thresholds = THRESHOLDS
        .iter()
        .map(|&ms| {
            let y = move || format!("{:.1}", y_of(ms, top.get()));
            view! {
                <line class="lag-threshold" data-ms=ms.to_string() x1="0" x2=VIEW_W.to_string()
                    y1=y y2=y vector-effect="non-scaling-stroke"></line>
            }
        })
        .collect_view();
    let long_tasks = move || {
        let w = window.get();
        samples.with(|s| {
            s.iter()
                .filter(|x| x.kind == LagKind::LongTask && w.contains(x))
                .map(|x| {
                    let x0 = w.fraction(x.at_ms) * VIEW_W;
                    let x1 = w.fraction(x.at_ms + x.value_ms) * VIEW_W;
                    view! {
                        <g class="lag-longtask">
                            <rect class="lag-longtask-span" x=format!("{x0:.1}") y="0"
                                width=format!("{:.1}", (x1 - x0).max(1.0)) height=PLOT_H.to_string()>
                            </rect>
                            <line class="lag-longtask-tick" x1=format!("{x0:.1}") x2=format!("{x0:.1}")
                                y1=(PLOT_H - TICK_H).to_string() y2=PLOT_H.to_string()
                                vector-effect="non-scaling-stroke"></line>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    // The value labels sit in an HTML column (text inside a stretched SVG would be
    // distorted); a dashed line's label is left out when it would overlap another.
    let labels = move || {
        let top = top.get();
        let mut shown = vec![(top, 0.0)];
        for ms in THRESHOLDS.iter().rev() {
            let y = y_of(*ms, top);
            if shown.iter().all(|(_, other)| (y - other).abs() >= 11.0) {
                shown.push((*ms, y));
            }
        }
        shown.push((0.0, PLOT_H));
        shown
            .into_iter()
            .map(|(ms, y)| view! { <span style:top=format!("{y:.1}px")>{format_ms(ms)}</span> })
            .collect_view()
    };
    let rows = move || {
        let w = window.get();
        let n = ((w.length_ms() / 1000.0).ceil() as usize).clamp(1, MAX_ROWS);
        let step = w.length_ms() / n as f64;
        samples.with(|s| {
            let beats = w.bin_maxima(s, LagKind::Heartbeat, n);
            let frames = w.bin_maxima(s, LagKind::Frame, n);
            let tasks = w.bin_counts(s, LagKind::LongTask, n);
            (0..n)
                .map(|i| {
                    let ago = format!(
                        "{} to {} ago",
                        format_ms((n - i) as f64 * step),
                        format_ms((n - i - 1) as f64 * step)
                    );
                    view! {
                        <tr>
                            <th scope="row">{ago}</th>
                            <td>{text(beats[i])}</td>
                            <td>{text(frames[i])}</td>
                            <td>{tasks[i]}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let aria = move || {
        format!(
            "Strip chart of main-thread lag over the last {}: worst timer lateness {}, worst \
             frame gap {}, {} long tasks; dashed lines at 50 ms and 100 ms, scale up to {}",
            format_ms(window_ms),
            text(beat_max.get()),
            text(frame_max.get()),
            long_count.get(),
            format_ms(top.get())
        )
    };
    view! {
        <figure class="lag-strip">
            <figcaption>
                <strong>"Main-thread lag"</strong>
                " · worst timer lateness "
                <strong data-testid="lag-max">{move || text(beat_max.get())}</strong>
                <span class="lag-stat">" · p95 "<span data-testid="lag-p95">{move || text(beat_p95.get())}</span></span>
                <span class="lag-stat">" · worst frame gap "<span data-testid="lag-frame-max">{move || text(frame_max.get())}</span></span>
                <span class="lag-stat">" · long tasks "<span data-testid="lag-long-tasks">{move || long_count.get()}</span></span>
                <ChartExportButtons name="asyncscope-main-thread-lag".to_string() />
            </figcaption>
            <ul class="lag-legend">
                <li data-series="heartbeat"><span class="swatch lag-swatch" aria-hidden="true"></span>
                    "timer lateness (setTimeout 16 ms)"</li>
                <li data-series="frame"><span class="swatch lag-swatch" aria-hidden="true"></span>
                    "gap between frames"</li>
                <li data-series="longtask"><span class="swatch lag-swatch" aria-hidden="true"></span>
                    "long task"</li>
                <li data-series="threshold"><span class="swatch lag-swatch" aria-hidden="true"></span>
                    "50 ms and 100 ms"</li>
            </ul>
            <div class="timeline-body">
                <div class="lag-y-labels" aria-hidden="true" style:height=format!("{PLOT_H}px")>
                    {labels}
                </div>
                <svg class="lag-svg" width="100%" height=PLOT_H.to_string()
                    viewBox=format!("0 0 {VIEW_W} {PLOT_H}") preserveAspectRatio="none"
                    role="img" aria-label=aria>
                    <rect class="lag-plot-bg" x="0" y="0" width=VIEW_W.to_string()
                        height=PLOT_H.to_string()></rect>
                    {thresholds}
                    {long_tasks}
                    {line(LagKind::Frame)}
                    {line(LagKind::Heartbeat)}
                </svg>
            </div>
            <p class="lag-x-title">{format!("the last {}, newest on the right", format_ms(window_ms))}</p>
            <DataTable summary="Main-thread lag: data table (worst value per interval)".to_string()
                headers=&["When", "Timer lateness", "Frame gap", "Long tasks"]>
                {rows}
            </DataTable>
        </figure>
    }
}
