/// Counts the primes below `n` by trial division over odd divisors: deliberately plain,
/// so its cost grows steadily with `n` (about n·√n / log n steps).
pub fn count_primes_below(n: u32) -> u32 {
    if n <= 2 {
        return 0;
    }
    let mut count = 1; // 2
    let mut k = 3u32;
    while k < n {
        let mut d = 3u32;
        let mut prime = true;
        while d.saturating_mul(d) <= k {
            if k.is_multiple_of(d) {
                prime = false;
                break;
            }
            d += 2;
        }
        if prime {
            count += 1;
        }
        k += 2;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_9592_primes_below_100_000() {
        assert_eq!(count_primes_below(100_000), 9592);
    }

    #[test]
    fn small_limits_count_exactly() {
        assert_eq!(count_primes_below(0), 0);
        assert_eq!(count_primes_below(2), 0);
        assert_eq!(count_primes_below(3), 1);
        assert_eq!(count_primes_below(10), 4);
        assert_eq!(count_primes_below(100), 25);
    }
}
