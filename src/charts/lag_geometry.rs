use super::format_ms;

/// Where a value of `ms` sits on a scale from 0 at the bottom (`height`) to `top`
/// milliseconds at row 0; values off the scale stay at its edges.
pub fn lag_y(ms: f64, top: f64, height: f64) -> f64 {
    height * (1.0 - (ms / top).clamp(0.0, 1.0))
}

/// The value labels beside a lag strip `height` pixels tall scaled up to `top`, as
/// `(value, pixel row)`: the top of the scale, each of `thresholds` (given in increasing
/// order, tried from the highest) unless it would sit within 11 px of a label already
/// kept, and 0 at the bottom.
pub fn lag_labels(top: f64, thresholds: &[f64], height: f64) -> Vec<(f64, f64)> {
    let mut shown = vec![(top, 0.0)];
    for ms in thresholds.iter().rev() {
        let y = lag_y(*ms, top, height);
        if shown.iter().all(|(_, other)| (y - other).abs() >= 11.0) {
            shown.push((*ms, y));
        }
    }
    shown.push((0.0, height));
    shown
}

/// How the lag table cuts a window of `length_ms`: one row per second (rounded up), at
/// least 1 and at most `max_rows`; gives the row count and each row's length.
pub fn lag_table_rows(length_ms: f64, max_rows: usize) -> (usize, f64) {
    let n = ((length_ms / 1000.0).ceil() as usize).clamp(1, max_rows);
    (n, length_ms / n as f64)
}

/// The heading of row `i` of `n` rows `step` milliseconds long, the newest last:
/// `2 s to 1 s ago`.
pub fn lag_row_label(i: usize, n: usize, step: f64) -> String {
    format!(
        "{} to {} ago",
        format_ms((n - i) as f64 * step),
        format_ms((n - i - 1) as f64 * step)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_placed_from_the_bottom_and_kept_on_the_scale() {
        assert_eq!(lag_y(0.0, 120.0, 90.0), 90.0);
        assert_eq!(lag_y(60.0, 120.0, 90.0), 45.0);
        assert_eq!(lag_y(500.0, 120.0, 90.0), 0.0);
        assert_eq!(lag_y(-5.0, 120.0, 90.0), 90.0);
    }

    #[test]
    fn threshold_labels_too_close_to_another_are_left_out() {
        assert_eq!(
            lag_labels(200.0, &[50.0, 100.0], 90.0),
            vec![(200.0, 0.0), (100.0, 45.0), (50.0, 67.5), (0.0, 90.0)]
        );
        // At a top of 120 ms, 100 ms sits 15 px down: kept; 50 ms 52.5 px down: kept.
        assert_eq!(lag_labels(120.0, &[50.0, 100.0], 90.0).len(), 4);
        // At a top of 105 ms, 100 ms would sit 4.3 px from the top label.
        let close = lag_labels(105.0, &[50.0, 100.0], 90.0);
        assert_eq!(
            close.iter().map(|l| l.0).collect::<Vec<_>>(),
            vec![105.0, 50.0, 0.0]
        );
    }

    #[test]
    fn the_table_has_a_row_per_second_within_its_limits() {
        assert_eq!(lag_table_rows(10_000.0, 60), (10, 1000.0));
        assert_eq!(lag_table_rows(2_500.0, 60), (3, 2_500.0 / 3.0));
        assert_eq!(lag_table_rows(0.0, 60), (1, 0.0));
        assert_eq!(lag_table_rows(120_000.0, 60), (60, 2000.0));
    }

    #[test]
    fn rows_are_headed_by_how_long_ago_they_were() {
        assert_eq!(lag_row_label(0, 10, 1000.0), "10 s to 9 s ago");
        assert_eq!(lag_row_label(9, 10, 1000.0), "1 s to 0 ms ago");
    }
}
