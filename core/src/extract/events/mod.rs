//! Events read from the passages: exercises, deployments and engagements, each with its
//! provenance (passage and exact clause), a title in both languages and a CAMEO code, and
//! the count statements kept apart as figures. What counts as an event and how it is coded
//! is docs/codebook.md; how it is read, and what is known to be missed, docs/extraction.md.
//!
//! A passage is read clause by clause (`clause`), each clause whole or, when several of its
//! comma parts report something, part by part (`reader`), with the vocabulary of
//! `core/rules/` (`rules`): the types a segment's keywords name, its dates, partners, named
//! events (`names`), deployments and their units (`deploy`) and counts (`counts`). Events
//! reported in several places are then merged (`merge`), titled (`title`), and figures are
//! linked to the events the same statement names.

mod clause;
mod counts;
mod deploy;
mod merge;
mod names;
mod reader;
mod rules;
mod title;

pub use clause::{clauses, Clause};
pub use rules::{Series, Vocabulary};

use crate::extract::dates;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{Document, Event, Figure, StoredDataset};
use reader::PassageReader;
use sha2::{Digest, Sha256};

/// A place in the text that names something the gazetteer could not settle.
#[derive(Clone, Debug, PartialEq)]
pub struct UnresolvedMention {
    pub passage: String,
    pub name: String,
    pub candidates: Vec<String>,
}

/// Everything extraction produced.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub unresolved: Vec<UnresolvedMention>,
}

/// What a document's dates are relative to (codebook G4).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DocScope {
    pub published: Option<crate::model::PartialDate>,
    /// The year the document reports on, for 今年, 两年来 and "this year": its publication
    /// year for a review or a press conference, else the latest year it states (never after
    /// its publication).
    pub reporting_year: Option<u16>,
    /// The year undated events belong to: only for documents that report on one year.
    pub scope_year: Option<u16>,
}

impl DocScope {
    fn of(doc: &Document, ds: &StoredDataset, index: u32) -> DocScope {
        let one_year = doc.kind.reports_on_its_year();
        let published = doc.published_in_text().map(|d| d.year);
        let latest_stated = ds
            .passages_of(index)
            .flat_map(|p| dates::find(&p.text, &mut dates::Context::default()))
            .map(|m| m.to.unwrap_or(m.from).year)
            .filter(|&y| published.is_none_or(|p| y <= p))
            .max();
        let reporting_year = if one_year {
            published.or(latest_stated)
        } else {
            latest_stated.or(published)
        };
        DocScope {
            published: doc.published_in_text(),
            reporting_year,
            scope_year: if one_year { reporting_year } else { None },
        }
    }
}

/// Reads events and figures from every passage of `ds`.
pub fn extract(ds: &StoredDataset, gazetteer: &Gazetteer, vocab: &Vocabulary) -> Extraction {
    let mut out = Extraction::default();
    let mut one_year = Vec::new();
    for (d, doc) in ds.documents.iter().enumerate() {
        let scope = DocScope::of(doc, ds, d as u32);
        one_year.push(scope.scope_year.is_some());
        for (pi, passage) in ds
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.doc == d as u32)
        {
            PassageReader::new((vocab, gazetteer), &scope, (pi as u32, passage), &mut out).read();
        }
    }
    // Each draft carries a key of its own until merged, so figures can follow it.
    for (i, e) in out.events.iter_mut().enumerate() {
        e.id = format!("draft{i}");
    }
    let drafts = out.events.len();
    let mut events = std::mem::take(&mut out.events);
    merge::merge(&mut events, ds, &one_year);
    link_figures(&mut out.figures, &events, drafts);
    title::entitle(&mut events, gazetteer, vocab);
    assign_ids(&mut events, ds);
    out.events = events;
    out
}

/// Points each figure at the merged events its statement named (drafts by reading order).
fn link_figures(figures: &mut [Figure], events: &[Event], drafts: usize) {
    let mut home = vec![u32::MAX; drafts];
    for (i, e) in events.iter().enumerate() {
        for key in e.id.split(',') {
            if let Some(d) = key
                .strip_prefix("draft")
                .and_then(|n| n.parse::<usize>().ok())
            {
                home[d] = i as u32;
            }
        }
    }
    for f in figures {
        let mut linked: Vec<u32> = f
            .events
            .iter()
            .filter_map(|&d| home.get(d as usize).copied())
            .filter(|&i| i != u32::MAX)
            .collect();
        linked.dedup();
        f.events = linked;
    }
}

/// Ids from the first source's passage and quote, the name and the date: stable while the
/// text that reports the event stays the same.
fn assign_ids(events: &mut [Event], ds: &StoredDataset) {
    let mut taken: Vec<String> = Vec::new();
    for e in events.iter_mut() {
        let first = &e.sources[0];
        let digest = Sha256::digest(
            format!(
                "{}|{}|{}|{:?}|{}",
                ds.passages[first.passage as usize].id,
                first.quote,
                e.name.as_deref().unwrap_or(""),
                e.start,
                e.countries.join(","),
            )
            .as_bytes(),
        );
        let base = format!(
            "ev-{}",
            digest
                .iter()
                .take(4)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        let n = taken
            .iter()
            .filter(|i| i.split('~').next() == Some(&base))
            .count();
        e.id = if n == 0 {
            base
        } else {
            format!("{base}~{}", n + 1)
        };
        taken.push(e.id.clone());
    }
}
