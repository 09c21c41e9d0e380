use leptos::prelude::*;

use crate::charts::scoped_memo;
use crate::lessons::CodeSample;

/// Which language the code panes show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Python,
    Rust,
    Both,
}

/// The lesson's code: Python asyncio and Rust, switched by tabs (or side by side), as
/// plain text (never HTML). The samples follow the parameters.
#[component]
pub fn CodePanes(
    /// The code samples to show (recomputed when the parameters change).
    samples: Signal<Vec<CodeSample>>,
) -> impl IntoView {
    let shown = RwSignal::new(Shown::Both);
    let tab = move |which: Shown, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab"
                aria-selected=move || if shown.get() == which { "true" } else { "false" }
                on:click=move |_| shown.set(which)>
                {label}
            </button>
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let order = [Shown::Python, Shown::Rust, Shown::Both];
        let i = order
            .iter()
            .position(|s| *s == shown.get_untracked())
            .unwrap_or(0);
        match ev.key().as_str() {
            "ArrowRight" => shown.set(order[(i + 1) % 3]),
            "ArrowLeft" => shown.set(order[(i + 2) % 3]),
            _ => {}
        }
    };
    let panes = move || {
        // The panes are rebuilt whenever the parameters change: they read `shown` through
        // a memo that goes with them, so no rebuild stays subscribed to it (`scoped_memo`).
        let shown = scoped_memo(move |_| shown.get());
        samples
            .get()
            .into_iter()
            .map(|s| {
                let show_py = move || shown.get() != Shown::Rust;
                let show_rs = move || shown.get() != Shown::Python;
                view! {
                    <section class="code" aria-label=s.title.clone()>
                        <h3>{s.title.clone()}</h3>
                        <div class="code-pair" class:single=move || shown.get() != Shown::Both>
                            <figure class="code-python" class:hidden=move || !show_py()>
                                <figcaption>"Python asyncio"</figcaption>
                                <pre tabindex="0"><code class="lang-python">{s.python.clone()}</code></pre>
                            </figure>
                            <figure class="code-rust" class:hidden=move || !show_rs()>
                                <figcaption>"Rust"</figcaption>
                                <pre tabindex="0"><code class="lang-rust">{s.rust.clone()}</code></pre>
                            </figure>
                        </div>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Code language" on:keydown=on_key>
            {tab(Shown::Python, "Python")}
            {tab(Shown::Rust, "Rust")}
            {tab(Shown::Both, "Side by side")}
        </div>
        {panes}
    }
}
