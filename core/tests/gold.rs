//! The extraction scored against the gold set (`core/testdata/gold/*.toml`, annotated from
//! the five documents under docs/codebook.md, independently of the extractor): recall and
//! precision per type must reach 0.95 for exercises and 0.9 for every other type. The
//! table and every miss are printed on failure, as `milcoop events --score` prints them.

use milcoop_core::tools::pipeline::{build_dir, default_corpus_dir};
use milcoop_core::tools::score::{below_thresholds, default_gold_dir, read_gold, score};

#[test]
fn the_extraction_meets_the_gold_thresholds_for_every_type() {
    let built = build_dir(&default_corpus_dir()).expect("the corpus builds");
    let gold = read_gold(&default_gold_dir()).expect("the gold set parses");
    assert_eq!(gold.len(), 5, "one gold file per document");
    let result = score(&built.dataset, &gold);
    assert!(result.gold_errors.is_empty(), "{}", result.table());
    assert!(
        result.total().gold >= 150,
        "the gold set covers the corpus:\n{}",
        result.table()
    );
    let short = below_thresholds(&result);
    assert!(
        short.is_empty(),
        "below the thresholds: {}\n\n{}",
        short.join("; "),
        result.table()
    );
}

#[test]
fn the_score_fails_an_extraction_that_misses_or_invents() {
    // The scorer itself must see a miss and an invention: drop one event and add a copy of
    // another with a different partner, and both recall and precision fall.
    let built = build_dir(&default_corpus_dir()).expect("the corpus builds");
    let gold = read_gold(&default_gold_dir()).expect("the gold set parses");
    let mut stored = built.dataset.into_stored();
    let dropped = stored
        .events
        .iter()
        .position(|e| e.kind.slug() == "escort")
        .expect("an escort event");
    stored.events.remove(dropped);
    let mut invented = stored.events[0].clone();
    invented.id = "ev-invented".into();
    invented.countries = vec!["ZZ".into()];
    stored.events.push(invented);
    for list in &mut stored.passage_events {
        list.retain(|&e| (e as usize) < stored.events.len());
    }
    let ds = milcoop_core::model::Dataset::new(stored).expect("still consistent");
    let result = score(&ds, &gold);
    let escort = result
        .by_type
        .iter()
        .find(|(k, _)| k.slug() == "escort")
        .unwrap()
        .1;
    assert!(escort.recall() < 1.0, "{}", result.table());
    assert!(result.total().precision() < 1.0, "{}", result.table());
    assert!(!below_thresholds(&result).is_empty());
}
