//! Runs the data-driven parallel-text cases in `testdata/parallel.toml` through the real
//! pipeline, and checks the alignment of the corpus' own bilingual documents.

mod common;
use common::case_document;
use milcoop_core::ingest::segment::Rules;
use milcoop_core::model::Dataset;
use milcoop_core::tools::pipeline::{build, build_dir};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    pairs: Vec<(String, String)>,
    #[serde(default)]
    alone: Vec<String>,
}

/// The aligned pairs as (start of Chinese text, start of English text).
fn pairs_by_text(ds: &Dataset) -> Vec<(&str, &str)> {
    ds.counterparts
        .iter()
        .map(|&(zh, en)| {
            (
                ds.passages[zh as usize].text.as_str(),
                ds.passages[en as usize].text.as_str(),
            )
        })
        .collect()
}

#[test]
fn parallel_cases() {
    let cases: Cases =
        toml::from_str(include_str!("../testdata/parallel.toml")).expect("cases parse");
    let mut failures = Vec::new();
    for case in &cases.case {
        let source = case_document("press-conference", "2023-12-28", &case.text);
        let built = build(vec![source], Vec::new(), &Rules::builtin());
        let got = pairs_by_text(&built.dataset);
        let matches = |(zh, en): &(String, String), (a, b): &(&str, &str)| {
            a.starts_with(zh.as_str()) && b.starts_with(en.as_str())
        };
        let ok = got.len() == case.pairs.len()
            && case.pairs.iter().zip(&got).all(|(w, g)| matches(w, g));
        if !ok {
            failures.push(format!(
                "{}: want {:?}, got {:?}",
                case.name, case.pairs, got
            ));
        }
        for alone in &case.alone {
            if got
                .iter()
                .any(|(a, b)| a.starts_with(alone.as_str()) || b.starts_with(alone.as_str()))
            {
                failures.push(format!("{}: {alone:?} must have no counterpart", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_bilingual_documents_align() {
    let built = build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")).unwrap();
    let ds = &built.dataset;
    let got = pairs_by_text(ds);
    // The press conference: 吴谦's answer and its five points and close, one for one.
    for (zh, en) in [
        ("吴谦:", "Wu Qian:"),
        ("一是", "First,"),
        ("二是", "Second,"),
        ("三是", "Thirdly,"),
        ("四是", "Fourthly,"),
        ("五是", "Fifthly,"),
        ("为了和平", "Embracing the world"),
    ] {
        assert!(
            got.iter()
                .any(|(a, b)| a.starts_with(zh) && b.starts_with(en)),
            "{zh} ↔ {en} in {got:?}"
        );
    }
    assert!(!got.iter().any(|(a, _)| a.starts_with("记者:")));
    // The MND overview: its one Chinese paragraph says what the three English ones say.
    let overview = ds.document("mnd-intl-military-cooperation").unwrap().0;
    let zh = ds
        .passages_of(overview)
        .position(|p| p.lang == milcoop_core::model::Lang::Zh)
        .unwrap();
    let zh = ds.passages.iter().position(|p| p.doc == overview).unwrap() as u32 + zh as u32;
    assert_eq!(ds.counterparts_of(zh).len(), 3);
    // Every pair joins passages of one document, in two languages.
    for &(a, b) in &ds.counterparts {
        let (a, b) = (&ds.passages[a as usize], &ds.passages[b as usize]);
        assert_eq!(a.doc, b.doc);
        assert_ne!(a.lang, b.lang);
    }
}
