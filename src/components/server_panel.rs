use leptos::prelude::*;

use super::QueuePlayer;
use crate::charts::{LatencyLoadChart, QueueChart, ThroughputLoadChart};
use crate::engine::server::{LoadSweep, ServerModel, ServerParams, ServerRun};
use crate::engine::{ParamError, ParamValues};
use crate::lessons::server::{capacity_formula, per_second, ServerLoad};
use crate::lessons::Params;

/// What the panel draws for one set of values.
#[derive(Clone, PartialEq)]
struct Simulated {
    params: ServerParams,
    rate: f64,
    sweep: LoadSweep,
    runs: Vec<ServerRun>,
}

/// The server lesson's simulated views, redrawn as the form changes: each model's
/// capacity and knee, latency and throughput against offered load, and the queue over time
/// at the chosen load. Invalid values keep the last valid picture.
#[component]
pub fn ServerPanel(
    /// The form's validated values.
    values: Signal<Result<ParamValues, Vec<ParamError>>>,
) -> impl IntoView {
    let simulated = Memo::new(
        move |previous: Option<&Option<Simulated>>| match values.get() {
            Ok(v) => {
                let load = ServerLoad::read(&v);
                Some(Simulated {
                    params: load.server,
                    rate: load.rate,
                    sweep: load.sweep(),
                    runs: load.at_chosen_rate(),
                })
            }
            Err(_) => previous.cloned().flatten(),
        },
    );
    move || {
        simulated.get().map(|s| {
            let capacities = ServerModel::ALL
                .iter()
                .map(|&m| {
                    let knee = s.sweep.knee_per_s(m).map_or_else(
                        || "no knee in this sweep".to_string(),
                        |k| format!("latency bends by {}", per_second(k)),
                    );
                    view! {
                        <li data-series=m.key() data-testid=format!("capacity-{}", m.key())>
                            <strong>{m.title()}</strong>
                            {format!(": {} = {}; {knee}", capacity_formula(m),
                                per_second(s.params.capacity_per_s(m)))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="server-panel" aria-label="Server under load, simulated"
                    data-testid="server-panel">
                    <h2>"Under load, simulated"</h2>
                    <p class="server-note">
                        "Each point sends 1,000 requests at that rate to each model, on virtual \
                         time. Capacity, the most requests answered per second:"
                    </p>
                    <ul class="server-capacities">{capacities}</ul>
                    <LatencyLoadChart sweep=s.sweep.clone() chosen_rate=s.rate />
                    <ThroughputLoadChart sweep=s.sweep.clone() chosen_rate=s.rate />
                    <QueueChart runs=s.runs.clone() rate=s.rate />
                    <QueuePlayer runs=s.runs.clone() />
                </section>
            }
        })
    }
}
