use leptos::prelude::*;

use super::{LegendItem, TimeKind};

/// The legend of the timelines: one colour per kind of time (`kinds`, as
/// [`super::time_kinds`] lists them) and the dashed outline of a prediction.
#[component]
pub fn TimeLegend(
    /// The kinds of time the timelines show.
    kinds: Vec<TimeKind>,
) -> impl IntoView {
    let items = kinds
        .into_iter()
        .map(|k| view! { <LegendItem series=k.key() swatch="time-swatch" label=k.label() /> })
        .collect_view();
    view! {
        <ul class="time-legend" aria-label="Colours of the timelines">
            {items}
            <LegendItem series="predicted" swatch="time-swatch" label="predicted (dashed)" />
        </ul>
    }
}
