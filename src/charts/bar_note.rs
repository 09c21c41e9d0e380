use leptos::prelude::*;

/// A value written at the end of a horizontal bar: after it when there is room, inside it
/// (right-aligned) when the bar reaches far to the right, so text never leaves the chart.
#[component]
pub fn BarNote(
    /// Where the bar ends, in percent of the chart width.
    percent: f64,
    /// Baseline of the text, in pixels.
    y: f64,
    /// The text.
    text: String,
) -> impl IntoView {
    let inside = percent > 62.0;
    view! {
        <text class="bar-note" class:inside=inside x=format!("{percent:.3}%")
            dx=if inside { "-4" } else { "4" } text-anchor=if inside { "end" } else { "start" }
            y=y.to_string()>
            {text}
        </text>
    }
}
