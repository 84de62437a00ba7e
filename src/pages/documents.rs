//! The home view: every document with what is known about it, and what is not.

use crate::nav::Link;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Document, Lang};
use milcoop_core::Route;

#[component]
pub fn Documents(data: &'static Dataset) -> impl IntoView {
    let cards = data
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let passages = data.passages_of(i as u32).count();
            view! { <DocumentCard doc=d passages=passages /> }
        })
        .collect_view();
    view! {
        <section class="documents" aria-labelledby="documents-title">
            <h1 id="documents-title">"Documents"</h1>
            <p class="lede">
                "Official texts on China's international military cooperation. Open a document to read it; every passage has a link you can share."
            </p>
            <ul class="doc-list">{cards}</ul>
        </section>
    }
}

#[component]
fn DocumentCard(doc: &'static Document, passages: usize) -> impl IntoView {
    view! {
        <li class="doc-card" data-doc-id=doc.id.clone()>
            <h2 lang="zh">
                <Link route=Route::Document(doc.id.clone())>{doc.title.clone()}</Link>
            </h2>
            {doc.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
            <MetaList doc=doc passages=passages />
            {doc.note.clone().map(|n| view! { <p class="note">{n}</p> })}
        </li>
    }
}

/// The metadata of a document as a definition list; unknown values say so.
#[component]
pub fn MetaList(doc: &'static Document, passages: usize) -> impl IntoView {
    let published = doc
        .published
        .map(|d| {
            let precision = match d.precision() {
                milcoop_core::model::Precision::Day => "day",
                milcoop_core::model::Precision::Month => "month only",
                milcoop_core::model::Precision::Year => "year only",
            };
            format!("{} ({precision})", d.long_en())
        })
        .unwrap_or_else(|| "Date unknown".to_string());
    let languages = doc
        .languages
        .iter()
        .map(|l| match l {
            Lang::Zh => "Chinese",
            Lang::En => "English",
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="meta">
            <dt>"Kind"</dt>
            <dd data-field="kind">{doc.kind.label()}</dd>
            <dt>"Publisher"</dt>
            <dd data-field="publisher">
                {doc.publisher.clone().unwrap_or_else(|| "Publisher unknown".to_string())}
            </dd>
            <dt>"Published"</dt>
            <dd data-field="published">{published}</dd>
            <dt>"Languages"</dt>
            <dd data-field="languages">{languages}</dd>
            <dt>"Passages"</dt>
            <dd data-field="passages">{passages}</dd>
        </dl>
    }
}
