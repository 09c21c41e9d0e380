//! One direction between layers (ARCHITECTURE.md, "Layers and the direction of
//! dependencies"): reads every source file under `src/<layer>/` and fails on a name that
//! points the wrong way. Comments and string literals are skipped, so only code counts.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up: a layer may name itself and the layers before it, never
/// one after it.
const LAYERS: [&str; 5] = ["engine", "lessons", "browser", "charts", "components"];

/// The browser-only crates and the layers that may name each.
const BROWSER_CRATES: [(&str, &[&str]); 5] = [
    ("leptos", &["charts", "components"]),
    ("web_sys", &["browser"]),
    ("js_sys", &["browser"]),
    ("wasm_bindgen", &["browser"]),
    ("wasm_bindgen_futures", &["browser"]),
];

/// Folders of `.rs` files that are not modules: the lessons' code-pane templates, loaded
/// with `include_str!` (they are Python and Rust for the visitor to read).
const NOT_MODULES: [&str; 1] = ["lessons/code"];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Dot,
    Other,
}

/// The end (exclusive) of a `/* … */` comment starting at `i`, nested ones included.
fn block_comment_end(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('/', Some('*')) => (depth, i) = (depth + 1, i + 2),
            ('*', Some('/')) if depth == 1 => return i + 2,
            ('*', Some('/')) => (depth, i) = (depth - 1, i + 2),
            _ => i += 1,
        }
    }
    i
}

/// The end (exclusive) of a string whose text starts at `i`, closed by `"` and `hashes` `#`s
/// (escapes count only in a string without hashes or `r`: `raw`).
fn string_end(chars: &[char], mut i: usize, raw: bool, hashes: usize) -> usize {
    while i < chars.len() {
        if chars[i] == '\\' && !raw {
            i += 2;
        } else if chars[i] == '"' && (1..=hashes).all(|h| chars.get(i + h) == Some(&'#')) {
            return i + 1 + hashes;
        } else {
            i += 1;
        }
    }
    i
}

/// The end (exclusive) of a char literal at `i`, or `None` for a lifetime or a label.
fn char_end(chars: &[char], i: usize) -> Option<usize> {
    match (chars.get(i + 1), chars.get(i + 2)) {
        (Some('\\'), _) => (i + 3..chars.len())
            .find(|&j| chars[j] == '\'')
            .map(|j| j + 1),
        (Some(_), Some('\'')) => Some(i + 3),
        _ => None,
    }
}

/// The tokens of `source` with their line numbers, without comments, strings and chars.
fn tokens(source: &str) -> Vec<(usize, Token)> {
    let chars: Vec<char> = source.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < chars.len() {
        let start = i;
        let (c, next) = (chars[i], chars.get(i + 1).copied());
        if c == '/' && next == Some('/') {
            i = (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len());
        } else if c == '/' && next == Some('*') {
            i = block_comment_end(&chars, i);
        } else if c == '"' {
            i = string_end(&chars, i + 1, false, 0);
        } else if c == '\'' {
            i = char_end(&chars, i).unwrap_or(i + 1);
        } else if c.is_alphanumeric() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let hashes = chars[i..].iter().take_while(|&&h| h == '#').count();
            let quote = chars.get(i + hashes) == Some(&'"');
            if quote && matches!(word.as_str(), "r" | "br" | "cr") {
                i = string_end(&chars, i + hashes + 1, true, hashes);
            } else if quote && hashes == 0 && matches!(word.as_str(), "b" | "c") {
                i = string_end(&chars, i + 1, false, 0);
            } else if word == "b" && chars.get(i) == Some(&'\'') {
                i = char_end(&chars, i).unwrap_or(i + 1);
            } else {
                out.push((line, Token::Ident(word)));
            }
        } else {
            let (token, width) = match (c, next) {
                (':', Some(':')) => (Token::PathSep, 2),
                ('{', _) => (Token::Open, 1),
                ('}', _) => (Token::Close, 1),
                (',', _) => (Token::Comma, 1),
                ('.', _) => (Token::Dot, 1),
                _ => (Token::Other, 1),
            };
            if !c.is_whitespace() {
                out.push((line, token));
            }
            i += width;
        }
        line += chars[start..i].iter().filter(|&&c| c == '\n').count();
    }
    out
}

/// The names a file reaches the crate's top level by, with their lines: what follows
/// `crate::`, `asyncscope::` or a chain of `super::` (each member of a `{…}` group there),
/// and every browser crate it names.
fn top_level_names(tokens: &[(usize, Token)]) -> Vec<(usize, String)> {
    let ident = |k: usize| match tokens.get(k) {
        Some((_, Token::Ident(name))) => Some(name.as_str()),
        _ => None,
    };
    let mut names = Vec::new();
    for (k, (line, token)) in tokens.iter().enumerate() {
        let Token::Ident(word) = token else { continue };
        let after = k.checked_sub(1).map(|p| &tokens[p].1);
        if BROWSER_CRATES.iter().any(|(name, _)| name == word) && after != Some(&Token::Dot) {
            names.push((*line, word.clone()));
        }
        let root = matches!(word.as_str(), "crate" | "asyncscope" | "super");
        if !root || after == Some(&Token::PathSep) {
            continue;
        }
        let mut j = k + 1;
        while tokens.get(j).map(|t| &t.1) == Some(&Token::PathSep) && ident(j + 1) == Some("super")
        {
            j += 2;
        }
        if tokens.get(j).map(|t| &t.1) != Some(&Token::PathSep) {
            continue;
        }
        if let Some(name) = ident(j + 1) {
            names.push((tokens[j + 1].0, name.to_string()));
        } else if tokens.get(j + 1).map(|t| &t.1) == Some(&Token::Open) {
            let mut depth = 0;
            for (m, (line, token)) in tokens.iter().enumerate().skip(j + 1) {
                match token {
                    Token::Open => depth += 1,
                    Token::Close if depth == 1 => break,
                    Token::Close => depth -= 1,
                    Token::Ident(name) if depth == 1 => {
                        if matches!(tokens[m - 1].1, Token::Open | Token::Comma) {
                            names.push((*line, name.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    names
}

/// Every name in `source`, a file of `layer`, that points the wrong way, as `line N: …`.
fn violations(layer: &str, source: &str) -> Vec<String> {
    let rank = |l: &str| LAYERS.iter().position(|x| *x == l);
    let own = rank(layer).expect("a known layer");
    let mut wrong = Vec::new();
    for (line, name) in top_level_names(&tokens(source)) {
        let above = rank(&name).is_some_and(|r| r > own);
        let crate_not_allowed = BROWSER_CRATES
            .iter()
            .any(|(c, users)| *c == name && !users.contains(&layer));
        if above || crate_not_allowed {
            wrong.push(format!("line {line}: {layer} names {name}"));
        }
    }
    wrong
}

/// The `.rs` files under `dir`, sorted, except in folders that are not modules.
fn rust_files(src: &Path, dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let inside = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() && !NOT_MODULES.contains(&inside.as_str()) {
            files.extend(rust_files(src, &path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_layer_names_only_itself_the_layers_below_and_its_own_browser_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for layer in LAYERS {
        let files = rust_files(&src, &src.join(layer));
        assert!(files.len() > 5, "{layer}: only {} files found", files.len());
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for v in violations(layer, &text) {
                wrong.push(format!(
                    "{}, {v}",
                    file.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "against the one direction of the layers (ARCHITECTURE.md):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_name_of_a_layer_above_or_of_a_browser_crate_not_allowed_is_caught() {
    let caught = |layer: &str, source: &str| !violations(layer, source).is_empty();
    assert!(caught("engine", "use crate::lessons::params::COUNT;"));
    assert!(caught(
        "engine",
        "let x = 1;\nuse crate::charts::TilePixels;"
    ));
    assert!(caught(
        "lessons",
        "use crate::{engine::Clock, browser::LagMeter};"
    ));
    assert!(caught(
        "lessons",
        "fn f() -> leptos::prelude::AnyView { todo!() }"
    ));
    assert!(caught("browser", "use super::super::{charts, engine};"));
    assert!(caught("browser", "use asyncscope::components::App;"));
    assert!(caught("charts", "let e: web_sys::EventTarget = t;"));
    assert!(caught("charts", "use leptos::wasm_bindgen::JsCast;"));
    assert!(caught("charts", "use crate::components::Heartbeat;"));
    assert_eq!(
        violations("engine", "let q = '\"';\n\nuse crate::browser;"),
        ["line 3: engine names browser"]
    );
}

#[test]
fn comments_strings_and_names_that_point_down_are_allowed() {
    let source = r##"
        //! Unlike [`crate::browser::BrowserClock`], /* crate::charts /* nested */ */ this
        use crate::engine::{self, Clock};
        use super::{lab, search::Catalog};
        let code = "use web_sys::Window; crate::components";
        let raw = r#"leptos::view! { "crate::charts" }"#;
        let bytes = (b"crate::browser", b'"', '\\', '\'');
        fn first<'a>(names: &'a [&str]) -> &'a str { names.browser.len(); names[0] }
    "##;
    assert_eq!(violations("engine", source), Vec::<String>::new());
    assert!(violations("components", "use crate::{browser, charts, lessons};").is_empty());
    assert!(violations("charts", "use crate::browser::prefers_reduced_motion;").is_empty());
    assert!(violations("browser", "use wasm_bindgen::JsCast; js_sys::Date::now()").is_empty());
}
