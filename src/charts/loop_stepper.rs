use futures::future::{abortable, AbortHandle};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{prefers_reduced_motion, BrowserClock};
use crate::engine::{Clock, EventLoopTrace, LoopStep, RunRecord, Strategy};

use super::{
    action_kind, action_task, clamp_step, describe_action, format_ms, play_start, step_from_input,
    task_label, StepMove, StepperCommand, StepperSoFar, StepperTable,
};

/// How long each step shows while playing, in milliseconds.
const STEP_MS: f64 = 700.0;

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
                <StepperSoFar record=record.clone() at current_task />
                <StepperTable record=record.clone() trace=tr.clone() index=Signal::derive(current) />
            }))}
        </figure>
    }
}
