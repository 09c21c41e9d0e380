use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::browser::prefers_reduced_motion;
use crate::engine::{EventLoopTrace, LoopStep, RunRecord};

use super::stepper_cursor::StepperCursor;
use super::{
    action_kind, action_task, describe_action, format_ms, step_from_input, step_valuetext,
    stepper_title, task_label, StepMove, StepperLegend, StepperSoFar, StepperTable,
};

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

/// The virtual time of step `index`, written out.
fn step_time(trace: Signal<Traced>, index: usize) -> Option<String> {
    at_step(trace, index, |_, s| format_ms(s.at_ms))
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
    let cursor = StepperCursor::new(trace);
    let reduced = prefers_reduced_motion();
    on_cleanup(move || cursor.halt());
    Effect::new(move |_| {
        trace.track();
        cursor.stop();
        cursor.index.set(0);
    });
    let playing = cursor.playing;
    view! {
        <figure class="loop-stepper" class:reduced-motion=reduced class:playing=move || playing.get()
            tabindex="0" on:keydown=move |ev: KeyboardEvent| cursor.on_key(ev)
            aria-label="Event loop stepper: arrow keys step, Home and End jump, Space plays or pauses">
            {stepper_caption(trace)}
            {stepper_controls(cursor)}
            {stepper_range(trace, cursor)}
            {stepper_position(trace, cursor)}
            {stepper_action(trace, cursor)}
            <StepperLegend />
            {stepper_queues(trace, cursor)}
            {stepper_run(trace, cursor)}
        </figure>
    }
}

/// The caption: the stepper's name and the strategy of the run.
fn stepper_caption(trace: Signal<Traced>) -> impl IntoView {
    let title = move || trace.with(|t| t.as_ref().map(|(r, _)| stepper_title(r)));
    view! {
        <figcaption>
            <strong>"Event loop, step by step"</strong>
            {move || title().map(|t| view! { <span class="stepper-strategy">{format!(" · {t}")}</span> })}
        </figcaption>
    }
}

/// The buttons: first, back, play or pause, forward, last.
fn stepper_controls(cursor: StepperCursor) -> impl IntoView {
    let StepperCursor { playing, count, .. } = cursor;
    let at_end = Signal::derive(move || cursor.current() + 1 >= count.get());
    let at_start = Signal::derive(move || cursor.current() == 0);
    view! {
        <div class="stepper-controls" role="group" aria-label="Step controls">
            {nav_button(cursor, "First", StepMove::First, at_start)}
            {nav_button(cursor, "Back", StepMove::Back, at_start)}
            <button type="button" class="primary stepper-play"
                aria-pressed=move || if playing.get() { "true" } else { "false" }
                aria-disabled=move || if count.get() < 2 { "true" } else { "false" }
                on:click=move |_| cursor.toggle()>
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
            {nav_button(cursor, "Forward", StepMove::Forward, at_end)}
            {nav_button(cursor, "Last", StepMove::Last, at_end)}
        </div>
    }
}

/// A button making move `m`, marked disabled while `off`.
fn nav_button(
    cursor: StepperCursor,
    label: &'static str,
    m: StepMove,
    off: Signal<bool>,
) -> impl IntoView {
    view! {
        <button type="button"
            aria-disabled=move || if off.get() { "true" } else { "false" }
            on:click=move |_| cursor.go(m)>
            {label}
        </button>
    }
}

/// The range input over the steps.
fn stepper_range(trace: Signal<Traced>, cursor: StepperCursor) -> impl IntoView {
    let count = cursor.count;
    let valuetext = move || {
        step_valuetext(
            cursor.position(),
            count.get(),
            step_time(trace, cursor.current()),
        )
    };
    view! {
        <input type="range" class="stepper-range" min="0" step="1"
            max=move || count.get().saturating_sub(1).to_string()
            prop:value=move || cursor.current().to_string()
            disabled=move || count.get() == 0
            aria-label="Step" aria-valuetext=valuetext
            // The range moves itself with the arrows, Home and End.
            on:keydown=|ev: KeyboardEvent| ev.stop_propagation()
            on:input=move |ev| {
                cursor.stop();
                cursor.index.set(step_from_input(&event_target_value(&ev), count.get_untracked()));
            } />
    }
}

/// Where the cursor is: step, count and virtual time.
fn stepper_position(trace: Signal<Traced>, cursor: StepperCursor) -> impl IntoView {
    let StepperCursor { playing, count, .. } = cursor;
    let time = move || step_time(trace, cursor.current());
    view! {
        <p class="stepper-position" aria-live=move || if playing.get() { "off" } else { "polite" }>
            "Step "<span data-testid="stepper-index">{move || cursor.position()}</span>
            " of "<span data-testid="stepper-count">{move || count.get()}</span>
            " · virtual time "
            <strong data-testid="stepper-time">{move || time().unwrap_or_else(|| "–".into())}</strong>
        </p>
    }
}

/// What the loop did in the current step, as a sentence.
fn stepper_action(trace: Signal<Traced>, cursor: StepperCursor) -> impl IntoView {
    let action = move || {
        at_step(trace, cursor.current(), |r, s| {
            let label = task_label(r, action_task(&s.action));
            (action_kind(&s.action), describe_action(&s.action, &label))
        })
    };
    view! {
        <p class="stepper-action" data-testid="stepper-action"
            data-kind=move || action().map(|(k, _)| k)>
            {move || action().map_or_else(|| "No step recorded yet.".to_string(), |(_, text)| text)}
        </p>
    }
}

/// The ready queue and the sleeping tasks at the current step.
fn stepper_queues(trace: Signal<Traced>, cursor: StepperCursor) -> impl IntoView {
    let ready_empty =
        move || at_step(trace, cursor.current(), |_, s| s.ready.is_empty()).unwrap_or(true);
    let sleeping_empty =
        move || at_step(trace, cursor.current(), |_, s| s.sleeping.is_empty()).unwrap_or(true);
    view! {
        <div class="stepper-queues">
            <section class="stepper-queue" aria-label="Ready queue">
                <h3>"Ready queue"</h3>
                <ol data-testid="ready-queue">{move || ready_items(trace, cursor.current())}</ol>
                <Show when=ready_empty><p class="queue-empty">"empty"</p></Show>
            </section>
            <section class="stepper-queue" aria-label="Sleeping tasks">
                <h3>"Sleeping"</h3>
                <ul data-testid="sleeping">{move || sleeping_items(trace, cursor.current())}</ul>
                <Show when=sleeping_empty><p class="queue-empty">"none"</p></Show>
            </section>
        </div>
    }
}

/// The ready tasks of step `index`, one list item each.
fn ready_items(trace: Signal<Traced>, index: usize) -> Option<impl IntoView> {
    at_step(trace, index, |r, s| {
        s.ready
            .iter()
            .map(|&t| view! { <li>{task_label(r, t)}</li> })
            .collect_view()
    })
}

/// The sleeping tasks of step `index` with their wake times, one list item each.
fn sleeping_items(trace: Signal<Traced>, index: usize) -> Option<impl IntoView> {
    at_step(trace, index, |r, s| {
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
}

/// The run so far and the table of every step, once there is a trace.
fn stepper_run(trace: Signal<Traced>, cursor: StepperCursor) -> impl IntoView {
    let current = move || cursor.current();
    let at = Signal::derive(move || at_step(trace, current(), |_, s| s.at_ms).unwrap_or(0.0));
    let current_task =
        Signal::derive(move || at_step(trace, current(), |_, s| action_task(&s.action)));
    move || {
        trace.with(|t| {
            t.as_ref().map(|(record, tr)| {
                view! {
                    <StepperSoFar record=record.clone() at current_task />
                    <StepperTable record=record.clone() trace=tr.clone() index=Signal::derive(current) />
                }
            })
        })
    }
}
