//! The timing table measured live: 10 I/O calls, 10 CPU tasks and 1 I/O call, each run
//! sync (one after another), async (gathered on one loop) and on a pool of workers.

use crate::engine::{ParamSpec, ParamValues, RunRecord, Scenario, Strategy, TaskSpec};

use super::cpu_work::{self, JOB_MS};
use super::support;
use super::{CodeSample, Lesson, LessonInfo, Panel, Params, RunOrder, RunPlan};

#[path = "table_cells.rs"]
pub mod cells;

/// Nine runs: three workloads times sync, async and pool.
pub struct TableLesson;

/// How long each I/O call waits.
pub const CALL: ParamSpec = JOB_MS
    .with_key("d")
    .with_label("Each I/O call")
    .with_help("The table's one-second calls, scaled down so the whole table runs in seconds.");

/// Estimated cost of each CPU task.
pub const COST: ParamSpec = JOB_MS.with_label("Each CPU task");

/// Size of the pool column.
pub const WORKERS: ParamSpec = cpu_work::WORKERS
    .with_default(4.0)
    .with_help("The pool column runs each call or task on one of this many workers.");

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

/// A column of the table: how a row's calls or tasks are run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// One after another.
    Sync,
    /// Gathered on one loop.
    Async,
    /// On a pool of workers.
    Pool,
}

impl Column {
    /// The columns, left to right.
    const ALL: [Column; 3] = [Column::Sync, Column::Async, Column::Pool];

    /// The column's name, in captions and the table's cell keys.
    fn name(self) -> &'static str {
        match self {
            Column::Sync => "sync",
            Column::Async => "async",
            Column::Pool => "pool",
        }
    }
}

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
         cell is its own run, one after another: its measured time in bold, the \
         prediction under it, and how much faster than sync it is (a dashed badge is \
         still only predicted).",
        "Sync does everything one after another. Async gathers on one event loop: ten \
         waits overlap into about one, but ten computations still follow each other, and \
         a single call has nothing to overlap with. The pool hands each call or task to \
         one of its workers, so it helps computing as much as waiting, provided the \
         machine has that many free cores.",
        "For waiting, a pool of threads is Python's classic choice (a waiting thread \
         costs little); the page models it as at most that many calls at a time. Each \
         CPU task is sized by the speed this device measured of itself, so it computes \
         for about its label on the page's thread or a worker.",
    ],
    params: &PARAMS,
    panels: &[Panel::PoolStatus, Panel::TimingTable],
    runs: RunOrder::OneAtATime,
};

crate::actions! {
    /// The timing table's buttons.
    pub enum TableAction {
        /// All nine cells, row by row.
        All = ("all", "Measure the whole table"),
        /// The three cells of the first row.
        Io10 = ("io10", "Only 10 I/O calls"),
        /// The three cells of the second row.
        Cpu10 = ("cpu10", "Only 10 CPU tasks"),
        /// The three cells of the last row.
        Io1 = ("io1", "Only 1 I/O call"),
    }
}

/// The clamped parameters.
pub struct Table {
    call_ms: f64,
    cost_ms: f64,
    workers: usize,
}

impl Params for Table {
    fn read(values: &ParamValues) -> Self {
        Self {
            call_ms: support::read_count(values, &CALL) as f64,
            cost_ms: support::read_count(values, &COST) as f64,
            workers: support::read_count(values, &WORKERS).max(1),
        }
    }
}

impl Table {
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
    fn cell(&self, row: &Row, column: Column) -> RunPlan {
        let scenario = self.scenario(row);
        let plan = match column {
            Column::Sync => cpu_work::plan_on(Strategy::Sequential, &scenario, None),
            Column::Async => cpu_work::plan_on(Strategy::Gather, &scenario, None),
            Column::Pool => {
                let limit = self.workers;
                cpu_work::plan_on(Strategy::Semaphore { limit }, &scenario, Some(limit))
            }
        };
        plan.with_caption(format!("{} · {}", row.title, column.name()))
    }
}

/// The row and column a finished run measured, read from its tasks and its strategy.
fn cell_of(run: &RunRecord) -> (&'static Row, Column) {
    let row = if run.tasks.iter().any(|t| t.cpu) {
        &ROWS[1]
    } else if run.tasks.len() == 1 {
        &ROWS[2]
    } else {
        &ROWS[0]
    };
    let column = match run.strategy.as_str() {
        "sequential" => Column::Sync,
        "gather" => Column::Async,
        _ => Column::Pool,
    };
    (row, column)
}

impl Lesson for TableLesson {
    type Params = Table;
    type Action = TableAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: TableAction, table: &Table) -> Vec<RunPlan> {
        let rows: &[Row] = match action {
            TableAction::All => &ROWS,
            TableAction::Io10 => &ROWS[..1],
            TableAction::Cpu10 => &ROWS[1..2],
            TableAction::Io1 => &ROWS[2..],
        };
        rows.iter()
            .flat_map(|row| Column::ALL.map(|column| table.cell(row, column)))
            .collect()
    }

    fn code(&self, table: &Table) -> Vec<CodeSample> {
        let sample = CodeSample::new("The nine cells", PYTHON, RUST);
        vec![cpu_work::with_crunch(sample, table.cost_ms)
            .with("workers", table.workers)
            .with("d_s", cpu_work::code_seconds(table.call_ms))
            .with("d", table.call_ms)]
    }
}

#[cfg(test)]
#[path = "tests/table.rs"]
mod tests;
