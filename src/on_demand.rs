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
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventSource, Figure};
use milcoop_core::query::expand::Query;
use milcoop_core::query::filter::{apply_searched, Filters, Results, Searched};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The page's fetches on demand: what has been asked for (so a file is fetched once at a
/// time), how many are under way, and the last that failed.
struct Fetches {
    /// Notified when shards or texts arrive.
    arrived: ArcTrigger,
    /// Fetches under way, for the "searching" status.
    pending: ArcRwSignal<usize>,
    problem: ArcRwSignal<Option<SiteFileError>>,
    shards: RefCell<BTreeSet<String>>,
    documents: RefCell<BTreeSet<u32>>,
}

thread_local! {
    static FETCHES: Fetches = Fetches {
        arrived: ArcTrigger::new(),
        pending: ArcRwSignal::new(0),
        problem: ArcRwSignal::new(None),
        shards: RefCell::default(),
        documents: RefCell::default(),
    };
}

/// Whether every shard `q` needs is here, tracking their arrival; if not, their fetch is
/// started (once) and the caller searches again when they come.
pub fn searchable(ds: &'static Dataset, q: &Query) -> bool {
    FETCHES.with(|f| f.arrived.track());
    if q.is_empty() {
        return true;
    }
    // Before its table the site's search has nothing to search with (`prepare` fetches it).
    if cfg!(feature = "site") && !ds.is_sharded() {
        return false;
    }
    let missing = ds.shards_missing(q);
    if missing.is_empty() {
        return true;
    }
    let new = unasked(missing);
    if !new.is_empty() {
        fetching(read_shards(ds, new));
    }
    false
}

/// Those of `files` no fetch has asked for, now marked as asked.
fn unasked(files: Vec<(String, u64)>) -> Vec<(String, u64)> {
    FETCHES.with(|f| {
        let mut asked = f.shards.borrow_mut();
        files
            .into_iter()
            .filter(|(key, _)| asked.insert(key.clone()))
            .collect()
    })
}

/// Fetches shard files into the dataset's search; those that fail are asked for again by
/// the next search that needs them.
async fn read_shards(ds: &'static Dataset, files: Vec<(String, u64)>) -> Result<(), SiteFileError> {
    let keys: Vec<String> = files.iter().map(|(k, _)| k.clone()).collect();
    let read = crate::data::shards(ds, files).await;
    if read.is_err() {
        FETCHES.with(|f| {
            let mut asked = f.shards.borrow_mut();
            keys.iter().for_each(|k| {
                asked.remove(k);
            });
        });
    }
    read
}

/// Makes a filtered view's search ready: the search table (the site build) and the shards
/// of the query in its link. The view may have been built (and have searched) while they
/// came: it runs again, as on any arrival.
pub async fn prepare(ds: &'static Dataset, filters: Option<Filters>) -> Result<(), SiteFileError> {
    let read = async {
        crate::data::search_table(ds).await?;
        if let Some(f) = filters {
            let missing = unasked(ds.shards_missing(&ds.expand(&f.q, &f.literal)));
            if !missing.is_empty() {
                read_shards(ds, missing).await?;
            }
        }
        Ok(())
    };
    let result = read.await;
    FETCHES.with(|f| f.arrived.notify());
    result
}

/// Whether a search is waiting for its shards (or a view for its texts).
pub fn pending() -> bool {
    FETCHES.with(|f| f.pending.get()) > 0
}

/// Passage `p`'s text for a view that shows it: empty until its document's excerpt has
/// arrived, whose fetch this starts; the caller runs again then.
pub fn text(ds: &'static Dataset, p: u32) -> &'static str {
    FETCHES.with(|f| f.arrived.track());
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

/// Starts fetching document `doc`'s texts (its excerpt file) unless they are here or on
/// the way.
pub fn want_document(ds: &'static Dataset, doc: u32) {
    if !ds.texts_missing(Some(doc)) || !FETCHES.with(|f| f.documents.borrow_mut().insert(doc)) {
        return;
    }
    fetching(async move {
        let read = crate::data::document_texts(ds, doc).await;
        if read.is_err() {
            FETCHES.with(|f| f.documents.borrow_mut().remove(&doc));
        }
        read
    });
}

/// Every passage's text (the texts file), for a download that holds every passage of a
/// view: once, then at once.
pub async fn all_texts(ds: &'static Dataset) -> Result<(), SiteFileError> {
    let read = crate::data::all_texts(ds).await;
    FETCHES.with(|f| f.arrived.notify());
    read
}

/// Runs a fetch, counted as pending while it runs; on its end the views that wait run
/// again, and a failure is kept for [`DataProblem`].
fn fetching(fetch: impl std::future::Future<Output = Result<(), SiteFileError>> + 'static) {
    FETCHES.with(|f| f.pending.update(|n| *n += 1));
    leptos::task::spawn_local(async move {
        let result = fetch.await;
        FETCHES.with(|f| {
            f.pending.update(|n| *n = n.saturating_sub(1));
            f.problem.set(result.err());
            f.arrived.notify();
        });
    });
}

/// Says in the page that a file a view needed could not be fetched or read.
#[component]
pub fn DataProblem() -> impl IntoView {
    let problem = FETCHES.with(|f| f.problem.clone());
    move || {
        let ui = use_ui();
        problem.get().map(|p| {
            view! { <p class="notice" role="alert" data-testid="data-problem">{p.message(ui)}</p> }
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
/// there is none, a search that matches nothing yet.
pub fn search(
    ds: &'static Dataset,
    q: &str,
    literal: &[String],
    before: Option<&Searched>,
) -> Searched {
    let query = ds.expand(q, literal);
    if searchable(ds, &query) {
        return milcoop_core::query::filter::search(ds, q, literal);
    }
    before
        .cloned()
        .unwrap_or_else(|| Searched::pending(ds, query))
}

/// Fetches the texts of the figures whose passage names country `code`, which a country's
/// profile matches by their quotes (`query::entity::country`), tracking their arrival.
pub fn figures_naming(ds: &'static Dataset, code: &str) {
    let facts = ds.facts();
    let ids = facts.country_ids(&[code.to_string()]);
    for fig in &ds.figures {
        let named = facts
            .passages
            .get(fig.passage as usize)
            .is_some_and(|p| p.named.iter().any(|c| ids.contains(c)));
        if named {
            let _ = text(ds, fig.passage);
        }
    }
}
