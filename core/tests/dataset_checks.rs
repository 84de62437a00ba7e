//! A dataset file is checked once when it is decoded: every index between its lists in
//! range, every id unique, and no file, however damaged, makes decoding panic (the page is
//! built with `panic = "abort"`, so a panic would end it).

use milcoop_core::model::{Block, Dataset, InvalidDataset, StoredDataset};
use milcoop_core::tools::pipeline::build_dir;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn stored() -> StoredDataset {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = BYTES.get_or_init(|| {
        build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
            .unwrap()
            .dataset
            .encode()
    });
    Dataset::decode(bytes).unwrap().into_stored()
}

fn refused(ds: StoredDataset) -> InvalidDataset {
    Dataset::decode(&ds.encode()).expect_err("a damaged dataset must be refused")
}

#[test]
fn the_real_dataset_passes() {
    assert!(Dataset::decode(&stored().encode()).is_ok());
}

#[test]
fn an_index_out_of_range_is_refused_and_named() {
    let mut ds = stored();
    ds.passages[3].doc = 99;
    let e = refused(ds);
    assert!(matches!(e, InvalidDataset::OutOfRange(_)));
    assert!(e.to_string().contains("names document 99"), "{e}");

    let mut ds = stored();
    ds.events[0].sources[0].passage = 100_000;
    assert!(refused(ds).to_string().contains("cites passage 100000"));

    let mut ds = stored();
    ds.events[0].sources.clear();
    assert!(refused(ds).to_string().contains("has no source"));

    let mut ds = stored();
    ds.documents[0].outline.push(Block::Passage(7777));
    assert!(refused(ds).to_string().contains("lists passage 7777"));

    let mut ds = stored();
    ds.passage_events[0].push(5000);
    assert!(refused(ds).to_string().contains("lists event 5000"));

    let mut ds = stored();
    ds.figures[0].passage = 9999;
    assert!(refused(ds)
        .to_string()
        .contains("figure 0 cites passage 9999"));

    let mut ds = stored();
    ds.counterparts.push((0, 4242));
    assert!(refused(ds).to_string().contains("counterparts"));

    let mut ds = stored();
    ds.passage_events.pop();
    assert!(refused(ds).to_string().contains("events are listed for"));
}

#[test]
fn an_id_used_twice_is_refused_and_named() {
    let mut ds = stored();
    let id = ds.passages[0].id.clone();
    ds.passages[1].id = id.clone();
    let e = refused(ds);
    assert_eq!(e, InvalidDataset::Duplicate(format!("passage {id}")));

    let mut ds = stored();
    ds.events[1].id = ds.events[0].id.clone();
    assert!(matches!(refused(ds), InvalidDataset::Duplicate(_)));
}

#[test]
fn lookups_by_id_find_every_record() {
    let ds = Dataset::decode(&stored().encode()).unwrap();
    for (i, p) in ds.passages.iter().enumerate() {
        assert_eq!(ds.passage_index(&p.id), Some(i as u32));
    }
    for e in &ds.events {
        assert_eq!(ds.event(&e.id).map(|x| &x.id), Some(&e.id));
    }
    for (i, d) in ds.documents.iter().enumerate() {
        assert_eq!(ds.document(&d.id).map(|(j, _)| j), Some(i as u32));
    }
    assert!(ds.passage("no.such").is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damage anywhere in the file is an error or a dataset that passes the checks, never a panic.
    #[test]
    fn damaged_bytes_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..6)) {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        let mut bytes = BYTES.get_or_init(|| stored().encode()).clone();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        let _ = Dataset::decode(&bytes);
    }
}

/// The site ships the dataset as a shell without the passages' texts and the texts apart:
/// one document's come from its excerpt file, all from the texts file, and a search over
/// the shell filled in finds what it finds over the whole dataset.
#[test]
fn the_shell_and_its_texts_make_the_whole_dataset() {
    let whole = Dataset::decode(&stored().encode()).unwrap();
    let (shell, texts) = whole.shell();
    let shell = Dataset::decode(&shell.encode()).unwrap();
    assert!(shell.passages.iter().all(|p| p.text.is_empty()));
    assert!(shell.texts_missing(None));
    assert_eq!(shell.text(0), "");

    let doc = shell.passages[0].doc;
    let id = &whole.documents[doc as usize].id;
    let excerpt = Dataset::decode_excerpt(&whole.excerpt(doc).unwrap().encode(), id).unwrap();
    shell.add_texts_from(&excerpt);
    assert!(!shell.texts_missing(Some(doc)));
    assert!(shell.texts_missing(None), "only one document's texts came");
    assert_eq!(shell.text(0), whole.text(0));

    let short = milcoop_core::model::Texts(texts.0[1..].to_vec());
    assert!(
        shell.add_texts(short).is_err(),
        "a texts file of another build is refused"
    );
    shell
        .add_texts(milcoop_core::model::Texts::decode(&texts.encode()).unwrap())
        .unwrap();
    assert!(!shell.texts_missing(None));
    for p in 0..whole.passages.len() as u32 {
        assert_eq!(shell.text(p), whole.text(p));
    }
    // The quotes of events and figures are where they stand in those texts.
    let sources = |ds: &Dataset| {
        ds.events
            .iter()
            .flat_map(|e| &e.sources)
            .map(|s| ds.source_quote(s).to_string())
            .chain(ds.figures.iter().map(|f| ds.figure_quote(f).to_string()))
            .collect::<Vec<_>>()
    };
    assert!(shell
        .events
        .iter()
        .flat_map(|e| &e.sources)
        .all(|s| s.quote.is_empty()));
    assert!(shell.figures.iter().all(|f| f.quote.is_empty()));
    assert_eq!(sources(&shell), sources(&whole));
    assert!(sources(&whole).iter().all(|q| !q.is_empty()));
    for q in ["联合演习", "Golden Dragon", "维和"] {
        let found = whole.index().ranked(q, |p| whole.text(p));
        assert!(!found.is_empty(), "{q}");
        assert_eq!(shell.index().ranked(q, |p| shell.text(p)), found, "{q}");
    }
}
