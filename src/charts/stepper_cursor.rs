use futures::future::{abortable, AbortHandle};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::BrowserClock;
use crate::engine::{Clock, EventLoopTrace, RunRecord};

use super::{clamp_step, play_start, StepMove, StepperCommand};

/// How long each step shows while playing, in milliseconds.
const STEP_MS: f64 = 700.0;

/// The stepper's cursor: which step shows, whether it plays, how many steps there are,
/// and the handle that stops the playing task.
#[derive(Clone, Copy)]
pub struct StepperCursor {
    /// The step shown, from 0; it may lie past the last step, so read it through
    /// [`StepperCursor::current`].
    pub index: RwSignal<usize>,
    /// Whether the stepper is playing.
    pub playing: RwSignal<bool>,
    /// Stops the playing task.
    abort: StoredValue<Option<AbortHandle>>,
    /// How many steps the trace has.
    pub count: Memo<usize>,
}

impl StepperCursor {
    /// A cursor at the first step of `trace`, not playing.
    pub fn new(trace: Signal<Option<(RunRecord, EventLoopTrace)>>) -> Self {
        Self {
            index: RwSignal::new(0usize),
            playing: RwSignal::new(false),
            abort: StoredValue::new(None),
            count: Memo::new(move |_| {
                trace.with(|t| t.as_ref().map_or(0, |(_, tr)| tr.steps.len()))
            }),
        }
    }

    /// The current step, kept within the steps.
    pub fn current(self) -> usize {
        clamp_step(self.index.get(), self.count.get())
    }

    /// The current step counted from 1, or 0 when there are no steps.
    pub fn position(self) -> usize {
        if self.count.get() == 0 {
            0
        } else {
            self.current() + 1
        }
    }

    /// Stops the playing task, if any.
    pub fn halt(self) {
        if let Some(handle) = self.abort.try_update_value(|a| a.take()).flatten() {
            handle.abort();
        }
    }

    /// Stops playing.
    pub fn stop(self) {
        self.halt();
        self.playing.set(false);
    }

    /// Stops playing and makes move `m`.
    pub fn go(self, m: StepMove) {
        self.stop();
        self.index
            .set(m.apply(self.index.get_untracked(), self.count.get_untracked()));
    }

    /// Plays from the current step (from the first when at the last); does nothing with
    /// fewer than two steps.
    pub fn play(self) {
        self.stop();
        let n = self.count.get_untracked();
        if n < 2 {
            return;
        }
        self.index.set(play_start(self.index.get_untracked(), n));
        self.playing.set(true);
        let (task, handle) = abortable(self.advance());
        self.abort.set_value(Some(handle));
        spawn_local(async move {
            let _ = task.await;
        });
    }

    /// Moves one step forward every [`STEP_MS`] until the last step.
    async fn advance(self) {
        let clock = BrowserClock::new();
        loop {
            clock.sleep(STEP_MS).await;
            // The component may be gone: every access is a `try_`.
            let (Some(i), Some(n)) = (
                self.index.try_get_untracked(),
                self.count.try_get_untracked(),
            ) else {
                break;
            };
            let next = StepMove::Forward.apply(i, n);
            self.index.try_set(next);
            if next + 1 >= n {
                self.playing.try_set(false);
                break;
            }
        }
    }

    /// Pauses when playing, else plays.
    pub fn toggle(self) {
        if self.playing.get_untracked() {
            self.stop();
        } else {
            self.play();
        }
    }

    /// A key pressed on the stepper: arrows step, Home and End jump, Space plays or
    /// pauses; keys with Alt, Ctrl or Meta are left alone.
    pub fn on_key(self, ev: KeyboardEvent) {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match StepperCommand::from_key(&ev.key()) {
            Some(StepperCommand::Move(m)) => {
                ev.prevent_default();
                self.go(m);
            }
            // Space on a button or a summary inside presses it; only the stepper's own
            // Space plays or pauses.
            Some(StepperCommand::TogglePlay) if ev.target() == ev.current_target() => {
                ev.prevent_default();
                self.toggle();
            }
            _ => {}
        }
    }
}
