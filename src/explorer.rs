//! The explorer over a decoded dataset: the site frame (header, notices, footer) and the
//! view the URL asks for.

use crate::boot::Whole;
use crate::lazy::{self, after_search, deferred, when_document_read, Unloaded};
use crate::nav::{provide_route, Link, Location};
use crate::on_demand::DataProblem;
use crate::page::{sync_document_title, Page};
use crate::pages::documents::Documents;
use crate::pages::missing::{NotFound, Orphaned};
use crate::pages::reader::Reader;
use crate::update::NewVersion;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Resolution};
use milcoop_core::{Route, Ui};

#[component]
pub fn Explorer(data: &'static Dataset) -> impl IntoView {
    let nav = provide_route();
    crate::components::cite::provide_citation_format();
    // The page and the interface language: a change of either rebuilds the view.
    let page = Memo::new(move |_| nav.location.with(|l| (Page::from(&l.url), l.ui)));
    sync_document_title(data, page);
    let ui = Memo::new(move |_| page.get().1);
    view! {
        <a class="skip" href="#main">{move || ui.get().pick("Skip to content", "跳到正文")}</a>
        {move || view! { <SiteHeader ui=ui.get() /> }}
        <NewVersion />
        <DataProblem />
        <Ignored location=nav.location />
        <main id="main" tabindex="-1" class:wide=move || page.with(|(p, _)| p.wide())>{move || { let (p, ui) = page.get(); view_for(data, p, ui) }}</main>
        <footer class="site-foot">
            {move || ui.get().pick(
                "Texts are quoted verbatim from their sources; what a source does not say is shown as unknown.",
                "文本均照录原文；原文未载明的信息标为不详。",
            )}
            " "
            <span data-testid="dataset-version">
                {move || ui.get().pick("Dataset version", "数据集版本")} " " <code>{data.version.clone()}</code>
            </span>
        </footer>
    }
}

/// The site's name, the views and the interface-language switch.
#[component]
fn SiteHeader(ui: Ui) -> impl IntoView {
    let nav = crate::nav::use_route();
    view! {
        <header class="site-head">
            <Link route=Route::Home class="brand">"Milcoop"</Link>
            <span class="tagline">
                {ui.pick(
                    "China's international military cooperation, in the sources' own words",
                    "中国国际军事合作：以原文为据",
                )}
            </span>
            <nav class="site-nav" aria-label=ui.pick("Views", "视图")>
                <Link route=Route::Home>{ui.pick("Documents", "文献")}</Link>
                <Link route=Route::Explore(Default::default())>{ui.pick("Explore & search", "浏览与搜索")}</Link>
                <Link route=Route::Timeline(Default::default())>{ui.pick("Timeline", "时间线")}</Link>
                <Link route=Route::Countries(Default::default())>{ui.pick("Countries", "国家")}</Link>
                <Link route=Route::Stats(Default::default())>{ui.pick("Statistics", "统计")}</Link>
            </nav>
            <button
                type="button"
                class="ui-switch"
                data-testid="ui-switch"
                lang=ui.other().code()
                aria-label=ui.pick("界面语言：中文", "Interface language: English")
                on:click=move |_| nav.set_ui(ui.other())
            >
                {ui.other().name()}
            </button>
        </header>
    }
}

/// Names the URL parameters that were not understood, instead of failing on them.
#[component]
fn Ignored(location: ReadSignal<Location>) -> impl IntoView {
    move || {
        let Location { ignored, ui, .. } = location.get();
        (!ignored.is_empty()).then(|| {
            view! {
                <p class="notice" role="status" data-testid="url-notice">
                    {ui.pick("Ignored parts of the link that could not be understood: ", "链接中无法识别、已忽略的部分：")}
                    {ignored.iter().map(|n| n.words(ui)).collect::<Vec<_>>().join(ui.pick(", ", "；"))}
                </p>
            }
        })
    }
}

fn view_for(data: &'static Dataset, page: Page, ui: Ui) -> AnyView {
    if data.only_document().is_some() && !excerpt_shows(data, &page) {
        return whole(data, ui);
    }
    match page {
        Page::Home => view! { <Documents data=data /> }.into_any(),
        Page::Explore => searching(data, ui, lazy::explore),
        Page::Timeline => searching(data, ui, lazy::timeline),
        Page::Countries => searching(data, ui, lazy::countries),
        Page::Stats => searching(data, ui, lazy::stats),
        // Entity pages list their editions from the shell: they search nothing.
        Page::Series(id) => deferred(ui, move || lazy::series(data, id.clone())),
        Page::Mission(id) => deferred(ui, move || lazy::mission(data, id.clone())),
        Page::Document(id, parallel) => match data.document(&id) {
            Some((doc, _)) => when_document_read(data, doc, ui, move || {
                view! { <Reader data=data doc=doc parallel=parallel /> }.into_any()
            }),
            None => {
                view! { <NotFound what=ui.pick("Document", "文献") id=id.clone() /> }.into_any()
            }
        },
        Page::Passage(id, parallel) => passage_view(data, &id, parallel, ui),
    }
}

/// A filtered view, from its chunk, once the query in its link can be searched.
fn searching<F>(data: &'static Dataset, ui: Ui, view: fn(&'static Dataset) -> F) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, Unloaded>> + Send + 'static,
{
    let filters = crate::nav::use_route()
        .location
        .with_untracked(|l| l.route().filters().cloned());
    deferred(ui, move || after_search(data, filters.clone(), view(data)))
}

/// Whether a document's excerpt holds what `page` shows: that document's reader, from its
/// own link or a passage link into it (an orphaned or unknown id may be known elsewhere).
fn excerpt_shows(data: &Dataset, page: &Page) -> bool {
    let doc = match page {
        Page::Document(id, _) => data.document(id).map(|(d, _)| d),
        Page::Passage(id, _) => match data.resolve(id) {
            Resolution::Current(p) | Resolution::Moved(p, _) => Some(p.doc),
            Resolution::Orphaned(_) | Resolution::Unknown => None,
        },
        _ => None,
    };
    doc.is_some() && doc == data.only_document()
}

/// The page once the whole dataset replaces a document's excerpt (`Whole`): a loading
/// status until then, and what went wrong if it cannot be read.
fn whole(excerpt: &'static Dataset, ui: Ui) -> AnyView {
    deferred(ui, move || {
        let load = send_wrapper::SendWrapper::new(Whole::load(excerpt));
        async move {
            load.await.map_err(|e| Unloaded(Some(e)))?;
            Ok(().into_any())
        }
    })
}

/// A passage link: today's passage, one found again by re-anchoring (with a notice), an
/// orphan, or a clear "not found".
fn passage_view(data: &'static Dataset, id: &str, parallel: bool, ui: Ui) -> AnyView {
    match data.resolve(id) {
        Resolution::Current(p) => when_document_read(data, p.doc, ui, move || {
            view! { <Reader data=data doc=p.doc current=p parallel=parallel /> }.into_any()
        }),
        Resolution::Moved(p, alias) => {
            let notice = match ui {
                Ui::En => format!(
                    "This link was made for an earlier version of the corpus ({}). It now opens passage ¶{}, found again by {}.",
                    alias.old,
                    p.index,
                    alias.method.label()
                ),
                Ui::Zh => format!(
                    "此链接针对语料库的早期版本（{}）。现打开第{}段（按{}重新定位）。",
                    alias.old,
                    p.index,
                    alias.method.label()
                ),
            };
            when_document_read(data, p.doc, ui, move || {
                let notice = notice.clone();
                view! { <Reader data=data doc=p.doc current=p notice=notice parallel=parallel /> }
                    .into_any()
            })
        }
        Resolution::Orphaned(o) => view! { <Orphaned data=data orphan=o /> }.into_any(),
        Resolution::Unknown => {
            view! { <NotFound what=ui.pick("Passage", "段落") id=id.to_string() /> }.into_any()
        }
    }
}
