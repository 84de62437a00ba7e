//! The reading view of one document: headings and passages in order, each passage with its
//! own link and a copy-link control; a linked passage is highlighted and scrolled into view.

use crate::nav::{absolute, Link};
use crate::pages::documents::MetaList;
use crate::pages::events::PassageEvents;
use leptos::prelude::*;
use milcoop_core::model::{Block, Dataset, Passage};
use milcoop_core::Route;
use wasm_bindgen_futures::JsFuture;

/// The outcome of the last copy, shown in a live region.
#[derive(Clone, Debug, PartialEq)]
enum Copied {
    Done(String),
    Failed(String),
}

#[component]
pub fn Reader(
    data: &'static Dataset,
    doc: u32,
    /// The passage the link named, highlighted and scrolled to.
    #[prop(optional)]
    current: Option<&'static Passage>,
    /// Why the reader landed here (e.g. a re-anchored link), shown above the text.
    #[prop(optional)]
    notice: Option<String>,
) -> impl IntoView {
    let document = &data.documents[doc as usize];
    let passages = data.passages_of(doc).count();
    let bilingual = document.languages.len() > 1;
    let copied = RwSignal::new(None::<Copied>);
    let current_id = current.map(|p| p.id.as_str());

    if let Some(id) = current_id {
        // After the view is in the DOM: bring the passage into view and give it focus, so
        // keyboard and screen-reader users land where the link points.
        request_animation_frame(move || scroll_to(id));
    }

    let outline = document
        .outline
        .iter()
        .map(|block| match block {
            Block::Heading { level, text } => heading(*level, text.clone()).into_any(),
            Block::Passage(i) => {
                let p = &data.passages[*i as usize];
                view! {
                    <PassageView
                        data=data
                        number=*i
                        passage=p
                        current=current_id == Some(p.id.as_str())
                        bilingual=bilingual
                        copied=copied
                    />
                }
                .into_any()
            }
        })
        .collect_view();

    view! {
        <article class="reader" data-doc-id=document.id.clone()>
            <nav class="crumbs" aria-label="Breadcrumb">
                <Link route=Route::Home>"Documents"</Link>
                " / "
                <span aria-current="page">{document.title.clone()}</span>
            </nav>
            {notice.map(|n| view! { <p class="notice" role="status" data-testid="reanchored">{n}</p> })}
            <header class="doc-head">
                <h1 lang="zh">{document.title.clone()}</h1>
                {document.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
                <MetaList doc=document passages=passages />
                {document.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            </header>
            <div class="outline">{outline}</div>
            <p class="copy-status" role="status" aria-live="polite" data-testid="copy-status">
                {move || match copied.get() {
                    None => ().into_any(),
                    Some(Copied::Done(url)) => view! { "Link copied: " <code>{url}</code> }.into_any(),
                    Some(Copied::Failed(url)) => view! {
                        "Copying is not allowed here; select the link: "
                        <input class="copy-fallback" readonly value=url aria-label="Passage link" />
                    }
                    .into_any(),
                }}
            </p>
        </article>
    }
}

fn heading(level: u8, text: String) -> impl IntoView {
    // The document title is the page's h1; source headings start one level below it.
    match level {
        0 | 1 => view! { <h2 class="source-heading">{text}</h2> }.into_any(),
        2 => view! { <h3 class="source-heading">{text}</h3> }.into_any(),
        _ => view! { <h4 class="source-heading">{text}</h4> }.into_any(),
    }
}

#[component]
fn PassageView(
    data: &'static Dataset,
    /// The passage's index in the dataset.
    number: u32,
    passage: &'static Passage,
    current: bool,
    bilingual: bool,
    copied: RwSignal<Option<Copied>>,
) -> impl IntoView {
    let id = passage.id.as_str();
    let lang = passage.lang.code();
    let copy = move |_| {
        let url = absolute(&Route::Passage(id.to_string()));
        leptos::task::spawn_local(async move {
            let result = JsFuture::from(window().navigator().clipboard().write_text(&url)).await;
            copied.set(Some(match result {
                Ok(_) => Copied::Done(url),
                Err(_) => Copied::Failed(url),
            }));
        });
    };
    view! {
        <section
            class="passage"
            class:current=current
            data-passage-id=id
            aria-current=current.then_some("true")
            tabindex=current.then_some("-1")
            lang=lang
        >
            <div class="passage-tools">
                <Link
                    route=Route::Passage(id.to_string())
                    class="passage-number"
                    label=format!("Passage {}", passage.index)
                >
                    {format!("¶{}", passage.index)}
                </Link>
                {bilingual.then(|| view! { <span class="lang-badge">{lang.to_uppercase()}</span> })}
                <button
                    type="button"
                    class="copy-link"
                    aria-label=format!("Copy link to passage {}", passage.index)
                    on:click=copy
                >
                    "Copy link"
                </button>
            </div>
            <p class="passage-text">{passage.text.clone()}</p>
            <PassageEvents data=data passage=number />
        </section>
    }
}

fn scroll_to(id: &str) {
    let Some(el) = document()
        .query_selector(&format!("[data-passage-id=\"{id}\"]"))
        .ok()
        .flatten()
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let _ = el.focus();
    }
}
