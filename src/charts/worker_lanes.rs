use leptos::prelude::*;

use super::{worker_jobs, LiveRun, TimeAxis, WorkerJob};

const LANE: f64 = 14.0;
const GAP: f64 = 4.0;

/// Who ran what: one lane per worker of a run's pool, with the jobs each computed on the
/// same time axis as the run's timeline (an idle worker's lane stays empty), in the
/// colour of computing, each job named in its tooltip.
#[component]
pub fn WorkerLanes(
    /// The run (drawn only if it sends CPU jobs to workers).
    run: Memo<Option<LiveRun>>,
    /// The timeline's time axis.
    axis: TimeAxis,
    /// Milliseconds since the run started.
    elapsed: Signal<f64>,
) -> impl IntoView {
    let workers = run.with_untracked(|r| r.as_ref().map_or(0, |r| worker_jobs(r, 0.0).len()));
    if workers == 0 {
        return ().into_any();
    }
    let height = workers as f64 * (LANE + GAP);
    let names = run.with_untracked(|r| {
        r.as_ref()
            .map(|r| {
                r.predicted
                    .tasks
                    .iter()
                    .map(|t| t.label.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let lanes = move || {
        let now = elapsed.get();
        run.with(|r| r.as_ref().map(|r| worker_jobs(r, now)).unwrap_or_default())
    };
    let bars = move || {
        lanes()
            .into_iter()
            .enumerate()
            .flat_map(|(w, jobs)| jobs.into_iter().map(move |job| (w, job)))
            .map(|(w, job)| job_bar(w, &job, &axis, &names))
            .collect_view()
    };
    let labels = (0..workers)
        .map(|w| view! { <li style:height=format!("{}px", LANE + GAP)>{format!("worker {}", w + 1)}</li> })
        .collect_view();
    view! {
        <figure class="worker-lanes">
            <figcaption>"Who ran what"</figcaption>
            <div class="timeline-body">
                <ol class="lane-labels worker-labels" aria-hidden="true">{labels}</ol>
                <svg width="100%" height=height.to_string() role="img"
                    aria-label=format!("The jobs each of the {workers} workers computed, on the timeline's time axis")>
                    {bars}
                </svg>
            </div>
        </figure>
    }
    .into_any()
}

/// One job on worker `w`'s lane, named by its task in a tooltip.
fn job_bar(w: usize, job: &WorkerJob, axis: &TimeAxis, names: &[String]) -> impl IntoView {
    let x = axis.percent(job.from_ms);
    let width = (axis.percent(job.to_ms) - x).max(0.3);
    let y = w as f64 * (LANE + GAP);
    let name = names.get(job.task).cloned().unwrap_or_default();
    view! {
        <rect class="worker-job" class:done=job.done
            x=format!("{x:.3}%") width=format!("{width:.3}%") y=y.to_string()
            height=LANE.to_string() rx="2">
            <title>{name}</title>
        </rect>
    }
}
