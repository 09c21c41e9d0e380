/// One change of the search box: at `at_ms`, the box holds `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keystroke {
    /// Milliseconds since typing began.
    pub at_ms: f64,
    /// The whole text of the box after the keystroke.
    pub text: String,
}

impl Keystroke {
    /// A keystroke at `at_ms` leaving `text` in the box.
    pub fn new(at_ms: f64, text: &str) -> Self {
        Self {
            at_ms,
            text: text.to_string(),
        }
    }

    /// Typing `word` one character at a time, the first at `start_ms` and then one every
    /// `pace_ms`: `"ab"` gives `a` then `ab`.
    pub fn typing(word: &str, start_ms: f64, pace_ms: f64) -> Vec<Keystroke> {
        word.char_indices()
            .enumerate()
            .map(|(i, (at, c))| Keystroke {
                at_ms: start_ms + i as f64 * pace_ms,
                text: word[..at + c.len_utf8()].to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_word_gives_each_prefix_at_a_steady_pace() {
        let keys = Keystroke::typing("abc", 10.0, 100.0);
        assert_eq!(
            keys,
            vec![
                Keystroke::new(10.0, "a"),
                Keystroke::new(110.0, "ab"),
                Keystroke::new(210.0, "abc"),
            ]
        );
    }

    #[test]
    fn typing_cuts_between_characters_never_inside_one() {
        let keys = Keystroke::typing("né", 0.0, 1.0);
        assert_eq!(keys[1].text, "né");
    }
}
