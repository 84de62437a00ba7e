//! What a link that names nothing shows: a clear message and a way back, never a blank page.

use crate::nav::Link;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Orphan};
use milcoop_core::Route;

/// A passage or document id that the corpus has never had.
#[component]
pub fn NotFound(what: &'static str, id: String) -> impl IntoView {
    view! {
        <section class="missing" role="alert" data-testid="not-found">
            <h1>{format!("{what} not found")}</h1>
            <p>
                "The link names " {what.to_lowercase()} " " <code>{id}</code>
                ", which is not in this corpus. It may be mistyped or cut short."
            </p>
            <p>
                <Link route=Route::Home>"Back to the document list"</Link>
            </p>
        </section>
    }
}

/// A passage that existed when the link was made but whose text is gone from the corpus.
#[component]
pub fn Orphaned(data: &'static Dataset, orphan: &'static Orphan) -> impl IntoView {
    let doc = orphan
        .doc
        .and_then(|d| data.documents.get(d as usize))
        .map(|d| {
            view! {
                <p>
                    "It was in " <Link route=Route::Document(d.id.clone())>{d.title.clone()}</Link>
                    "."
                </p>
            }
        });
    view! {
        <section class="missing" role="alert" data-testid="orphan">
            <h1>"Passage no longer in the corpus"</h1>
            <p>
                "This link was made for an earlier version of the corpus. Its passage could not be found again with confidence, so it is not sent anywhere else. The text it pointed to was:"
            </p>
            <blockquote>{orphan.quote.clone()}</blockquote>
            {doc}
            <p>
                <Link route=Route::Home>"Back to the document list"</Link>
            </p>
        </section>
    }
}
