use leptos::prelude::*;

use crate::engine::server::ServerModel;

use super::LogPlot;

/// One server model's marks on a load chart: its lines, each a run of segments between
/// neighbouring points with finite values, then a dot with a tooltip at each finite point.
#[component]
pub fn LoadSeries(
    /// The plot the marks are drawn on.
    plot: LogPlot,
    /// The model, which picks the colour (`data-series`).
    model: ServerModel,
    /// The lines: each one's classes and its points (offered load, value).
    lines: Vec<(&'static str, Vec<(f64, f64)>)>,
    /// The dots: offered load, value and tooltip.
    dots: Vec<(f64, f64, String)>,
) -> impl IntoView {
    let segments = lines
        .into_iter()
        .map(|(class, points)| {
            points
                .windows(2)
                .filter(|w| w[0].1.is_finite() && w[1].1.is_finite())
                .map(|w| {
                    view! {
                        <line class=class x1=plot.x_at(w[0].0) x2=plot.x_at(w[1].0)
                            y1=plot.y_at(w[0].1).to_string() y2=plot.y_at(w[1].1).to_string()></line>
                    }
                })
                .collect_view()
        })
        .collect_view();
    let dots = dots
        .into_iter()
        .filter(|(_, v, _)| v.is_finite())
        .map(|(rate, v, title)| {
            view! {
                <circle class="load-dot" cx=plot.x_at(rate) cy=plot.y_at(v).to_string() r="3">
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    view! { <g class="load-series" data-series=model.key()>{segments}{dots}</g> }
}
