//! Counts over a set of events, for the Countries and Statistics views and the timeline's
//! overview: per year and type, per document, per partner country. Plain functions over
//! indexes, so the views only draw what these return.
//!
//! An event counts once: in the year it starts (a range is not counted in every year it
//! spans, so that the bars add up to the number of events), in each document that reports
//! it, and for each of its partner countries. Aggregates the texts state ("34 exercises")
//! are figures, never counted here as events.

use crate::model::{Dataset, EventType};

/// Number of event types, the width of every per-type row.
pub const TYPES: usize = EventType::ALL.len();

/// Counts of events by type, in the order of [`EventType::ALL`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByType(pub [u32; TYPES]);

impl ByType {
    pub fn add(&mut self, t: EventType) {
        self.0[type_index(t)] += 1;
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    pub fn get(&self, t: EventType) -> u32 {
        self.0[type_index(t)]
    }

    /// The non-zero counts with their types.
    pub fn nonzero(&self) -> impl Iterator<Item = (EventType, u32)> + '_ {
        EventType::ALL
            .into_iter()
            .zip(self.0)
            .filter(|(_, n)| *n > 0)
    }
}

fn type_index(t: EventType) -> usize {
    EventType::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or(TYPES - 1)
}

/// Dated events per starting year within `years` (every year present, zeros included).
pub fn per_year(ds: &Dataset, events: &[u32], years: (u16, u16)) -> Vec<(u16, ByType)> {
    let (from, to) = (years.0.min(years.1), years.0.max(years.1));
    let mut rows: Vec<(u16, ByType)> = (from..=to).map(|y| (y, ByType::default())).collect();
    for &e in events {
        let e = &ds.events[e as usize];
        if let Some(s) = e.start {
            if (from..=to).contains(&s.year) {
                rows[(s.year - from) as usize].1.add(e.kind);
            }
        }
    }
    rows
}

/// The documents that report an event, each once, in document order.
fn reporting(ds: &Dataset, e: &crate::model::Event) -> Vec<u32> {
    let mut docs: Vec<u32> = e
        .sources
        .iter()
        .map(|s| ds.passages[s.passage as usize].doc)
        .collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// Events per document that reports them (an event reported in two documents counts in both).
pub fn per_document(ds: &Dataset, events: &[u32]) -> Vec<(u32, ByType)> {
    let mut rows: Vec<(u32, ByType)> = (0..ds.documents.len() as u32)
        .map(|d| (d, ByType::default()))
        .collect();
    for &e in events {
        let e = &ds.events[e as usize];
        for d in reporting(ds, e) {
            rows[d as usize].1.add(e.kind);
        }
    }
    rows
}

/// Dated events per starting year within `years`, per document that reports them (columns
/// in document order; an event reported in two documents counts in both).
pub fn per_year_by_document(
    ds: &Dataset,
    events: &[u32],
    years: (u16, u16),
) -> Vec<(u16, Vec<u32>)> {
    let (from, to) = (years.0.min(years.1), years.0.max(years.1));
    let docs = ds.documents.len();
    let mut rows: Vec<(u16, Vec<u32>)> = (from..=to).map(|y| (y, vec![0; docs])).collect();
    for &e in events {
        let e = &ds.events[e as usize];
        let Some(start) = e.start.filter(|s| (from..=to).contains(&s.year)) else {
            continue;
        };
        for d in reporting(ds, e) {
            rows[(start.year - from) as usize].1[d as usize] += 1;
        }
    }
    rows
}

/// The year with the most events and the document that reports the largest share of them:
/// (year, events that year, document, events it reports that year). Says how much one
/// document shapes the chart.
pub fn peak_source(
    ds: &Dataset,
    events: &[u32],
    years: (u16, u16),
) -> Option<(u16, u32, u32, u32)> {
    let totals = per_year(ds, events, years);
    let (year, total) = totals
        .iter()
        .map(|(y, c)| (*y, c.total()))
        .max_by_key(|&(y, n)| (n, std::cmp::Reverse(y)))?;
    if total == 0 {
        return None;
    }
    let by_doc = per_year_by_document(ds, events, (year, year));
    let (doc, n) = by_doc[0]
        .1
        .iter()
        .enumerate()
        .max_by_key(|&(d, n)| (*n, std::cmp::Reverse(d)))?;
    Some((year, total, doc as u32, *n))
}

/// One partner country and the events with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryCount {
    pub code: String,
    pub events: ByType,
}

/// Partner countries of `events`, most events first, then by code.
pub fn per_country(ds: &Dataset, events: &[u32]) -> Vec<CountryCount> {
    let mut out: Vec<CountryCount> = Vec::new();
    for &e in events {
        let e = &ds.events[e as usize];
        for c in &e.countries {
            match out.iter_mut().find(|x| x.code == *c) {
                Some(x) => x.events.add(e.kind),
                None => {
                    let mut events = ByType::default();
                    events.add(e.kind);
                    out.push(CountryCount {
                        code: c.clone(),
                        events,
                    });
                }
            }
        }
    }
    crate::query::order::sort_by(&mut out, |a, b| {
        b.events
            .total()
            .cmp(&a.events.total())
            .then(a.code.cmp(&b.code))
    });
    out
}

/// The first and last year of any dated event (a range counts to its end), if any.
pub fn span(ds: &Dataset, events: impl IntoIterator<Item = u32>) -> Option<(u16, u16)> {
    events
        .into_iter()
        .filter_map(|i| {
            let e = &ds.events[i as usize];
            e.start
                .map(|s| (s.year, e.end.map_or(s.year, |d| d.year.max(s.year))))
        })
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// Figures stated in any of `passages` (indexes into `ds.figures`), in corpus order.
pub fn figures_in(ds: &Dataset, passages: &[u32]) -> Vec<u32> {
    (0..ds.figures.len() as u32)
        .filter(|&f| passages.contains(&ds.figures[f as usize].passage))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventSource, PartialDate};

    fn event(kind: EventType, start: Option<&str>, countries: &[&str], passage: u32) -> Event {
        Event {
            id: format!("{kind:?}{start:?}{countries:?}"),
            start: start.and_then(PartialDate::parse),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            ..Event::new(
                kind,
                EventSource {
                    passage,
                    quote: String::new(),
                    at: None,
                },
            )
        }
    }

    fn dataset() -> Dataset {
        let mut ds = crate::model::StoredDataset::default();
        for d in 0..2 {
            ds.documents
                .push(crate::model::Document::stub(&format!("d{d}")));
            ds.passages.push(crate::model::Passage {
                id: format!("d{d}.p"),
                doc: d,
                index: 1,
                lang: crate::model::Lang::Zh,
                section: None,
                text: String::new(),
                years: vec![],
                countries: vec![],
                partners: Vec::new(),
            });
        }
        ds.events = vec![
            event(EventType::Exercise, Some("2020-12-22"), &["RU"], 0),
            event(EventType::Exercise, Some("2020"), &["RU", "PK"], 1),
            event(EventType::Escort, Some("2018"), &["PK"], 1),
            event(EventType::Forum, None, &["RU"], 0),
        ];
        ds.passage_events = vec![vec![0, 3], vec![1, 2]];
        Dataset::new(ds).unwrap()
    }

    #[test]
    fn events_count_once_per_year_document_and_country() {
        let ds = dataset();
        let all = [0, 1, 2, 3];
        let years = per_year(&ds, &all, (2018, 2020));
        assert_eq!(years.len(), 3);
        assert_eq!(years[2].1.get(EventType::Exercise), 2);
        assert_eq!(years[0].1.get(EventType::Escort), 1);
        assert_eq!(years[1].1.total(), 0);
        let total: u32 = years.iter().map(|(_, r)| r.total()).sum();
        assert_eq!(total, 3, "the undated forum is in no year");

        let docs = per_document(&ds, &all);
        assert_eq!(docs[0].1.total(), 2);
        assert_eq!(docs[1].1.total(), 2);

        let countries = per_country(&ds, &all);
        assert_eq!(countries[0].code, "RU");
        assert_eq!(countries[0].events.total(), 3);
        assert_eq!(countries[1].code, "PK");
        assert_eq!(
            countries[1].events.nonzero().collect::<Vec<_>>(),
            [(EventType::Exercise, 1), (EventType::Escort, 1)]
        );
        assert_eq!(span(&ds, all), Some((2018, 2020)));
        assert_eq!(span(&ds, [3]), None);
    }

    #[test]
    fn years_split_by_the_document_that_reports_them() {
        let ds = dataset();
        let all = [0, 1, 2, 3];
        let rows = per_year_by_document(&ds, &all, (2018, 2020));
        assert_eq!(rows[0], (2018, vec![0, 1]));
        assert_eq!(rows[2], (2020, vec![1, 1]));
        // 2020 has the most events (two), one from each document: the first named wins ties.
        assert_eq!(peak_source(&ds, &all, (2018, 2020)), Some((2020, 2, 0, 1)));
        assert_eq!(peak_source(&ds, &[3], (2018, 2020)), None);
    }
}
