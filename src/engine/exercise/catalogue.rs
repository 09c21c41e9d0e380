use super::{ExerciseItem, Runner, WorkKind, Workload};

/// The tasks of the exercise, in the order the form shows them.
///
/// Sizes are scaled down so that checking runs every item both ways in a few seconds: a
/// wait of 20 ms stands for a request, a job of 80 ms for a training run. What matters is
/// the shape of the work (waiting or computing, and how many pieces), not its size.
pub static CATALOGUE: [ExerciseItem; 9] = [
    ExerciseItem {
        key: "pages",
        label: "Fetch 50 web pages",
        workload: Workload::Waits {
            count: 50,
            wait_ms: 20.0,
        },
        kind: WorkKind::Io,
        runner: Runner::Async,
        reason: "Each request spends nearly all its time waiting for a server, so one event \
                 loop can keep all 50 in flight together.",
    },
    ExerciseItem {
        key: "images",
        label: "Resize 100 images",
        workload: Workload::Jobs {
            count: 20,
            job_ms: 10.0,
        },
        kind: WorkKind::Cpu,
        runner: Runner::Pool,
        reason: "Resizing is arithmetic on every pixel with nothing to wait for, so only \
                 more cores make it faster (sent here as 20 jobs of 5 images, so that \
                 each message to a worker carries enough work).",
    },
    ExerciseItem {
        key: "databases",
        label: "Query 10 databases",
        workload: Workload::Waits {
            count: 10,
            wait_ms: 80.0,
        },
        kind: WorkKind::Io,
        runner: Runner::Async,
        reason: "The databases do the work on their own machines; your program only waits \
                 for ten answers, and those waits overlap on one loop.",
    },
    ExerciseItem {
        key: "models",
        label: "Train 5 models",
        workload: Workload::Jobs {
            count: 5,
            job_ms: 80.0,
        },
        kind: WorkKind::Cpu,
        runner: Runner::Pool,
        reason: "Training is long number crunching: on one loop the five would run one \
                 after another and freeze everything else meanwhile.",
    },
    ExerciseItem {
        key: "streams",
        label: "Stream 3 responses",
        workload: Workload::Waits {
            count: 3,
            wait_ms: 150.0,
        },
        kind: WorkKind::Io,
        runner: Runner::Async,
        reason: "A stream is a long series of small waits for the next chunk, which an \
                 event loop interleaves at no cost.",
    },
    ExerciseItem {
        key: "json",
        label: "Parse 4 large JSON texts already in memory",
        workload: Workload::Jobs {
            count: 4,
            job_ms: 60.0,
        },
        kind: WorkKind::Cpu,
        runner: Runner::Pool,
        reason: "Once the text is in memory there is nothing left to wait for: parsing is \
                 reading millions of characters, pure computing.",
    },
    ExerciseItem {
        key: "passwords",
        label: "Hash 1,000 passwords",
        workload: Workload::Jobs {
            count: 10,
            job_ms: 25.0,
        },
        kind: WorkKind::Cpu,
        runner: Runner::Pool,
        reason: "Password hashes are slow to compute on purpose, so the time is all \
                 processor time (sent here as 10 jobs of 100, to keep the messages few).",
    },
    ExerciseItem {
        key: "webhooks",
        label: "Wait for 20 webhooks",
        workload: Workload::Waits {
            count: 20,
            wait_ms: 40.0,
        },
        kind: WorkKind::Io,
        runner: Runner::Async,
        reason: "Waiting for another service to call back costs no computing at all, and \
                 20 open waits cost an event loop almost nothing.",
    },
    ExerciseItem {
        key: "logs",
        label: "Compress a 200 MB log file",
        workload: Workload::Jobs {
            count: 8,
            job_ms: 30.0,
        },
        kind: WorkKind::Cpu,
        runner: Runner::Pool,
        reason: "Compressing means searching the data for repeats, heavy computing; cut \
                 into 8 blocks, the blocks can be squeezed on several cores at once.",
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::engine::exercise::{Answer, Score};

    #[test]
    fn every_items_right_answer_is_consistent_with_its_kind() {
        for item in &CATALOGUE {
            assert_eq!(item.kind, item.workload.kind(), "{}", item.key);
            assert_eq!(item.runner, item.kind.best_runner(), "{}", item.key);
            assert!(item.reason.ends_with('.'), "{}", item.key);
            assert!(item.reason.len() > 40, "{} has a real reason", item.key);
        }
    }

    #[test]
    fn the_catalogue_has_the_five_tasks_of_the_seed_and_at_least_three_more_with_unique_keys() {
        assert!(CATALOGUE.len() >= 8);
        let keys: HashSet<&str> = CATALOGUE.iter().map(|i| i.key).collect();
        assert_eq!(keys.len(), CATALOGUE.len());
        for label in ["Fetch 50", "Resize 100", "Query 10", "Train 5", "Stream 3"] {
            assert!(
                CATALOGUE.iter().any(|i| i.label.starts_with(label)),
                "{label}"
            );
        }
        for kind in [WorkKind::Io, WorkKind::Cpu] {
            assert!(CATALOGUE.iter().filter(|i| i.kind == kind).count() >= 3);
        }
    }

    #[test]
    fn every_workload_is_finite_small_and_non_empty() {
        for item in &CATALOGUE {
            let w = item.workload;
            assert!((1..=100).contains(&w.count()), "{}", item.key);
            assert!(w.each_ms().is_finite() && w.each_ms() > 0.0, "{}", item.key);
            assert!(w.count() as f64 * w.each_ms() <= 1000.0, "{}", item.key);
        }
    }

    #[test]
    fn answering_every_item_right_scores_the_maximum_of_two_points_each() {
        let right: Vec<Answer> = CATALOGUE
            .iter()
            .map(|i| Answer::new(i.kind, i.runner))
            .collect();
        let score = Score::of(&CATALOGUE, &right);
        assert_eq!(score.max, 2 * CATALOGUE.len());
        assert_eq!(score.points, score.max);
    }
}
