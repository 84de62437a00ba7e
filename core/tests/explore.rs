//! The Explore view's semantics over the real corpus.

use milcoop_core::model::EventType;
use milcoop_core::query::filter::{apply, Filters};
use milcoop_core::tools::pipeline::build_dir;
use milcoop_core::Route;
use std::path::Path;

fn dataset() -> milcoop_core::Dataset {
    build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
        .unwrap()
        .dataset
}

fn filters(query: &str) -> Filters {
    match Route::from_query(query).0 {
        Route::Explore(f) => f,
        other => panic!("{other:?}"),
    }
}

#[test]
fn country_and_year_combine_with_and() {
    let ds = dataset();
    let r = apply(&ds, &filters("?country=RU&year=2020"));
    assert!(!r.passages.is_empty());
    for hit in &r.passages {
        let p = &ds.passages[hit.passage as usize];
        assert!(p.countries.iter().any(|c| c == "RU"), "{}", p.text);
        assert!(p.years.contains(&2020), "{}", p.text);
    }
    assert!(r.passages.iter().any(|h| ds.passages[h.passage as usize]
        .text
        .contains("联合空中战略巡航")));
    for e in &r.events {
        let e = &ds.events[*e as usize];
        assert!(e.countries.iter().any(|c| c == "RU"));
        assert_eq!(e.start.unwrap().year, 2020);
    }
    // Countries within a kind are OR: RU or PK is at least as many as RU alone.
    let either = apply(&ds, &filters("?country=RU,PK&year=2020"));
    assert!(either.passages.len() > r.passages.len());
}

#[test]
fn facets_count_with_the_other_filters() {
    let ds = dataset();
    let f = filters("?country=RU&year=2020");
    let r = apply(&ds, &f);
    // The year facet ignores the year filter but keeps the country filter.
    let without_year = apply(&ds, &filters("?country=RU"));
    let y2020 = r.facets.years.iter().find(|(y, _)| *y == 2020).unwrap().1;
    assert_eq!(y2020, r.passages.len());
    let total_years: usize = without_year.facets.years.iter().map(|(_, n)| n).sum();
    let total_years_here: usize = r.facets.years.iter().map(|(_, n)| n).sum();
    assert_eq!(total_years, total_years_here);
    let ru = r
        .facets
        .countries
        .iter()
        .find(|(c, _)| c == "RU")
        .unwrap()
        .1;
    assert_eq!(ru, r.passages.len());
}

#[test]
fn country_names_expand_across_languages() {
    let ds = dataset();
    let russia = apply(&ds, &filters("?q=Russia"));
    let texts: Vec<&str> = russia
        .passages
        .iter()
        .map(|h| ds.passages[h.passage as usize].text.as_str())
        .collect();
    assert!(texts.iter().any(|t| t.contains("俄罗斯")));
    assert!(texts
        .iter()
        .any(|t| t.contains("中俄") && !t.contains("俄罗斯")));
    assert!(texts.iter().any(|t| t.contains("Russia")));
    let pakistan = apply(&ds, &filters("?q=巴基斯坦"));
    assert!(pakistan
        .passages
        .iter()
        .any(|h| ds.passages[h.passage as usize].text.contains("Pakistan")));
}

#[test]
fn types_documents_and_language() {
    let ds = dataset();
    let r = apply(
        &ds,
        &filters("?type=exercise&doc=mnd-press-2023-12-28&lang=en"),
    );
    assert!(!r.passages.is_empty());
    for h in &r.passages {
        let p = &ds.passages[h.passage as usize];
        assert_eq!(p.lang.code(), "en");
        assert!(ds
            .events_in(h.passage)
            .any(|e| e.kind == EventType::Exercise));
    }
    assert!(r
        .events
        .iter()
        .all(|&e| ds.events[e as usize].kind == EventType::Exercise));
}

#[test]
fn a_query_ranks_and_marks_its_matches() {
    let ds = dataset();
    let r = apply(&ds, &filters("?q=高加索"));
    assert!(!r.passages.is_empty());
    for h in &r.passages {
        let chars: Vec<char> = ds.passages[h.passage as usize].text.chars().collect();
        let (a, b) =
            milcoop_core::query::filter::spans(&ds, h.passage, &ds.expand("高加索", &[]))[0];
        assert_eq!(chars[a..b].iter().collect::<String>(), "高加索");
    }
    assert!(apply(&ds, &filters("?q=zzzzqqq")).passages.is_empty());
    let all = apply(&ds, &Filters::default());
    assert_eq!(all.passages.len(), ds.passages.len());
}
