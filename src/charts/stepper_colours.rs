/// What each colour of the event-loop stepper means: the kinds of step (the edge of the
/// step's sentence), the task that runs next, and the bars of the run so far.
pub const STEPPER_LEGEND: [(&str, &str); 7] = [
    ("ran", "ran a task to its next await"),
    ("woke", "a timer fired: the task is ready"),
    ("finished", "a task ran to its end"),
    ("cancelled", "a task was cancelled"),
    ("next", "first in the ready queue: runs next"),
    ("so-far", "a task's time so far (darker once done)"),
    ("current", "the task of this step"),
];

#[cfg(test)]
mod tests {
    use super::STEPPER_LEGEND;
    use crate::charts::action_kind;
    use crate::engine::LoopAction;

    #[test]
    fn every_kind_of_step_has_a_legend_entry() {
        let actions = [
            LoopAction::Run {
                task: 0,
                done: false,
            },
            LoopAction::Run {
                task: 0,
                done: true,
            },
            LoopAction::Wake { task: 0 },
            LoopAction::Cancel { task: 0 },
        ];
        for action in actions {
            let kind = action_kind(&action);
            assert!(STEPPER_LEGEND.iter().any(|(k, _)| *k == kind), "{kind}");
        }
    }
}
