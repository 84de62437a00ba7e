//! Milcoop's web view: a thin layer of Leptos components over `milcoop-core`.
//!
//! `App` composes the page: it provides the route (the query string), decodes the embedded
//! dataset and picks the view. Domain logic stays in `milcoop-core`.

pub mod data;
pub mod nav;
pub mod pages;

use leptos::prelude::*;
use milcoop_core::model::{Dataset, Resolution};
use milcoop_core::{Route, Ui, Url};
use nav::{provide_route, Link, Location};
use pages::countries::Countries;
use pages::documents::Documents;
use pages::explore::Explore;
use pages::missing::{NotFound, Orphaned};
use pages::reader::Reader;
use pages::stats::Stats;
use pages::timeline::Timeline;

/// The page: the corpus, or a clear message if it cannot be read. When the corpus is
/// fetched (the site build), a deep link's document is drawn from its small preview file
/// while the dataset is on its way, then replaced by the full view.
#[component]
pub fn App() -> impl IntoView {
    if let Ok(data) = data::dataset() {
        return explorer_or_error(Ok::<_, String>(data));
    }
    // Plain signals set by a spawned future: a `LocalResource` would do, at 24 KB of wasm.
    let corpus = RwSignal::new(None);
    let preview = RwSignal::new(None);
    let location = Location::current();
    // The linked document and passage; passage ids are `<document>.<hash>`.
    let (doc, target) = match location.route() {
        Route::Document(doc) => (Some(doc.clone()), None),
        Route::Passage(id) => (
            id.split_once('.').map(|(doc, _)| doc.to_string()),
            Some(id.clone()),
        ),
        _ => (None, None),
    };
    leptos::task::spawn_local(async move {
        // A deep link's document is drawn first from its own small file (build.rs writes
        // one per document), from the linked passage on; the dataset is fetched, decoded
        // and the full view built once that is on screen.
        if let Some(shown) = match doc {
            Some(doc) => data::preview(&doc).await,
            None => None,
        } {
            preview.set(Some(shown));
            data::passage_on_screen(std::time::Duration::from_millis(300)).await;
        }
        corpus.set(Some(data::load().await));
    });
    (move || match corpus.get() {
        Some(result) => untrack(|| explorer_or_error(result)),
        None => preview
            .get()
            .map(|p| pages::preview::preview(p, target.clone(), location.ui))
            .into_any(),
    })
    .into_any()
}

fn explorer_or_error(corpus: Result<&'static Dataset, impl std::fmt::Display>) -> AnyView {
    match corpus {
        Ok(data) => {
            data::warm_index(data);
            view! { <Explorer data=data /> }.into_any()
        }
        Err(e) => view! {
            <section class="missing" role="alert">
                <h1>"The corpus could not be read"</h1>
                <p>{format!("The dataset could not be loaded: {e}")}</p>
            </section>
        }
        .into_any(),
    }
}

/// Which page the link shows. Filters and the selected event are left out, so changing
/// them (typing a query, zooming) updates the page in place instead of rebuilding it.
#[derive(Clone, Debug, PartialEq)]
enum Page {
    Home,
    /// A document, and whether it is read in parallel (Chinese beside English).
    Document(String, bool),
    Passage(String, bool),
    Explore,
    Timeline,
    Countries,
    Stats,
}

impl From<&Url> for Page {
    fn from(url: &Url) -> Page {
        match &url.route {
            Route::Home => Page::Home,
            Route::Document(d) => Page::Document(d.clone(), url.parallel),
            Route::Passage(p) => Page::Passage(p.clone(), url.parallel),
            Route::Explore(_) => Page::Explore,
            Route::Timeline(_) => Page::Timeline,
            Route::Countries(_) => Page::Countries,
            Route::Stats(_) => Page::Stats,
        }
    }
}

/// The explorer over a given dataset: site frame, URL notices and the view the route asks for.
#[component]
pub fn Explorer(data: &'static Dataset) -> impl IntoView {
    let nav = provide_route();
    // The page and the interface language: a change of either rebuilds the view.
    let page = Memo::new(move |_| nav.location.with(|l| (Page::from(&l.url), l.ui)));
    Effect::new(move |_| {
        let (page, ui) = page.get();
        let title = match &page {
            Page::Home => None,
            Page::Explore => Some(ui.pick("Explore", "浏览与搜索").to_string()),
            Page::Timeline => Some(ui.pick("Timeline", "时间线").to_string()),
            Page::Countries => Some(ui.pick("Partner countries", "合作国家").to_string()),
            Page::Stats => Some(ui.pick("Statistics", "统计").to_string()),
            Page::Document(id, _) => data.document(id).map(|(_, d)| d.title.clone()),
            Page::Passage(id, _) => match data.resolve(id) {
                Resolution::Current(p) | Resolution::Moved(p, _) => Some(format!(
                    "¶{} · {}",
                    p.index, data.documents[p.doc as usize].title
                )),
                _ => None,
            },
        };
        let site = ui.pick(
            "Milcoop — China's international military cooperation",
            "Milcoop — 中国国际军事合作",
        );
        document().set_title(&match title {
            Some(t) => format!("{t} — Milcoop"),
            None => site.to_string(),
        });
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", ui.pick("en", "zh"));
        }
    });
    let head = move || {
        let ui = page.get().1;
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
    };
    view! {
        <a class="skip" href="#main">{move || page.get().1.pick("Skip to content", "跳到正文")}</a>
        {head}
        <Ignored location=nav.location />
        <main id="main" tabindex="-1">{move || { let (p, ui) = page.get(); view_for(data, p, ui) }}</main>
        <footer class="site-foot">
            {move || page.get().1.pick(
                "Texts are quoted verbatim from their sources; what a source does not say is shown as unknown.",
                "文本均照录原文；原文未载明的信息标为不详。",
            )}
        </footer>
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
                    {ignored.join(", ")}
                </p>
            }
        })
    }
}

/// The views a reader rarely opens first. With the `site` feature (the site's release
/// build) each is compiled into a wasm chunk of its own and fetched the first time it is
/// shown (see `scripts/wasm-link.sh`); without it (the component tests) they are ordinary
/// code that resolves at once.
mod later {
    use super::*;

    /// A chunk that could not be fetched (offline before the service worker had cached it).
    pub struct Unloaded;

    #[cfg(feature = "site")]
    impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            Unloaded
        }
    }

    /// `$name(data).await` builds `$view`: through a chunk with `site`, directly without.
    macro_rules! later {
        ($name:ident, $view:ident) => {
            #[cfg(feature = "site")]
            #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
            pub fn $name(data: &'static Dataset) -> Result<AnyView, Unloaded> {
                Ok(view! { <$view data=data /> }.into_any())
            }

            #[cfg(not(feature = "site"))]
            pub async fn $name(data: &'static Dataset) -> Result<AnyView, Unloaded> {
                Ok(view! { <$view data=data /> }.into_any())
            }
        };
    }

    later!(explore, Explore);
    later!(timeline, Timeline);
    later!(countries, Countries);
    later!(stats, Stats);
}

/// A view from a chunk: a short status while it loads, a message if it cannot be fetched.
fn deferred(
    ui: Ui,
    view: impl std::future::Future<Output = Result<AnyView, later::Unloaded>> + Send + 'static,
) -> AnyView {
    let failed = move || {
        view! {
            <section class="missing" role="alert">
                <p>{ui.pick(
                    "This view could not be loaded. Check the connection and reload the page.",
                    "无法载入此视图。请检查网络连接后重新载入页面。",
                )}</p>
            </section>
        }
        .into_any()
    };
    let loading = move || {
        view! { <p class="loading" role="status">{ui.pick("Loading the view…", "正在载入视图…")}</p> }
    };
    view! {
        <Suspense fallback=loading>
            {Suspend::new(async move { view.await.unwrap_or_else(|_| failed()) })}
        </Suspense>
    }
    .into_any()
}

fn view_for(data: &'static Dataset, page: Page, ui: Ui) -> AnyView {
    match page {
        Page::Home => view! { <Documents data=data /> }.into_any(),
        Page::Explore => deferred(ui, later::explore(data)),
        Page::Timeline => deferred(ui, later::timeline(data)),
        Page::Countries => deferred(ui, later::countries(data)),
        Page::Stats => deferred(ui, later::stats(data)),
        Page::Document(id, parallel) => match data.document(&id) {
            Some((doc, _)) => view! { <Reader data=data doc=doc parallel=parallel /> }.into_any(),
            None => {
                view! { <NotFound what=ui.pick("Document", "文献") id=id.clone() /> }.into_any()
            }
        },
        Page::Passage(id, parallel) => match data.resolve(&id) {
            Resolution::Current(p) => {
                view! { <Reader data=data doc=p.doc current=p parallel=parallel /> }.into_any()
            }
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
                view! { <Reader data=data doc=p.doc current=p notice=notice parallel=parallel /> }
                    .into_any()
            }
            Resolution::Orphaned(o) => view! { <Orphaned data=data orphan=o /> }.into_any(),
            Resolution::Unknown => {
                view! { <NotFound what=ui.pick("Passage", "段落") id=id.clone() /> }.into_any()
            }
        },
    }
}
