use leptos::prelude::*;

use crate::engine::lag::{LagKind, LagSample};

use super::{
    format_lag_ms, format_ms, lag_labels, lag_row_label, lag_table_rows, lag_y, ChartExportButtons,
    DataTable, LagWindow, TimeAxis,
};

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
    lag_y(ms, top, PLOT_H)
}

/// A lag value written out, or `–` when there is none.
fn text(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), format_lag_ms)
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

/// The samples in view and the numbers drawn from them.
#[derive(Clone, Copy)]
struct LagStats {
    /// The samples' latest window.
    window: Memo<LagWindow>,
    /// The worst timer lateness in the window.
    beat_max: Memo<Option<f64>>,
    /// The worst gap between frames in the window.
    frame_max: Memo<Option<f64>>,
    /// The 95th percentile of the timer lateness in the window.
    beat_p95: Memo<Option<f64>>,
    /// How many long tasks the window holds.
    long_count: Memo<usize>,
    /// The top of the vertical scale, in milliseconds.
    top: Memo<f64>,
}

impl LagStats {
    /// The numbers of the last `window_ms` of `samples`.
    fn new(samples: Signal<Vec<LagSample>>, window_ms: f64) -> Self {
        let window = Memo::new(move |_| samples.with(|s| LagWindow::latest(s, window_ms)));
        let worst = move |kind: LagKind| samples.with(|s| window.get().max(s, kind));
        let beat_max = Memo::new(move |_| worst(LagKind::Heartbeat));
        let frame_max = Memo::new(move |_| worst(LagKind::Frame));
        let beat_p95 =
            Memo::new(move |_| samples.with(|s| window.get().p95(s, LagKind::Heartbeat)));
        let long_count =
            Memo::new(move |_| samples.with(|s| window.get().values(s, LagKind::LongTask).len()));
        let top = Memo::new(move |_| {
            let highest = beat_max
                .get()
                .unwrap_or(0.0)
                .max(frame_max.get().unwrap_or(0.0));
            TimeAxis::covering(highest.max(MIN_TOP_MS)).max_ms
        });
        Self {
            window,
            beat_max,
            frame_max,
            beat_p95,
            long_count,
            top,
        }
    }
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
    let stats = LagStats::new(samples, window_ms);
    view! {
        <figure class="lag-strip">
            {lag_caption(stats)}
            {lag_legend()}
            {lag_plot(samples, stats, window_ms)}
            <p class="lag-x-title">{format!("the last {}, newest on the right", format_ms(window_ms))}</p>
            {lag_table(samples, stats.window)}
        </figure>
    }
}

/// The caption: the worst timer lateness, its 95th percentile, the worst frame gap, the
/// long-task count, and the export buttons.
fn lag_caption(stats: LagStats) -> impl IntoView {
    let LagStats {
        beat_max,
        frame_max,
        beat_p95,
        long_count,
        ..
    } = stats;
    view! {
        <figcaption>
            <strong>"Main-thread lag"</strong>
            " · worst timer lateness "
            <strong data-testid="lag-max">{move || text(beat_max.get())}</strong>
            <span class="lag-stat">" · p95 "<span data-testid="lag-p95">{move || text(beat_p95.get())}</span></span>
            <span class="lag-stat">" · worst frame gap "<span data-testid="lag-frame-max">{move || text(frame_max.get())}</span></span>
            <span class="lag-stat">" · long tasks "<span data-testid="lag-long-tasks">{move || long_count.get()}</span></span>
            <ChartExportButtons name="asyncscope-main-thread-lag".to_string() />
        </figcaption>
    }
}

/// The legend: the two lines, the long tasks and the dashed lines.
fn lag_legend() -> impl IntoView {
    view! {
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
    }
}

/// The strip itself with its value labels: dashed lines, long tasks, then the frame and
/// timer lines.
fn lag_plot(samples: Signal<Vec<LagSample>>, stats: LagStats, window_ms: f64) -> impl IntoView {
    let aria = move || {
        format!(
            "Strip chart of main-thread lag over the last {}: worst timer lateness {}, worst \
             frame gap {}, {} long tasks; dashed lines at 50 ms and 100 ms, scale up to {}",
            format_ms(window_ms),
            text(stats.beat_max.get()),
            text(stats.frame_max.get()),
            stats.long_count.get(),
            format_ms(stats.top.get())
        )
    };
    view! {
        <div class="timeline-body">
            <div class="lag-y-labels" aria-hidden="true" style:height=format!("{PLOT_H}px")>
                {lag_y_labels(stats.top)}
            </div>
            <svg class="lag-svg" width="100%" height=PLOT_H.to_string()
                viewBox=format!("0 0 {VIEW_W} {PLOT_H}") preserveAspectRatio="none"
                role="img" aria-label=aria>
                <rect class="lag-plot-bg" x="0" y="0" width=VIEW_W.to_string()
                    height=PLOT_H.to_string()></rect>
                {lag_thresholds(stats.top)}
                {lag_long_tasks(samples, stats.window)}
                {lag_line(samples, stats, LagKind::Frame)}
                {lag_line(samples, stats, LagKind::Heartbeat)}
            </svg>
        </div>
    }
}

/// The value labels, in an HTML column (text inside a stretched SVG would be distorted);
/// a dashed line's label is left out when it would overlap another.
fn lag_y_labels(top: Memo<f64>) -> impl IntoView {
    move || {
        lag_labels(top.get(), &THRESHOLDS, PLOT_H)
            .into_iter()
            .map(|(ms, y)| view! { <span style:top=format!("{y:.1}px")>{format_ms(ms)}</span> })
            .collect_view()
    }
}

/// The dashed lines at [`THRESHOLDS`].
fn lag_thresholds(top: Memo<f64>) -> impl IntoView {
    THRESHOLDS
        .iter()
        .map(|&ms| {
            let y = move || format!("{:.1}", y_of(ms, top.get()));
            view! {
                <line class="lag-threshold" data-ms=ms.to_string() x1="0" x2=VIEW_W.to_string()
                    y1=y y2=y vector-effect="non-scaling-stroke"></line>
            }
        })
        .collect_view()
}

/// Each long task in the window: its span shaded and a tick where it began.
fn lag_long_tasks(samples: Signal<Vec<LagSample>>, window: Memo<LagWindow>) -> impl IntoView {
    move || {
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
    }
}

/// The line of one kind of lag sample.
fn lag_line(samples: Signal<Vec<LagSample>>, stats: LagStats, kind: LagKind) -> impl IntoView {
    let LagStats { window, top, .. } = stats;
    view! {
        <polyline class="lag-line" data-series=kind.key() fill="none"
            vector-effect="non-scaling-stroke"
            points=move || samples.with(|s| series_points(&window.get(), s, kind, top.get()))>
        </polyline>
    }
}

/// The data table: the worst timer lateness and frame gap and the long-task count per
/// second of the window (at most [`MAX_ROWS`] rows).
fn lag_table(samples: Signal<Vec<LagSample>>, window: Memo<LagWindow>) -> impl IntoView {
    let rows = move || {
        let w = window.get();
        let (n, step) = lag_table_rows(w.length_ms(), MAX_ROWS);
        samples.with(|s| {
            let beats = w.bin_maxima(s, LagKind::Heartbeat, n);
            let frames = w.bin_maxima(s, LagKind::Frame, n);
            let tasks = w.bin_counts(s, LagKind::LongTask, n);
            (0..n)
                .map(|i| {
                    view! {
                        <tr>
                            <th scope="row">{lag_row_label(i, n, step)}</th>
                            <td>{text(beats[i])}</td>
                            <td>{text(frames[i])}</td>
                            <td>{tasks[i]}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <DataTable summary="Main-thread lag: data table (worst value per interval)".to_string()
            headers=&["When", "Timer lateness", "Frame gap", "Long tasks"]>
            {rows}
        </DataTable>
    }
}
