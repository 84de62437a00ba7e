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
    /// For each figure in order, how many events it lists as counted.
    figure_events: Option<Vec<usize>>,
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
    title_zh: Option<String>,
    title_en: Option<String>,
    cameo: Option<String>,
    partner_total: Option<u32>,
    mission: Option<String>,
    ongoing: Option<bool>,
    as_of: Option<String>,
    /// (unit, count) pairs; a count of 0 means the text gives none.
    personnel: Option<Vec<(String, u32)>>,
}

/// Records a problem when `want` is given and differs from `have`.
fn same(problems: &mut Vec<String>, what: &str, want: Option<String>, have: Option<String>) {
    if let Some(want) = want {
        if Some(&want) != have.as_ref() {
            problems.push(format!("{what}: want {want:?}, got {have:?}"));
        }
    }
}

fn check(expected: &Expected, got: &Event) -> Vec<String> {
    let mut p = Vec::new();
    let start = got
        .start
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    same(
        &mut p,
        "type",
        Some(expected.kind.clone()),
        Some(got.kind.slug().to_string()),
    );
    same(&mut p, "name", expected.name.clone(), got.name.clone());
    same(
        &mut p,
        "name_en",
        expected.name_en.clone(),
        got.name_en.clone(),
    );
    same(&mut p, "start", expected.start.clone(), Some(start));
    same(
        &mut p,
        "end",
        expected.end.clone(),
        got.end.map(|d| d.to_string()),
    );
    same(
        &mut p,
        "countries",
        expected.countries.as_ref().map(|c| format!("{c:?}")),
        Some(format!("{:?}", got.countries)),
    );
    same(
        &mut p,
        "organisations",
        expected.organisations.as_ref().map(|o| format!("{o:?}")),
        Some(format!("{:?}", got.organisations)),
    );
    same(
        &mut p,
        "sources",
        expected.sources.map(|n| n.to_string()),
        Some(got.sources.len().to_string()),
    );
    same(
        &mut p,
        "title_zh",
        expected.title_zh.clone(),
        Some(got.title_zh.clone()),
    );
    same(
        &mut p,
        "title_en",
        expected.title_en.clone(),
        Some(got.title_en.clone()),
    );
    same(
        &mut p,
        "cameo",
        expected.cameo.clone(),
        Some(got.cameo.clone()),
    );
    same(
        &mut p,
        "partner_total",
        expected.partner_total.map(|n| n.to_string()),
        got.partner_total.map(|n| n.to_string()),
    );
    same(
        &mut p,
        "mission",
        expected.mission.clone(),
        got.mission.clone(),
    );
    same(
        &mut p,
        "ongoing",
        expected.ongoing.map(|b| b.to_string()),
        Some(got.ongoing.to_string()),
    );
    same(
        &mut p,
        "as_of",
        expected.as_of.clone(),
        got.as_of.map(|d| d.to_string()),
    );
    if let Some(want) = &expected.personnel {
        let have: Vec<(String, u32)> = got
            .personnel
            .iter()
            .map(|u| (u.unit.clone(), u.count.unwrap_or(0)))
            .collect();
        same(
            &mut p,
            "personnel",
            Some(format!("{want:?}")),
            Some(format!("{have:?}")),
        );
    }
    // Every event says what happened, whatever the case checks.
    if got.title_zh.is_empty() || got.title_en.is_empty() || got.cameo.is_empty() {
        p.push(format!("title or CAMEO code missing: {got:?}"));
    }
    p
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
        if let Some(want) = &case.figure_events {
            let got: Vec<usize> = ds.figures.iter().map(|f| f.events.len()).collect();
            if &got != want {
                failures.push(format!(
                    "{}: events counted by each figure: want {want:?}, got {got:?}",
                    case.name
                ));
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
