use std::collections::HashMap;

use crate::engine::{
    critical_path, DependencyError, DependencyGraph as Resolved, Scenario, TaskSpec,
};

use super::format_ms;

/// Where one task of a dependency graph is drawn: its column (its dependency depth) and
/// its row within that column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodePlace {
    /// Dependency depth: 0 for a task that waits for nothing, else one more than the
    /// deepest task it waits for.
    pub column: usize,
    /// Position within the column, from 0, in input order.
    pub row: usize,
    /// Whether the task is on the critical path.
    pub critical: bool,
}

/// An `after` edge: the task at position `to` waits for the task at position `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphEdge {
    /// Position (in the scenario's task list) of the task waited for.
    pub from: usize,
    /// Position of the waiting task.
    pub to: usize,
    /// Whether both ends are consecutive on the critical path.
    pub critical: bool,
}

/// The layered layout of a scenario's `after` lists: one column per dependency depth.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphLayout {
    /// One place per task, in input order.
    pub nodes: Vec<NodePlace>,
    /// Every `after` edge, by positions, without repeats.
    pub edges: Vec<GraphEdge>,
    /// How many columns (0 for an empty scenario).
    pub columns: usize,
    /// The most tasks in one column (0 for an empty scenario).
    pub rows: usize,
    /// Length of the critical path, in milliseconds.
    pub critical_ms: f64,
    /// Positions of the critical path's tasks, first to run first.
    pub critical_tasks: Vec<usize>,
}

impl GraphLayout {
    /// Lays out `scenario`; fails (never panics) on an unknown id or a cycle.
    pub fn of(scenario: &Scenario) -> Result<Self, DependencyError> {
        let graph = Resolved::new(&scenario.tasks)?;
        let path = critical_path(scenario)?;
        let mut position: HashMap<usize, usize> = HashMap::new();
        for (p, t) in scenario.tasks.iter().enumerate() {
            position.entry(t.id).or_insert(p);
        }
        let critical_tasks: Vec<usize> = path
            .tasks
            .iter()
            .filter_map(|id| position.get(id).copied())
            .collect();
        let depths = dependency_depths(&graph.deps, &graph.order);
        let columns = depths.iter().max().map_or(0, |d| d + 1);
        let mut filled = vec![0usize; columns];
        let nodes: Vec<NodePlace> = depths
            .iter()
            .enumerate()
            .map(|(p, &column)| {
                let row = filled[column];
                filled[column] += 1;
                NodePlace {
                    column,
                    row,
                    critical: critical_tasks.contains(&p),
                }
            })
            .collect();
        let edges = graph
            .deps
            .iter()
            .enumerate()
            .flat_map(|(to, ds)| ds.iter().map(move |&from| (from, to)))
            .map(|(from, to)| GraphEdge {
                from,
                to,
                critical: critical_tasks.windows(2).any(|w| w == [from, to]),
            })
            .collect();
        Ok(Self {
            nodes,
            edges,
            columns,
            rows: filled.into_iter().max().unwrap_or(0),
            critical_ms: path.length_ms,
            critical_tasks,
        })
    }
}

impl GraphLayout {
    /// The critical path in words: the labels of its tasks (taken from `tasks`, the
    /// scenario laid out) joined by arrows, or `none`, then its length.
    pub fn critical_path_summary(&self, tasks: &[TaskSpec]) -> String {
        let text = if self.critical_tasks.is_empty() {
            "none".to_string()
        } else {
            self.critical_tasks
                .iter()
                .map(|&p| label(tasks, p))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        format!("{text} = {}", format_ms(self.critical_ms))
    }

    /// The labels of the tasks the task at position `p` waits for, or `–` for none.
    pub fn waits_for(&self, tasks: &[TaskSpec], p: usize) -> String {
        let waits: Vec<&str> = self
            .edges
            .iter()
            .filter(|e| e.to == p)
            .map(|e| label(tasks, e.from))
            .collect();
        if waits.is_empty() {
            "–".to_string()
        } else {
            waits.join(", ")
        }
    }
}

/// The label of the task at position `p`, or `?` past the end.
fn label(tasks: &[TaskSpec], p: usize) -> &str {
    tasks.get(p).map_or("?", |t| t.label.as_str())
}

/// The depth of each position: 0 when it waits for nothing, else one more than the
/// deepest position it waits for. `order` must list each position after those it waits
/// for; positions it leaves out, and out-of-range dependencies, count as depth 0.
pub fn dependency_depths(deps: &[Vec<usize>], order: &[usize]) -> Vec<usize> {
    let mut depth = vec![0usize; deps.len()];
    for &p in order {
        let Some(ds) = deps.get(p) else { continue };
        depth[p] = ds
            .iter()
            .filter_map(|&d| depth.get(d))
            .map(|d| d + 1)
            .max()
            .unwrap_or(0);
    }
    depth
}

/// `label` cut to at most `max` characters, ending in `…` when cut.
pub fn shortened(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let kept: String = label.chars().take(max.saturating_sub(1)).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::TaskSpec;

    fn scenario(tasks: Vec<TaskSpec>) -> Scenario {
        Scenario { tasks }
    }

    #[test]
    fn independent_tasks_share_the_first_column_in_input_order() {
        let layout = GraphLayout::of(&Scenario::from_durations(&[1.0, 2.0, 3.0])).unwrap();
        assert_eq!(layout.columns, 1);
        assert_eq!(layout.rows, 3);
        let rows: Vec<usize> = layout.nodes.iter().map(|n| n.row).collect();
        assert_eq!(rows, vec![0, 1, 2]);
        assert!(layout.edges.is_empty());
    }

    #[test]
    fn a_diamond_takes_three_columns_and_highlights_its_longer_branch() {
        let layout = GraphLayout::of(&scenario(vec![
            TaskSpec::new(0, "a", 1000.0),
            TaskSpec::new(1, "b", 5000.0).after(&[0]),
            TaskSpec::new(2, "c", 2000.0).after(&[0]),
            TaskSpec::new(3, "d", 1000.0).after(&[2, 1]),
        ]))
        .unwrap();
        let columns: Vec<usize> = layout.nodes.iter().map(|n| n.column).collect();
        assert_eq!(columns, vec![0, 1, 1, 2]);
        assert_eq!((layout.columns, layout.rows), (3, 2));
        assert_eq!(layout.critical_tasks, vec![0, 1, 3]);
        assert_eq!(layout.critical_ms, 7000.0);
        let critical: Vec<bool> = layout.nodes.iter().map(|n| n.critical).collect();
        assert_eq!(critical, vec![true, true, false, true]);
        let hot: Vec<(usize, usize)> = layout
            .edges
            .iter()
            .filter(|e| e.critical)
            .map(|e| (e.from, e.to))
            .collect();
        assert_eq!(hot, vec![(0, 1), (1, 3)]);
        assert_eq!(layout.edges.len(), 4);
    }

    #[test]
    fn ids_are_resolved_to_positions_even_when_they_differ() {
        let layout = GraphLayout::of(&scenario(vec![
            TaskSpec::new(10, "late", 1.0).after(&[20]),
            TaskSpec::new(20, "early", 1.0),
        ]))
        .unwrap();
        assert_eq!(layout.nodes[0].column, 1);
        assert_eq!(layout.nodes[1].column, 0);
        assert_eq!(
            layout.edges,
            vec![GraphEdge {
                from: 1,
                to: 0,
                critical: true
            }]
        );
    }

    #[test]
    fn a_cycle_or_an_unknown_id_is_an_error_not_a_panic() {
        let cycle = scenario(vec![
            TaskSpec::new(0, "a", 1.0).after(&[1]),
            TaskSpec::new(1, "b", 1.0).after(&[0]),
        ]);
        assert!(GraphLayout::of(&cycle)
            .unwrap_err()
            .message
            .contains("circle"));
        let unknown = scenario(vec![TaskSpec::new(0, "a", 1.0).after(&[9])]);
        assert!(GraphLayout::of(&unknown).is_err());
    }

    #[test]
    fn an_empty_scenario_has_no_columns() {
        let layout = GraphLayout::of(&scenario(Vec::new())).unwrap();
        assert_eq!((layout.columns, layout.rows), (0, 0));
        assert!(layout.nodes.is_empty());
    }

    #[test]
    fn the_critical_path_and_the_waits_are_told_by_label() {
        let tasks = vec![
            TaskSpec::new(0, "a", 1000.0),
            TaskSpec::new(1, "b", 5000.0).after(&[0]),
            TaskSpec::new(2, "c", 2000.0).after(&[0]),
            TaskSpec::new(3, "d", 1000.0).after(&[2, 1]),
        ];
        let layout = GraphLayout::of(&scenario(tasks.clone())).unwrap();
        assert_eq!(layout.critical_path_summary(&tasks), "a → b → d = 7 s");
        assert_eq!(layout.waits_for(&tasks, 0), "–");
        assert_eq!(layout.waits_for(&tasks, 3), "c, b");
        let empty = GraphLayout::of(&scenario(Vec::new())).unwrap();
        assert_eq!(empty.critical_path_summary(&[]), "none = 0 ms");
    }

    #[test]
    fn depths_ignore_positions_missing_from_the_order_and_out_of_range_ids() {
        assert_eq!(
            dependency_depths(&[vec![], vec![0], vec![1, 7]], &[0, 1, 2]),
            vec![0, 1, 2]
        );
        assert_eq!(dependency_depths(&[vec![], vec![0]], &[1, 9]), vec![0, 1]);
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        assert_eq!(shortened("orders", 10), "orders");
        assert_eq!(shortened("fetch the user profile", 8), "fetch t…");
        assert_eq!(shortened("ééééé", 3), "éé…");
        assert_eq!(shortened("abc", 0), "…");
    }
}
