//! The pages of entities: a country (`?view=countries&country=XX`), an exercise series
//! (`?series=<id>`) and a UN mission (`?mission=<ID>`). Plain functions over indexes, so
//! the pages only draw what these return.

use super::filter::{apply, CountryMode, Filters};
use super::stats::{per_year, span, ByType};
use crate::model::Dataset;

/// One country under the current filters (its own filter aside).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryProfile {
    /// Events it takes part in, in date order (undated last).
    pub events: Vec<u32>,
    /// Those events per starting year, by type, over the years they span.
    pub per_year: Vec<(u16, ByType)>,
    /// Passages that report an event with it, and passages that name it in any form.
    pub partner_passages: usize,
    pub named_passages: Vec<u32>,
    /// Figures that count events it takes part in, or that name it.
    pub figures: Vec<u32>,
}

/// The profile of country `code` under `f` (whose country filter is replaced by it).
pub fn country(ds: &Dataset, code: &str, f: &Filters) -> CountryProfile {
    let with = |mode: CountryMode| {
        let mut g = f.clone();
        g.countries = vec![code.to_string()];
        g.country_mode = mode;
        apply(ds, &g)
    };
    let partner = with(CountryMode::Partner);
    let named = with(CountryMode::Named);
    let mut events = partner.events.clone();
    by_date(ds, &mut events);
    let per_year = span(ds, events.iter().copied())
        .map(|years| per_year(ds, &events, years))
        .unwrap_or_default();
    let figures = (0..ds.figures.len() as u32)
        .filter(|&i| {
            let fig = &ds.figures[i as usize];
            fig.events.iter().any(|e| events.contains(e)) || fig.countries.iter().any(|c| c == code)
        })
        .collect();
    CountryProfile {
        partner_passages: partner.passages.len(),
        named_passages: named.passages.iter().map(|m| m.passage).collect(),
        events,
        per_year,
        figures,
    }
}

/// A series or a mission: its events in date order, and the figures that count them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Editions {
    pub events: Vec<u32>,
    /// Figures that count some of these events (the official counts beside the editions
    /// the texts name).
    pub figures: Vec<u32>,
    /// The documents that report them.
    pub documents: Vec<u32>,
}

/// Every edition of series `id` across years and documents.
pub fn series(ds: &Dataset, id: &str) -> Editions {
    editions(ds, |e| e.series.as_deref() == Some(id))
}

/// Every contingent of mission `id` (`UNIFIL`), with their sizes over time.
pub fn mission(ds: &Dataset, id: &str) -> Editions {
    editions(ds, |e| e.mission.as_deref() == Some(id))
}

fn editions(ds: &Dataset, belongs: impl Fn(&crate::model::Event) -> bool) -> Editions {
    let mut events: Vec<u32> = (0..ds.events.len() as u32)
        .filter(|&i| belongs(&ds.events[i as usize]))
        .collect();
    by_date(ds, &mut events);
    let figures = (0..ds.figures.len() as u32)
        .filter(|&i| {
            ds.figures[i as usize]
                .events
                .iter()
                .any(|e| events.contains(e))
        })
        .collect();
    let mut documents: Vec<u32> = events
        .iter()
        .flat_map(|&e| &ds.events[e as usize].sources)
        .map(|s| ds.passages[s.passage as usize].doc)
        .collect();
    super::order::sort_dedup(&mut documents);
    Editions {
        events,
        figures,
        documents,
    }
}

/// Events in date order, undated last.
fn by_date(ds: &Dataset, events: &mut Vec<u32>) {
    super::order::sort_by_key(events, |&i| {
        let e = &ds.events[i as usize];
        (e.start.is_none(), e.start, i)
    });
}
