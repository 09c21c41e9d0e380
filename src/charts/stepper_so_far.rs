use leptos::prelude::*;

use crate::engine::RunRecord;

use super::{format_ms, span_so_far, AxisTicks, TimeAxis};

/// Height of a task's lane, in pixels.
const LANE: f64 = 16.0;
/// Space between lanes, in pixels.
const GAP: f64 = 4.0;

/// The run up to the current step: one lane per task, each bar clipped at the step's
/// time, the task of the step highlighted, and a line at the step's time.
#[component]
pub fn StepperSoFar(
    /// The whole run (bars are clipped, so later parts stay hidden).
    record: RunRecord,
    /// Virtual time of the current step, in milliseconds.
    at: Signal<f64>,
    /// The task the current step is about.
    current_task: Signal<Option<usize>>,
) -> impl IntoView {
    let end = record
        .tasks
        .iter()
        .map(|t| t.end_ms)
        .fold(
            record.makespan_ms,
            |a, b| if b.is_finite() { a.max(b) } else { a },
        );
    let axis = TimeAxis::covering(end);
    let plot_h = record.tasks.len() as f64 * (LANE + GAP);
    let lanes = record
        .tasks
        .iter()
        .enumerate()
        .map(|(j, t)| {
            let (id, start, end) = (t.id, t.start_ms, t.end_ms);
            let y = j as f64 * (LANE + GAP);
            let axis = axis.clone();
            let bar = move || {
                let (s, e, done) = span_so_far(start, end, at.get())?;
                let x = axis.percent(s);
                Some((x, (axis.percent(e) - x).max(0.4), done))
            };
            move || {
                bar().map(|(x, w, done)| {
                    view! {
                        <rect class="stepper-bar" class:done=done
                            class:current=move || current_task.get() == Some(id)
                            x=format!("{x:.3}%") width=format!("{w:.3}%") y=y.to_string()
                            height=LANE.to_string() rx="3"></rect>
                    }
                })
            }
        })
        .collect_view();
    let labels = record
        .tasks
        .iter()
        .map(|t| {
            view! {
                <li style:height=format!("{LANE}px") style:margin-bottom=format!("{GAP}px")>
                    <span class="lane-name">{t.label.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let axis_now = axis.clone();
    let now_x = move || format!("{:.3}%", axis_now.percent(at.get()));
    let (tasks, axis_max) = (record.tasks.len(), axis.max_ms);
    let aria = move || {
        format!(
            "The run so far: {tasks} tasks, bars drawn up to {} on an axis from 0 to {}",
            format_ms(at.get()),
            format_ms(axis_max)
        )
    };
    view! {
        <div class="stepper-so-far">
            <h3>"So far"</h3>
            <div class="timeline-body">
                <ol class="lane-labels" aria-hidden="true">{labels}</ol>
                <svg width="100%" height=(plot_h + 20.0).to_string() role="img" aria-label=aria>
                    <AxisTicks axis=axis.clone() height=plot_h />
                    {lanes}
                    <line class="now-line" x1=now_x.clone() x2=now_x y1="0"
                        y2=plot_h.to_string()></line>
                </svg>
            </div>
        </div>
    }
}
