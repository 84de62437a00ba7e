//! Runs the import cases in `testdata/import/cases.toml`: each fixture is imported into an
//! empty corpus folder, the header and text are compared with the case, the folder is built
//! and checked like the real corpus, and the events the case names must come out of it.

use milcoop_core::ingest::header;
use milcoop_core::tools::import::{self, ImportError, ImportRules};
use milcoop_core::tools::{check, pipeline};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    id: String,
    title: String,
    title_en: Option<String>,
    kind: String,
    publisher: String,
    published: String,
    languages: Vec<String>,
    from_outside: Vec<String>,
    unknown: Vec<String>,
    url: Option<String>,
    kept: Vec<String>,
    left_out: Vec<String>,
    boilerplate: Vec<String>,
    events: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../testdata/import/cases.toml");
    toml::from_str::<Cases>(text).expect("cases parse").case
}

fn fixture(file: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/import")
        .join(file)
}

#[test]
fn every_fixture_is_a_case() {
    let named: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name != "cases.toml" {
            assert!(named.contains(&name), "{name} has no case in cases.toml");
        }
    }
}

#[test]
fn each_fixture_imports_as_its_case_says() {
    let rules = ImportRules::builtin();
    let mut failures = Vec::new();
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let done = import::import(&fixture(&case.file), dir.path(), &rules)
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let written = std::fs::read_to_string(&done.path).unwrap();
        let (h, body) = header::parse(&case.file, &written)
            .unwrap_or_else(|e| panic!("{}: the header does not parse: {e}", case.file));
        let mut fail = |what: &str, got: String, want: String| {
            if got != want {
                failures.push(format!(
                    "{}: {what}\n  got  {got}\n  want {want}",
                    case.file
                ));
            }
        };
        let or_unknown = |v: Option<String>| v.unwrap_or_else(|| "unknown".into());
        fail("id", h.id.clone(), case.id.clone());
        fail("title", h.title.clone(), case.title.clone());
        fail(
            "title_en",
            or_unknown(h.title_en.clone()),
            or_unknown(case.title_en.clone()),
        );
        fail("kind", h.kind.slug().into(), case.kind.clone());
        fail(
            "publisher",
            or_unknown(h.publisher.clone()),
            case.publisher.clone(),
        );
        fail(
            "published",
            or_unknown(h.published.map(|d| d.to_string())),
            case.published.clone(),
        );
        let langs: Vec<&str> = h.languages.iter().map(|l| l.code()).collect();
        fail("languages", langs.join(","), case.languages.join(","));
        fail(
            "from_outside",
            h.outside.join(","),
            case.from_outside.join(","),
        );
        fail("unknown", done.unknown.join(","), case.unknown.join(","));
        fail(
            "url",
            or_unknown(h.url.clone()),
            or_unknown(case.url.clone()),
        );
        let listed: Vec<&str> = done.boilerplate.iter().map(|(l, _)| l.as_str()).collect();
        fail(
            "boilerplate",
            format!("{listed:?}"),
            format!("{:?}", case.boilerplate),
        );
        for piece in &case.kept {
            if !body.contains(piece.as_str()) {
                failures.push(format!("{}: lost {piece:?}", case.file));
            }
        }
        for piece in &case.left_out {
            if written.contains(piece.as_str()) {
                failures.push(format!("{}: kept site chrome {piece:?}", case.file));
            }
        }

        let built = pipeline::build_dir(dir.path())
            .unwrap_or_else(|e| panic!("{}: the imported corpus does not build: {e}", case.file));
        let report = check::check(&built);
        if !report.ok() {
            failures.push(format!(
                "{}: milcoop check fails: {:?}",
                case.file, report.problems
            ));
        }
        let ds = &built.dataset;
        assert!(ds.passages.iter().any(|p| p.text.contains(&case.kept[0])));
        for (kind, country) in &case.events {
            let found = ds.events.iter().any(|e| {
                e.kind.slug() == kind && (country.is_empty() || e.countries.contains(country))
            });
            if !found {
                failures.push(format!("{}: no {kind} event with {country:?}", case.file));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn an_import_never_overwrites() {
    let rules = ImportRules::builtin();
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("training-notes.txt");
    let first = import::import(&input, dir.path(), &rules).unwrap();
    let before = std::fs::read(&first.path).unwrap();
    match import::import(&input, dir.path(), &rules) {
        Err(ImportError::Exists(p)) => assert_eq!(p, first.path),
        other => panic!("a second import must refuse, got {other:?}"),
    }
    assert_eq!(std::fs::read(&first.path).unwrap(), before);

    // A corpus file of another name that already uses the id is not overwritten either.
    let again = tempfile::tempdir().unwrap();
    let taken = again.path().join("older-copy.txt");
    std::fs::write(&taken, &before).unwrap();
    assert!(matches!(
        import::import(&input, again.path(), &rules),
        Err(ImportError::Exists(_))
    ));
    assert_eq!(std::fs::read_dir(again.path()).unwrap().count(), 1);
}

#[test]
fn a_file_without_text_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(
        &empty,
        "<html><body><nav>首页</nav><script>x</script></body></html>",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    assert!(matches!(
        import::import(&empty, out.path(), &ImportRules::builtin()),
        Err(ImportError::Empty(_))
    ));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}
