//! What a link that names nothing shows: a clear message and a way back, never a blank page.

use crate::nav::{use_ui, Link};
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Orphan};
use milcoop_core::Route;

/// A passage or document id that the corpus has never had.
#[component]
pub fn NotFound(what: &'static str, id: String) -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="missing" role="alert" data-testid="not-found">
            <h1>{ui.pick(&format!("{what} not found"), &format!("未找到{what}")).to_string()}</h1>
            <p>
                {ui.pick("The link names ", "链接指向 ").to_string()}
                <code>{id}</code>
                {ui.pick(
                    ", which is not in this corpus. It may be mistyped or cut short.",
                    "，语料库中没有此项。链接可能有误或不完整。",
                )}
            </p>
            <p>
                <Link route=Route::Home>{ui.pick("Back to the document list", "返回文献列表")}</Link>
            </p>
        </section>
    }
}

/// A passage that existed when the link was made but whose text is gone from the corpus.
#[component]
pub fn Orphaned(data: &'static Dataset, orphan: &'static Orphan) -> impl IntoView {
    let ui = use_ui();
    let doc = orphan
        .doc
        .and_then(|d| data.documents.get(d as usize))
        .map(|d| {
            view! {
                <p>
                    {ui.pick("It was in ", "原属 ")}
                    <Link route=Route::Document(d.id.clone())>{d.title.clone()}</Link>
                    {ui.pick(".", "。")}
                </p>
            }
        });
    view! {
        <section class="missing" role="alert" data-testid="orphan">
            <h1>{ui.pick("Passage no longer in the corpus", "该段落已不在语料库中")}</h1>
            <p>
                {ui.pick(
                    "This link was made for an earlier version of the corpus. Its passage could not be found again with confidence, so it is not sent anywhere else. The text it pointed to was:",
                    "此链接针对语料库的早期版本，其段落无法可靠地重新定位，因此不转到别处。它原先指向的文字是：",
                )}
            </p>
            <blockquote>{orphan.quote.clone()}</blockquote>
            {doc}
            <p>
                <Link route=Route::Home>{ui.pick("Back to the document list", "返回文献列表")}</Link>
            </p>
        </section>
    }
}
