//! What the data-driven test runners share: a one-document corpus made from a case's text.

use milcoop_core::ingest::header;
use milcoop_core::tools::pipeline::Source;

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
