//! The search cases of `core/testdata/search.toml` over the corpus: query expansion with
//! the thesaurus, marking what matched, and events matched by what they say.

use milcoop_core::query::filter::{apply, spans, Filters};
use milcoop_core::tools::pipeline::build_dir;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    query: String,
    #[serde(default)]
    literal: Vec<String>,
    #[serde(default)]
    finds: Vec<String>,
    #[serde(default)]
    misses: Vec<String>,
    #[serde(default)]
    misses_marked: Vec<String>,
    #[serde(default)]
    event_types: Vec<String>,
    #[serde(default)]
    event_names_not: Vec<String>,
}

#[test]
fn search_cases() {
    let ds = build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
        .expect("the corpus builds")
        .dataset;
    let cases: Cases =
        toml::from_str(include_str!("../testdata/search.toml")).expect("cases parse");
    let mut failures = Vec::new();
    for case in &cases.case {
        let f = Filters {
            q: case.query.clone(),
            literal: case.literal.clone(),
            ..Filters::default()
        };
        let r = apply(&ds, &f);
        // Whether some occurrence of `text` in the passage has its letters marked.
        let marked = |passage: u32, text: &str| -> bool {
            let chars: Vec<char> = ds.passages[passage as usize]
                .text
                .to_lowercase()
                .chars()
                .collect();
            let want: Vec<char> = text.to_lowercase().chars().collect();
            let marks = spans(&ds, passage, &r.query);
            (0..chars.len().saturating_sub(want.len() - 1))
                .filter(|&i| chars[i..i + want.len()] == want[..])
                .any(|i| {
                    (i..i + want.len())
                        .filter(|&k| chars[k].is_alphanumeric())
                        .all(|k| marks.iter().any(|&(a, b)| a <= k && k < b))
                })
        };
        let holds = |passage: u32, text: &str| ds.passages[passage as usize].text.contains(text);
        for want in &case.finds {
            if !r.passages.iter().any(|h| marked(h.passage, want)) {
                failures.push(format!(
                    "{}: no passage found with {want:?} marked",
                    case.name
                ));
            }
        }
        for not in &case.misses {
            if r.passages.iter().any(|h| holds(h.passage, not)) {
                failures.push(format!("{}: a passage with {not:?} was found", case.name));
            }
        }
        for not in &case.misses_marked {
            if r.passages.iter().any(|h| marked(h.passage, not)) {
                failures.push(format!("{}: {not:?} was marked", case.name));
            }
        }
        for e in &r.events {
            let e = &ds.events[*e as usize];
            if e.name
                .as_ref()
                .is_some_and(|n| case.event_names_not.contains(n))
            {
                failures.push(format!("{}: event {} matched", case.name, e.title_en));
            }
        }
        if !case.event_types.is_empty() {
            if r.events.is_empty() {
                failures.push(format!("{}: no event matched", case.name));
            }
            for &e in &r.events {
                let e = &ds.events[e as usize];
                if !case.event_types.iter().any(|t| t == e.kind.slug()) {
                    failures.push(format!(
                        "{}: event {} ({}) matched",
                        case.name,
                        e.title_en,
                        e.kind.slug()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The one tokenizer holds for the thesaurus too: a text that is any name of any concept is
/// found by a query for that name, and by a query for each other name of the concept.
#[test]
fn every_name_finds_itself_and_its_concept() {
    let ds = build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
        .expect("the corpus builds")
        .dataset;
    let mut failures = Vec::new();
    for c in &ds.concepts {
        let texts: Vec<&str> = c.names.iter().map(String::as_str).collect();
        let index = milcoop_core::query::search::Index::build(texts.iter().copied());
        for (i, name) in c.names.iter().enumerate() {
            let q = ds.expand(name, &[]);
            let found = index.ranked_query(&q, |p| texts[p as usize], |_| Vec::new());
            // Two-letter codes (US, UN) name their concept but are not searched as text.
            let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
            if letters > 2 && !found.iter().any(|&(p, _)| p as usize == i) {
                failures.push(format!("{}: {name:?} does not find itself", c.id));
            }
            // Countries match through the passages that name them, not their names.
            let countries = matches!(c.kind, milcoop_core::model::ConceptKind::Countries(_));
            if !countries
                && q.groups.iter().all(|g| !g.concepts.is_empty())
                && found.len() < texts.len()
            {
                let missing: Vec<&str> = (0..texts.len())
                    .filter(|k| !found.iter().any(|&(p, _)| p as usize == *k))
                    .map(|k| texts[k])
                    .collect();
                let short = missing
                    .iter()
                    .all(|m| m.chars().filter(|c| c.is_alphanumeric()).count() <= 2);
                if !short {
                    failures.push(format!("{}: {name:?} does not find {missing:?}", c.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
