use leptos::prelude::*;

use super::{LegendItem, STEPPER_LEGEND};

/// The stepper's legend, one entry per colour (see [`STEPPER_LEGEND`]).
#[component]
pub fn StepperLegend() -> impl IntoView {
    let items = STEPPER_LEGEND
        .iter()
        .map(|&(series, label)| view! { <LegendItem series swatch="stepper-swatch" label /> })
        .collect_view();
    view! { <ul class="stepper-legend" aria-label="Colours of the stepper">{items}</ul> }
}
