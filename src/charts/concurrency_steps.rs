use crate::engine::ConcurrencyPoint;

use super::TimeAxis;

/// One flat stretch of a concurrency step chart: `level` tasks in flight from `from_ms`
/// to `to_ms`, with its horizontal extent in percent of the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepSegment {
    /// Start of the stretch, in milliseconds.
    pub from_ms: f64,
    /// End of the stretch, in milliseconds.
    pub to_ms: f64,
    /// Tasks in flight during the stretch.
    pub level: usize,
    /// Where the stretch starts, in percent of the axis.
    pub x_percent: f64,
    /// How wide the stretch is, in percent of the axis (never negative).
    pub width_percent: f64,
}

/// The flat stretches of a step function given as change points: each point holds until
/// the next one. Points with a non-finite time and stretches that go backwards in time are
/// skipped, so any input gives a drawable (possibly empty) list.
pub fn concurrency_steps(points: &[ConcurrencyPoint], axis: &TimeAxis) -> Vec<StepSegment> {
    let finite: Vec<&ConcurrencyPoint> = points.iter().filter(|p| p.at_ms.is_finite()).collect();
    finite
        .windows(2)
        .filter(|w| w[1].at_ms > w[0].at_ms)
        .map(|w| {
            let x = axis.percent(w[0].at_ms);
            StepSegment {
                from_ms: w[0].at_ms,
                to_ms: w[1].at_ms,
                level: w[0].in_flight,
                x_percent: x,
                width_percent: (axis.percent(w[1].at_ms) - x).max(0.0),
            }
        })
        .collect()
}

/// The top of the vertical scale of a concurrency chart: the peak or the limit, whichever
/// is higher, and at least 1 so an empty run still has a scale.
pub fn concurrency_scale_top(peak: usize, limit: Option<usize>) -> usize {
    peak.max(limit.unwrap_or(0)).max(1)
}

/// The height in pixels of `level` tasks on a scale topped at `top` over `height` pixels.
pub fn level_height(level: usize, top: usize, height: f64) -> f64 {
    if top == 0 {
        return 0.0;
    }
    (level as f64 / top as f64 * height).clamp(0.0, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(at_ms: f64, in_flight: usize) -> ConcurrencyPoint {
        ConcurrencyPoint { at_ms, in_flight }
    }

    #[test]
    fn each_point_holds_until_the_next_one() {
        let axis = TimeAxis::covering(1000.0);
        let steps = concurrency_steps(&[point(0.0, 2), point(500.0, 1), point(1000.0, 0)], &axis);
        assert_eq!(steps.len(), 2);
        assert_eq!((steps[0].level, steps[0].x_percent), (2, 0.0));
        assert_eq!(steps[0].width_percent, 50.0);
        assert_eq!(
            (steps[1].from_ms, steps[1].to_ms, steps[1].level),
            (500.0, 1000.0, 1)
        );
    }

    #[test]
    fn no_points_or_one_point_draw_no_steps() {
        let axis = TimeAxis::covering(0.0);
        assert!(concurrency_steps(&[], &axis).is_empty());
        assert!(concurrency_steps(&[point(0.0, 0)], &axis).is_empty());
    }

    #[test]
    fn nan_times_and_backward_points_are_skipped_without_panicking() {
        let axis = TimeAxis::covering(100.0);
        let steps = concurrency_steps(
            &[
                point(f64::NAN, 3),
                point(0.0, 1),
                point(50.0, 2),
                point(20.0, 1),
                point(100.0, 0),
            ],
            &axis,
        );
        assert!(steps.iter().all(|s| s.width_percent >= 0.0));
        assert!(steps.iter().all(|s| s.to_ms > s.from_ms));
        assert_eq!(steps.len(), 2);
    }

    #[test]
    fn the_scale_reaches_the_peak_or_the_limit_and_never_zero() {
        assert_eq!(concurrency_scale_top(3, Some(5)), 5);
        assert_eq!(concurrency_scale_top(7, Some(5)), 7);
        assert_eq!(concurrency_scale_top(0, None), 1);
        assert_eq!(concurrency_scale_top(0, Some(0)), 1);
    }

    #[test]
    fn level_heights_are_proportional_and_clamped() {
        assert_eq!(level_height(2, 4, 80.0), 40.0);
        assert_eq!(level_height(9, 4, 80.0), 80.0);
        assert_eq!(level_height(1, 0, 80.0), 0.0);
    }
}
