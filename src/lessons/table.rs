//! The timing table measured live: 10 I/O calls, 10 CPU tasks and 1 I/O call, each run
//! sync (one after another), async (gathered on one loop) and on a pool of workers.

use crate::engine::{ParamKind, ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec};

use super::cpu_work::{self, JOB_MS};
use super::support::{self, secs};
use super::{ActionSpec, AnyLesson, CodeSample, Insight, LessonInfo, Panel, RunOrder, RunPlan};

/// Nine runs: three workloads times sync, async and pool.
pub struct TableLesson;

/// How long each I/O call waits.
pub const CALL: ParamSpec = ParamSpec {
    key: "d",
    label: "Each I/O call",
    unit: "ms",
    kind: ParamKind::Integer,
    min: 10.0,
    max: 300.0,
    default: 100.0,
    step: 10.0,
    help: "The table's one-second calls, scaled down so the whole table runs in seconds.",
};

/// Estimated cost of each CPU task.
pub const COST: ParamSpec = ParamSpec {
    label: "Each CPU task",
    ..JOB_MS
};

/// Size of the pool column.
pub const WORKERS: ParamSpec = ParamSpec {
    default: 4.0,
    help: "The pool column runs each call or task on one of this many workers.",
    ..cpu_work::WORKERS
};

static PARAMS: [ParamSpec; 3] = [CALL, COST, WORKERS];

/// A row of the table: its key, its title, how many tasks and whether they compute.
struct Row {
    key: &'static str,
    title: &'static str,
    count: usize,
    cpu: bool,
}

/// The rows, top to bottom.
const ROWS: [Row; 3] = [
    Row {
        key: "io10",
        title: "10 I/O calls",
        count: 10,
        cpu: false,
    },
    Row {
        key: "cpu10",
        title: "10 CPU tasks",
        count: 10,
        cpu: true,
    },
    Row {
        key: "io1",
        title: "1 I/O call",
        count: 1,
        cpu: false,
    },
];

/// The columns, left to right.
const COLUMNS: [&str; 3] = ["sync", "async", "pool"];

const PYTHON: &str = include_str!("code/table.py").trim_ascii_end();

const RUST: &str = include_str!("code/table.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "table",
    title: "The timing table, measured",
    nav_title: "The timing table",
    summary: "Ten I/O calls, ten CPU tasks and one I/O call, each run sync, async and on a \
              pool: nine measured cells.",
    explanation: &[
        "A table often used to sum up async, measured here live and scaled down: each \
         I/O call waits d milliseconds, each CPU task computes for about as long. Every \
         cell is its own run, one after another.",
        "Sync does everything one after another. Async gathers on one event loop: ten \
         waits overlap into about one, but ten computations still follow each other, and \
         a single call has nothing to overlap with. The pool hands each call or task to \
         one of its workers, so it helps computing as much as waiting, provided the \
         machine has that many free cores.",
        "For waiting, a pool of threads is Python's classic choice (a waiting thread \
         costs little); the page models it as at most that many calls at a time. The \
         CPU cells are predicted from an estimate of how fast this browser computes.",
    ],
    params: &PARAMS,
    panels: &[Panel::PoolStatus, Panel::Makespan, Panel::Insights],
    runs: RunOrder::OneAtATime,
};

/// The clamped parameters.
struct Table {
    call_ms: f64,
    cost_ms: f64,
    workers: usize,
}

impl Table {
    fn read(values: &ParamValues) -> Self {
        Self {
            call_ms: support::whole(values, &CALL) as f64,
            cost_ms: support::whole(values, &COST) as f64,
            workers: support::whole(values, &WORKERS).max(1),
        }
    }

    /// The tasks of `row`: calls (timers) or tasks (computing).
    fn scenario(&self, row: &Row) -> Scenario {
        let tasks = (1..=row.count).map(|i| {
            if row.cpu {
                cpu_work::cpu_task(i - 1, i, format!("task {i}"), self.cost_ms)
            } else {
                TaskSpec::new(i - 1, format!("call {i}"), self.call_ms)
            }
        });
        Scenario {
            tasks: tasks.collect(),
        }
    }

    /// The plan of one cell.
    fn cell(&self, row: &Row, column: &str) -> RunPlan {
        let scenario = self.scenario(row);
        let plan = match column {
            "sync" => cpu_work::plan_on(Strategy::Sequential, &scenario, None),
            "async" => cpu_work::plan_on(Strategy::Gather, &scenario, None),
            _ => {
                let limit = self.workers;
                cpu_work::plan_on(Strategy::Semaphore { limit }, &scenario, Some(limit))
            }
        };
        plan.with_caption(format!("{} · {column}", row.title))
    }
}

/// The row and column a finished run measured, read from its tasks and its strategy.
fn cell_of(run: &RunRecord) -> (&'static Row, &'static str) {
    let row = if run.tasks.iter().any(|t| t.cpu) {
        &ROWS[1]
    } else if run.tasks.len() == 1 {
        &ROWS[2]
    } else {
        &ROWS[0]
    };
    let column = match run.strategy.as_str() {
        "sequential" => COLUMNS[0],
        "gather" => COLUMNS[1],
        _ => COLUMNS[2],
    };
    (row, column)
}

impl AnyLesson for TableLesson {
    fn info(&self) -> &'static LessonInfo {
        &INFO
    }

    fn actions(&self) -> Vec<ActionSpec> {
        vec![
            ActionSpec {
                key: "all",
                label: "Measure the whole table",
            },
            ActionSpec {
                key: "io10",
                label: "Only 10 I/O calls",
            },
            ActionSpec {
                key: "cpu10",
                label: "Only 10 CPU tasks",
            },
            ActionSpec {
                key: "io1",
                label: "Only 1 I/O call",
            },
        ]
    }

    fn plan(&self, action: &str, values: &ParamValues) -> Vec<RunPlan> {
        let table = Table::read(values);
        let one = ROWS.iter().any(|r| r.key == action);
        ROWS.iter()
            .filter(|r| !one || r.key == action)
            .flat_map(|row| COLUMNS.map(|column| table.cell(row, column)))
            .collect()
    }

    fn code(&self, values: &ParamValues) -> Vec<CodeSample> {
        let table = Table::read(values);
        let sample = CodeSample::new("The nine cells", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, table.cost_ms)
            .with("workers", table.workers)
            .with("d_s", cpu_work::seconds(table.call_ms))
            .with("d", table.call_ms)]
    }

    fn insights(&self, runs: &[RunRecord], _values: &ParamValues) -> Vec<Insight> {
        runs.iter()
            .map(|run| {
                let (row, column) = cell_of(run);
                Insight::new(
                    format!("cell-{}-{column}", row.key),
                    format!("{}, {column}", row.title),
                    secs(run.makespan_ms),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::support::testing::{insight, predicted, values_with};

    fn table(pairs: &[(&str, f64)]) -> Vec<Insight> {
        let values = values_with(&PARAMS, pairs);
        TableLesson.insights(&predicted(&TableLesson.plan("all", &values)), &values)
    }

    #[test]
    fn the_default_table_reads_like_the_classic_one_with_a_pool_of_4() {
        let cells = table(&[]);
        let expected = [
            ("cell-io10-sync", "1.00 s"),
            ("cell-io10-async", "0.10 s"),
            // ⌈10/4⌉ = 3 rounds of 100 ms
            ("cell-io10-pool", "0.30 s"),
            ("cell-cpu10-sync", "1.00 s"),
            ("cell-cpu10-async", "1.00 s"),
            ("cell-cpu10-pool", "0.30 s"),
            ("cell-io1-sync", "0.10 s"),
            ("cell-io1-async", "0.10 s"),
            ("cell-io1-pool", "0.10 s"),
        ];
        assert_eq!(cells.len(), 9);
        for (key, value) in expected {
            assert_eq!(insight(&cells, key), value, "{key}");
        }
    }

    #[test]
    fn a_pool_of_one_is_as_slow_as_sync() {
        let cells = table(&[("workers", 1.0)]);
        assert_eq!(insight(&cells, "cell-io10-pool"), "1.00 s");
        assert_eq!(insight(&cells, "cell-cpu10-pool"), "1.00 s");
    }

    #[test]
    fn only_the_pool_column_uses_workers_and_a_row_action_plans_its_three_cells() {
        let plans = TableLesson.plan("cpu10", &ParamValues::default());
        assert_eq!(plans.len(), 3);
        let workers: Vec<Option<usize>> = plans.iter().map(|p| p.options.workers).collect();
        assert_eq!(workers, vec![None, None, Some(4)]);
        assert!(plans.iter().all(|p| p.scenario.tasks.len() == 10));
        assert_eq!(TableLesson.plan("all", &ParamValues::default()).len(), 9);
    }

    #[test]
    fn even_the_largest_parameters_predict_under_30_seconds_for_the_whole_table() {
        let values = values_with(&PARAMS, &[("d", 1e9), ("cost", 1e9), ("workers", 1.0)]);
        let total: f64 = predicted(&TableLesson.plan("all", &values))
            .iter()
            .map(|r| r.makespan_ms)
            .sum();
        assert!(total <= 30_000.0, "{total} ms");
    }

    #[test]
    fn the_code_follows_the_parameters() {
        let values = values_with(&PARAMS, &[("d", 250.0), ("workers", 6.0)]);
        let code = &TableLesson.code(&values)[0];
        assert!(code.python.contains("time.sleep(0.25)") && code.python.contains("WORKERS = 6"));
        assert!(code.rust.contains("from_millis(250)") && code.rust.contains("WORKERS: usize = 6"));
    }
}
