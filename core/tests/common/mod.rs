//! What the test runners share: a one-document corpus made from a case's text, and the
//! real corpus built once. (Each test crate uses part of it, hence the `allow`s.)

use milcoop_core::ingest::header;
use milcoop_core::tools::pipeline::{build_dir, Source};
use milcoop_core::Dataset;
use std::path::Path;
use std::sync::OnceLock;

/// The dataset of the real corpus (`corpus/`), built once per test crate.
#[allow(dead_code)]
pub fn real_dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
            .expect("the real corpus builds")
            .dataset
    })
}

#[allow(dead_code)]
/// A bilingual document of the given kind and publication date holding `text`, as if read
/// from `corpus/case.txt`.
pub fn case_document(kind: &str, published: &str, text: &str) -> Source {
    let file = format!(
        "id: case\ntitle: case\ntitle_en: unknown\nkind: {kind}\npublisher: unknown\npublished: {published}\nlanguages: zh, en\nsource_file: case.txt\n---\n{text}"
    );
    let (header, body) = header::parse("case.txt", &file).expect("case header");
    Source {
        file: "case.txt".into(),
        header,
        body,
    }
}
