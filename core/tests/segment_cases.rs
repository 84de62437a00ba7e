//! Runs the data-driven segmentation cases in `testdata/segment.toml`.

use milcoop_core::ingest::segment::{self, Corpus, DraftBlock, JoinKind, Rules};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    context: Vec<String>,
    passages: Vec<String>,
    headings: Option<Vec<String>>,
    omitted: Option<Vec<(String, String)>>,
    joins: Option<Vec<String>>,
}

#[test]
fn segmentation_cases() {
    let cases: Cases =
        toml::from_str(include_str!("../testdata/segment.toml")).expect("cases parse");
    let rules = Rules::builtin();
    let mut failures = Vec::new();
    for case in &cases.case {
        let mut docs = vec![segment::classify(&case.text, &rules)];
        docs.extend(case.context.iter().map(|c| segment::classify(c, &rules)));
        let corpus = Corpus::new(&docs);
        let seg = segment::segment(&docs[0], 0, &corpus);

        let passages: Vec<&str> = seg.passages().map(|p| p.text.as_str()).collect();
        if passages != case.passages {
            failures.push(format!(
                "{}: passages\n  got  {passages:?}\n  want {:?}",
                case.name, case.passages
            ));
        }
        if let Some(want) = &case.headings {
            let got: Vec<&str> = seg
                .outline
                .iter()
                .filter_map(|b| match b {
                    DraftBlock::Heading { text, .. } => Some(text.as_str()),
                    DraftBlock::Passage(_) => None,
                })
                .collect();
            if &got != want {
                failures.push(format!(
                    "{}: headings\n  got  {got:?}\n  want {want:?}",
                    case.name
                ));
            }
        }
        if let Some(want) = &case.omitted {
            let got: Vec<(String, String)> = seg
                .omissions
                .iter()
                .map(|o| (o.reason.clone(), o.text.clone()))
                .collect();
            if &got != want {
                failures.push(format!(
                    "{}: omitted\n  got  {got:?}\n  want {want:?}",
                    case.name
                ));
            }
        }
        if let Some(want) = &case.joins {
            let got: Vec<&str> = seg
                .joins
                .iter()
                .map(|j| match j.kind {
                    JoinKind::List => "list",
                    JoinKind::Adjacent => "adjacent",
                    JoinKind::Moved => "moved",
                })
                .collect();
            if &got != want {
                failures.push(format!(
                    "{}: joins\n  got  {got:?}\n  want {want:?}",
                    case.name
                ));
            }
        }
        if !seg.unterminated.is_empty() {
            failures.push(format!(
                "{}: unterminated {:?}",
                case.name, seg.unterminated
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
