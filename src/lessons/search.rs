//! Live search: a search box whose every keystroke queries a slow database, with three
//! ways of deciding what the page shows (await in order, race, cancel stale).
//!
//! The lesson has no run button: the page brings its own search box (the `search`
//! panel). This file holds its parameters, its data set and latency settings, the
//! scripted typing of the "Replay typing" button, the explanation and the code.

use crate::engine::search::{Catalog, Keystroke, LatencyModel, SearchDb, SearchPolicy};
use crate::engine::{NumberRange, ParamKind, ParamSpec, ParamValues};

use super::support;
use super::{params, CodeSample, Lesson, LessonInfo, NoAction, Panel, Params, RunOrder, RunPlan};

/// Three search policies side by side on the same keystrokes.
pub struct LiveSearchLesson;

/// How many rows the built-in table holds (plus [`REPLAY_WORD`]).
pub const ROWS: usize = 3000;

/// The word "Replay typing" types; it is always in the table. Its first letter matches
/// most of the table (a slow query), the whole word a short list (13 rows at the default
/// seed), so the replay ends on rows found.
pub const REPLAY_WORD: &str = "aran";

/// Milliseconds between two replayed keystrokes.
pub const REPLAY_PACE_MS: f64 = 100.0;

/// The longest text the search box accepts (longer text is cut).
pub const MAX_QUERY_CHARS: usize = 40;

/// Time every query takes, in milliseconds.
pub const BASE: ParamSpec = ParamSpec {
    key: "base",
    label: "Base latency",
    help: "Every query takes this long, plus a quarter of a millisecond per matching row.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 3000.0,
        default: 80.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// Largest random extra delay, in milliseconds.
pub const JITTER: ParamSpec = ParamSpec {
    key: "jitter",
    label: "Jitter",
    help: "Each query waits up to this much more, the same for the same text and seed.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 3000.0,
        default: 60.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// Debounce of the cancel-stale policy, in milliseconds.
pub const DEBOUNCE: ParamSpec = ParamSpec {
    key: "debounce",
    label: "Debounce",
    help: "The cancel-stale pane sends a query only after this long without a keystroke.",
    kind: ParamKind::Number(NumberRange {
        min: 0.0,
        max: 2000.0,
        default: 150.0,
        step: 10.0,
        unit: "ms",
        whole: true,
    }),
};

/// Seed of the table and of the jitter.
pub const SEED: ParamSpec =
    params::SEED.with_help("The same seed always builds the same table and the same delays.");

const PYTHON: &str = include_str!("code/live_search.py").trim_ascii_end();

const RUST: &str = include_str!("code/live_search.rs").trim_ascii_end();

static INFO: LessonInfo = LessonInfo {
    id: "search",
    title: "Live search: which answer is current?",
    nav_title: "Live search",
    summary: "Every keystroke starts a database query, and the answers come back in any \
              order. Three ways of showing them, side by side on the same keystrokes.",
    explanation: &[
        "The box searches a made-up table of a few thousand package names. A short query \
         matches many rows and so takes longer than a long one, and each query also gets \
         some random extra delay, so answers do not come back in the order they were \
         asked for.",
        "Awaiting every answer in typing order never shows anything wrong for long, but \
         one slow early query holds every later answer back, and the pane then flicks \
         through out-of-date results on its way to the right one.",
        "Racing the queries and showing whichever answer lands is quick, but when an old, \
         slow query finishes after a newer one, its rows replace the fresh ones: the pane \
         then shows results for text that is no longer in the box. The timeline marks \
         these as overwritten and stale.",
        "Cancelling the previous query on each keystroke, and waiting a short debounce \
         before sending a new one, means only the latest text is ever asked for or shown, \
         and the database is spared most of the intermediate queries.",
        "The three panes run the same policy code the native tests run on virtual time, \
         here on the browser's timers. Each pane is labelled with the query its rows \
         belong to; compare that label with the box.",
    ],
    params: &[BASE, JITTER, DEBOUNCE, SEED],
    panels: &[Panel::Search, Panel::Insights],
    runs: RunOrder::SideBySide,
};

/// The clamped parameters: the database's latency, the debounce and the seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchParams {
    /// Time every query takes, in milliseconds.
    pub base_ms: f64,
    /// Largest random extra delay, in milliseconds.
    pub jitter_ms: f64,
    /// Debounce of the cancel-stale policy, in milliseconds.
    pub debounce_ms: f64,
    /// Seed of the table and of the jitter.
    pub seed: u64,
}

impl Params for SearchParams {
    fn read(values: &ParamValues) -> Self {
        Self {
            base_ms: support::read_number(values, &BASE),
            jitter_ms: support::read_number(values, &JITTER),
            debounce_ms: support::read_number(values, &DEBOUNCE),
            seed: support::read_number(values, &SEED) as u64,
        }
    }
}

/// The simulated database for these parameters: the seeded table (always holding
/// [`REPLAY_WORD`]) and its latency model.
pub fn database(params: &SearchParams) -> SearchDb {
    let catalog = Catalog::generate(params.seed, ROWS, &[REPLAY_WORD]);
    let latency = LatencyModel {
        base_ms: params.base_ms,
        jitter_ms: params.jitter_ms,
        seed: params.seed,
    };
    SearchDb::new(catalog, latency)
}

/// The three policies, in the order of the panes.
pub fn policies(params: &SearchParams) -> [SearchPolicy; 3] {
    [
        SearchPolicy::InOrder,
        SearchPolicy::Race,
        SearchPolicy::CancelStale {
            debounce_ms: params.debounce_ms,
        },
    ]
}

/// What "Replay typing" types: [`REPLAY_WORD`], one key every [`REPLAY_PACE_MS`].
pub fn replay_script() -> Vec<Keystroke> {
    Keystroke::typing(REPLAY_WORD, 0.0, REPLAY_PACE_MS)
}

/// The text of the box as a query: at most [`MAX_QUERY_CHARS`] characters.
pub fn clamp_query(text: &str) -> String {
    text.chars().take(MAX_QUERY_CHARS).collect()
}

/// No actions: the search box drives the policies itself.
impl Lesson for LiveSearchLesson {
    type Params = SearchParams;
    type Action = NoAction;
    const INFO: &'static LessonInfo = &INFO;

    fn plan(&self, action: NoAction, _params: &SearchParams) -> Vec<RunPlan> {
        match action {}
    }

    fn code(&self, params: &SearchParams) -> Vec<CodeSample> {
        let debounce_ms = params.debounce_ms;
        vec![CodeSample::new(
            "A task per keystroke: race, cancel stale, or in order",
            PYTHON,
            RUST,
        )
        .with("debounce_s", debounce_ms / 1000.0)
        .with("debounce_ms", debounce_ms)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::search::QueryStatus;

    fn defaults() -> ParamValues {
        ParamValues::defaults(INFO.params)
    }

    #[test]
    fn replaying_at_the_defaults_race_ends_on_a_stale_answer_and_cancel_stale_never_does() {
        let params = SearchParams::read(&defaults());
        let db = database(&params);
        let [in_order, race, cancel] = policies(&params);
        let script = replay_script();
        let race = race.simulate(&db, &script);
        assert!(race.backward_steps() >= 1, "{:?}", race.pane);
        assert!(race
            .queries
            .iter()
            .any(|q| q.status == QueryStatus::Overwritten));
        let cancel = cancel.simulate(&db, &script);
        assert_eq!(cancel.backward_steps(), 0);
        assert_eq!(cancel.shown().map(|q| q.text.as_str()), Some(REPLAY_WORD));
        let in_order = in_order.simulate(&db, &script);
        assert_eq!(in_order.shown().map(|q| q.text.as_str()), Some(REPLAY_WORD));
    }

    #[test]
    fn typing_fast_for_any_of_several_seeds_leaves_the_race_pane_on_the_first_letter() {
        // What the end-to-end test does: a key every 30 ms. The one-letter query matches
        // most rows, so it is by far the slowest and lands last.
        for seed in [1.0, 7.0, 42.0] {
            let mut values = defaults();
            values.0.insert(SEED.key.into(), seed);
            let db = database(&SearchParams::read(&values));
            let script = Keystroke::typing(REPLAY_WORD, 0.0, 30.0);
            let race = SearchPolicy::Race.simulate(&db, &script);
            assert_eq!(
                race.shown().map(|q| q.text.as_str()),
                Some("a"),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn the_code_shows_the_debounce_in_seconds_for_python_and_milliseconds_for_rust() {
        let mut values = defaults();
        values.0.insert(DEBOUNCE.key.into(), 250.0);
        let code = LiveSearchLesson.code(&SearchParams::read(&values));
        assert!(code[0].python.contains("asyncio.sleep(0.25)"));
        assert!(code[0].rust.contains("from_millis(250)"));
        assert!(!code[0].python.contains('{') || !code[0].python.contains("{debounce"));
    }

    #[test]
    fn a_query_is_cut_to_the_longest_text_the_box_accepts() {
        let long = "é".repeat(100);
        assert_eq!(clamp_query(&long).chars().count(), MAX_QUERY_CHARS);
        assert_eq!(clamp_query("ara"), "ara");
    }

    #[test]
    fn the_lesson_has_no_run_button_and_shows_the_search_panel_only() {
        // What the page sees: no button, and nothing planned for any key.
        assert!(crate::lessons::AnyLesson::actions(&LiveSearchLesson).is_empty());
        assert!(INFO.panels.contains(&Panel::Search));
        assert!(!INFO.panels.iter().any(|p| matches!(p, Panel::Timelines(_))));
        assert!(crate::lessons::AnyLesson::plan(&LiveSearchLesson, "run", &defaults()).is_empty());
    }

    #[test]
    fn the_replayed_word_finds_rows_and_its_first_letter_is_the_slow_query() {
        let db = database(&SearchParams::read(&defaults()));
        let whole = db.answer(REPLAY_WORD);
        assert!(whole.matches >= 10, "{} rows", whole.matches);
        assert!(!whole.top.is_empty());
        let first = db.answer(&REPLAY_WORD[..1]);
        let last_key_ms = (REPLAY_WORD.len() - 1) as f64 * REPLAY_PACE_MS;
        assert!(first.latency_ms > last_key_ms + whole.latency_ms);
    }
}
