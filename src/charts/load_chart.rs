use leptos::prelude::*;

use crate::engine::server::{LoadPoint, LoadSweep, ServerModel};

use super::{format_count, DataTable, FramedPlot, LegendItem, LogPlot};

/// The frame shared by the server-under-load charts: caption, legend, a log–log plot
/// against offered load with the chosen load marked, and a data table with a row per
/// offered load and the `cells` of each server model. The children are the series.
#[component]
pub fn LoadChart(
    /// Names the test hooks: `{name}-chart` on the figure, `{name}-table` on the table.
    name: &'static str,
    /// The chart's title, which also starts the data table's summary.
    title: &'static str,
    /// The caption after the title.
    subtitle: &'static str,
    /// The legend's entries: series key, swatch classes and name.
    legend: Vec<(String, &'static str, String)>,
    /// The plot: scales and frame.
    plot: LogPlot,
    /// Writes a y-axis tick label.
    y_label: fn(f64) -> String,
    /// The offered load chosen in the form, marked with a vertical line.
    chosen_rate: f64,
    /// Whether to draw the diagonal where every offered request is answered.
    #[prop(optional)]
    diagonal: bool,
    /// The SVG's accessible description.
    aria_label: String,
    /// The data table's column headings.
    headers: &'static [&'static str],
    /// The simulated sweep, for the data table.
    sweep: LoadSweep,
    /// The table cells of one model at one offered load (`None` when not simulated).
    cells: fn(Option<&LoadPoint>) -> AnyView,
    /// The series, drawn over the chosen-load mark.
    children: Children,
) -> impl IntoView {
    let legend = legend
        .into_iter()
        .map(|(series, swatch, label)| view! { <LegendItem series swatch label /> })
        .collect_view();
    let frame = plot.frame;
    let offered = diagonal.then(|| {
        let first = sweep.rates_per_s.first().copied().unwrap_or(1.0);
        let end = sweep.rates_per_s.last().copied().unwrap_or(1.0);
        view! {
            <line class="offered-line" x1=plot.x_at(first) x2=plot.x_at(end)
                y1=plot.y_at(first).to_string() y2=plot.y_at(end).to_string()></line>
        }
    });
    let chosen_x = plot.x_at(chosen_rate);
    let rows = sweep
        .rates_per_s
        .iter()
        .map(|&rate| {
            let row = ServerModel::ALL
                .iter()
                .map(|&m| {
                    cells(
                        sweep
                            .points
                            .iter()
                            .find(|p| p.model == m && p.rate_per_s == rate),
                    )
                })
                .collect_view();
            view! { <tr><th scope="row">{format_count(rate)}</th>{row}</tr> }
        })
        .collect_view();
    view! {
        <figure class="scaling-chart load-chart" data-testid=format!("{name}-chart")>
            <figcaption><strong>{title}</strong>{subtitle}</figcaption>
            <ul class="scaling-legend">{legend}</ul>
            <FramedPlot frame y_ticks=plot.y_ticks(y_label) x_ticks=plot.x_ticks() aria_label>
                {offered}
                <line class="chosen-load" x1=chosen_x.clone() x2=chosen_x y1=frame.top.to_string()
                    y2=frame.bottom().to_string()></line>
                {children()}
            </FramedPlot>
            <p class="scaling-x-title">"offered load (requests per second); the vertical mark is your choice"</p>
            <div data-testid=format!("{name}-table")>
                <DataTable summary=format!("{title}: data table") headers>
                    {rows}
                </DataTable>
            </div>
        </figure>
    }
}
