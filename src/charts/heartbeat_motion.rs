//! The heartbeat dot's motion: a pure function of time, applied by JavaScript on every
//! animation frame (so the dot stops when the main thread stops).

/// Time of one bounce, in milliseconds.
const BOUNCE_MS: f64 = 700.0;
/// Height of a bounce, in pixels.
const BOUNCE_PX: f64 = 22.0;
/// Turn speed of the dot, in degrees per millisecond (one turn per 1.2 s).
const TURN_DEG_PER_MS: f64 = 0.3;

/// The CSS transform of the heartbeat dot at `t_ms`: a bounce (up and down, touching the
/// floor once per [`BOUNCE_MS`]) and a steady turn. Non-finite times give the rest pose.
pub fn bounce_transform(t_ms: f64) -> String {
    let t = if t_ms.is_finite() { t_ms } else { 0.0 };
    let lift = (std::f64::consts::PI * t / BOUNCE_MS).sin().abs() * BOUNCE_PX;
    let turn = (t * TURN_DEG_PER_MS).rem_euclid(360.0);
    // Rounded first, and + 0.0 turns a negative zero into a plain zero.
    let y = (-lift * 10.0).round() / 10.0 + 0.0;
    format!("translateY({y:.1}px) rotate({turn:.0}deg)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dot_rests_on_the_floor_at_the_start_of_each_bounce() {
        assert_eq!(bounce_transform(0.0), "translateY(0.0px) rotate(0deg)");
        assert!(bounce_transform(BOUNCE_MS).starts_with("translateY(0.0px)"));
    }

    #[test]
    fn the_dot_is_highest_half_way_through_a_bounce() {
        let mid = bounce_transform(BOUNCE_MS / 2.0);
        assert!(mid.starts_with("translateY(-22.0px)"), "{mid}");
    }

    #[test]
    fn the_dot_moves_between_two_frames() {
        assert_ne!(bounce_transform(1000.0), bounce_transform(1016.7));
    }

    #[test]
    fn non_finite_times_give_the_rest_pose() {
        assert_eq!(bounce_transform(f64::NAN), bounce_transform(0.0));
        assert_eq!(bounce_transform(f64::INFINITY), bounce_transform(0.0));
    }
}
