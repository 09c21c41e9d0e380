use crate::engine::{LoopAction, RunRecord, Strategy};

/// A move of the event-loop stepper's cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepMove {
    /// To the first step.
    First,
    /// One step back.
    Back,
    /// One step forward.
    Forward,
    /// To the last step.
    Last,
}

impl StepMove {
    /// The step reached from `index` by this move among `count` steps (always a valid
    /// index, or 0 when there are no steps).
    pub fn apply(self, index: usize, count: usize) -> usize {
        let index = clamp_step(index, count);
        match self {
            StepMove::First => 0,
            StepMove::Back => index.saturating_sub(1),
            StepMove::Forward => clamp_step(index.saturating_add(1), count),
            StepMove::Last => count.saturating_sub(1),
        }
    }
}

/// What a key pressed on the stepper asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepperCommand {
    /// Move the cursor (and pause).
    Move(StepMove),
    /// Start or stop playing.
    TogglePlay,
}

impl StepperCommand {
    /// The command of a `KeyboardEvent.key` value: arrows step, Home and End jump, Space
    /// plays or pauses; any other key is not the stepper's.
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowLeft" | "Left" => Self::Move(StepMove::Back),
            "ArrowRight" | "Right" => Self::Move(StepMove::Forward),
            "Home" => Self::Move(StepMove::First),
            "End" => Self::Move(StepMove::Last),
            " " | "Spacebar" => Self::TogglePlay,
            _ => return None,
        })
    }
}

/// `index` kept within `count` steps: at most the last step, and 0 when there are none.
pub fn clamp_step(index: usize, count: usize) -> usize {
    index.min(count.saturating_sub(1))
}

/// The step a range input's value points at, clamped; unreadable text gives step 0.
pub fn step_from_input(value: &str, count: usize) -> usize {
    let parsed = value.trim().parse::<f64>().unwrap_or(0.0);
    let index = if parsed.is_finite() && parsed > 0.0 {
        parsed.round().min(usize::MAX as f64) as usize
    } else {
        0
    };
    clamp_step(index, count)
}

/// Where playing starts from: the current step, or the first when already at the last.
pub fn play_start(index: usize, count: usize) -> usize {
    if count > 0 && clamp_step(index, count) == count - 1 {
        0
    } else {
        clamp_step(index, count)
    }
}

/// The label of task `id` in `record`, or `task #id` for a task the record lacks.
pub fn task_label(record: &RunRecord, id: usize) -> String {
    record
        .tasks
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| format!("task #{id}"), |t| t.label.clone())
}

/// A short key for what happened in a step: `ran`, `finished`, `woke` or `cancelled`.
pub fn action_kind(action: &LoopAction) -> &'static str {
    match action {
        LoopAction::Run { done: false, .. } => "ran",
        LoopAction::Run { done: true, .. } => "finished",
        LoopAction::Wake { .. } => "woke",
        LoopAction::Cancel { .. } => "cancelled",
    }
}

/// The task a step is about.
pub fn action_task(action: &LoopAction) -> usize {
    match *action {
        LoopAction::Run { task, .. } | LoopAction::Wake { task } | LoopAction::Cancel { task } => {
            task
        }
    }
}

/// What happened in a step, as a sentence naming the task by `label`.
pub fn describe_action(action: &LoopAction, label: &str) -> String {
    match action {
        LoopAction::Run { done: false, .. } => {
            format!("The loop ran {label} until its next await; it is now waiting.")
        }
        LoopAction::Run { done: true, .. } => {
            format!("The loop ran {label} to its end: it finished.")
        }
        LoopAction::Wake { .. } => {
            format!("The timer of {label} fired: it moved to the ready queue.")
        }
        LoopAction::Cancel { .. } => format!("{label} was cancelled before it finished."),
    }
}

/// The part of a task's span up to `at_ms`: `(start, end, whether it had ended)`, or
/// `None` if the task had not started by then (or its start is unknown).
pub fn span_so_far(start_ms: f64, end_ms: f64, at_ms: f64) -> Option<(f64, f64, bool)> {
    if !start_ms.is_finite() || !at_ms.is_finite() || start_ms > at_ms {
        return None;
    }
    let done = end_ms.is_finite() && end_ms <= at_ms;
    let end = if done { end_ms.max(start_ms) } else { at_ms };
    Some((start_ms, end, done))
}

/// The stepper's name for the strategy of `record`: its title, or the run's spec for an
/// unknown strategy.
pub fn stepper_title(record: &RunRecord) -> String {
    Strategy::from_key(&record.strategy)
        .map_or_else(|| record.spec.clone(), |s| s.title().to_string())
}

/// The range input's spoken value: `Step 3 of 6, at 100 ms`, without the time when the
/// step has none.
pub fn step_valuetext(position: usize, count: usize, time: Option<String>) -> String {
    format!(
        "Step {position} of {count}{}",
        time.map(|t| format!(", at {t}")).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EventLoopTrace, RunOptions, Scenario};

    #[test]
    fn moves_never_leave_the_steps() {
        assert_eq!(StepMove::Forward.apply(4, 5), 4);
        assert_eq!(StepMove::Forward.apply(2, 5), 3);
        assert_eq!(StepMove::Back.apply(0, 5), 0);
        assert_eq!(StepMove::Back.apply(9, 5), 3);
        assert_eq!(StepMove::Last.apply(0, 5), 4);
        assert_eq!(StepMove::First.apply(3, 5), 0);
    }

    #[test]
    fn every_move_on_an_empty_trace_stays_at_step_zero() {
        for m in [
            StepMove::First,
            StepMove::Back,
            StepMove::Forward,
            StepMove::Last,
        ] {
            assert_eq!(m.apply(0, 0), 0);
            assert_eq!(m.apply(usize::MAX, 0), 0);
        }
        assert_eq!(clamp_step(7, 0), 0);
    }

    #[test]
    fn arrows_home_end_and_space_are_the_stepper_keys() {
        use StepperCommand::{Move, TogglePlay};
        assert_eq!(
            StepperCommand::from_key("ArrowLeft"),
            Some(Move(StepMove::Back))
        );
        assert_eq!(
            StepperCommand::from_key("ArrowRight"),
            Some(Move(StepMove::Forward))
        );
        assert_eq!(
            StepperCommand::from_key("Home"),
            Some(Move(StepMove::First))
        );
        assert_eq!(StepperCommand::from_key("End"), Some(Move(StepMove::Last)));
        assert_eq!(StepperCommand::from_key(" "), Some(TogglePlay));
        assert_eq!(StepperCommand::from_key("a"), None);
    }

    #[test]
    fn range_values_are_parsed_and_clamped() {
        assert_eq!(step_from_input("3", 10), 3);
        assert_eq!(step_from_input("42", 10), 9);
        assert_eq!(step_from_input("-2", 10), 0);
        assert_eq!(step_from_input("NaN", 10), 0);
        assert_eq!(step_from_input("abc", 10), 0);
        assert_eq!(step_from_input("1e300", 10), 9);
        assert_eq!(step_from_input("2", 0), 0);
    }

    #[test]
    fn playing_from_the_last_step_starts_over() {
        assert_eq!(play_start(4, 5), 0);
        assert_eq!(play_start(2, 5), 2);
        assert_eq!(play_start(0, 0), 0);
    }

    #[test]
    fn each_action_is_described_in_words() {
        let ran = LoopAction::Run {
            task: 1,
            done: false,
        };
        assert!(describe_action(&ran, "b").contains("ran b until its next await"));
        let done = LoopAction::Run {
            task: 1,
            done: true,
        };
        assert!(describe_action(&done, "b").contains("finished"));
        assert!(describe_action(&LoopAction::Wake { task: 0 }, "a").contains("timer of a fired"));
        assert!(describe_action(&LoopAction::Cancel { task: 0 }, "a").contains("cancelled"));
        assert_eq!(action_kind(&done), "finished");
        assert_eq!(action_task(&LoopAction::Cancel { task: 3 }), 3);
    }

    #[test]
    fn labels_come_from_the_record_with_a_fallback_for_unknown_tasks() {
        let (record, trace) = EventLoopTrace::record(
            Strategy::Gather,
            &Scenario::from_durations(&[200.0, 100.0]),
            &RunOptions::default(),
        )
        .expect("sleeps finish");
        assert_eq!(trace.steps.len(), 6);
        assert_eq!(task_label(&record, 1), "task 2");
        assert_eq!(task_label(&record, 9), "task #9");
    }

    #[test]
    fn spans_are_clipped_at_the_step_time() {
        assert_eq!(span_so_far(0.0, 200.0, 100.0), Some((0.0, 100.0, false)));
        assert_eq!(span_so_far(0.0, 200.0, 250.0), Some((0.0, 200.0, true)));
        assert_eq!(span_so_far(0.0, 0.0, 0.0), Some((0.0, 0.0, true)));
        assert_eq!(span_so_far(150.0, 200.0, 100.0), None);
        assert_eq!(span_so_far(f64::NAN, 200.0, 100.0), None);
        assert_eq!(span_so_far(0.0, f64::NAN, 100.0), Some((0.0, 100.0, false)));
        assert_eq!(span_so_far(0.0, 10.0, f64::NAN), None);
    }

    #[test]
    fn the_title_is_the_strategy_s_or_else_the_spec() {
        let (mut record, _) = EventLoopTrace::record(
            Strategy::Gather,
            &Scenario::from_durations(&[10.0]),
            &RunOptions::default(),
        )
        .expect("sleeps finish");
        assert_eq!(stepper_title(&record), Strategy::Gather.title());
        record.strategy = "mystery".into();
        record.spec = "mystery(3)".into();
        assert_eq!(stepper_title(&record), "mystery(3)");
    }

    #[test]
    fn the_spoken_value_gives_the_step_the_count_and_the_time_if_any() {
        assert_eq!(
            step_valuetext(3, 6, Some("100 ms".into())),
            "Step 3 of 6, at 100 ms"
        );
        assert_eq!(step_valuetext(0, 0, None), "Step 0 of 0");
    }
}
