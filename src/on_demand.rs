//! What a view fetches as it needs it, on a site that sends the shell first (docs/scale.md):
//! the search shards a query needs, and the texts of the passages and quotes a view shows
//! (their documents' excerpt files). Views read them through here, which tracks their
//! arrival: a memo that searched or a text that was empty runs again when they come. A
//! file that cannot be fetched is said in the page ([`DataProblem`]), and asked for again
//! the next time a view needs it.
//!
//! Without the `site` feature (the component tests) the dataset holds every text and
//! builds its index from them: nothing is ever missing, and nothing is fetched.

use crate::data::SiteFileError;
use crate::nav::use_ui;
use futures::channel::oneshot;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventSource, Figure};
use milcoop_core::query::expand::Query;
use milcoop_core::query::filter::{apply_searched, Filters, Results, Searched};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::future::Future;

/// The page's fetches on demand.
struct Fetches {
    /// Notified when shards arrive (or fail): the searches run again.
    shards_arrived: ArcTrigger,
    /// Notified when texts arrive (or fail): the texts and quotes shown are drawn again.
    texts_arrived: ArcTrigger,
    /// Shard fetches under way, for the "searching" status.
    searching: ArcRwSignal<usize>,
    /// The last fetch that failed, until the reader tries again.
    problem: ArcRwSignal<Option<SiteFileError>>,
    shards: RefCell<Asked<String>>,
    documents: RefCell<Asked<u32>>,
}

thread_local! {
    static FETCHES: Fetches = Fetches {
        shards_arrived: ArcTrigger::new(),
        texts_arrived: ArcTrigger::new(),
        searching: ArcRwSignal::new(0),
        problem: ArcRwSignal::new(None),
        shards: RefCell::default(),
        documents: RefCell::default(),
    };
}

/// What has been asked for (so each file is fetched once at a time), and what failed: that
/// is not asked for again until the reader tries again ([`DataProblem`]), or a fetch that
/// fails every time (offline, a damaged file) would be asked for on every redraw.
struct Asked<K> {
    asked: BTreeSet<K>,
    failed: BTreeSet<K>,
}

impl<K> Default for Asked<K> {
    fn default() -> Self {
        Asked {
            asked: BTreeSet::new(),
            failed: BTreeSet::new(),
        }
    }
}

impl<K: Ord + Clone> Asked<K> {
    /// Marks `key` as asked for; false if it was already, or failed.
    fn ask(&mut self, key: &K) -> bool {
        !self.failed.contains(key) && self.asked.insert(key.clone())
    }

    fn fail(&mut self, keys: &[K]) {
        for key in keys {
            self.asked.remove(key);
            self.failed.insert(key.clone());
        }
    }

    fn forgive(&mut self, keys: &[K]) {
        for key in keys {
            self.failed.remove(key);
        }
    }
}

/// Whether a query can be searched now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    /// Its shards (or the search table) are on the way.
    Waiting,
    /// A shard it needs could not be fetched ([`DataProblem`] says which).
    Failed,
}

/// Whether every shard `q` needs is here, tracking their arrival; if not, their fetch is
/// started (once) and the caller runs again when they come.
pub fn readiness(ds: &'static Dataset, q: &Query) -> Readiness {
    FETCHES.with(|f| f.shards_arrived.track());
    if q.is_empty() {
        return Readiness::Ready;
    }
    // Before its table the site's search has nothing to search with (`prepare` fetches it).
    if cfg!(feature = "site") && !ds.is_sharded() {
        return Readiness::Waiting;
    }
    let missing = ds.shards_missing(q);
    if missing.is_empty() {
        return Readiness::Ready;
    }
    let failed = FETCHES.with(|f| {
        let asked = f.shards.borrow();
        missing.iter().any(|(key, _)| asked.failed.contains(key))
    });
    let new = ask_shards(missing);
    if !new.is_empty() {
        drop(spawn_fetch(read_shards(ds, new)));
    }
    match failed {
        true => Readiness::Failed,
        false => Readiness::Waiting,
    }
}

/// Whether every shard `q` needs is here ([`readiness`]).
pub fn searchable(ds: &'static Dataset, q: &Query) -> bool {
    readiness(ds, q) == Readiness::Ready
}

/// Those of `files` no fetch has asked for (nor failed), now marked as asked.
fn ask_shards(files: Vec<(String, u64)>) -> Vec<(String, u64)> {
    FETCHES.with(|f| {
        let mut asked = f.shards.borrow_mut();
        files
            .into_iter()
            .filter(|(key, _)| asked.ask(key))
            .collect()
    })
}

/// Fetches shard files into the dataset's search, and has the searches run again.
async fn read_shards(ds: &'static Dataset, files: Vec<(String, u64)>) -> Result<(), SiteFileError> {
    let keys: Vec<String> = files.iter().map(|(k, _)| k.clone()).collect();
    FETCHES.with(|f| f.searching.update(|n| *n += 1));
    let read = crate::data::shards(ds, files).await;
    FETCHES.with(|f| {
        if read.is_err() {
            f.shards.borrow_mut().fail(&keys);
        }
        f.searching.update(|n| *n = n.saturating_sub(1));
        f.shards_arrived.notify();
    });
    read
}

/// Makes a filtered view's search ready: the search table (the site build) and the shards
/// of the query in its link, asked for again if they had failed (opening a view, or trying
/// it again, is the reader asking). The view may have been built, and have searched, while
/// they came: it runs again, as on any arrival.
pub async fn prepare(ds: &'static Dataset, filters: Option<Filters>) -> Result<(), SiteFileError> {
    crate::data::search_table(ds).await?;
    FETCHES.with(|f| f.shards_arrived.notify());
    crate::data::warm_index(ds);
    let Some(f) = filters else {
        return Ok(());
    };
    let missing = ds.shards_missing(&ds.expand(&f.q, &f.literal));
    let keys: Vec<String> = missing.iter().map(|(k, _)| k.clone()).collect();
    FETCHES.with(|f| f.shards.borrow_mut().forgive(&keys));
    let new = ask_shards(missing);
    if new.is_empty() {
        return Ok(());
    }
    // In a task of its own: this view's future is dropped if the reader leaves it first,
    // and the fetch must still end (marking its shards read or failed).
    spawn_fetch(read_shards(ds, new)).await.unwrap_or(Ok(()))
}

/// Whether a search is waiting for its shards.
pub fn searching() -> bool {
    FETCHES.with(|f| f.searching.get()) > 0
}

/// Passage `p`'s text for a view that shows it: empty until its document's excerpt has
/// arrived, whose fetch this starts; the caller runs again then.
pub fn text(ds: &'static Dataset, p: u32) -> &'static str {
    FETCHES.with(|f| f.texts_arrived.track());
    let text = ds.text(p);
    if text.is_empty() {
        if let Some(passage) = ds.passages.get(p as usize) {
            want_document(ds, passage.doc);
        }
    }
    text
}

/// What an event source quotes, for a view that shows it (as [`text`]).
pub fn source_quote(ds: &'static Dataset, s: &'static EventSource) -> &'static str {
    let _ = text(ds, s.passage);
    ds.source_quote(s)
}

/// What a figure quotes, for a view that shows it (as [`text`]).
pub fn figure_quote(ds: &'static Dataset, fig: &'static Figure) -> &'static str {
    let _ = text(ds, fig.passage);
    ds.figure_quote(fig)
}

/// Starts fetching document `doc`'s texts (its excerpt file) unless they are here, on the
/// way or failed.
pub fn want_document(ds: &'static Dataset, doc: u32) {
    if !ds.texts_missing(Some(doc)) || !FETCHES.with(|f| f.documents.borrow_mut().ask(&doc)) {
        return;
    }
    drop(spawn_fetch(async move {
        let read = crate::data::document_texts(ds, doc).await;
        FETCHES.with(|f| {
            if read.is_err() {
                f.documents.borrow_mut().fail(&[doc]);
            }
            f.texts_arrived.notify();
        });
        read
    }));
}

/// Every passage's text (the texts file), for a download that holds every passage of a
/// view: once, then at once.
pub async fn all_texts(ds: &'static Dataset) -> Result<(), SiteFileError> {
    let read = crate::data::all_texts(ds).await;
    FETCHES.with(|f| f.texts_arrived.notify());
    read
}

/// Runs a fetch in a task of its own, which no view's end cancels; a failure is kept for
/// [`DataProblem`]. The receiver has its result, for a caller that waits.
fn spawn_fetch(
    fetch: impl Future<Output = Result<(), SiteFileError>> + 'static,
) -> oneshot::Receiver<Result<(), SiteFileError>> {
    let (done, result) = oneshot::channel();
    leptos::task::spawn_local(async move {
        let read = fetch.await;
        if let Err(e) = &read {
            FETCHES.with(|f| f.problem.set(Some(e.clone())));
        }
        let _ = done.send(read);
    });
    result
}

/// Says in the page that a file a view needed could not be fetched or read, with a button
/// that asks for every failed file again.
#[component]
pub fn DataProblem() -> impl IntoView {
    let problem = FETCHES.with(|f| f.problem.clone());
    let retry = move |_| {
        FETCHES.with(|f| {
            f.shards.borrow_mut().failed.clear();
            f.documents.borrow_mut().failed.clear();
            f.problem.set(None);
            f.shards_arrived.notify();
            f.texts_arrived.notify();
        })
    };
    move || {
        let ui = use_ui();
        problem.get().map(|p| {
            view! {
                <p class="notice" role="alert" data-testid="data-problem">
                    {p.message(ui)} " "
                    <button type="button" data-testid="data-retry" on:click=retry>{ui.pick("Try again", "重试")}</button>
                </p>
            }
        })
    }
}

/// The "searching" status of a filtered view, while a query waits for its shards.
#[component]
pub fn SearchStatus() -> impl IntoView {
    move || {
        let ui = use_ui();
        searching().then(|| {
            view! {
                <p class="searching" role="status" data-testid="searching">
                    {ui.pick("Searching…", "正在搜索…")}
                </p>
            }
        })
    }
}

/// [`filter::apply`](milcoop_core::query::filter::apply) once the query's shards are here
/// (the views that filter without a search box of their own: a query reaches them in the
/// link, and `prepare` fetched its shards). Until then the query matches nothing, and the
/// view runs again when they come.
pub fn apply(ds: &'static Dataset, f: &Filters) -> Results {
    apply_searched(ds, f, &search(ds, &f.q, &f.literal, None))
}

/// What Explore searched: `q` once its shards are here; while they are on the way, the
/// search before it (its results stay on screen, with the "searching" status), or where
/// there is none, a search that matches nothing yet; if they failed, nothing.
pub fn search(
    ds: &'static Dataset,
    q: &str,
    literal: &[String],
    before: Option<&Searched>,
) -> Searched {
    let query = ds.expand(q, literal);
    match readiness(ds, &query) {
        Readiness::Ready => milcoop_core::query::filter::search_expanded(ds, query),
        Readiness::Waiting => before
            .cloned()
            .unwrap_or_else(|| Searched::pending(ds, query)),
        // Nothing from another query under this one: the page says what failed.
        Readiness::Failed => Searched::pending(ds, query),
    }
}
