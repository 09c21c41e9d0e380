use std::collections::BTreeSet;

/// The syllables every generated name is built from. A few letters (`a`, `n`, `r`) are
/// much more common than others, so one-letter queries match many rows and longer ones
/// very few, as in a real table.
const SYLLABLES: [&str; 24] = [
    "ka", "ra", "na", "ta", "la", "ma", "sa", "da", "ri", "ni", "lo", "mo", "ve", "zu", "ban",
    "tor", "mir", "sen", "dal", "ar", "an", "is", "or", "el",
];

/// The most rows a catalog holds (generation stops there whatever is asked).
pub const MAX_ROWS: usize = 20_000;

/// A built-in table of made-up package names: the "database" of the live-search lesson.
///
/// Names are built from syllables with a seeded PRNG, so a seed always gives the same
/// rows, sorted and without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// The rows, sorted alphabetically, unique, lower case.
    pub names: Vec<String>,
}

impl Catalog {
    /// `rows` distinct names (at most [`MAX_ROWS`]) drawn from `seed`, plus every name of
    /// `always` (so a demo word is sure to be found).
    pub fn generate(seed: u64, rows: usize, always: &[&str]) -> Self {
        let rows = rows.min(MAX_ROWS);
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut names: BTreeSet<String> = always.iter().map(|s| s.to_lowercase()).collect();
        let mut attempts = 0;
        while names.len() < rows + always.len() && attempts < rows * 20 {
            attempts += 1;
            let count = rng.usize(2..=4);
            let name: String = (0..count)
                .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
                .collect();
            names.insert(name);
        }
        Self {
            names: names.into_iter().collect(),
        }
    }

    /// How many rows the catalog holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the catalog has no rows.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every row containing `text` (case-insensitive): names that start with it first,
    /// then the others, each group in alphabetical order. An empty or blank text matches
    /// nothing, like the empty search box of a real page.
    pub fn matching(&self, text: &str) -> Vec<&str> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let (mut starts, others): (Vec<&str>, Vec<&str>) = self
            .names
            .iter()
            .map(String::as_str)
            .filter(|name| name.contains(&needle))
            .partition(|name| name.starts_with(&needle));
        starts.extend(others);
        starts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_rows_and_another_seed_other_rows() {
        let a = Catalog::generate(7, 500, &[]);
        assert_eq!(a, Catalog::generate(7, 500, &[]));
        assert_ne!(a, Catalog::generate(8, 500, &[]));
        assert_eq!(a.len(), 500);
    }

    #[test]
    fn the_rows_are_sorted_unique_and_include_the_words_asked_for() {
        let c = Catalog::generate(1, 300, &["Zebra"]);
        assert!(c.names.windows(2).all(|w| w[0] < w[1]));
        assert!(c.names.iter().any(|n| n == "zebra"));
    }

    #[test]
    fn a_search_lists_prefix_matches_before_other_matches_and_ignores_case() {
        let c = Catalog {
            names: vec!["banana".into(), "nab".into(), "saban".into(), "tor".into()],
        };
        assert_eq!(c.matching("BAN"), vec!["banana", "saban"]);
        assert_eq!(c.matching("na"), vec!["nab", "banana"]);
        assert!(c.matching("  ").is_empty());
        assert!(c.matching("<script>").is_empty());
    }

    #[test]
    fn a_longer_query_never_matches_more_rows_than_its_prefix() {
        let c = Catalog::generate(3, 2000, &[]);
        let word = "ransor";
        for n in 1..word.len() {
            assert!(c.matching(&word[..n + 1]).len() <= c.matching(&word[..n]).len());
        }
    }

    #[test]
    fn a_huge_size_is_capped() {
        let c = Catalog::generate(1, usize::MAX, &[]);
        assert!(c.len() <= MAX_ROWS);
    }
}
