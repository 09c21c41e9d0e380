/// A duration as the clocks sleep it: negative and non-finite values count as 0 ms.
pub fn wait_ms(ms: f64) -> f64 {
    if ms.is_finite() {
        ms.max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_and_non_finite_durations_count_as_zero_and_others_pass_through() {
        for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(wait_ms(bad), 0.0);
        }
        assert_eq!(wait_ms(12.5), 12.5);
    }
}
