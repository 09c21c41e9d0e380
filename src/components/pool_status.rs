use leptos::prelude::*;

use crate::charts::format_ms;

use super::RunModel;

/// The worker pool's size, load time, queue and replaced workers, once it has been used
/// (empty before).
#[component]
pub fn PoolStatus(
    /// The page's runs.
    model: RunModel,
) -> impl IntoView {
    let text = move || {
        model.warm_up_ms.get().map(|ms| {
            model.status.track();
            let (queued, running, size, replaced) = model.pool_load();
            format!(
                "Worker pool: {size} workers, loaded in {} · {queued} queued · {running} running · {replaced} replaced",
                format_ms(ms)
            )
        })
    };
    view! { <p class="pool-status" data-testid="pool-status">{text}</p> }
}
