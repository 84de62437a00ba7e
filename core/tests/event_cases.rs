//! Runs the data-driven extraction cases in `testdata/events.toml` through the real pipeline.

mod common;
use common::case_document;
use milcoop_core::ingest::segment::Rules;
use milcoop_core::model::Event;
use milcoop_core::tools::pipeline::build;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    kind: String,
    published: String,
    text: String,
    #[serde(default)]
    event: Vec<Expected>,
    events: Option<usize>,
    figures: Option<Vec<(u32, String)>>,
}

#[derive(Deserialize)]
struct Expected {
    #[serde(rename = "type")]
    kind: String,
    name: Option<String>,
    name_en: Option<String>,
    start: Option<String>,
    end: Option<String>,
    countries: Option<Vec<String>>,
    organisations: Option<Vec<String>>,
    sources: Option<usize>,
}

fn check(expected: &Expected, got: &Event) -> Vec<String> {
    let mut problems = Vec::new();
    let mut same = |what: &str, want: Option<String>, have: Option<String>| {
        if let Some(want) = want {
            if Some(&want) != have.as_ref() {
                problems.push(format!("{what}: want {want:?}, got {have:?}"));
            }
        }
    };
    same(
        "type",
        Some(expected.kind.clone()),
        Some(got.kind.slug().to_string()),
    );
    same("name", expected.name.clone(), got.name.clone());
    same("name_en", expected.name_en.clone(), got.name_en.clone());
    let start = got
        .start
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    same("start", expected.start.clone(), Some(start));
    same("end", expected.end.clone(), got.end.map(|d| d.to_string()));
    if let Some(c) = &expected.countries {
        if c != &got.countries {
            problems.push(format!("countries: want {c:?}, got {:?}", got.countries));
        }
    }
    if let Some(o) = &expected.organisations {
        if o != &got.organisations {
            problems.push(format!(
                "organisations: want {o:?}, got {:?}",
                got.organisations
            ));
        }
    }
    if let Some(n) = expected.sources {
        if n != got.sources.len() {
            problems.push(format!("sources: want {n}, got {}", got.sources.len()));
        }
    }
    problems
}

#[test]
fn extraction_cases() {
    let cases: Cases =
        toml::from_str(include_str!("../testdata/events.toml")).expect("cases parse");
    let mut failures = Vec::new();
    for case in &cases.case {
        let source = case_document(&case.kind, &case.published, &case.text);
        let built = build(vec![source], Vec::new(), &Rules::builtin());
        let ds = &built.dataset;
        for e in &ds.events {
            for s in &e.sources {
                assert!(ds.passages[s.passage as usize].text.contains(&s.quote));
            }
        }
        let want = case.events.unwrap_or(case.event.len());
        if ds.events.len() != want {
            failures.push(format!(
                "{}: want {want} events, got {}: {:#?}",
                case.name,
                ds.events.len(),
                ds.events
            ));
            continue;
        }
        for (i, (expected, got)) in case.event.iter().zip(&ds.events).enumerate() {
            for p in check(expected, got) {
                failures.push(format!("{}: event {}: {p}", case.name, i + 1));
            }
        }
        if let Some(figures) = &case.figures {
            let got: Vec<(u32, String)> = ds
                .figures
                .iter()
                .map(|f| (f.value, f.unit.clone()))
                .collect();
            if &got != figures {
                failures.push(format!(
                    "{}: figures: want {figures:?}, got {got:?}",
                    case.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
