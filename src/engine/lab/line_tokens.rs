/// The words of one script line, each with its column: runs of characters other than
/// blanks and commas, and each comma on its own. A `#` ends the line (a comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LineTokens {
    /// `(text, column from 1)` in order.
    pub tokens: Vec<(String, usize)>,
    /// The column just after the last character before any comment.
    pub end_column: usize,
}

impl LineTokens {
    /// Splits `line` (already within the length limit).
    pub fn split(line: &str) -> Self {
        let mut tokens: Vec<(String, usize)> = Vec::new();
        let mut current: Option<(String, usize)> = None;
        let mut end_column = 1;
        for (i, c) in line.chars().enumerate() {
            let column = i + 1;
            if c == '#' {
                break;
            }
            end_column = column + 1;
            if c == ' ' || c == '\t' || c == ',' {
                if let Some(word) = current.take() {
                    tokens.push(word);
                }
                if c == ',' {
                    tokens.push((",".to_string(), column));
                }
            } else {
                match current.as_mut() {
                    Some((word, _)) => word.push(c),
                    None => current = Some((c.to_string(), column)),
                }
            }
        }
        if let Some(word) = current {
            tokens.push(word);
        }
        Self { tokens, end_column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_commas_and_columns_are_found_and_a_comment_ends_the_line() {
        let t = LineTokens::split("  a io\t2s after b,c # d, e");
        let words: Vec<(&str, usize)> = t.tokens.iter().map(|(w, c)| (w.as_str(), *c)).collect();
        assert_eq!(
            words,
            vec![
                ("a", 3),
                ("io", 5),
                ("2s", 8),
                ("after", 11),
                ("b", 17),
                (",", 18),
                ("c", 19)
            ]
        );
    }
}
