use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{copy_text, PageUrl};
use crate::lessons::permalink::MAX_QUERY_LEN;
use crate::lessons::LessonInfo;

/// "Copy link" and "Copy embed code": the permalink of the current parameters, and an
/// `<iframe>` snippet (with the resize listener) for a blog post. The copied text is also
/// shown, selectable, for browsers that refuse the clipboard.
#[component]
pub fn ShareButtons(
    /// The lesson being shared.
    info: &'static LessonInfo,
    /// The current permalink query (without `?` and without `embed`).
    query: Signal<String>,
) -> impl IntoView {
    let shown = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let copy = move |text: String, what: &'static str| {
        // A link whose parameters (a long lab script) could not be read back is not
        // offered: say so instead of handing out a link that loses them.
        let length = query.get_untracked().len();
        if length > MAX_QUERY_LEN {
            shown.set(String::new());
            note.set(format!(
                "Too long for a link: these parameters take {length} characters and a link \
                 carries at most {MAX_QUERY_LEN}. Shorten the script, or export the JSON."
            ));
            return;
        }
        shown.set(text.clone());
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => note.set(format!("{what} copied.")),
                Err(e) => note.set(e),
            }
        });
    };
    let copy_link = move |_| {
        let link = format!("{}?{}", PageUrl::base(), query.get_untracked());
        copy(link, "Link");
    };
    let copy_embed = move |_| {
        let src = format!("{}?{}&embed=1", PageUrl::base(), query.get_untracked());
        copy(embed_snippet(&src, info.title), "Embed code");
    };
    view! {
        <div class="share">
            <button type="button" class="secondary" data-testid="copy-link" on:click=copy_link>
                "Copy link"
            </button>
            <button type="button" class="secondary" data-testid="copy-embed" on:click=copy_embed>
                "Copy embed code"
            </button>
            <span class="share-note" role="status">{move || note.get()}</span>
            <Show when=move || !shown.get().is_empty()>
                <textarea class="share-text" data-testid="share-text" readonly rows="3"
                    aria-label="Text to copy" prop:value=move || shown.get()></textarea>
            </Show>
        </div>
    }
}

/// The `<iframe>` snippet for `src`, with a listener that sizes it from the page's
/// `asyncscope:resize` messages: only from the frame that sent them, only a finite
/// height, kept within 100–4000 px (the same listener as docs/embedding.md).
fn embed_snippet(src: &str, title: &str) -> String {
    let src = src.replace('"', "%22");
    let title = title.replace('"', "'");
    format!(
        "<iframe src=\"{src}\" title=\"Asyncscope: {title}\" width=\"100%\" height=\"640\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>\n\
         <script>addEventListener('message',function(e){{\
         var d=e.data,h=d&&d.type==='asyncscope:resize'&&d.height;\
         if(typeof h!=='number'||!isFinite(h))return;\
         h=Math.min(4000,Math.max(100,Math.ceil(h)));\
         document.querySelectorAll('iframe').forEach(function(f){{\
         if(f.contentWindow===e.source)f.style.height=h+'px';}});}});</script>"
    )
}
