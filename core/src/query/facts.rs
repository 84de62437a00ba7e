//! What the filters test and the facets count, as small integers: each passage's years,
//! countries (as ids), event types (as bits), document and language, and the same for each
//! event, built once per dataset (`Dataset::facts`).
//!
//! Why: the Explore view filters and counts every passage and every event on every
//! keystroke. Comparing country codes as strings, walking each passage's events for its
//! types and counting in ordered maps cost most of a frame at 100× the corpus; ids, bit
//! masks and dense count arrays keep a pass over 12,000 passages to a few milliseconds
//! (`docs/scale.md`, "per-passage facet data"). The stored dataset stays as it is: these
//! are derived from it in the browser, like the search index.

use super::filter::{CountryMode, Filters};
use crate::model::{EventType, Lang, StoredDataset};

/// A set of event types, one bit per position in [`EventType::ALL`].
pub type TypeBits = u16;

/// The bit of one event type.
pub fn type_bit(t: EventType) -> TypeBits {
    let i = EventType::ALL.iter().position(|&x| x == t).unwrap_or(0);
    1 << i
}

/// A passage's facet data.
#[derive(Clone, Debug)]
pub struct PassageFacts {
    /// Years, ascending, each once.
    pub years: Vec<u16>,
    /// Country ids named in any form or partner in an event reported (`Passage::countries`).
    pub named: Vec<u16>,
    /// Country ids that take part in an event reported (`Passage::partners`).
    pub partners: Vec<u16>,
    /// The types of the events it reports.
    pub types: TypeBits,
    pub doc: u32,
    pub lang: Lang,
}

/// An event's facet data.
#[derive(Clone, Debug)]
pub struct EventFacts {
    /// First and last year, when the event is dated.
    pub years: Option<(u16, u16)>,
    /// Partner country ids.
    pub partners: Vec<u16>,
    /// Partner ids and the ids every source passage names: what `cmode=named` matches.
    pub named: Vec<u16>,
    pub kind: TypeBits,
    /// The (document, language) of each source passage.
    pub sources: Vec<(u32, Lang)>,
}

/// The facet data of a whole dataset.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Every country code a passage or event holds, sorted: an id is a position here.
    pub codes: Vec<String>,
    pub passages: Vec<PassageFacts>,
    pub events: Vec<EventFacts>,
    /// The earliest and latest year any passage holds (for dense year counts).
    pub year_span: Option<(u16, u16)>,
    /// Every year some passage holds, in order: the year facet's rows, which stay in place
    /// (at zero) while a query or filter leaves a year without matches.
    pub years: Vec<u16>,
}

/// Sorted, deduplicated ids.
fn sorted(mut ids: Vec<u16>) -> Vec<u16> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Facts {
    pub fn new(ds: &StoredDataset) -> Facts {
        let mut codes: Vec<String> = ds
            .passages
            .iter()
            .flat_map(|p| p.countries.iter().chain(&p.partners))
            .chain(ds.events.iter().flat_map(|e| &e.countries))
            .cloned()
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let id = |c: &String| codes.binary_search(c).map_or(u16::MAX, |i| i as u16);
        let ids = |cs: &[String]| sorted(cs.iter().map(id).collect());
        let passages: Vec<PassageFacts> = ds
            .passages
            .iter()
            .enumerate()
            .map(|(p, passage)| PassageFacts {
                years: sorted(passage.years.clone()),
                named: ids(&passage.countries),
                partners: ids(&passage.partners),
                types: ds
                    .passage_events
                    .get(p)
                    .into_iter()
                    .flatten()
                    .filter_map(|&e| ds.events.get(e as usize))
                    .fold(0, |bits, e| bits | type_bit(e.kind)),
                doc: passage.doc,
                lang: passage.lang,
            })
            .collect();
        let events = ds
            .events
            .iter()
            .map(|e| {
                let partners = ids(&e.countries);
                let mut named = partners.clone();
                for s in &e.sources {
                    named.extend(&passages[s.passage as usize].named);
                }
                EventFacts {
                    years: e.start.map(|s| (s.year, e.end.map_or(s.year, |d| d.year))),
                    partners,
                    named: sorted(named),
                    kind: type_bit(e.kind),
                    sources: e
                        .sources
                        .iter()
                        .map(|s| {
                            let p = &passages[s.passage as usize];
                            (p.doc, p.lang)
                        })
                        .collect(),
                }
            })
            .collect();
        let mut years: Vec<u16> = passages
            .iter()
            .flat_map(|p| p.years.iter().copied())
            .collect();
        years.sort_unstable();
        years.dedup();
        let year_span = years.first().copied().zip(years.last().copied());
        Facts {
            codes,
            passages,
            events,
            year_span,
            years,
        }
    }

    /// A country's id, if any passage or event holds it.
    pub fn country_id(&self, code: &str) -> Option<u16> {
        self.codes
            .binary_search_by(|c| c.as_str().cmp(code))
            .ok()
            .map(|i| i as u16)
    }

    /// The ids of `codes` that some passage or event holds, sorted (for [`meet`]).
    pub fn country_ids(&self, codes: &[String]) -> Vec<u16> {
        let mut ids: Vec<u16> = codes.iter().filter_map(|c| self.country_id(c)).collect();
        ids.sort_unstable();
        ids
    }
}

/// The filters in the terms of [`Facts`]: ids and bits instead of strings.
#[derive(Clone, Debug)]
pub struct Selection {
    pub years: Option<(u16, u16)>,
    /// `None`: no country filter. Otherwise the ids asked for, sorted (empty when none of
    /// the codes asked for occurs: then nothing matches).
    pub countries: Option<Vec<u16>>,
    pub mode: CountryMode,
    /// 0: no type filter.
    pub types: TypeBits,
    /// `None`: no document filter (an unknown id selects nothing).
    pub docs: Option<Vec<u32>>,
    pub lang: Option<Lang>,
}

/// Whether two sorted id lists share an id.
pub fn meet(a: &[u16], b: &[u16]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

impl Selection {
    /// The filters `f` (documents already resolved to their positions in `doc_ids`).
    pub fn new(facts: &Facts, f: &Filters, doc_ids: Vec<u32>) -> Selection {
        Selection {
            years: f.years,
            countries: (!f.countries.is_empty()).then(|| {
                sorted(
                    f.countries
                        .iter()
                        .filter_map(|c| facts.country_id(c))
                        .collect(),
                )
            }),
            mode: f.country_mode,
            types: f.types.iter().fold(0, |bits, &t| bits | type_bit(t)),
            docs: (!f.docs.is_empty()).then_some(doc_ids),
            lang: f.lang,
        }
    }

    pub fn year_ok(&self, years: &[u16]) -> bool {
        self.years
            .is_none_or(|(a, b)| years.iter().any(|y| (a..=b).contains(y)))
    }

    pub fn countries_ok(&self, p: &PassageFacts) -> bool {
        self.countries
            .as_ref()
            .is_none_or(|ids| meet(ids, self.countries_of(p)))
    }

    /// The country ids a passage counts for under the country mode.
    pub fn countries_of<'a>(&self, p: &'a PassageFacts) -> &'a [u16] {
        match self.mode {
            CountryMode::Partner => &p.partners,
            CountryMode::Named => &p.named,
        }
    }

    pub fn types_ok(&self, bits: TypeBits) -> bool {
        self.types == 0 || bits & self.types != 0
    }

    pub fn doc_ok(&self, doc: u32) -> bool {
        self.docs.as_ref().is_none_or(|d| d.contains(&doc))
    }

    pub fn lang_ok(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|l| l == lang)
    }

    /// Whether an event passes every filter but the query.
    pub fn event_ok(&self, e: &EventFacts) -> bool {
        let years_ok = self
            .years
            .is_none_or(|(a, b)| e.years.is_some_and(|(s, end)| s <= b && end >= a));
        let countries_ok = self.countries.as_ref().is_none_or(|ids| {
            meet(
                ids,
                match self.mode {
                    CountryMode::Partner => &e.partners,
                    CountryMode::Named => &e.named,
                },
            )
        });
        years_ok
            && countries_ok
            && self.types_ok(e.kind)
            && e.sources
                .iter()
                .any(|&(doc, lang)| self.doc_ok(doc) && self.lang_ok(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_meet_only_on_a_shared_id() {
        assert!(meet(&[1, 4, 9], &[2, 4]));
        assert!(!meet(&[1, 3, 9], &[2, 4, 10]));
        assert!(!meet(&[], &[1]));
    }

    #[test]
    fn each_type_has_its_own_bit() {
        let bits: Vec<TypeBits> = EventType::ALL.into_iter().map(type_bit).collect();
        for (i, a) in bits.iter().enumerate() {
            assert_eq!(a.count_ones(), 1);
            assert!(bits[i + 1..].iter().all(|b| b != a));
        }
    }
}
