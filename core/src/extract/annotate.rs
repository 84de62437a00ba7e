//! What each passage is about, for the filters: the years it states or reports events in,
//! the countries it names in any form or reports events with, and the country names a
//! query can use ("Russia", "俄罗斯").

use crate::extract::dates::{self, Context};
use crate::extract::gazetteer::Gazetteer;
use crate::model::StoredDataset;

/// Fills `years` and `countries` of every passage, `countries` of every figure and of the
/// dataset.
pub fn annotate(ds: &mut StoredDataset, gazetteer: &Gazetteer) {
    figure_countries(ds, gazetteer);
    ds.passage_events = vec![Vec::new(); ds.passages.len()];
    for (e, event) in ds.events.iter().enumerate() {
        for s in &event.sources {
            let list = &mut ds.passage_events[s.passage as usize];
            if !list.contains(&(e as u32)) {
                list.push(e as u32);
            }
        }
    }
    for (i, passage) in ds.passages.iter_mut().enumerate() {
        let doc = &ds.documents[passage.doc as usize];
        let scope = doc
            .kind
            .reports_on_its_year()
            .then(|| doc.published_in_text().map(|d| d.year))
            .flatten();
        let mut ctx = Context {
            document_year: doc.published_in_text().map(|d| d.year),
            current_year: scope,
            current_month: None,
        };
        let mut years: Vec<u16> = Vec::new();
        for m in dates::find(&passage.text, &mut ctx) {
            let end = m.to.map_or(m.from.year, |t| t.year);
            years.extend(m.from.year..=end);
        }
        let named = gazetteer.named(&passage.text, &passage.text);
        // A place names its country too (莫斯科红场 is about Russia).
        let mut countries = named.countries;
        for c in named.places {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
        let mut partners: Vec<String> = Vec::new();
        for e in ds
            .events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.passage == i as u32))
        {
            if let Some(s) = e.start {
                years.extend(s.year..=e.end.map_or(s.year, |d| d.year));
            }
            partners.extend(e.countries.iter().cloned());
        }
        countries.extend(partners.iter().cloned());
        years.sort_unstable();
        years.dedup();
        countries.sort();
        countries.dedup();
        partners.sort();
        partners.dedup();
        passage.years = years;
        passage.countries = countries;
        passage.partners = partners;
    }
    let mut used: Vec<String> = ds
        .passages
        .iter()
        .flat_map(|p| p.countries.iter().cloned())
        .collect();
    used.extend(ds.events.iter().flat_map(|e| e.countries.iter().cloned()));
    used.sort();
    used.dedup();
    ds.countries = used
        .iter()
        .filter_map(|c| {
            gazetteer
                .country_names(c)
                .map(|(en, zh)| crate::model::Country {
                    code: c.clone(),
                    en: en.to_string(),
                    zh: zh.to_string(),
                })
        })
        .collect();
}

/// The countries each figure's quote names, a place naming its country as in a passage
/// (ambiguous forms settled by the rest of its passage).
fn figure_countries(ds: &mut StoredDataset, gazetteer: &Gazetteer) {
    for fig in &mut ds.figures {
        let passage = &ds.passages[fig.passage as usize].text;
        let named = gazetteer.named(&fig.quote, passage);
        let mut countries = named.countries;
        countries.extend(named.places);
        countries.sort();
        countries.dedup();
        fig.countries = countries;
    }
}
