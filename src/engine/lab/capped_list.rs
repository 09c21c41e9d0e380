//! Lists built from a visitor's input (a script's errors, a link's notices) can be as
//! long as the input: they are capped at their first [`MAX_LISTED`] entries and one
//! entry counting the rest.

/// The most entries of such a list shown one by one.
pub const MAX_LISTED: usize = 50;

/// Keeps the first [`MAX_LISTED`] entries of `list` and appends one made by `more` from
/// how many were left out and the first of them. A list of `MAX_LISTED + 1` entries or
/// fewer is kept whole (a count would take the place of a single entry), so a capped list
/// has `MAX_LISTED + 1` entries and its last one counts at least two.
pub fn cap_list<T>(list: &mut Vec<T>, more: impl FnOnce(usize, &T) -> T) {
    if list.len() <= MAX_LISTED + 1 {
        return;
    }
    let summary = more(list.len() - MAX_LISTED, &list[MAX_LISTED]);
    list.truncate(MAX_LISTED);
    list.push(summary);
}

/// A count with its thousands grouped by commas, for a sentence: `4,046`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capped(n: usize) -> Vec<String> {
        let mut list: Vec<String> = (1..=n).map(|i| format!("entry {i}")).collect();
        cap_list(&mut list, |left_out, first| {
            format!("{} more from {first}", thousands(left_out))
        });
        list
    }

    #[test]
    fn a_list_of_up_to_fifty_one_entries_is_kept_whole() {
        for n in [0, 1, MAX_LISTED, MAX_LISTED + 1] {
            let list = capped(n);
            assert_eq!(list.len(), n);
            assert!(list.iter().all(|e| e.starts_with("entry ")), "{list:?}");
        }
    }

    #[test]
    fn a_longer_list_keeps_its_first_fifty_and_counts_the_rest_from_the_first_left_out() {
        for (n, last) in [
            (52, "2 more from entry 51"),
            (10_000, "9,950 more from entry 51"),
        ] {
            let list = capped(n);
            assert_eq!(list.len(), MAX_LISTED + 1);
            assert_eq!(list[MAX_LISTED - 1], "entry 50");
            assert_eq!(list[MAX_LISTED], last);
        }
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
