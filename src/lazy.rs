//! The views a reader rarely opens first. With the `site` feature (the site's release
//! build) each is compiled into a wasm chunk of its own and fetched the first time it is
//! shown (see `scripts/wasm-link.sh` and docs/architecture.md); without it (the component
//! tests) they are ordinary code that resolves at once.

use crate::components::offline::OfflinePanel;
use crate::data::SiteFileError;
use crate::pages::countries::Countries;
use crate::pages::entity::{MissionPage, SeriesPage};
use crate::pages::explore::Explore;
use crate::pages::stats::Stats;
use crate::pages::timeline::Timeline;
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::query::filter::Filters;
use milcoop_core::Ui;
use std::future::Future;

/// A chunk that could not be fetched (offline before the service worker had cached it, a
/// file missing from the server, or one that failed its integrity check), or a data file
/// the view needs, named.
pub struct Unloaded(pub Option<SiteFileError>);

#[cfg(feature = "site")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded(None)
    }
}

/// `$name(data).await` builds `$view`: through a chunk with `site`, directly without.
/// (`wasm_split` cannot be applied conditionally to an async function, hence two bodies.)
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

/// As `later!`, for a page of one entity, named by its id.
macro_rules! later_for {
    ($name:ident, $view:ident) => {
        #[cfg(feature = "site")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name(data: &'static Dataset, id: String) -> Result<AnyView, Unloaded> {
            Ok(view! { <$view data=data id=id /> }.into_any())
        }

        #[cfg(not(feature = "site"))]
        pub async fn $name(data: &'static Dataset, id: String) -> Result<AnyView, Unloaded> {
            Ok(view! { <$view data=data id=id /> }.into_any())
        }
    };
}

later!(explore, Explore);

/// Fetches the chunks a search from Explore needs (its view and [`search_ready`]'s)
/// without running them: the home view does once it is idle, since a reader who starts
/// there goes on to a view that searches, mostly Explore. A chunk that cannot be had now
/// is fetched again when it is opened.
pub async fn preload_search() {
    #[cfg(feature = "site")]
    {
        let _ = futures::future::join(preload_explore(), preload_search_ready()).await;
    }
}

#[cfg(feature = "site")]
#[leptos::wasm_split::wasm_split(
    explore,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_explore)
)]
fn explore_chunk() -> Result<(), Unloaded> {
    Ok(())
}
later_for!(series, SeriesPage);
later_for!(mission, MissionPage);
later!(timeline, Timeline);
later!(countries, Countries);
later!(stats, Stats);
later!(offline, OfflinePanel);

/// `view` once it can search: the search table fetched (the site build) and the shards of
/// the query its link carries, so that its first results are its query's (a search
/// without its shards finds nothing, which the view would show for a moment). The view's
/// chunk is fetched meanwhile. No text is needed: the views show the texts of what they
/// list as they arrive (`on_demand`).
pub fn after_search<F>(
    data: &'static Dataset,
    filters: Option<Filters>,
    view: F,
) -> impl Future<Output = Result<AnyView, Unloaded>> + Send + 'static
where
    F: Future<Output = Result<AnyView, Unloaded>> + Send + 'static,
{
    crate::data::start_search_table(data);
    let ready = send_wrapper::SendWrapper::new(async move {
        let prepare = search_ready(data, filters).await?;
        prepare.await.map_err(|e| Unloaded(Some(e)))
    });
    async move {
        let (ready, view) = futures::future::join(ready, view).await;
        ready?;
        view
    }
}

/// The future of [`on_demand::prepare`](crate::on_demand::prepare), boxed so that it can
/// cross a split point.
type Preparing = std::pin::Pin<Box<dyn Future<Output = Result<(), SiteFileError>>>>;

/// [`on_demand::prepare`](crate::on_demand::prepare), in a chunk of its own with the site
/// build: it decodes the search table and expands the query, which would otherwise pull
/// the search's code into the main module that a passage link loads.
#[cfg(feature = "site")]
#[leptos::wasm_split::wasm_split(
    search,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_search_ready)
)]
fn search_ready(data: &'static Dataset, filters: Option<Filters>) -> Result<Preparing, Unloaded> {
    Ok(Box::pin(crate::on_demand::prepare(data, filters)))
}

#[cfg(not(feature = "site"))]
async fn search_ready(
    data: &'static Dataset,
    filters: Option<Filters>,
) -> Result<Preparing, Unloaded> {
    Ok(Box::pin(crate::on_demand::prepare(data, filters)))
}

/// The reader of document `doc`: at once when its texts are here (a deep link's preview
/// brought them), else once its preview file has been fetched.
pub fn when_document_read(
    data: &'static Dataset,
    doc: u32,
    ui: Ui,
    reader: impl Fn() -> AnyView + Clone + Send + Sync + 'static,
) -> AnyView {
    if !data.texts_missing(Some(doc)) {
        return reader();
    }
    deferred(ui, move || {
        let reader = reader.clone();
        let texts = send_wrapper::SendWrapper::new(crate::data::document_texts(data, doc));
        async move {
            texts.await.map_err(|e| Unloaded(Some(e)))?;
            Ok(reader())
        }
    })
}

/// A view from a chunk: a short status while it loads, and if it cannot be fetched, a
/// message that says whether the reader is offline, with a button that tries again (a
/// failed load is not remembered, so the retry fetches afresh).
pub fn deferred<F>(ui: Ui, load: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, Unloaded>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let loading = move || {
        view! { <p class="loading" role="status">{ui.pick("Loading the view…", "正在载入视图…")}</p> }
    };
    (move || {
        attempt.track();
        let view = load();
        view! {
            <Suspense fallback=loading>
                {Suspend::new(async move { view.await.unwrap_or_else(|e| unloaded(ui, attempt, e)) })}
            </Suspense>
        }
    })
    .into_any()
}

/// The message for a view whose chunk or data could not be fetched.
fn unloaded(ui: Ui, attempt: RwSignal<u32>, why: Unloaded) -> AnyView {
    let offline = !window().navigator().on_line();
    let message = match offline {
        true => ui.pick(
            "This could not be loaded — it is not available offline yet: texts are kept as they are read, and “Make everything available offline” on the home view keeps them all. Connect to the network and try again.",
            "无法载入——尚不能离线使用：文本在阅读时保存，首页的“全部下载以供离线使用”可保存全部内容。请连接网络后重试。",
        ),
        false => ui.pick(
            "This view could not be loaded. Check the connection and try again.",
            "无法载入此视图。请检查网络连接后重试。",
        ),
    };
    view! {
        <section class="missing" role="alert" data-testid="view-unloaded">
            <p>{message}</p>
            {why.0.map(|e| view! { <p>{e.message(ui)}</p> })}
            <button type="button" data-testid="retry-view" on:click=move |_| attempt.update(|n| *n += 1)>
                {ui.pick("Try again", "重试")}
            </button>
        </section>
    }
    .into_any()
}
