//! One line of a lab script: a task's name, kind, duration, `fails` and `after` list,
//! each checked with a message that quotes (a bounded piece of) what was written.

use super::line_tokens::LineTokens;
use super::{
    LabError, LabErrorKind, LabTask, WorkKind, MAX_CPU_MS, MAX_IO_MS, MAX_NAME_CHARS, RESERVED,
};

/// The longest piece of user text quoted in a message.
const QUOTE_CHARS: usize = 24;

/// `text` cut to a readable length for a message.
pub(super) fn quote(text: &str) -> String {
    let mut out: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().count() > QUOTE_CHARS {
        out.push('…');
    }
    format!("“{out}”")
}

/// Checks a name; the error if it is not one.
fn check_name(line: usize, (word, column): (&str, usize)) -> Result<(), LabError> {
    let bad = |message: String| Err(LabError::new(line, column, LabErrorKind::BadName, message));
    if word == "," {
        return bad("A task name is missing before this comma.".to_string());
    }
    if let Some((i, c)) = word
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(LabError::new(
            line,
            column + i,
            LabErrorKind::BadName,
            format!(
                "{} is not a name: names use only letters, digits, “_” and “-” (found “{}”).",
                quote(word),
                c.escape_default()
            ),
        ));
    }
    if word.chars().count() > MAX_NAME_CHARS {
        return bad(format!(
            "{} is too long for a name (at most {MAX_NAME_CHARS} characters).",
            quote(word)
        ));
    }
    if RESERVED.contains(&word) {
        return bad(format!(
            "“{word}” is a keyword and cannot name a task (keywords: io, cpu, after, fails)."
        ));
    }
    Ok(())
}

/// A duration in milliseconds from `250ms`, `2s` or `1.5s`.
fn parse_duration(word: &str) -> Result<f64, String> {
    let (number, unit_ms) = if let Some(n) = word.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = word.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return Err(format!(
            "{} is not a duration: write a number and a unit, such as 250ms, 2s or 1.5s.",
            quote(word)
        ));
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(format!(
            "{} is not a duration: the number must be digits, with an optional decimal part \
             (250ms, 2s, 1.5s).",
            quote(word)
        ));
    }
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{} is not a number.", quote(number)))?;
    Ok(value * unit_ms)
}

/// Parses one task line; pushes its errors and returns the task (and the columns of its
/// name and of each dependency) if the line is well formed.
pub(super) fn parse_line(
    line: usize,
    tokens: &LineTokens,
    errors: &mut Vec<LabError>,
) -> Option<(LabTask, (usize, Vec<usize>))> {
    let words = &tokens.tokens;
    let at = |i: usize| words.get(i).map(|(w, c)| (w.as_str(), *c));
    let before = errors.len();
    let name = at(0)?;
    if let Err(e) = check_name(line, name) {
        errors.push(e);
    }
    let Some((kind_word, kind_col)) = at(1) else {
        errors.push(LabError::new(
            line,
            tokens.end_column,
            LabErrorKind::Missing,
            format!(
                "The task {} needs a kind (io or cpu) and a duration, for example “{} io 2s”.",
                quote(name.0),
                name.0
            ),
        ));
        return None;
    };
    let kind = match kind_word {
        "io" => Some(WorkKind::Io),
        "cpu" => Some(WorkKind::Cpu),
        other => {
            errors.push(LabError::new(
                line,
                kind_col,
                LabErrorKind::UnknownKind,
                format!(
                    "Unknown kind {}: write io (a wait) or cpu (computing).",
                    quote(other)
                ),
            ));
            None
        }
    };
    let Some((duration_word, duration_col)) = at(2) else {
        errors.push(LabError::new(
            line,
            tokens.end_column,
            LabErrorKind::Missing,
            "A duration is missing after the kind, for example 250ms, 2s or 1.5s.",
        ));
        return None;
    };
    let duration = match parse_duration(duration_word) {
        Ok(ms) => {
            let limit = match kind {
                Some(WorkKind::Cpu) => MAX_CPU_MS,
                _ => MAX_IO_MS,
            };
            if ms > limit {
                let what = match kind {
                    Some(WorkKind::Cpu) => {
                        "CPU work of a task is limited to 1 s, so the page never freezes for long"
                    }
                    _ => "an I/O wait is limited to 60 s",
                };
                errors.push(LabError::new(
                    line,
                    duration_col,
                    LabErrorKind::DurationTooLong,
                    format!("{} is too long: {what}.", quote(duration_word)),
                ));
            }
            ms
        }
        Err(message) => {
            errors.push(LabError::new(
                line,
                duration_col,
                LabErrorKind::BadDuration,
                message,
            ));
            0.0
        }
    };
    let mut fails = false;
    let mut after: Vec<String> = Vec::new();
    let mut after_cols: Vec<usize> = Vec::new();
    let mut seen_after = false;
    let mut i = 3;
    while let Some((word, column)) = at(i) {
        i += 1;
        match word {
            "fails" if !fails => fails = true,
            "after" if !seen_after => {
                seen_after = true;
                loop {
                    let Some(dep) = at(i) else {
                        errors.push(LabError::new(
                            line,
                            tokens.end_column,
                            LabErrorKind::Missing,
                            "A task name is missing after “after” (write “after a, b”).",
                        ));
                        break;
                    };
                    i += 1;
                    match check_name(line, dep) {
                        Err(e) => errors.push(e),
                        Ok(()) if after.iter().any(|a| a == dep.0) => errors.push(LabError::new(
                            line,
                            dep.1,
                            LabErrorKind::DuplicateName,
                            format!("{} is listed twice after “after”.", quote(dep.0)),
                        )),
                        Ok(()) => {
                            after.push(dep.0.to_string());
                            after_cols.push(dep.1);
                        }
                    }
                    if at(i).is_some_and(|(w, _)| w == ",") {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            "fails" | "after" => errors.push(LabError::new(
                line,
                column,
                LabErrorKind::Junk,
                format!("“{word}” is written twice on this line."),
            )),
            _ => {
                errors.push(LabError::new(
                    line,
                    column,
                    LabErrorKind::Junk,
                    format!(
                        "Unexpected {} after the task: expected “after”, “fails”, a comma \
                         between names, or a comment starting with #.",
                        quote(word)
                    ),
                ));
                break;
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    let task = LabTask {
        name: name.0.to_string(),
        kind: kind?,
        duration_ms: duration,
        after,
        fails,
        line,
    };
    Some((task, (name.1, after_cols)))
}
