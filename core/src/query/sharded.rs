//! The site's search files: the passages' and the events' indexes cut into shards at
//! build time ([`site_search`]), and the page's side, which puts together the shards a
//! query needs as they arrive ([`LoadedSearch`]). docs/scale.md (step 3) gives the design;
//! `query::shards` holds the cutting and reassembling of one index.
//!
//! Both indexes are cut by the passages' plan, so one key names the shards of both and a
//! query fetches one file per key. The events' index is over their search texts
//! (`filter::event_text`: titles, type names, names and the own words of their quotes),
//! made at build time from the whole dataset, so that an event is found by its quote
//! without the page holding the passage the quote comes from.

use super::expand::Query;
use super::search::Index;
use super::shards::{read_shards, Shard, ShardTable};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What every search needs before its shards: both tables, and the file of each key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchTable {
    pub passages: ShardTable,
    /// The events' table: their lengths in terms, and the keys that have event terms.
    pub events: ShardTable,
    /// Each shard file by key, sorted: the start of the SHA-256 of its bytes, which names
    /// the file ([`shard_file_name`]) and which the page checks on arrival.
    pub files: Vec<(String, u64)>,
}

/// One shard file: the passages' and the events' shards of one key (either may be empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShardFile {
    pub passages: Shard,
    pub events: Shard,
}

/// A shard file's name: its key and the hash of its bytes, so that a name never means two
/// contents (the service worker and a CDN may keep it for good).
pub fn shard_file_name(key: &str, hash: u64) -> String {
    format!("shard-{key}-{hash:016x}.bin")
}

impl SearchTable {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a search table encodes")
    }

    pub fn decode(bytes: &[u8]) -> Result<SearchTable, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// The files an expanded query needs (key, hash), for the passages and the events.
    pub fn files_for(&self, q: &Query) -> Vec<(String, u64)> {
        let mut keys = self.passages.keys_for_query(q);
        keys.extend(self.events.keys_for_query(q));
        keys.into_iter()
            .filter_map(|k| self.hash_of(&k).map(|h| (k, h)))
            .collect()
    }

    fn hash_of(&self, key: &str) -> Option<u64> {
        let at = self
            .files
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        Some(self.files[at].1)
    }
}

impl ShardFile {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a shard file encodes")
    }

    pub fn decode(bytes: &[u8]) -> Result<ShardFile, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// The search files of a site: the table, and each shard file as (name, bytes). `hash`
/// gives the number a file is named by (build.rs: the start of its SHA-256, which core
/// does not compute). The texts are the passages' (in passage order) and the events'
/// search texts (in event order).
pub fn site_search<'a>(
    passages: impl IntoIterator<Item = &'a str>,
    events: impl IntoIterator<Item = &'a str>,
    hash: impl Fn(&[u8]) -> u64,
) -> (SearchTable, Vec<(String, Vec<u8>)>) {
    let (passage_table, mut passage_shards) = Index::build_positional(passages).shards();
    let plan = passage_table
        .plan
        .expect("a table cut from an index has a plan");
    let (event_table, mut event_shards) = Index::build_positional(events).shards_with(plan);
    let mut keys: Vec<String> = passage_table.keys.clone();
    keys.extend(event_table.keys.iter().cloned());
    keys.sort();
    keys.dedup();
    let mut files = Vec::with_capacity(keys.len());
    let mut named = Vec::with_capacity(keys.len());
    for key in keys {
        let file = ShardFile {
            passages: passage_shards.remove(&key).unwrap_or_default(),
            events: event_shards.remove(&key).unwrap_or_default(),
        };
        let bytes = file.encode();
        let h = hash(&bytes);
        named.push((shard_file_name(&key, h), bytes));
        files.push((key, h));
    }
    let table = SearchTable {
        passages: passage_table,
        events: event_table,
        files,
    };
    (table, named)
}

/// The page's search over the shards it has fetched so far: the table, the keys read,
/// and the two indexes, into which files are merged as they arrive (in place, unless a
/// search still holds an index: that search keeps the one it had).
#[derive(Debug)]
pub struct LoadedSearch {
    table: SearchTable,
    /// The keys of the files read.
    read: BTreeSet<String>,
    passages: Arc<Index>,
    events: Arc<Index>,
}

impl LoadedSearch {
    /// A search that has read no shard yet: it finds nothing until [`LoadedSearch::add`].
    pub fn new(table: SearchTable) -> LoadedSearch {
        let none = |table: &ShardTable| {
            Arc::new(Index::from_shards(table, []).expect("no shard cannot misfit its table"))
        };
        let (passages, events) = (none(&table.passages), none(&table.events));
        LoadedSearch {
            table,
            read: BTreeSet::new(),
            passages,
            events,
        }
    }

    /// The files `q` needs that have not been read: (key, hash).
    pub fn missing(&self, q: &Query) -> Vec<(String, u64)> {
        self.table
            .files_for(q)
            .into_iter()
            .filter(|(k, _)| !self.read.contains(k))
            .collect()
    }

    /// Takes in shard files by key, merging their terms into the indexes. A file that does
    /// not fit the table is refused, and nothing of this call is kept.
    pub fn add(&mut self, files: Vec<(String, ShardFile)>) -> Result<(), String> {
        let new: Vec<(String, ShardFile)> = files
            .into_iter()
            .filter(|(k, _)| !self.read.contains(k))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let passages = read_shards(&self.table.passages, new.iter().map(|(_, f)| &f.passages))?;
        let events = read_shards(&self.table.events, new.iter().map(|(_, f)| &f.events))?;
        // In place unless a search still holds the index (then it keeps the one it has).
        Arc::make_mut(&mut self.passages).add_read(passages);
        Arc::make_mut(&mut self.events).add_read(events);
        self.read.extend(new.into_iter().map(|(k, _)| k));
        Ok(())
    }

    /// Every file not read yet (key, hash): what "everything" would still fetch.
    pub fn unread(&self) -> Vec<(String, u64)> {
        (self.table.files.iter())
            .filter(|(k, _)| !self.read.contains(k))
            .cloned()
            .collect()
    }

    pub fn passages(&self) -> Arc<Index> {
        Arc::clone(&self.passages)
    }

    pub fn events(&self) -> Arc<Index> {
        Arc::clone(&self.events)
    }
}

impl crate::Dataset {
    /// The site's search files for this dataset, which must hold every text ([`site_search`]
    /// over its passages' texts and its events' search texts).
    pub fn search_files(
        &self,
        hash: impl Fn(&[u8]) -> u64,
    ) -> (SearchTable, Vec<(String, Vec<u8>)>) {
        let events: Vec<&str> = (0..self.events.len() as u32)
            .map(|e| self.event_text(e))
            .collect();
        site_search(
            (0..self.passages.len() as u32).map(|p| self.text(p)),
            events,
            hash,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of the table's with one of its terms torn (fewer position lists than
    /// postings), as a damaged download would be.
    fn torn(file: &ShardFile) -> ShardFile {
        let mut torn = file.clone();
        torn.passages.positions.pop();
        torn
    }

    #[test]
    fn an_arrival_with_a_refused_file_changes_nothing() {
        let passages = ["中俄联合演习", "joint exercise", "维和部队"];
        let events = ["联合演习", "维和"];
        let (table, named) = site_search(passages, events, |b| b.len() as u64);
        let files: Vec<(String, ShardFile)> = table
            .files
            .iter()
            .zip(&named)
            .map(|((key, _), (_, bytes))| (key.clone(), ShardFile::decode(bytes).unwrap()))
            .collect();
        let mut search = LoadedSearch::new(table.clone());
        search.add(files[..1].to_vec()).unwrap();
        let (before_passages, before_events) = (search.passages(), search.events());
        let before_unread = search.unread();
        let damaged = files
            .iter()
            .skip(1)
            .find(|(_, f)| !f.passages.terms.is_empty())
            .expect("a second file with passage terms");
        let arrival = vec![
            files[files.len() - 1].clone(),
            (damaged.0.clone(), torn(&damaged.1)),
        ];
        assert!(search.add(arrival).is_err());
        assert_eq!(search.unread(), before_unread, "no key is marked read");
        assert_eq!(*search.passages(), *before_passages);
        assert_eq!(*search.events(), *before_events);
        // The same files, whole, are taken in.
        search.add(files.clone()).unwrap();
        assert!(search.unread().is_empty());
    }
}
