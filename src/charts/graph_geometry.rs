/// Where a dependency graph's nodes are drawn: rows in pixels, columns in percent of the
/// graph's width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphGeometry {
    /// Height of a row, in pixels (taller when nodes also show measured times).
    pub row_h: f64,
    /// Height of a node, in pixels.
    pub node_h: f64,
    /// Width of a column, in percent.
    pub column_w: f64,
    /// Width of a node, in percent.
    pub node_w: f64,
}

impl GraphGeometry {
    /// The geometry of a graph of `columns` columns (at least 1), with room in each node
    /// for the measured start and end when `measured`.
    pub fn new(columns: usize, measured: bool) -> Self {
        let row_h = if measured { 66.0 } else { 52.0 };
        let column_w = 100.0 / columns as f64;
        Self {
            row_h,
            node_h: row_h - 12.0,
            column_w,
            node_w: (column_w * 0.8).min(40.0),
        }
    }

    /// Left edge of a node in `column`, in percent: centred in its column.
    pub fn node_x(&self, column: usize) -> f64 {
        column as f64 * self.column_w + (self.column_w - self.node_w) / 2.0
    }

    /// Top of a node in `row`, in pixels.
    pub fn node_y(&self, row: usize) -> f64 {
        row as f64 * self.row_h + 4.0
    }

    /// Height of the drawing of `rows` rows, in pixels.
    pub fn height(&self, rows: usize) -> f64 {
        rows as f64 * self.row_h + 4.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_are_centred_in_their_columns() {
        let g = GraphGeometry::new(4, false);
        assert_eq!(g.column_w, 25.0);
        assert_eq!(g.node_w, 20.0);
        assert_eq!(g.node_x(0), 2.5);
        assert_eq!(g.node_x(3), 77.5);
    }

    #[test]
    fn a_node_is_at_most_forty_percent_wide() {
        let g = GraphGeometry::new(1, false);
        assert_eq!(g.node_w, 40.0);
        assert_eq!(g.node_x(0), 30.0);
    }

    #[test]
    fn measured_rows_are_taller() {
        let plan = GraphGeometry::new(2, false);
        let run = GraphGeometry::new(2, true);
        assert_eq!((plan.row_h, plan.node_h), (52.0, 40.0));
        assert_eq!((run.row_h, run.node_h), (66.0, 54.0));
        assert_eq!(run.node_y(2), 136.0);
        assert_eq!(run.height(3), 202.0);
    }
}
