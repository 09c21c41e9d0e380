use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// A memo that leaves its sources' subscriber lists when its owner cleans up.
///
/// Leptos 0.8's reactive graph never removes a dropped memo or effect from the subscriber
/// lists of the signals it read: the list keeps a weak link, and a weak link keeps the
/// node's allocation alive for as long as the signal lives. A view that is rebuilt on every
/// run (the timelines) and reads the page's long-lived signals directly therefore leaves a
/// few hundred bytes behind per run, forever. Built through this memo, such a view's
/// effects subscribe only to memos that die with the view; each memo unsubscribes from the
/// long-lived signals when the owner it was created under cleans up (which runs before the
/// owner drops its memos), so nothing is left behind.
pub fn scoped_memo<T>(fun: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(fun);
    let leaving = memo.clone();
    on_cleanup(move || {
        let me = leaving.to_any_subscriber();
        leaving.clear_sources(&me);
    });
    Memo::from(memo)
}
