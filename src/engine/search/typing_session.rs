//! The live search as a model: a session runs one policy per pane on a clock, feeds
//! every text of the search box to all of them, and holds at most
//! [`MAX_SESSION_KEYS`] keystrokes; [`Typist`] starts sessions as keys arrive. The page
//! runs the returned futures on the browser's timers; tests run them on virtual time.

use std::rc::Rc;

use futures::channel::mpsc::{unbounded, UnboundedSender};
use futures::future::LocalBoxFuture;

use crate::engine::Clock;

use super::{PolicyOutcome, SearchDb, SearchLog, SearchPolicy};

/// Keystrokes per session: the next one starts a new session, so a long typing spree
/// does not grow the records (and the data table) without bound.
pub const MAX_SESSION_KEYS: usize = 200;

/// Hears every change of pane `index`'s outcome.
pub type PaneObserver = Rc<dyn Fn(usize, &PolicyOutcome)>;

/// One policy's run, to be driven by the caller (dropping it stops the policy, its
/// queries and their timers).
pub type PolicyRun = LocalBoxFuture<'static, ()>;

/// One typing session: a running policy per pane.
pub struct TypingSession {
    senders: Vec<UnboundedSender<String>>,
    origin_ms: f64,
    keys: usize,
}

impl TypingSession {
    /// Starts `policies` on `clock` against `db`, with times counted from now; returns
    /// the session and the policies' runs.
    pub fn start(
        policies: &[SearchPolicy],
        db: &SearchDb,
        clock: Rc<dyn Clock>,
        observe: PaneObserver,
    ) -> (Self, Vec<PolicyRun>) {
        let origin_ms = clock.now_ms();
        let mut senders = Vec::with_capacity(policies.len());
        let mut runs = Vec::with_capacity(policies.len());
        for (i, &policy) in policies.iter().enumerate() {
            let (tx, rx) = unbounded::<String>();
            let observe = observe.clone();
            let log = SearchLog::new(policy, origin_ms).observed(move |o| observe(i, o));
            let (db, clock) = (db.clone(), clock.clone());
            runs.push(Box::pin(async move {
                policy.run(clock.as_ref(), &db, rx, &log).await;
            }) as PolicyRun);
            senders.push(tx);
        }
        let session = Self {
            senders,
            origin_ms,
            keys: 0,
        };
        (session, runs)
    }

    /// When the session started, on its clock.
    pub fn origin_ms(&self) -> f64 {
        self.origin_ms
    }

    /// Whether the session has taken its [`MAX_SESSION_KEYS`] keystrokes.
    pub fn is_full(&self) -> bool {
        self.keys >= MAX_SESSION_KEYS
    }

    /// Sends the box's text to every policy.
    fn send(&mut self, query: &str) {
        self.keys += 1;
        for tx in &self.senders {
            let _ = tx.unbounded_send(query.to_string());
        }
    }
}

/// Turns the box's changes into sessions: the first key after a clear, or after a full
/// session, starts a new one.
#[derive(Default)]
pub struct Typist {
    session: Option<TypingSession>,
}

impl Typist {
    /// The session in progress, if any.
    pub fn session(&self) -> Option<&TypingSession> {
        self.session.as_ref()
    }

    /// Sends `query` to the policies. If no session runs, or
    /// the current one is full, `start` makes a new one first; its runs are returned for
    /// the caller to drive (and the old session's runs should be dropped).
    pub fn key(
        &mut self,
        query: &str,
        start: impl FnOnce() -> (TypingSession, Vec<PolicyRun>),
    ) -> Option<Vec<PolicyRun>> {
        let mut started = None;
        if self.session.as_ref().is_none_or(TypingSession::is_full) {
            let (session, runs) = start();
            self.session = Some(session);
            started = Some(runs);
        }
        if let Some(session) = &mut self.session {
            session.send(query);
        }
        started
    }

    /// Ends the session (its runs should be dropped); the next key starts another.
    pub fn clear(&mut self) {
        self.session = None;
    }
}

#[cfg(test)]
#[path = "typing_session_tests.rs"]
mod tests;
