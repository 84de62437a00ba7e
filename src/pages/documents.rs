//! The home view: every document with what is known about it, and what is not.

use crate::components::labels::document_note;
use crate::nav::{use_ui, Link};
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Document, Lang, Precision};
use milcoop_core::Route;

#[component]
pub fn Documents(data: &'static Dataset) -> impl IntoView {
    let ui = use_ui();
    crate::data::after_first_paint(|| leptos::task::spawn_local(crate::lazy::preload_search()));
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
            <h1 id="documents-title">{ui.pick("Documents", "文献")}</h1>
            <p class="lede">
                {ui.pick(
                    "Official texts on China's international military cooperation. Open a document to read it; every passage has a link you can share.",
                    "关于中国国际军事合作的官方文本。打开文献即可阅读；每个段落都有可分享的链接。",
                )}
            </p>
            <ul class="doc-list">{cards}</ul>
            <Offline data=data />
        </section>
    }
}

/// The offline panel, from a chunk of its own (most readers never need it, and a passage
/// link's first load should not carry it); nothing is shown if the chunk cannot be had.
#[component]
fn Offline(data: &'static Dataset) -> impl IntoView {
    let panel = send_wrapper::SendWrapper::new(crate::lazy::offline(data));
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move { panel.await.unwrap_or_else(|_| ().into_any()) })}
        </Suspense>
    }
}

#[component]
fn DocumentCard(doc: &'static Document, passages: usize) -> impl IntoView {
    let ui = use_ui();
    view! {
        <li class="doc-card" data-doc-id=doc.id.clone()>
            <h2 lang="zh">
                <Link route=Route::Document(doc.id.clone())>{doc.title.clone()}</Link>
            </h2>
            {doc.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
            <MetaList doc=doc passages=passages />
            {document_note(doc, ui).map(|(n, lang)| view! { <p class="note" lang=lang>{n}</p> })}
        </li>
    }
}

/// The metadata of a document as a definition list; unknown values say so.
#[component]
pub fn MetaList(doc: &'static Document, passages: usize) -> impl IntoView {
    let ui = use_ui();
    let published = doc
        .published
        .map(|d| {
            let precision = match d.precision() {
                Precision::Day => ui.pick("day", "精确到日"),
                Precision::Month => ui.pick("month only", "仅知月份"),
                Precision::Year => ui.pick("year only", "仅知年份"),
            };
            format!("{} ({precision})", ui.date(d))
        })
        .unwrap_or_else(|| ui.pick("Date unknown", "日期不详").to_string());
    // A field known from outside the text says so; the note says from where.
    let outside = |field: &str, value: String| match doc.outside.iter().any(|f| f == field) {
        true => format!(
            "{value} {}",
            ui.pick(
                "(from outside the text; see the note)",
                "（来自原文之外，见说明）"
            )
        ),
        false => value,
    };
    let publisher = doc
        .publisher
        .as_deref()
        .map(|p| ui.own_part(p).to_string())
        .unwrap_or_else(|| ui.pick("Publisher unknown", "发布者不详").to_string());
    let languages = doc
        .languages
        .iter()
        .map(|l: &Lang| ui.lang(*l))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="meta">
            <dt>{ui.pick("Kind", "类别")}</dt>
            <dd data-field="kind">{ui.kind(doc.kind)}</dd>
            <dt>{ui.pick("Publisher", "发布者")}</dt>
            <dd data-field="publisher">{outside("publisher", publisher)}</dd>
            <dt>{ui.pick("Published", "发布日期")}</dt>
            <dd data-field="published">{outside("published", published)}</dd>
            <dt>{ui.pick("Languages", "语言")}</dt>
            <dd data-field="languages">{languages}</dd>
            <dt>{ui.pick("Passages", "段落数")}</dt>
            <dd data-field="passages">{passages}</dd>
        </dl>
    }
}
