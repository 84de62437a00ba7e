//! A deep link's document drawn from its preview file while the dataset is on its way
//! (the site build fetches a large corpus; see `App`). It looks like the reader but is
//! plain text, no tools and no events, and it starts at the linked passage, so nothing has
//! to be laid out and scrolled before that passage is drawn. The reader replaces it as soon
//! as the corpus is decoded, with the whole document, scrolled to the passage.

use crate::pages::reader::passage_text;
use leptos::prelude::*;
use milcoop_core::model::Preview;
use milcoop_core::Ui;

/// The preview of one document from the linked passage (`target`, highlighted) on; the
/// whole document when the link names no passage of it.
pub fn preview(preview: Preview, target: Option<String>, ui: Ui) -> AnyView {
    let start = preview
        .passages
        .iter()
        .position(|p| target.as_deref() == Some(p.id.as_str()))
        .unwrap_or(0);
    let passages = preview
        .passages
        .into_iter()
        .skip(start)
        .map(|p| {
            let current = target.as_deref() == Some(p.id.as_str());
            view! {
                <section class="passage" class:current=current data-preview-id=p.id lang=p.lang.code()>
                    <div class="passage-tools">
                        <span class="passage-number">{format!("¶{}", p.index)}</span>
                    </div>
                    {passage_text(&p.text)}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="preview-page" aria-busy="true">
            <header class="site-head">
                <span class="brand">"Milcoop"</span>
                <span class="tagline">{ui.pick("Loading the explorer…", "正在载入…")}</span>
            </header>
            <article class="reader">
                <header class="doc-head">
                    <h1 lang="zh">{preview.title}</h1>
                </header>
                <div class="outline">{passages}</div>
            </article>
        </div>
    }
    .into_any()
}
