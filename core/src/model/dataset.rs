//! The dataset: stored as one postcard file ([`StoredDataset`]), read by the explorer as a
//! [`Dataset`], validated once after decoding and with lookups by id.

use super::*;
use crate::query::search::Index;
use crate::query::sharded::{LoadedSearch, SearchTable, ShardFile};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Everything the explorer shows, as it is stored: plain data, written by the build
/// pipeline and decoded by the page. Indexes between its lists are checked when it becomes a
/// [`Dataset`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StoredDataset {
    pub documents: Vec<Document>,
    pub passages: Vec<Passage>,
    pub aliases: Vec<Alias>,
    pub orphans: Vec<Orphan>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub countries: Vec<Country>,
    /// The bilingual thesaurus a query is expanded with (docs/search.md).
    pub concepts: Vec<Concept>,
    /// For each passage, the events it reports (indexes into `events`), so that looking
    /// them up does not scan every event.
    pub passage_events: Vec<Vec<u32>>,
    /// Parallel text: (Chinese passage, English passage) pairs of bilingual documents that
    /// say the same thing (see `align`), in reading order. One passage may have several.
    pub counterparts: Vec<(u32, u32)>,
    /// The build's version, `YYYY-MM-DD.<hash>`: the day it was built and the start of
    /// the SHA-256 of everything else in it (`tools::version`), so two datasets with the
    /// same version say the same. Shown in the footer, every download and every citation.
    pub version: String,
}

/// Every passage's text, in passage order: the site's texts file ([`Dataset::shell`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts(pub Vec<String>);

impl Texts {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("texts always serialise")
    }

    pub fn decode(bytes: &[u8]) -> Result<Texts, InvalidDataset> {
        postcard::from_bytes(bytes).map_err(|e| InvalidDataset::Undecodable(e.to_string()))
    }
}

/// One document's passages as plain text: what the page draws for a deep link first, while
/// the reader is being built (see docs/architecture.md, "What the page loads").
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub title: String,
    pub passages: Vec<PreviewPassage>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PreviewPassage {
    pub id: String,
    pub index: u32,
    pub lang: Lang,
    pub text: String,
}

/// What a passage id found in a link resolves to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolution<'a> {
    Current(&'a Passage),
    Moved(&'a Passage, &'a Alias),
    Orphaned(&'a Orphan),
    Unknown,
}

impl StoredDataset {
    /// Encodes the dataset in the compact binary form the page fetches.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a dataset always serialises")
    }

    /// Document `doc`'s passages in reading order, as text.
    pub fn preview(&self, doc: u32) -> Preview {
        Preview {
            title: self
                .documents
                .get(doc as usize)
                .map(|d| d.title.clone())
                .unwrap_or_default(),
            passages: self
                .passages_of(doc)
                .map(|p| PreviewPassage {
                    id: p.id.clone(),
                    index: p.index,
                    lang: p.lang,
                    text: p.text.clone(),
                })
                .collect(),
        }
    }

    /// The quotes of events and figures in the passages `in_text` picks, kept as where they
    /// stand in those passages' texts rather than written out, since the texts are there (a
    /// quote not found as it is stays written out). Before the texts are taken out.
    pub(super) fn locate_quotes(&mut self, in_text: impl Fn(u32) -> bool) {
        let passages = &self.passages;
        let locate = |passage: u32, quote: &mut String, at: &mut Option<(u32, u32)>| {
            if !in_text(passage) || quote.is_empty() {
                return;
            }
            let text = passages
                .get(passage as usize)
                .map_or("", |p| p.text.as_str());
            if let Some(start) = text.find(quote.as_str()) {
                *at = Some((start as u32, (start + quote.len()) as u32));
                quote.clear();
            }
        };
        for s in self.events.iter_mut().flat_map(|e| &mut e.sources) {
            locate(s.passage, &mut s.quote, &mut s.at);
        }
        for f in &mut self.figures {
            locate(f.passage, &mut f.quote, &mut f.at);
        }
    }

    /// The events one passage reports.
    pub fn events_in(&self, passage: u32) -> impl Iterator<Item = &Event> {
        self.passage_events
            .get(passage as usize)
            .into_iter()
            .flatten()
            .filter_map(|&e| self.events.get(e as usize))
    }

    /// The passages in the other language that say what `passage` says, in reading order.
    pub fn counterparts_of(&self, passage: u32) -> Vec<u32> {
        self.counterparts
            .iter()
            .filter_map(|&(zh, en)| {
                if zh == passage {
                    Some(en)
                } else if en == passage {
                    Some(zh)
                } else {
                    None
                }
            })
            .collect()
    }

    /// A bilingual document as rows of (Chinese passages, English passages) that say the
    /// same thing, in reading order; a passage without counterpart has a row of its own.
    pub fn parallel_rows(&self, doc: u32) -> Vec<(Vec<u32>, Vec<u32>)> {
        let order: Vec<u32> = (0..self.passages.len() as u32)
            .filter(|&i| self.passages[i as usize].doc == doc)
            .collect();
        let mut placed = vec![false; self.passages.len()];
        let mut rows = Vec::new();
        for &start in &order {
            if placed[start as usize] {
                continue;
            }
            // Everything linked to `start`, directly or through a shared counterpart.
            let mut group = vec![start];
            placed[start as usize] = true;
            let mut at = 0;
            while at < group.len() {
                for other in self.counterparts_of(group[at]) {
                    if !placed[other as usize] {
                        placed[other as usize] = true;
                        group.push(other);
                    }
                }
                at += 1;
            }
            group.sort_unstable();
            let (zh, en): (Vec<u32>, Vec<u32>) = group
                .into_iter()
                .partition(|&i| self.passages[i as usize].lang == Lang::Zh);
            rows.push((zh, en));
        }
        rows
    }

    /// The passages of one document, in reading order.
    pub fn passages_of(&self, doc: u32) -> impl Iterator<Item = &Passage> {
        self.passages.iter().filter(move |p| p.doc == doc)
    }
}

/// Why a stored dataset cannot be read: an index that points nowhere or an id used twice,
/// said in the words of the corpus (which record, which id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidDataset {
    /// The bytes are not a dataset at all.
    Undecodable(String),
    /// One record points at another that is not there.
    OutOfRange(String),
    /// Two records share an id.
    Duplicate(String),
}

impl std::fmt::Display for InvalidDataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InvalidDataset::Undecodable(e) => write!(f, "not a Milcoop dataset ({e})"),
            InvalidDataset::OutOfRange(what) => write!(f, "the dataset is inconsistent: {what}"),
            InvalidDataset::Duplicate(what) => {
                write!(f, "the dataset names two records alike: {what}")
            }
        }
    }
}

/// The dataset as the explorer reads it: a [`StoredDataset`] whose every index has been
/// checked, with lookups by id built once, and the search index built on first use. It
/// reads as the stored data (`Deref`), so `data.passages[i]` works, and every `i` taken from
/// the data is in range.
#[derive(Debug)]
pub struct Dataset {
    stored: StoredDataset,
    documents_by_id: HashMap<String, u32>,
    passages_by_id: HashMap<String, u32>,
    events_by_id: HashMap<String, u32>,
    countries_by_code: HashMap<String, u32>,
    aliases_by_id: HashMap<String, u32>,
    orphans_by_id: HashMap<String, u32>,
    /// The search index built from the passages' texts on first use, where the dataset holds
    /// them (the component tests' embedded dataset); the site searches through `sharded`.
    index: std::sync::OnceLock<Arc<Index>>,
    /// The site's search instead, when the page has its table (`query::sharded`): the
    /// index is then put together from the shards fetched for each query, and neither
    /// `index` nor `event_index` is built.
    sharded: std::sync::OnceLock<std::sync::RwLock<LoadedSearch>>,
    /// The thesaurus's names as query parts, made on the first search.
    thesaurus: std::sync::OnceLock<crate::query::expand::Thesaurus>,
    /// Each event's text a query is matched against, folded, made on the first search
    /// (`query::filter::event_text`): made once, not on every keystroke.
    event_texts: std::sync::OnceLock<Vec<String>>,
    /// An index over `event_texts`, so that a query finds its events without a text search
    /// in each.
    event_index: std::sync::OnceLock<Arc<Index>>,
    /// What the filters test and the facets count, as ids and bits (`query::facts`).
    facts: std::sync::OnceLock<crate::query::facts::Facts>,
    /// Every country name of the thesaurus, folded and as query parts, for marking.
    country_names: std::sync::OnceLock<Vec<(String, Vec<crate::query::search::Part>)>>,
    /// The passages' texts when they come apart from the rest ([`Dataset::shell`]): the
    /// site's first download leaves them out, and they arrive per document (a document's
    /// excerpt file) or all at once (the views that search). Set once each.
    texts: Vec<std::sync::OnceLock<String>>,
    /// Set when this is one document's excerpt ([`Dataset::decode_excerpt`]).
    pub(super) only: Option<u32>,
}

impl std::ops::Deref for Dataset {
    type Target = StoredDataset;
    fn deref(&self) -> &StoredDataset {
        &self.stored
    }
}

impl Default for Dataset {
    fn default() -> Dataset {
        Dataset::new(StoredDataset::default()).expect("an empty dataset is valid")
    }
}

/// An id → position map of a list, refusing an id used twice.
fn by_id<'a, T: 'a>(
    what: &str,
    items: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&T) -> &str,
) -> Result<HashMap<String, u32>, InvalidDataset> {
    let mut map = HashMap::new();
    for (i, item) in items.into_iter().enumerate() {
        if map.insert(id(item).to_string(), i as u32).is_some() {
            return Err(InvalidDataset::Duplicate(format!("{what} {}", id(item))));
        }
    }
    Ok(map)
}

impl Dataset {
    /// Checks every index of `stored` and builds the lookups by id.
    pub fn new(stored: StoredDataset) -> Result<Dataset, InvalidDataset> {
        super::validate::indexes(&stored)?;
        Ok(Dataset {
            documents_by_id: by_id("document", &stored.documents, |d| &d.id)?,
            passages_by_id: by_id("passage", &stored.passages, |p| &p.id)?,
            events_by_id: by_id("event", &stored.events, |e| &e.id)?,
            countries_by_code: by_id("country", &stored.countries, |c| &c.code)?,
            aliases_by_id: by_id("alias", &stored.aliases, |a| &a.old)?,
            orphans_by_id: by_id("orphan", &stored.orphans, |o| &o.old)?,
            index: std::sync::OnceLock::new(),
            sharded: std::sync::OnceLock::new(),
            thesaurus: std::sync::OnceLock::new(),
            event_texts: std::sync::OnceLock::new(),
            event_index: std::sync::OnceLock::new(),
            facts: std::sync::OnceLock::new(),
            country_names: std::sync::OnceLock::new(),
            texts: stored.passages.iter().map(|_| Default::default()).collect(),
            only: None,
            stored,
        })
    }

    /// The dataset as the site ships it: a shell with every passage's text left out (the
    /// reader of one document needs one document's text, and the documents list none),
    /// and the texts apart, in passage order ([`Texts`]).
    pub fn shell(&self) -> (StoredDataset, Texts) {
        let mut shell = self.stored.clone();
        shell.locate_quotes(|_| true);
        let texts = shell
            .passages
            .iter_mut()
            .map(|p| std::mem::take(&mut p.text))
            .collect();
        (shell, Texts(texts))
    }

    /// Passage `p`'s text: stored with it, or arrived since ([`Dataset::add_texts`]); empty
    /// while it has not (the views that show text wait for it: see `texts_missing`).
    pub fn text(&self, p: u32) -> &str {
        match self.passages.get(p as usize) {
            Some(passage) if !passage.text.is_empty() => &passage.text,
            _ => self
                .texts
                .get(p as usize)
                .and_then(|t| t.get())
                .map_or("", String::as_str),
        }
    }

    /// What an event's source quotes: written out, or read from its passage's text where
    /// the shell left only its place (empty until that text is here).
    pub fn source_quote<'a>(&'a self, s: &'a EventSource) -> &'a str {
        self.quote_at(s.passage, &s.quote, s.at)
    }

    /// What a figure quotes (as [`Dataset::source_quote`]).
    pub fn figure_quote<'a>(&'a self, f: &'a Figure) -> &'a str {
        self.quote_at(f.passage, &f.quote, f.at)
    }

    fn quote_at<'a>(&'a self, passage: u32, quote: &'a str, at: Option<(u32, u32)>) -> &'a str {
        match at {
            Some((a, b)) if quote.is_empty() => {
                self.text(passage).get(a as usize..b as usize).unwrap_or("")
            }
            _ => quote,
        }
    }

    /// Whether a passage of `doc` (of every document if `None`) still lacks its text.
    pub fn texts_missing(&self, doc: Option<u32>) -> bool {
        self.passages
            .iter()
            .enumerate()
            .filter(|(_, p)| doc.is_none_or(|d| p.doc == d))
            .any(|(i, _)| self.text(i as u32).is_empty())
    }

    /// Takes in every passage's text, as [`Dataset::shell`] set them apart.
    pub fn add_texts(&self, texts: Texts) -> Result<(), InvalidDataset> {
        if texts.0.len() != self.passages.len() {
            return Err(InvalidDataset::OutOfRange(format!(
                "the texts file holds {} passages, the dataset {}",
                texts.0.len(),
                self.passages.len()
            )));
        }
        for (cell, text) in self.texts.iter().zip(texts.0) {
            let _ = cell.set(text);
        }
        Ok(())
    }

    /// Takes in the texts another dataset holds (a document's excerpt), by passage id.
    pub fn add_texts_from(&self, other: &Dataset) {
        for (i, p) in other.passages.iter().enumerate() {
            let text = other.text(i as u32);
            if text.is_empty() {
                continue;
            }
            if let Some(cell) = (self.passage_index(&p.id)).and_then(|i| self.texts.get(i as usize))
            {
                let _ = cell.set(text.to_string());
            }
        }
    }

    /// Decodes and checks a dataset file.
    pub fn decode(bytes: &[u8]) -> Result<Dataset, InvalidDataset> {
        let stored: StoredDataset =
            postcard::from_bytes(bytes).map_err(|e| InvalidDataset::Undecodable(e.to_string()))?;
        Dataset::new(stored)
    }

    /// The stored data, to change it (the pipeline's later steps) or to encode it.
    pub fn into_stored(self) -> StoredDataset {
        self.stored
    }

    pub fn document(&self, id: &str) -> Option<(u32, &Document)> {
        let &i = self.documents_by_id.get(id)?;
        Some((i, &self.documents[i as usize]))
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passage_index(id).map(|i| &self.passages[i as usize])
    }

    /// Index of a passage by id.
    pub fn passage_index(&self, id: &str) -> Option<u32> {
        self.passages_by_id.get(id).copied()
    }

    /// An event by id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events_by_id.get(id).map(|&i| &self.events[i as usize])
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries_by_code
            .get(code)
            .map(|&i| &self.countries[i as usize])
    }

    /// Resolves an id from a link: today's passage, an alias left by re-anchoring, or an orphan.
    pub fn resolve(&self, id: &str) -> Resolution<'_> {
        if let Some(p) = self.passage(id) {
            return Resolution::Current(p);
        }
        if let Some(&a) = self.aliases_by_id.get(id) {
            let alias = &self.aliases[a as usize];
            return Resolution::Moved(&self.passages[alias.passage as usize], alias);
        }
        match self.orphans_by_id.get(id) {
            Some(&o) => Resolution::Orphaned(&self.orphans[o as usize]),
            None => Resolution::Unknown,
        }
    }

    /// Every country name of the thesaurus as (folded text, query parts), made once.
    pub fn country_names(&self) -> &[(String, Vec<crate::query::search::Part>)] {
        self.country_names.get_or_init(|| {
            self.concepts
                .iter()
                .filter(|c| matches!(c.kind, super::ConceptKind::Countries(_)))
                .flat_map(|c| &c.names)
                .map(|n| {
                    let parts = crate::query::search::parse_query(n);
                    (crate::query::search::parts_text(&parts), parts)
                })
                .collect()
        })
    }

    /// Event `e`'s folded search text (see `event_texts`).
    pub fn event_text(&self, e: u32) -> &str {
        self.event_texts()
            .get(e as usize)
            .map_or("", String::as_str)
    }

    fn event_texts(&self) -> &[String] {
        self.event_texts.get_or_init(|| {
            self.events
                .iter()
                .map(|e| crate::query::filter::event_text(self, e))
                .collect()
        })
    }

    /// The search index over the events' texts: built the first time it is asked for, or
    /// the shards read so far ([`Dataset::use_shards`]).
    pub fn event_index(&self) -> Arc<Index> {
        if let Some(search) = self.sharded() {
            return search.events();
        }
        let built = self
            .event_index
            .get_or_init(|| Arc::new(Index::build(self.event_texts().iter().map(String::as_str))));
        Arc::clone(built)
    }

    /// The passages' and events' facet data, built the first time it is asked for.
    pub fn facts(&self) -> &crate::query::facts::Facts {
        self.facts
            .get_or_init(|| crate::query::facts::Facts::new(&self.stored))
    }

    /// A query expanded with the thesaurus, the concepts in `literal` searched as typed.
    pub fn expand(&self, q: &str, literal: &[String]) -> crate::query::expand::Query {
        let thesaurus = self
            .thesaurus
            .get_or_init(|| crate::query::expand::Thesaurus::new(&self.concepts));
        crate::query::expand::expand(q, &self.concepts, thesaurus, literal)
    }

    /// A concept by id (`series:golden-dragon`).
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// The search index over the passages: built the first time it is asked for, or the
    /// shards read so far ([`Dataset::use_shards`]).
    pub fn index(&self) -> Arc<Index> {
        if let Some(search) = self.sharded() {
            return search.passages();
        }
        let built = self.index.get_or_init(|| {
            Arc::new(Index::build(
                (0..self.passages.len() as u32).map(|p| self.text(p)),
            ))
        });
        Arc::clone(built)
    }

    /// Searches through the site's shards from now on (their table, fetched once), rather
    /// than an index built from the texts, which the page then never needs. Once. A table
    /// of another dataset (other counts of passages or events) is refused, named.
    pub fn use_shards(&self, table: SearchTable) -> Result<(), InvalidDataset> {
        let (passages, events) = (table.passages.lengths.len(), table.events.lengths.len());
        if passages != self.passages.len() || events != self.events.len() {
            return Err(InvalidDataset::OutOfRange(format!(
                "the search table counts {passages} passages and {events} events, the dataset {} and {}",
                self.passages.len(),
                self.events.len()
            )));
        }
        let _ = self
            .sharded
            .set(std::sync::RwLock::new(LoadedSearch::new(table)));
        Ok(())
    }

    /// Whether searches go through shards ([`Dataset::use_shards`]).
    pub fn is_sharded(&self) -> bool {
        self.sharded.get().is_some()
    }

    /// The shard files (key, hash) a query needs and the page has not read: none when the
    /// index is built from the texts.
    pub fn shards_missing(&self, q: &crate::query::expand::Query) -> Vec<(String, u64)> {
        self.sharded().map(|s| s.missing(q)).unwrap_or_default()
    }

    /// Every shard file not read yet (the benchmark reads them all before it times warm
    /// searches); none when the index is built from the texts.
    pub fn shards_unread(&self) -> Vec<(String, u64)> {
        self.sharded().map(|s| s.unread()).unwrap_or_default()
    }

    /// Takes in shard files (see `LoadedSearch::add`).
    pub fn add_shards(&self, files: Vec<(String, ShardFile)>) -> Result<(), String> {
        match self.sharded.get() {
            Some(lock) => lock
                .write()
                .map_err(|_| "the search index is unusable".to_string())?
                .add(files),
            None => Ok(()),
        }
    }

    fn sharded(&self) -> Option<std::sync::RwLockReadGuard<'_, LoadedSearch>> {
        self.sharded.get()?.read().ok()
    }

    /// Builds everything a first search would otherwise build while the reader waits: the
    /// facet data, the thesaurus and the country names for marking, and where the dataset
    /// holds its texts, the index and the events' search texts and index (through shards,
    /// these come with each query).
    pub fn warm_search(&self) {
        let _ = self.facts();
        let _ = self.index();
        let _ = self.expand("", &[]);
        let _ = self.event_index();
        let _ = self.country_names();
    }
}
