//! The reading view of one document: headings and passages in order, each passage with its
//! own link, copy-link and cite controls; a linked passage is highlighted and scrolled into
//! view. A bilingual document can be read in parallel: Chinese beside English, row by row
//! as `milcoop_core::extract::align` paired them (`parallel=1` in the link).

use crate::components::cite::CiteMenu;
use crate::components::events::PassageEvents;
use crate::components::labels::{aria_bool, document_note, script_lang};
use crate::components::share::{copy_text, Copied, CopyStatus};
use crate::nav::{absolute, use_route, use_ui, Link};
use crate::pages::documents::MetaList;
use leptos::prelude::*;
use milcoop_core::model::{Block, Dataset, Lang, Passage};
use milcoop_core::present::cite::reference::Reading;
use milcoop_core::{Route, Ui, Url};

/// The link to a passage, in the interface language, optionally in parallel mode.
fn passage_url(id: &str, parallel: bool, ui: Ui) -> Url {
    Url {
        route: Route::Passage(id.to_string()),
        parallel,
        ui: ui.in_url(),
        ..Url::default()
    }
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
    /// Chinese and English side by side.
    #[prop(optional)]
    parallel: bool,
) -> impl IntoView {
    let ui = use_ui();
    let document = &data.documents[doc as usize];
    let passages = data.passages_of(doc).count();
    let bilingual = document.languages.len() > 1;
    let parallel = parallel && bilingual;
    let copied = RwSignal::new(None::<Copied>);
    let current_id = current.map(|p| p.id.as_str());
    // In parallel mode the counterparts of the linked passage are highlighted with it.
    let current_set: Vec<u32> = current
        .and_then(|p| data.passage_index(&p.id))
        .map(|i| {
            let mut v = data.counterparts_of(i);
            v.push(i);
            v
        })
        .unwrap_or_default();

    if let Some(id) = current_id {
        // After the view is in the DOM: bring the passage into view and give it focus, so
        // keyboard and screen-reader users land where the link points.
        request_animation_frame(move || scroll_to(id));
    }

    let passage_view = move |i: u32| {
        let p = &data.passages[i as usize];
        let is_current = current_id == Some(p.id.as_str());
        let also = parallel && !is_current && current_set.contains(&i);
        view! {
            <PassageView
                data=data
                number=i
                passage=p
                current=is_current
                counterpart=also
                bilingual=bilingual
                parallel=parallel
                copied=copied
            />
        }
    };

    let body = if parallel {
        parallel_rows(data, doc, ui, passage_view).into_any()
    } else {
        document
            .outline
            .iter()
            .map(|block| match block {
                Block::Heading { level, text } => heading(*level, text.clone()).into_any(),
                Block::Passage(i) => passage_view(*i).into_any(),
            })
            .collect_view()
            .into_any()
    };
    let mode = bilingual.then(|| {
        let target = current_id.map(|p| Route::Passage(p.to_string()));
        let route = target.unwrap_or_else(|| Route::Document(document.id.clone()));
        view! { <ReadingMode route=route parallel=parallel /> }
    });

    let cite_document = move |r: Reading<'static>| {
        r.document(
            doc,
            &absolute(&Url::from(Route::Document(document.id.clone()))),
        )
    };
    view! {
        <article class="reader" data-doc-id=document.id.clone()>
            <nav class="crumbs" aria-label=ui.pick("Breadcrumb", "位置")>
                <Link route=Route::Home>{ui.pick("Documents", "文献")}</Link>
                " / "
                <span aria-current="page">{document.title.clone()}</span>
            </nav>
            {notice.map(|n| view! { <p class="notice" role="status" data-testid="reanchored">{n}</p> })}
            <header class="doc-head">
                <h1 lang="zh">{document.title.clone()}</h1>
                {document.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
                <MetaList doc=document passages=passages />
                <DocumentNote doc=document />
                <CiteMenu
                    data=data
                    reference=cite_document
                    what=ui.pick("this document", "此文献")
                    label=ui.pick("Cite this document", "引用此文献")
                    testid="cite-document"
                />
            </header>
            {mode}
            <div class="outline">{body}</div>
            <CopyStatus copied=copied testid="copy-status" />
        </article>
    }
}

/// Where the document's metadata comes from, in the interface language when the corpus
/// gives the note in it, and a link to the original where one is known.
#[component]
fn DocumentNote(doc: &'static milcoop_core::model::Document) -> impl IntoView {
    let ui = use_ui();
    let note = document_note(doc, ui);
    let original = doc.url.clone().map(|u| {
        view! { <p class="note"><a href=u.clone() rel="noopener noreferrer">{ui.pick("The original", "原文出处")}</a></p> }
    });
    view! {
        {note.map(|(n, lang)| view! { <p class="note" lang=lang data-testid="document-note">{n}</p> })}
        {original}
    }
}

/// A bilingual document as rows: its Chinese passages beside the English ones that say the
/// same thing (`StoredDataset::parallel_rows`).
fn parallel_rows<V: IntoView>(
    data: &'static Dataset,
    doc: u32,
    ui: Ui,
    passage_view: impl Fn(u32) -> V,
) -> impl IntoView {
    let rows = data
        .parallel_rows(doc)
        .into_iter()
        .map(|(zh, en)| {
            let zh = zh.into_iter().map(&passage_view).collect_view();
            let en = en.into_iter().map(&passage_view).collect_view();
            view! {
                <div class="parallel-row">
                    <div class="side" lang="zh">{zh}</div>
                    <div class="side" lang="en">{en}</div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="parallel" data-testid="parallel">
            <div class="parallel-row parallel-head" aria-hidden="true">
                <div>{ui.lang(Lang::Zh)}</div>
                <div>{ui.lang(Lang::En)}</div>
            </div>
            {rows}
        </div>
    }
}

/// The switch between reading in order and Chinese beside English, for the same link.
#[component]
fn ReadingMode(route: Route, parallel: bool) -> impl IntoView {
    let ui = use_ui();
    let nav = use_route();
    let toggle = move |_| {
        nav.open(
            Url {
                route: route.clone(),
                parallel: !parallel,
                ..Url::default()
            },
            false,
        )
    };
    view! {
        <p class="reading-mode">
            <button type="button" data-testid="parallel-toggle" aria-pressed=aria_bool(parallel) on:click=toggle>
                {ui.pick("Chinese and English side by side", "中英对照")}
            </button>
        </p>
    }
}

fn heading(level: u8, text: String) -> impl IntoView {
    // The document title is the page's h1; source headings start one level below it. A
    // heading of a bilingual document's English half is marked English.
    let lang = script_lang(&text);
    match level {
        0 | 1 => view! { <h2 class="source-heading" lang=lang>{text}</h2> }.into_any(),
        2 => view! { <h3 class="source-heading" lang=lang>{text}</h3> }.into_any(),
        _ => view! { <h4 class="source-heading" lang=lang>{text}</h4> }.into_any(),
    }
}

#[component]
fn PassageView(
    data: &'static Dataset,
    /// The passage's index in the dataset.
    number: u32,
    passage: &'static Passage,
    current: bool,
    /// A counterpart of the linked passage, highlighted with it.
    counterpart: bool,
    bilingual: bool,
    parallel: bool,
    copied: RwSignal<Option<Copied>>,
) -> impl IntoView {
    let ui = use_ui();
    let nav = use_route();
    let id = passage.id.as_str();
    let lang = passage.lang.code();
    let copy = move |_| copy_text(absolute(&passage_url(id, false, ui)), copied);
    let cite =
        move |r: Reading<'static>| r.passage(passage, &absolute(&passage_url(id, false, Ui::En)));
    let has_counterpart = bilingual && !parallel && !data.counterparts_of(number).is_empty();
    let beside = has_counterpart.then(|| {
        let label = match passage.lang {
            Lang::Zh => ui.pick("Show the English beside", "对照英文"),
            Lang::En => ui.pick("Show the Chinese beside", "对照中文"),
        };
        view! {
            <button
                type="button"
                class="show-counterpart"
                data-testid="show-counterpart"
                on:click=move |_| nav.open(passage_url(id, true, ui), false)
            >
                {label}
            </button>
        }
    });
    view! {
        <section
            class="passage"
            class:current=current
            class:counterpart=counterpart
            data-passage-id=id
            aria-current=current.then_some("true")
            tabindex=current.then_some("-1")
            lang=lang
        >
            {current.then(|| {
                // A shared link scrolls here, past the title: say which document this is.
                let d = &data.documents[passage.doc as usize];
                view! {
                    <p class="passage-doc" data-testid="passage-doc-title">
                        <span lang="zh">{d.title.clone()}</span>
                        {d.title_en.clone().map(|t| view! { " · " <span lang="en">{t}</span> })}
                    </p>
                }
            })}
            <div class="passage-tools" lang=ui.code()>
                <Link
                    route=Route::Passage(id.to_string())
                    class="passage-number"
                    label=format!("{} {}", ui.pick("Passage", "段落"), passage.index)
                >
                    {format!("¶{}", passage.index)}
                </Link>
                {bilingual.then(|| view! { <span class="lang-badge">{lang.to_ascii_uppercase()}</span> })}
                <button
                    type="button"
                    class="copy-link"
                    aria-label=format!("{} {}", ui.pick("Copy link to passage", "复制链接：段落"), passage.index)
                    on:click=copy
                >
                    {ui.pick("Copy link", "复制链接")}
                </button>
                <CiteMenu
                    data=data
                    reference=cite
                    what=format!("{} {}", ui.pick("passage", "段落"), passage.index)
                />
                {beside}
            </div>
            {passage_text(data.text(number))}
            <PassageEvents data=data passage=number />
        </section>
    }
}

/// A passage's text, marked with `elementtiming`: the benchmark times its first paint by it,
/// and a deep link's preview waits for it to be on screen (`data::passage_on_screen`). The
/// attribute is unknown to `view!`, hence the builder.
pub(crate) fn passage_text(text: &str) -> impl IntoView {
    leptos::html::p()
        .class("passage-text")
        .attr("elementtiming", "passage")
        .child(text.to_string())
}

/// Brings passage `id` to the middle of the view and focuses it.
fn scroll_to(id: &str) {
    let selector = format!("[data-passage-id=\"{id}\"]");
    let Some(el) = document().query_selector(&selector).ok().flatten() else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        // Already in view: focusing must not scroll (and lay out) again.
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}
