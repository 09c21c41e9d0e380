use futures::future::{abortable, AbortHandle};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{prefers_reduced_motion, BrowserClock};
use crate::engine::{Clock, EventLoopTrace, LoopStep, RunRecord, Strategy};

use super::{
    action_kind, action_task, clamp_step, describe_action, format_ms, play_start, span_so_far,
    step_from_input, task_label, AxisTicks, DataTable, StepMove, StepperCommand, TimeAxis,
};

/// How long each step shows while playing, in milliseconds.
const STEP_MS: f64 = 700.0;
const LANE: f64 = 16.0;
const GAP: f64 = 4.0;

/// A recorded trace, as the stepper receives it.
type Traced = Option<(RunRecord, EventLoopTrace)>;

/// Runs `f` on the record and step `index` of `trace`, if both exist.
fn at_step<R>(
    trace: Signal<Traced>,
    index: usize,
    f: impl FnOnce(&RunRecord, &LoopStep) -> R,
) -> Option<R> {
    trace.with(|t| {
        let (record, trace) = t.as_ref()?;
        Some(f(record, trace.steps.get(index)?))
    })
}

/// A recorded event-loop trace, one step at a time: what the loop did, the virtual time,
/// the ready queue, the sleeping tasks with their wake times, and a mini timeline of the
/// run so far. Buttons, a range input and the keyboard (arrows, Home, End, Space while the
/// stepper has focus) move through the steps; Play advances one step every 0.7 s. A data
/// table lists every step.
#[component]
pub fn LoopStepper(
    /// The run and its trace (from [`EventLoopTrace::record`]); `None` shows no steps.
    /// A new trace returns the stepper to its first step.
    #[prop(into)]
    trace: Signal<Option<(RunRecord, EventLoopTrace)>>,
) -> impl IntoView {
    let index = RwSignal::new(0usize);
    let playing = RwSignal::new(false);
    let abort: StoredValue<Option<AbortHandle>> = StoredValue::new(None);
    let reduced = prefers_reduced_motion();
    let count = Memo::new(move |_| trace.with(|t| t.as_ref().map_or(0, |(_, tr)| tr.steps.len())));
    let current = move || clamp_step(index.get(), count.get());

    let halt = move || {
        if let Some(handle) = abort.try_update_value(|a| a.take()).flatten() {
            handle.abort();
        }
    };
    on_cleanup(halt);
    let stop = move || {
        halt();
        playing.set(false);
    };
    let go = move |m: StepMove| {
        stop();
        index.set(m.apply(index.get_untracked(), count.get_untracked()));
    };
    let play = move || {
        stop();
        let n = count.get_untracked();
        if n < 2 {
            return;
        }
        index.set(play_start(index.get_untracked(), n));
        playing.set(true);
        let (task, handle) = abortable(async move {
            let clock = BrowserClock::new();
            loop {
                clock.sleep(STEP_MS).await;
                // The component may be gone: every access is a `try_`.
                let (Some(i), Some(n)) = (index.try_get_untracked(), count.try_get_untracked())
                else {
                    break;
                };
                let next = StepMove::Forward.apply(i, n);
                index.try_set(next);
                if next + 1 >= n {
                    playing.try_set(false);
                    break;
                }
            }
        });
        abort.set_value(Some(handle));
        spawn_local(async move {
            let _ = task.await;
        });
    };
    let toggle = move || {
        if playing.get_untracked() {
            stop();
        } else {
            play();
        }
    };
    Effect::new(move |_| {
        trace.track();
        stop();
        index.set(0);
    });

    let on_key = move |ev: KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match StepperCommand::from_key(&ev.key()) {
            Some(StepperCommand::Move(m)) => {
                ev.prevent_default();
                go(m);
            }
            // Space on a button or a summary inside presses it; only the stepper's own
            // Space plays or pauses.
            Some(StepperCommand::TogglePlay) if ev.target() == ev.current_target() => {
                ev.prevent_default();
                toggle();
            }
            _ => {}
        }
    };
    let at_end = Signal::derive(move || current() + 1 >= count.get());
    let at_start = Signal::derive(move || current() == 0);
    let nav = move |label: &'static str, m: StepMove, off: Signal<bool>| {
        view! {
            <button type="button"
                aria-disabled=move || if off.get() { "true" } else { "false" }
                on:click=move |_| go(m)>
                {label}
            </button>
        }
    };
    let position = move || if count.get() == 0 { 0 } else { current() + 1 };
    let time = move || at_step(trace, current(), |_, s| format_ms(s.at_ms));
    let action = move || {
        at_step(trace, current(), |r, s| {
            let label = task_label(r, action_task(&s.action));
            (action_kind(&s.action), describe_action(&s.action, &label))
        })
    };
    let ready = move || {
        at_step(trace, current(), |r, s| {
            s.ready
                .iter()
                .map(|&t| view! { <li>{task_label(r, t)}</li> })
                .collect_view()
        })
    };
    let ready_empty = move || at_step(trace, current(), |_, s| s.ready.is_empty()).unwrap_or(true);
    let sleeping = move || {
        at_step(trace, current(), |r, s| {
            s.sleeping
                .iter()
                .map(|z| {
                    view! {
                        <li>
                            <span class="queue-task">{task_label(r, z.task)}</span>
                            " wakes at "
                            <span class="queue-time">{format_ms(z.wake_ms)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let sleeping_empty =
        move || at_step(trace, current(), |_, s| s.sleeping.is_empty()).unwrap_or(true);
    let title = move || {
        trace.with(|t| {
            t.as_ref().map(|(r, _)| {
                Strategy::from_key(&r.strategy)
                    .map_or_else(|| r.spec.clone(), |s| s.title().to_string())
            })
        })
    };
    let at = Signal::derive(move || at_step(trace, current(), |_, s| s.at_ms).unwrap_or(0.0));
    let current_task =
        Signal::derive(move || at_step(trace, current(), |_, s| action_task(&s.action)));
    let valuetext = move || {
        format!(
            "Step {} of {}{}",
            position(),
            count.get(),
            time().map(|t| format!(", at {t}")).unwrap_or_default()
        )
    };

    view! {
        <figure class="loop-stepper" class:reduced-motion=reduced class:playing=move || playing.get()
            tabindex="0" on:keydown=on_key
            aria-label="Event loop stepper: arrow keys step, Home and End jump, Space plays or pauses">
            <figcaption>
                <strong>"Event loop, step by step"</strong>
                {move || title().map(|t| view! { <span class="stepper-strategy">{format!(" · {t}")}</span> })}
            </figcaption>
            <div class="stepper-controls" role="group" aria-label="Step controls">
                {nav("First", StepMove::First, at_start)}
                {nav("Back", StepMove::Back, at_start)}
                <button type="button" class="primary stepper-play"
                    aria-pressed=move || if playing.get() { "true" } else { "false" }
                    aria-disabled=move || if count.get() < 2 { "true" } else { "false" }
                    on:click=move |_| toggle()>
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                {nav("Forward", StepMove::Forward, at_end)}
                {nav("Last", StepMove::Last, at_end)}
            </div>
            <input type="range" class="stepper-range" min="0" step="1"
                max=move || count.get().saturating_sub(1).to_string()
                prop:value=move || current().to_string()
                disabled=move || count.get() == 0
                aria-label="Step" aria-valuetext=valuetext
                // The range moves itself with the arrows, Home and End.
                on:keydown=|ev: KeyboardEvent| ev.stop_propagation()
                on:input=move |ev| {
                    stop();
                    index.set(step_from_input(&event_target_value(&ev), count.get_untracked()));
                } />
            <p class="stepper-position" aria-live=move || if playing.get() { "off" } else { "polite" }>
                "Step "<span data-testid="stepper-index">{position}</span>
                " of "<span data-testid="stepper-count">{move || count.get()}</span>
                " · virtual time "
                <strong data-testid="stepper-time">{move || time().unwrap_or_else(|| "–".into())}</strong>
            </p>
            <p class="stepper-action" data-testid="stepper-action"
                data-kind=move || action().map(|(k, _)| k)>
                {move || action().map_or_else(|| "No step recorded yet.".to_string(), |(_, text)| text)}
            </p>
            <div class="stepper-queues">
                <section class="stepper-queue" aria-label="Ready queue">
                    <h3>"Ready queue"</h3>
                    <ol data-testid="ready-queue">{ready}</ol>
                    <Show when=ready_empty><p class="queue-empty">"empty"</p></Show>
                </section>
                <section class="stepper-queue" aria-label="Sleeping tasks">
                    <h3>"Sleeping"</h3>
                    <ul data-testid="sleeping">{sleeping}</ul>
                    <Show when=sleeping_empty><p class="queue-empty">"none"</p></Show>
                </section>
            </div>
            {move || trace.with(|t| t.as_ref().map(|(record, tr)| view! {
                <SoFar record=record.clone() at current_task />
                <TraceTable record=record.clone() trace=tr.clone() index=Signal::derive(current) />
            }))}
        </figure>
    }
}

/// The run up to the current step: one lane per task, each bar clipped at the step's
/// time, the task of the step highlighted, and a line at the step's time.
#[component]
fn SoFar(
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

/// Every step of the trace as a table row, the current step marked.
#[component]
fn TraceTable(
    /// The run, for task labels.
    record: RunRecord,
    /// The steps to list.
    trace: EventLoopTrace,
    /// The current step, from 0.
    index: Signal<usize>,
) -> impl IntoView {
    let labels = |ids: &mut dyn Iterator<Item = usize>| {
        let names: Vec<String> = ids.map(|t| task_label(&record, t)).collect();
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(", ")
        }
    };
    let rows = trace
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let what = describe_action(&s.action, &task_label(&record, action_task(&s.action)));
            let sleeping: Vec<String> = s
                .sleeping
                .iter()
                .map(|z| format!("{} @ {}", task_label(&record, z.task), format_ms(z.wake_ms)))
                .collect();
            view! {
                <tr class:current=move || index.get() == i
                    aria-current=move || (index.get() == i).then_some("step")>
                    <th scope="row">{i + 1}</th>
                    <td>{format_ms(s.at_ms)}</td>
                    <td class="step-what">{what}</td>
                    <td>{labels(&mut s.ready.iter().copied())}</td>
                    <td>{if sleeping.is_empty() { "–".to_string() } else { sleeping.join(", ") }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable summary="Event loop: every step as a table".to_string()
            headers=&["Step", "Time", "What happened", "Ready queue", "Sleeping (wakes at)"]>
            {rows}
        </DataTable>
    }
}
