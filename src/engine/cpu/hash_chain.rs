/// Hashes a value `rounds` times in a chain (each round feeds the last): work that cannot
/// be split or skipped. The mix is SplitMix64's finaliser.
pub fn hash_chain(seed: u64, rounds: u32) -> u64 {
    let mut x = seed;
    for _ in 0..rounds {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x = z ^ (z >> 31);
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_rounds_return_the_seed() {
        assert_eq!(hash_chain(42, 0), 42);
    }

    #[test]
    fn one_round_is_splitmix64_of_the_seed() {
        // SplitMix64's first output for seed 0, a published reference value.
        assert_eq!(hash_chain(0, 1), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn chains_compose() {
        assert_eq!(hash_chain(hash_chain(7, 10), 5), hash_chain(7, 15));
    }
}
