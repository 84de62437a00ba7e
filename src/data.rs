//! The dataset, decoded once. The site build (feature `site`) fetches it from the site (a
//! file named by its content) and, for a deep link, fetches the linked document's text
//! first so that it can be drawn before the rest arrives. Other builds (the component
//! tests) embed it. Both are made by `build.rs`.

use crate::perf::measured;
use milcoop_core::model::InvalidDataset;
use milcoop_core::Dataset;
use std::sync::OnceLock;

static DATASET: OnceLock<Result<Dataset, InvalidDataset>> = OnceLock::new();

/// Decodes and checks `bytes` once, timed for the benchmark (`milcoop:decode` in the
/// Performance timeline).
fn decode_once(bytes: &[u8]) -> Result<&'static Dataset, InvalidDataset> {
    DATASET
        .get_or_init(|| measured("decode", || Dataset::decode(bytes)))
        .as_ref()
        .map_err(Clone::clone)
}

/// The dataset file the page reads, by the name a reader would look for.
#[cfg(feature = "site")]
const DATASET_NAME: &str = site::DATASET.name;
#[cfg(not(feature = "site"))]
const DATASET_NAME: &str = "the embedded dataset";

/// The corpus if it is here and sound: always when embedded, once [`load`] has finished
/// when fetched.
pub fn dataset() -> Option<&'static Dataset> {
    #[cfg(not(feature = "site"))]
    {
        decode_once(EMBEDDED).ok()
    }
    #[cfg(feature = "site")]
    DATASET.get().and_then(|d| d.as_ref().ok())
}

#[cfg(not(feature = "site"))]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The corpus, fetched and decoded if need be, or why it could not be read (shown in the
/// page rather than panicking).
pub async fn load() -> Result<&'static Dataset, SiteFileError> {
    #[cfg(feature = "site")]
    if DATASET.get().is_none() {
        return read(&fetch_checked(site::DATASET).await?);
    }
    // Embedded, or fetched and read already (then `read` answers with what it found).
    #[cfg(not(feature = "site"))]
    return read(EMBEDDED);
    #[cfg(feature = "site")]
    read(&[])
}

/// Decodes and checks a dataset file (once), or says what is wrong with it.
pub fn read(bytes: &[u8]) -> Result<&'static Dataset, SiteFileError> {
    decode_once(bytes).map_err(|e| unreadable(DATASET_NAME, e))
}

/// A file of the site that arrived intact but cannot be read, and why.
pub fn unreadable_file(name: &str, reason: String) -> SiteFileError {
    SiteFileError::Unreadable {
        name: name.to_owned(),
        reason,
    }
}

/// A dataset file that arrived intact but cannot be read.
pub fn unreadable(name: &str, e: InvalidDataset) -> SiteFileError {
    unreadable_file(name, e.to_string())
}

/// The excerpt of the dataset for the document a deep link points into (`?doc=` or
/// `?p=<doc>.<hash>`): everything its reader shows, in a small file of its own (build.rs
/// writes one per document), so that a link into a document never waits for the whole
/// dataset. `Ok(None)` for a document the site has no file for, and in builds that embed
/// the corpus. Decoded once per document.
pub async fn excerpt(doc: &str) -> Result<Option<&'static Dataset>, SiteFileError> {
    #[cfg(feature = "site")]
    {
        thread_local! {
            static READ: std::cell::RefCell<Vec<(&'static str, &'static Dataset)>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let Some((id, name, hash)) = excerpt_files().find(doc) else {
            return Ok(None);
        };
        if let Some(ds) = READ.with_borrow(|r| r.iter().find(|(d, _)| *d == id).map(|r| r.1)) {
            return Ok(Some(ds));
        }
        let bytes = fetch_hashed(&name, hash).await?;
        let ds = Dataset::decode_excerpt(&bytes, id).map_err(|e| unreadable(&name, e))?;
        let ds: &'static Dataset = Box::leak(Box::new(ds));
        READ.with_borrow_mut(|r| r.push((id, ds)));
        Ok(Some(ds))
    }
    #[cfg(not(feature = "site"))]
    {
        let _ = doc;
        Ok(None)
    }
}

/// Every passage's text, in a dataset read from the shell (the site build): fetched once,
/// by the downloads that hold every passage of a view (`on_demand::all_texts`). At once
/// when they are here already (the embedded dataset holds them).
pub async fn all_texts(ds: &'static Dataset) -> Result<(), SiteFileError> {
    if !ds.texts_missing(None) {
        return Ok(());
    }
    #[cfg(feature = "site")]
    {
        let bytes = fetch_checked(site::TEXTS).await?;
        let texts = milcoop_core::model::Texts::decode(&bytes)
            .map_err(|e| unreadable(site::TEXTS.name, e))?;
        ds.add_texts(texts)
            .map_err(|e| unreadable(site::TEXTS.name, e))?;
    }
    Ok(())
}

/// The search table (the site build): fetched once, after which the dataset searches
/// through shards (`query::sharded`) and the page never builds an index from the texts.
/// Nothing to do where the dataset is embedded with its texts.
pub async fn search_table(ds: &'static Dataset) -> Result<(), SiteFileError> {
    #[cfg(feature = "site")]
    if !ds.is_sharded() {
        let name = site::SEARCH.name;
        let early = EARLY_TABLE.with(|t| t.borrow_mut().take());
        let bytes = fetch_checked_from(site::SEARCH, early).await?;
        let table = milcoop_core::query::sharded::SearchTable::decode(&bytes)
            .map_err(|reason| unreadable_file(name, reason))?;
        ds.use_shards(table).map_err(|e| unreadable(name, e))?;
    }
    #[cfg(not(feature = "site"))]
    let _ = ds;
    Ok(())
}

#[cfg(feature = "site")]
thread_local! {
    /// The search table's fetch, begun by [`start_search_table`].
    static EARLY_TABLE: std::cell::RefCell<Option<js_sys::Promise>> = Default::default();
    static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        wasm_bindgen::closure::Closure::new(|_| {});
}

/// Begins fetching the search table for a view about to search, from the main module:
/// [`search_table`], which reads it, comes in a chunk with the search's code, and the table
/// need not wait for that chunk.
pub fn start_search_table(ds: &'static Dataset) {
    #[cfg(feature = "site")]
    if !ds.is_sharded() {
        EARLY_TABLE.with(|t| {
            let mut early = t.borrow_mut();
            if early.is_none() {
                *early = start_fetch(site::SEARCH).inspect(|fetch| {
                    // Handled, so that a failure nobody reads (the chunk failed too) is not
                    // reported as unhandled; `search_table` still reads the failure.
                    let _ = IGNORE.with(|ignore| fetch.catch(ignore));
                });
            }
        })
    }
    #[cfg(not(feature = "site"))]
    let _ = ds;
}

/// Fetches shard files (key, hash), together, each checked against the hash its name
/// carries, and adds them to the dataset's search.
pub async fn shards(ds: &'static Dataset, files: Vec<(String, u64)>) -> Result<(), SiteFileError> {
    shards_in_batches(ds, files, usize::MAX).await
}

/// As [`shards`], fetching at most `batch` files at a time (the benchmark reads every
/// shard: thousands of requests at once fail), and adding them all at the end.
pub async fn shards_in_batches(
    ds: &'static Dataset,
    files: Vec<(String, u64)>,
    batch: usize,
) -> Result<(), SiteFileError> {
    #[cfg(feature = "site")]
    {
        let mut read = Vec::with_capacity(files.len());
        let mut names = Vec::with_capacity(files.len());
        for group in files.chunks(batch.max(1)) {
            let (files, these) = fetch_shards(group.to_vec()).await?;
            read.extend(files);
            names.extend(these);
        }
        // A shard that does not fit the table: the reason names the term; the files named
        // are this fetch's.
        ds.add_shards(read)
            .map_err(|reason| unreadable_file(&names.join(", "), reason))?;
    }
    #[cfg(not(feature = "site"))]
    let _ = (ds, files, batch);
    Ok(())
}

/// Shard files read: (key, file) and the files' names.
#[cfg(feature = "site")]
type ReadShards = (
    Vec<(String, milcoop_core::query::sharded::ShardFile)>,
    Vec<String>,
);

/// Shard files fetched together and read, with their names.
#[cfg(feature = "site")]
async fn fetch_shards(files: Vec<(String, u64)>) -> Result<ReadShards, SiteFileError> {
    use milcoop_core::query::sharded::{shard_file_name, ShardFile};
    let names: Vec<String> = files.iter().map(|(k, h)| shard_file_name(k, *h)).collect();
    let fetches = files
        .into_iter()
        .zip(&names)
        .map(|((key, hash), name)| async move {
            let bytes = fetch_hashed(name, hash).await?;
            let file = ShardFile::decode(&bytes).map_err(|reason| unreadable_file(name, reason))?;
            Ok::<_, SiteFileError>((key, file))
        });
    let read = futures::future::try_join_all(fetches).await?;
    Ok((read, names))
}

/// The texts of document `doc`, for the reader: from its excerpt file, else (no excerpt,
/// or one that could not be read: the page names it) with all the others.
pub async fn document_texts(ds: &'static Dataset, doc: u32) -> Result<(), SiteFileError> {
    if !ds.texts_missing(Some(doc)) {
        return Ok(());
    }
    let Some(d) = ds.documents.get(doc as usize) else {
        return Ok(());
    };
    match excerpt(&d.id).await {
        Ok(Some(ex)) => ds.add_texts_from(ex),
        Ok(None) | Err(_) => all_texts(ds).await?,
    }
    Ok(())
}

/// Resolves once a passage drawn with `elementtiming="passage"` is reported on screen, or
/// after `limit` where the browser has no Element Timing. The page waits for it before
/// replacing a preview with the full view: replaced while its frame is still on the way to
/// the screen, the preview might never be seen.
pub async fn passage_on_screen(limit: std::time::Duration) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let seen = resolve.clone();
        let callback = Closure::once_into_js(
            move |_: wasm_bindgen::JsValue, observer: web_sys::PerformanceObserver| {
                observer.disconnect();
                let _ = seen.call0(&wasm_bindgen::JsValue::NULL);
            },
        );
        if let Ok(observer) = web_sys::PerformanceObserver::new(callback.unchecked_ref()) {
            let types = js_sys::Array::of1(&"element".into());
            let init = web_sys::PerformanceObserverInit::new(&types);
            init.set_buffered(true);
            observer.observe(&init);
        }
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            limit,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A file of the site named by its content, with the Subresource Integrity (SHA-256) the
/// page checks it against when it fetches it. `build.rs` lists them.
#[derive(Clone, Copy, Debug)]
pub struct SiteFile {
    pub name: &'static str,
    pub integrity: &'static str,
}

#[cfg(feature = "site")]
mod site {
    use super::SiteFile;
    include!(concat!(env!("OUT_DIR"), "/site_files.rs"));
}

/// The documents' excerpt files, as the start-up script lists them
/// (`window.milcoopExcerpts`, see `scripts/externalize-init.mjs`); an empty table if it
/// lists none, and then every link fetches the whole dataset.
#[cfg(feature = "site")]
fn excerpt_files() -> milcoop_core::model::ExcerptFiles<'static> {
    static TABLE: OnceLock<String> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"milcoopExcerpts".into()).ok())
            .and_then(|t| t.as_string())
            .unwrap_or_default()
    });
    milcoop_core::model::ExcerptFiles { table }
}

/// The fetch of `name` the start-up script began while the wasm downloaded (a link's
/// excerpt), taken once: a second read (a retry) fetches again.
#[cfg(feature = "site")]
fn prefetched(name: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("milcoopPrefetch");
    let started = js_sys::Reflect::get(&window, &key).ok()?;
    let named = js_sys::Reflect::get(&started, &"name".into())
        .ok()?
        .as_string();
    if named.as_deref() != Some(name) {
        return None;
    }
    let response = js_sys::Reflect::get(&started, &"response".into()).ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    response.dyn_into().ok()
}

/// Why a file of the site could not be used, said in the page in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteFileError {
    /// The file could not be fetched (offline, or not on the server).
    Unavailable { name: String, reason: String },
    /// The file arrived, but its content is not the one its name promises.
    Damaged { name: String },
    /// The file arrived intact but could not be decoded (a build of another version).
    Unreadable { name: String, reason: String },
}

impl SiteFileError {
    pub fn message(&self, ui: milcoop_core::Ui) -> String {
        match (self, ui) {
            (SiteFileError::Unavailable { name, reason }, milcoop_core::Ui::En) => {
                format!("{name} could not be fetched ({reason}). Check the connection and reload the page.")
            }
            (SiteFileError::Unavailable { name, reason }, milcoop_core::Ui::Zh) => {
                format!("无法获取 {name}（{reason}）。请检查网络连接后重新载入页面。")
            }
            (SiteFileError::Damaged { name }, milcoop_core::Ui::En) => format!(
                "{name} is damaged: its content does not match the checksum it is published with. \
                 Reload the page; if this persists, the site's files are being replaced or were corrupted."
            ),
            (SiteFileError::Damaged { name }, milcoop_core::Ui::Zh) => format!(
                "{name} 已损坏：其内容与发布时的校验值不符。请重新载入页面；若仍如此，网站文件可能正在更新或已损坏。"
            ),
            (SiteFileError::Unreadable { name, reason }, milcoop_core::Ui::En) => {
                format!("{name} could not be read ({reason}).")
            }
            (SiteFileError::Unreadable { name, reason }, milcoop_core::Ui::Zh) => {
                format!("无法读取 {name}（{reason}）。")
            }
        }
    }
}

/// A JavaScript error as a message for the page.
pub fn js_error(e: wasm_bindgen::JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Fetches a file of the site (same origin, relative to the page): the response, once it
/// is known to be a success.
pub async fn fetch_site_file(name: &str) -> Result<web_sys::Response, String> {
    fetch_with(name, &web_sys::RequestInit::new()).await
}

async fn fetch_with(name: &str, init: &web_sys::RequestInit) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    site_response(
        name,
        window.fetch_with_str_and_init(&format!("./{name}"), init),
    )
    .await
}

/// The response a fetch of `name` gives, once it is known to be a success.
async fn site_response(name: &str, fetch: js_sys::Promise) -> Result<web_sys::Response, String> {
    use wasm_bindgen::JsCast;
    let response = wasm_bindgen_futures::JsFuture::from(fetch)
        .await
        .map_err(js_error)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_error)?;
    if !response.ok() {
        return Err(format!("{name}: HTTP {}", response.status()));
    }
    Ok(response)
}

/// A file of the site named by its content, as bytes, checked against its integrity by the
/// browser (Subresource Integrity). The browser says only that such a fetch failed, so a
/// failure is asked again without the check, to tell a damaged file from a missing one.
#[cfg(feature = "site")]
async fn fetch_checked(file: SiteFile) -> Result<Vec<u8>, SiteFileError> {
    fetch_checked_from(file, None).await
}

/// A fetch of `file` checked against its integrity, begun now (none if the page has no
/// window).
#[cfg(feature = "site")]
fn start_fetch(file: SiteFile) -> Option<js_sys::Promise> {
    let init = web_sys::RequestInit::new();
    init.set_integrity(file.integrity);
    let window = web_sys::window()?;
    Some(window.fetch_with_str_and_init(&format!("./{}", file.name), &init))
}

/// As [`fetch_checked`], reading the response of `early` (from [`start_fetch`]) if given,
/// and fetching again if that one failed: it may have been begun before the reader went
/// offline or came back, and a failure is judged on a fetch of now.
#[cfg(feature = "site")]
async fn fetch_checked_from(
    file: SiteFile,
    early: Option<js_sys::Promise>,
) -> Result<Vec<u8>, SiteFileError> {
    let read = |fetch: Option<js_sys::Promise>| async move {
        match fetch {
            Some(fetch) => match site_response(file.name, fetch).await {
                Ok(response) => response_bytes(response).await,
                Err(e) => Err(e),
            },
            None => Err("no window".to_owned()),
        }
    };
    let checked = match early {
        Some(early) => match read(Some(early)).await {
            Ok(bytes) => Ok(bytes),
            Err(_) => read(start_fetch(file)).await,
        },
        None => read(start_fetch(file)).await,
    };
    match checked {
        Ok(bytes) => Ok(bytes),
        Err(reason) => match fetch_site_file(file.name).await {
            Ok(_) => Err(SiteFileError::Damaged {
                name: file.name.to_owned(),
            }),
            Err(_) => Err(SiteFileError::Unavailable {
                name: file.name.to_owned(),
                reason,
            }),
        },
    }
}

/// A document's excerpt file, as bytes, once the start of their SHA-256 is `hash`, the
/// value its name carries (the page's own check, where other files have the browser's).
/// Uses the fetch the start-up script began for it, if it began one, and fetches it again
/// if that one failed (the connection may have come back since).
#[cfg(feature = "site")]
async fn fetch_hashed(name: &str, hash: u64) -> Result<Vec<u8>, SiteFileError> {
    use sha2::{Digest, Sha256};
    let unavailable = |reason| SiteFileError::Unavailable {
        name: name.to_owned(),
        reason,
    };
    let early = match prefetched(name) {
        Some(started) => site_response(name, started).await.ok(),
        None => None,
    };
    let response = match early {
        Some(response) => Ok(response),
        None => fetch_site_file(name).await,
    };
    let response = response.map_err(unavailable)?;
    let bytes = response_bytes(response).await.map_err(unavailable)?;
    let digest = Sha256::digest(&bytes);
    match digest[..8].try_into().map(u64::from_be_bytes) {
        Ok(found) if found == hash => Ok(bytes),
        _ => Err(SiteFileError::Damaged {
            name: name.to_owned(),
        }),
    }
}

#[cfg(feature = "site")]
async fn response_bytes(response: web_sys::Response) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs `f` when the browser is next idle after two frames, that is once the first view
/// has been painted: work that can wait never delays the first passage on screen. (An idle
/// callback alone may run between the first frame and the one that paints the passages.)
pub fn after_first_paint(f: impl Fn() + 'static) {
    use leptos::prelude::{request_animation_frame, request_idle_callback};
    request_animation_frame(move || request_animation_frame(move || request_idle_callback(f)));
}

/// Builds what a search needs (`Dataset::warm_search`: the facet data, the thesaurus, and
/// where the dataset holds its texts, the index) once the first view is painted and the
/// browser is idle, so the first search does not wait for it (timed as `milcoop:index`).
/// A search that comes sooner builds it itself. Not from a shell whose texts are missing
/// before it searches through shards: an index of empty texts would be kept.
pub fn warm_index(ds: &'static Dataset) {
    // Once per page: there is one whole dataset, and every filtered view asks.
    thread_local!(static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    let searchable = ds.is_sharded() || !ds.texts_missing(None);
    if ds.only_document().is_none() && searchable && !ASKED.replace(true) {
        after_first_paint(move || measured("index", || ds.warm_search()));
    }
}
