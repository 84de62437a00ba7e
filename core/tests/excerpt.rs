//! A document's excerpt holds what its reader shows, exactly as the whole dataset gives it:
//! the same passages with their texts, the same events (with the same sources, quotes and
//! partners' names), the same figures, parallel text and re-anchored links.

mod common;

use common::real_dataset as whole;
use milcoop_core::model::{Dataset, Resolution, StoredDataset};

/// Every document's excerpt, through its file's bytes as the page reads it.
fn excerpts() -> impl Iterator<Item = (u32, Dataset)> {
    let ds = whole();
    (0..ds.documents.len() as u32).map(move |doc| {
        let bytes = ds.excerpt(doc).expect("the document is here").encode();
        let excerpt = Dataset::decode_excerpt(&bytes, &ds.documents[doc as usize].id)
            .expect("an excerpt is a sound dataset");
        (doc, excerpt)
    })
}

/// What an event row shows, by ids and text, so that both datasets can be compared.
fn event_row(ds: &Dataset, e: &milcoop_core::model::Event) -> String {
    let sources: Vec<String> = (e.sources.iter())
        .map(|s| {
            let p = &ds.passages[s.passage as usize];
            let d = &ds.documents[p.doc as usize];
            format!("{} {} ¶{} «{}»", p.id, d.title, p.index, ds.source_quote(s))
        })
        .collect();
    let names: Vec<String> = (e.countries.iter())
        .map(|c| ds.country(c).map_or("?".into(), |c| c.zh.clone()))
        .collect();
    let concepts: Vec<bool> = (e.organisations.iter())
        .map(|o| format!("organisation:{o}"))
        .chain(e.mission.iter().map(|m| format!("mission:{m}")))
        .chain(e.series.iter().map(|s| format!("series:{s}")))
        .map(|id| ds.concept(&id).is_some())
        .collect();
    format!(
        "{} {:?} {sources:?} {names:?} {concepts:?}",
        e.id, e.title_en
    )
}

#[test]
fn an_excerpt_reads_as_the_whole_dataset_for_its_document() {
    let ds = whole();
    for (doc, ex) in excerpts() {
        let id = &ds.documents[doc as usize].id;
        let only = ex.only_document().expect("an excerpt names its document");
        assert_eq!(&ex.documents[only as usize].id, id);
        assert!(!ex.texts_missing(Some(only)), "{id}: texts missing");
        // The same passages, but for the document's number in each list.
        let renumbered = |d: &Dataset, doc: u32| -> Vec<_> {
            (d.passages_of(doc).cloned())
                .map(|p| milcoop_core::model::Passage { doc: 0, ..p })
                .collect()
        };
        let mine: Vec<_> = renumbered(ds, doc);
        assert_eq!(mine, renumbered(&ex, only), "{id}: passages differ");
        // The outline: the same headings and passages, in the same order.
        let outline = |d: &Dataset, doc: u32| -> Vec<String> {
            (d.documents[doc as usize].outline.iter())
                .map(|b| match b {
                    milcoop_core::model::Block::Heading { text, .. } => text.clone(),
                    milcoop_core::model::Block::Passage(p) => d.passages[*p as usize].id.clone(),
                })
                .collect()
        };
        assert_eq!(outline(ds, doc), outline(&ex, only), "{id}: outline");
        for p in &mine {
            let (a, b) = (
                ds.passage_index(&p.id).unwrap(),
                ex.passage_index(&p.id).unwrap(),
            );
            let rows = |d: &Dataset, i: u32| -> Vec<String> {
                d.events_in(i).map(|e| event_row(d, e)).collect()
            };
            assert_eq!(rows(ds, a), rows(&ex, b), "{id}: events of {}", p.id);
            let pairs = |d: &Dataset, i: u32| -> Vec<String> {
                (d.counterparts_of(i).into_iter())
                    .map(|c| d.passages[c as usize].id.clone())
                    .collect()
            };
            assert_eq!(
                pairs(ds, a),
                pairs(&ex, b),
                "{id}: counterparts of {}",
                p.id
            );
        }
        let figures = |d: &Dataset, doc: u32| -> Vec<String> {
            (d.figures.iter())
                .filter(|f| d.passages[f.passage as usize].doc == doc)
                .map(|f| {
                    let counted: Vec<&str> = (f.events.iter())
                        .map(|&e| d.events[e as usize].id.as_str())
                        .collect();
                    format!("{} {} {counted:?}", f.value, d.figure_quote(f))
                })
                .collect()
        };
        assert_eq!(figures(ds, doc), figures(&ex, only), "{id}: figures");
    }
}

#[test]
fn the_documents_events_are_all_in_some_excerpt() {
    // Every event of the corpus is shown by the reader of each document it cites.
    let ds = whole();
    for e in &ds.events {
        for s in &e.sources {
            let doc = ds.passages[s.passage as usize].doc;
            let ex = ds.excerpt(doc).unwrap();
            assert!(
                ex.events.iter().any(|x| x.id == e.id),
                "{} missing from {}",
                e.id,
                ds.documents[doc as usize].id
            );
        }
    }
}

#[test]
fn re_anchored_links_resolve_in_the_excerpt_of_their_document() {
    let ds = whole();
    // An alias as re-anchoring leaves one, into document 0 and into another document.
    let target = ds.documents[0].id.clone();
    let first = ds.passages_of(0).next().unwrap().clone();
    let mut full: StoredDataset = Dataset::decode(&ds.encode()).unwrap().into_stored();
    let into = ds.passage_index(&first.id).unwrap();
    full.aliases.push(milcoop_core::model::Alias {
        old: format!("{target}.0ld0ld0l"),
        passage: into,
        method: milcoop_core::model::AnchorMethod::ExactText,
    });
    let elsewhere = (full.passages.iter()).position(|p| p.doc != 0).unwrap() as u32;
    full.aliases.push(milcoop_core::model::Alias {
        old: "other.0ld0ld0l".into(),
        passage: elsewhere,
        method: milcoop_core::model::AnchorMethod::ExactText,
    });
    let stored = full.excerpt(0).unwrap();
    let ex = Dataset::decode_excerpt(&stored.encode(), &target).unwrap();
    match ex.resolve(&format!("{target}.0ld0ld0l")) {
        Resolution::Moved(p, _) => assert_eq!(p.id, first.id),
        other => panic!("not re-anchored: {other:?}"),
    }
    assert_eq!(ex.resolve("other.0ld0ld0l"), Resolution::Unknown);
}

#[test]
fn an_excerpt_file_must_hold_its_document() {
    let ds = whole();
    let bytes = ds.excerpt(0).unwrap().encode();
    let e = Dataset::decode_excerpt(&bytes, "no-such-document").unwrap_err();
    assert!(e.to_string().contains("no-such-document"), "{e}");
    assert!(ds.excerpt(ds.documents.len() as u32).is_none());
}
