//! Colours of the Mandelbrot picture: each worker gets its own hue, the iteration count
//! sets the lightness, and points that never escaped (inside the set) are black.

/// The golden angle in degrees: consecutive workers get hues far apart on the wheel.
const GOLDEN_ANGLE: f64 = 137.507_764;
/// The hue of worker 0 (a blue close to the page's accent).
const FIRST_HUE: f64 = 220.0;

/// Hues a worker may take: the wheel without reds (red means an error everywhere in
/// the app), from 45° to 315°.
const HUE_RANGE: (f64, f64) = (45.0, 315.0);

/// The hue of `worker`, in degrees: a distinct hue for each worker, never a red.
pub fn worker_hue(worker: usize) -> f64 {
    let (low, high) = HUE_RANGE;
    let turn = (FIRST_HUE - low + (worker % 360) as f64 * GOLDEN_ANGLE).rem_euclid(360.0);
    low + turn / 360.0 * (high - low)
}

/// The representative colour of `worker`, for legends: its hue at medium lightness.
pub fn worker_rgb(worker: usize) -> [u8; 3] {
    hsl_to_rgb(worker_hue(worker), 0.75, 0.5)
}

/// The colour of a pixel that took `count` iterations under the limit `max_iter`, in a
/// tile computed by `worker`: black when the limit was reached (the point is in the
/// set), otherwise the worker's hue, lighter for points that took longer to escape.
pub fn tile_colour(count: u16, max_iter: u32, worker: usize) -> [u8; 3] {
    let limit = max_iter.clamp(1, u16::MAX as u32);
    if u32::from(count) >= limit {
        return [0, 0, 0];
    }
    // A square root spreads the many fast-escaping points over more shades.
    let t = (f64::from(count) / limit as f64).sqrt();
    hsl_to_rgb(worker_hue(worker), 0.8, 0.12 + 0.76 * t)
}

/// Writes a colour as CSS (`rgb(29 78 216)`).
pub fn rgb_css([r, g, b]: [u8; 3]) -> String {
    format!("rgb({r} {g} {b})")
}

/// Converts hue (degrees), saturation and lightness (0–1) to 8-bit RGB.
fn hsl_to_rgb(hue: f64, saturation: f64, lightness: f64) -> [u8; 3] {
    let h = if hue.is_finite() {
        hue.rem_euclid(360.0) / 60.0
    } else {
        0.0
    };
    let s = saturation.clamp(0.0, 1.0);
    let l = lightness.clamp(0.0, 1.0);
    let chroma = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = l - chroma / 2.0;
    let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [byte(r), byte(g), byte(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pixel_that_reached_the_limit_is_black_for_every_worker() {
        for worker in [0, 1, 7, usize::MAX] {
            assert_eq!(tile_colour(200, 200, worker), [0, 0, 0]);
        }
        assert_eq!(tile_colour(u16::MAX, 100_000, 3), [0, 0, 0]);
        assert_eq!(tile_colour(1, 0, 0), [0, 0, 0]);
    }

    #[test]
    fn points_that_escape_later_are_lighter() {
        let brightness = |c: [u8; 3]| c.iter().map(|&v| u32::from(v)).sum::<u32>();
        let fast = tile_colour(1, 200, 0);
        let slow = tile_colour(150, 200, 0);
        assert!(brightness(slow) > brightness(fast), "{fast:?} vs {slow:?}");
        assert_ne!(fast, [0, 0, 0]);
    }

    #[test]
    fn the_first_eight_workers_have_clearly_different_hues() {
        let hues: Vec<f64> = (0..8).map(worker_hue).collect();
        for (i, a) in hues.iter().enumerate() {
            for b in &hues[i + 1..] {
                let d = (a - b).abs();
                assert!(d.min(360.0 - d) >= 15.0, "hues {hues:?}");
            }
        }
        assert!(
            hues.iter().all(|h| (45.0..=315.0).contains(h)),
            "no reds: {hues:?}"
        );
    }

    #[test]
    fn the_same_count_is_tinted_differently_per_worker() {
        assert_ne!(tile_colour(20, 100, 0), tile_colour(20, 100, 1));
        assert_ne!(worker_rgb(0), worker_rgb(1));
    }

    #[test]
    fn hsl_primaries_convert_exactly() {
        assert_eq!(hsl_to_rgb(0.0, 1.0, 0.5), [255, 0, 0]);
        assert_eq!(hsl_to_rgb(120.0, 1.0, 0.5), [0, 255, 0]);
        assert_eq!(hsl_to_rgb(240.0, 1.0, 0.5), [0, 0, 255]);
        assert_eq!(hsl_to_rgb(f64::NAN, 0.0, 1.0), [255, 255, 255]);
    }

    #[test]
    fn colours_are_written_as_css() {
        assert_eq!(rgb_css([29, 78, 216]), "rgb(29 78 216)");
    }
}
