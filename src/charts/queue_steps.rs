use crate::engine::server::QueuePoint;

/// The `points` attribute of a polyline drawing how many requests waited over time, as
/// steps, in a viewBox of `width` × `height` where time runs from 0 to `max_ms` and the
/// count from 0 (bottom) to `max_count` (top). Ends at `max_ms` on the last value.
pub fn queue_polyline(
    queue: &[QueuePoint],
    max_ms: f64,
    max_count: f64,
    width: f64,
    height: f64,
) -> String {
    let max_ms = if max_ms.is_finite() && max_ms > 0.0 {
        max_ms
    } else {
        1.0
    };
    let max_count = if max_count.is_finite() && max_count > 0.0 {
        max_count
    } else {
        1.0
    };
    let x = |t: f64| (t / max_ms).clamp(0.0, 1.0) * width;
    let y = |n: usize| height - (n as f64 / max_count).clamp(0.0, 1.0) * height;
    let mut out: Vec<String> = Vec::with_capacity(queue.len() * 2 + 2);
    let mut level = 0;
    out.push(format!("0,{:.1}", y(0)));
    for q in queue {
        let qx = x(q.at_ms);
        out.push(format!("{qx:.1},{:.1}", y(level)));
        out.push(format!("{qx:.1},{:.1}", y(q.waiting)));
        level = q.waiting;
    }
    out.push(format!("{:.1},{:.1}", width, y(level)));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(at_ms: f64, waiting: usize) -> QueuePoint {
        QueuePoint {
            at_ms,
            waiting,
            in_system: waiting,
        }
    }

    #[test]
    fn a_queue_of_two_for_half_the_time_is_a_step_up_then_down() {
        let q = [at(0.0, 0), at(25.0, 2), at(75.0, 0)];
        let line = queue_polyline(&q, 100.0, 2.0, 100.0, 50.0);
        assert_eq!(
            line,
            "0,50.0 0.0,50.0 0.0,50.0 25.0,50.0 25.0,0.0 75.0,0.0 75.0,50.0 100.0,50.0"
        );
    }

    #[test]
    fn empty_or_odd_scales_never_divide_by_zero() {
        assert_eq!(
            queue_polyline(&[], 0.0, 0.0, 10.0, 10.0),
            "0,10.0 10.0,10.0"
        );
        let line = queue_polyline(&[at(5.0, 3)], f64::NAN, 1.0, 10.0, 10.0);
        assert!(!line.contains("NaN") && !line.contains("inf"), "{line}");
    }
}
