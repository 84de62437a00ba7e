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

/// `apply` filters and counts through ids and bits (`query::facts`) and finds events through
/// an index; this reads the same semantics off the passages and events directly, in the
/// plainest way, and checks both agree over a grid of filters and queries.
#[test]
fn filters_and_facets_agree_with_a_plain_reading() {
    use milcoop_core::query::filter::{event_matches, CountryMode};
    use std::collections::BTreeMap;
    let ds = dataset();
    let year_choices = [None, Some((2020, 2020)), Some((2009, 2016))];
    let country_choices: [&[&str]; 4] = [&[], &["RU"], &["RU", "PK"], &["ZZ"]];
    let type_choices: [&[EventType]; 3] = [
        &[],
        &[EventType::Exercise],
        &[EventType::Peacekeeping, EventType::Escort],
    ];
    let doc_choices: [&[&str]; 3] = [&[], &["review-2020"], &["no-such-doc"]];
    let lang_choices = [
        None,
        Some(milcoop_core::model::Lang::Zh),
        Some(milcoop_core::model::Lang::En),
    ];
    let mut checked = 0;
    for q in ["", "维和", "Russia", "joint exercise", "Golden Dragon"] {
        let by_query = apply(
            &ds,
            &Filters {
                q: q.to_string(),
                ..Filters::default()
            },
        );
        let query_passages: Vec<u32> = by_query.passages.iter().map(|h| h.passage).collect();
        let query = ds.expand(q, &[]);
        for years in year_choices {
            for countries in country_choices {
                for mode in [CountryMode::Partner, CountryMode::Named] {
                    for types in type_choices {
                        for docs in doc_choices {
                            for lang in lang_choices {
                                let f = Filters {
                                    q: q.to_string(),
                                    years,
                                    countries: countries.iter().map(|c| c.to_string()).collect(),
                                    country_mode: mode,
                                    types: types.to_vec(),
                                    docs: docs.iter().map(|d| d.to_string()).collect(),
                                    lang,
                                    ..Filters::default()
                                };
                                let r = apply(&ds, &f);
                                // Which filters a passage fails: [year, country, type, doc, lang].
                                let fails = |p: u32| -> [bool; 5] {
                                    let passage = &ds.passages[p as usize];
                                    let named = match mode {
                                        CountryMode::Partner => &passage.partners,
                                        CountryMode::Named => &passage.countries,
                                    };
                                    [
                                        years.is_some_and(|(a, b)| {
                                            !passage.years.iter().any(|y| (a..=b).contains(y))
                                        }),
                                        !countries.is_empty()
                                            && !countries
                                                .iter()
                                                .any(|c| named.iter().any(|n| n == c)),
                                        !types.is_empty()
                                            && !ds.events_in(p).any(|e| types.contains(&e.kind)),
                                        !docs.is_empty()
                                            && !docs.contains(
                                                &ds.documents[passage.doc as usize].id.as_str(),
                                            ),
                                        lang.is_some_and(|l| l != passage.lang),
                                    ]
                                };
                                let expected: Vec<u32> = query_passages
                                    .iter()
                                    .copied()
                                    .filter(|&p| !fails(p).contains(&true))
                                    .collect();
                                let got: Vec<u32> = r.passages.iter().map(|h| h.passage).collect();
                                assert_eq!(got, expected, "passages for {f:?}");
                                // Each facet counts the passages failing no filter but its own.
                                let counts_for = |facet: usize, p: u32| {
                                    fails(p).iter().enumerate().all(|(i, &x)| i == facet || !x)
                                };
                                let mut years_n: BTreeMap<u16, usize> = BTreeMap::new();
                                let mut countries_n: BTreeMap<String, usize> = BTreeMap::new();
                                let mut types_n: BTreeMap<EventType, usize> = BTreeMap::new();
                                let mut docs_n: BTreeMap<u32, usize> = BTreeMap::new();
                                for &p in &query_passages {
                                    let passage = &ds.passages[p as usize];
                                    if counts_for(0, p) {
                                        let mut ys = passage.years.clone();
                                        ys.dedup();
                                        for y in ys {
                                            *years_n.entry(y).or_default() += 1;
                                        }
                                    }
                                    if counts_for(1, p) {
                                        let named = match mode {
                                            CountryMode::Partner => &passage.partners,
                                            CountryMode::Named => &passage.countries,
                                        };
                                        for c in named.iter().filter(|c| ds.country(c).is_some()) {
                                            *countries_n.entry(c.clone()).or_default() += 1;
                                        }
                                    }
                                    if counts_for(2, p) {
                                        let mut ts: Vec<EventType> =
                                            ds.events_in(p).map(|e| e.kind).collect();
                                        ts.sort();
                                        ts.dedup();
                                        for t in ts {
                                            *types_n.entry(t).or_default() += 1;
                                        }
                                    }
                                    if counts_for(3, p) {
                                        *docs_n.entry(passage.doc).or_default() += 1;
                                    }
                                }
                                assert_eq!(
                                    r.facets.years,
                                    years_n.into_iter().collect::<Vec<_>>(),
                                    "years for {f:?}"
                                );
                                let mut got_countries = r.facets.countries.clone();
                                got_countries.sort();
                                assert_eq!(
                                    got_countries,
                                    countries_n.into_iter().collect::<Vec<_>>(),
                                    "countries for {f:?}"
                                );
                                assert_eq!(
                                    r.facets.types,
                                    types_n.into_iter().collect::<Vec<_>>(),
                                    "types for {f:?}"
                                );
                                assert_eq!(
                                    r.facets.docs,
                                    docs_n.into_iter().collect::<Vec<_>>(),
                                    "docs for {f:?}"
                                );
                                // Events: dates overlap, a partner (or, in `named` mode, a
                                // country a source names), a type, a source in the documents
                                // and language, and the query by the event's own text or links.
                                let expected_events: Vec<u32> = (0..ds.events.len() as u32)
                                    .filter(|&i| {
                                        let e = &ds.events[i as usize];
                                        let years_ok = years.is_none_or(|(a, b)| {
                                            e.start.is_some_and(|s| {
                                                s.year <= b && e.end.map_or(s.year, |d| d.year) >= a
                                            })
                                        });
                                        let countries_ok = countries.is_empty()
                                            || countries.iter().any(|c| {
                                                e.countries.iter().any(|x| x == c)
                                                    || (mode == CountryMode::Named
                                                        && e.sources.iter().any(|s| {
                                                            ds.passages[s.passage as usize]
                                                                .countries
                                                                .iter()
                                                                .any(|x| x == c)
                                                        }))
                                            });
                                        let source_ok = e.sources.iter().any(|s| {
                                            let p = &ds.passages[s.passage as usize];
                                            (docs.is_empty()
                                                || docs.contains(
                                                    &ds.documents[p.doc as usize].id.as_str(),
                                                ))
                                                && lang.is_none_or(|l| l == p.lang)
                                        });
                                        years_ok
                                            && countries_ok
                                            && (types.is_empty() || types.contains(&e.kind))
                                            && source_ok
                                            && (q.is_empty()
                                                || event_matches(e, ds.event_text(i), &query))
                                    })
                                    .collect();
                                assert_eq!(r.events, expected_events, "events for {f:?}");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 3 * 4 * 2 * 3 * 3 * 3);
}

/// A country's profile lists the figures whose quote names it, and it does so from the
/// site's shell (no texts) as from the whole dataset: the names are found at build time.
#[test]
fn country_profiles_list_the_figures_naming_them_without_texts() {
    use milcoop_core::query::entity::country;
    let whole = dataset();
    let shell = milcoop_core::Dataset::new(whole.shell().0).expect("the shell is valid");
    let named: Vec<(usize, &str)> = whole
        .figures
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.countries.iter().map(move |c| (i, c.as_str())))
        .collect();
    assert!(named.len() >= 3, "figures naming countries: {named:?}");
    let none = Filters::default();
    for &(i, code) in &named {
        let quote = whole.figure_quote(&whole.figures[i]);
        let profile = country(&shell, code, &none);
        assert!(
            profile.figures.contains(&(i as u32)),
            "{code} misses «{quote}»"
        );
        assert_eq!(profile, country(&whole, code, &none), "{code}");
    }
    // A figure neither naming a country nor counting its events is not in its profile.
    let ru = country(&shell, "RU", &none);
    for &i in &ru.figures {
        let fig = &whole.figures[i as usize];
        let counts_ru = fig.events.iter().any(|e| {
            whole.events[*e as usize]
                .countries
                .iter()
                .any(|c| c == "RU")
        });
        assert!(
            counts_ru || fig.countries.iter().any(|c| c == "RU"),
            "{}",
            whole.figure_quote(fig)
        );
    }
}
