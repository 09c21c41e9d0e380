use leptos::prelude::*;

use crate::lessons::CodeSample;

/// The lesson's code: Python asyncio beside Rust, as plain text (never HTML).
#[component]
pub fn CodePanes(
    /// The code samples to show.
    samples: &'static [CodeSample],
) -> impl IntoView {
    samples
        .iter()
        .map(|s| {
            view! {
                <section class="code" aria-label=s.title>
                    <h3>{s.title}</h3>
                    <div class="code-pair">
                        <figure>
                            <figcaption>"Python asyncio"</figcaption>
                            <pre tabindex="0"><code class="lang-python">{s.python}</code></pre>
                        </figure>
                        <figure>
                            <figcaption>"Rust"</figcaption>
                            <pre tabindex="0"><code class="lang-rust">{s.rust}</code></pre>
                        </figure>
                    </div>
                </section>
            }
        })
        .collect_view()
}
