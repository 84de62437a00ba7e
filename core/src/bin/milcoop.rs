//! `milcoop`: build, check, export and publish the corpus from the command line.

use milcoop_core::ingest::anchor;
use milcoop_core::tools::pipeline::{self, Built, REGISTRY};
use milcoop_core::tools::{check, export, score};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: milcoop [--corpus DIR] <command>

commands:
  export    print the whole dataset as one JSON object
  check     list joins, omissions, aliases and orphans; fail on any integrity problem
  passages  print every passage id and the start of its text
  events    print every extracted event, with its sources, for review
  events --score  score the events against the gold set (core/testdata/gold): recall and
                precision per type, then every miss; fails below the thresholds the tests use
  events --score --set NAME  the same on an evaluation set of documents written apart from
                the rules, each with its gold (core/testdata/NAME: heldout, blind; see
                docs/extraction.md for how each was used)
  parallel  print the aligned Chinese and English passages of bilingual documents
  synth N DIR   write a corpus N times the size into DIR (the real documents and N-1 varied
                copies of each: paragraphs shuffled, years shifted, partners swapped), for benchmarks
  import PATH...  turn saved web pages (.html) or text files into corpus files in the corpus
                folder: the text verbatim, a header with what the page states and `unknown`
                for the rest; never overwrites; prints what it could not determine
  prerender DOC  print a plain HTML page of one document's passages (the benchmark's floor)
  prerender --all DIR  write that page for every document into DIR, as DOC.html (the
                benchmark indexes them with Pagefind)
  shards DIR QUERY...  write the site's search files into DIR (search.bin, the table, and
                shard-KEY-HASH.bin, as the build does; docs/scale.md) and print, a line per
                query, the shard files it needs once expanded with the thesaurus
                (scripts/bench-shards.mjs sizes them)
  publish   record today's passage ids in corpus/published-ids.jsonl so later builds re-anchor them
  dataset   write the compact binary dataset the page embeds to stdout";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut corpus: Option<PathBuf> = None;
    let mut command = None;
    let mut rest: Vec<String> = Vec::new();
    let mut set: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => corpus = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if command.is_none() => command = Some(arg),
            _ if matches!(command.as_deref(), Some("synth" | "prerender")) && rest.len() < 2 => {
                rest.push(arg)
            }
            _ if matches!(command.as_deref(), Some("import" | "shards")) => rest.push(arg),
            "--score" if command.as_deref() == Some("events") => rest.push(arg),
            "--set" if command.as_deref() == Some("events") => match args.next() {
                Some(name) if score::evaluation_set(&name).is_some() => set = Some(name),
                _ => return usage_error("--set needs the name of an evaluation set"),
            },
            _ => return usage_error(&format!("unexpected argument {arg:?}")),
        }
    }
    let Some(command) = command else {
        return usage_error("no command given");
    };
    let set_dir = set.as_deref().and_then(score::evaluation_set);
    let dir = match (corpus, &set_dir) {
        (Some(dir), _) => dir,
        (None, Some(set)) => set.clone(),
        (None, None) => pipeline::default_corpus_dir(),
    };
    if command == "import" {
        return import(&rest, &dir);
    }
    if command == "synth" {
        let (Some(factor), Some(out)) = (
            rest.first().and_then(|n| n.parse::<usize>().ok()),
            rest.get(1),
        ) else {
            return usage_error("synth needs a factor (a whole number) and an output folder");
        };
        return match milcoop_core::tools::synth::write(
            &dir,
            std::path::Path::new(out),
            factor.max(1),
        ) {
            Ok(n) => {
                eprintln!("milcoop: wrote {n} documents to {out}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("milcoop: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let built = match pipeline::build_dir(&dir) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("milcoop: {e}");
            return ExitCode::FAILURE;
        }
    };
    match command.as_str() {
        "export" => print_json(&built),
        "check" => run_check(&built),
        "passages" => {
            let mut out = std::io::stdout().lock();
            for p in &built.dataset.passages {
                let head: String = p.text.chars().take(40).collect();
                // A closed pipe (`| head`) just ends the listing.
                if writeln!(out, "{}\t{}\t{}", p.id, p.lang.code(), head).is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        "publish" => publish(&built, &dir),
        "prerender" if rest.first().map(String::as_str) == Some("--all") => {
            let Some(into) = rest.get(1) else {
                return usage_error("prerender --all needs a folder to write the pages into");
            };
            prerender_all(&built.dataset, Path::new(into))
        }
        "prerender" => {
            let ds = &built.dataset;
            let Some((doc, _)) = rest.first().and_then(|d| ds.document(d)) else {
                return usage_error("prerender needs the id of a document in the corpus");
            };
            print!("{}", export::floor_html(ds, doc));
            ExitCode::SUCCESS
        }
        "shards" => match rest.split_first() {
            Some((into, queries)) => write_shards(&built.dataset, Path::new(into), queries),
            None => usage_error("shards needs a folder to write the shards into"),
        },
        "parallel" => {
            let ds = &built.dataset;
            let head =
                |i: u32| -> String { ds.passages[i as usize].text.chars().take(36).collect() };
            for &(zh, en) in &ds.counterparts {
                println!(
                    "{}\t{}\n  {}\n  {}",
                    ds.passages[zh as usize].id,
                    ds.passages[en as usize].id,
                    head(zh),
                    head(en)
                );
            }
            ExitCode::SUCCESS
        }
        "events" if rest.iter().any(|a| a == "--score") => print_score(&built, set_dir),
        "events" => {
            print_events(&built);
            ExitCode::SUCCESS
        }
        "dataset" => {
            let bytes = built.dataset.encode();
            match std::io::stdout().write_all(&bytes) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("milcoop: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        other => usage_error(&format!("unknown command {other:?}")),
    }
}

/// Scores the events against the gold set, or an evaluation set's gold (which reports
/// without failing: its documents were not written for the thresholds).
fn print_score(built: &Built, set: Option<PathBuf>) -> ExitCode {
    let evaluation = set.is_some();
    let dir = set.map_or_else(score::default_gold_dir, |s| s.join("gold"));
    let gold = match score::read_gold(&dir) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("milcoop: gold set: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = score::score(&built.dataset, &gold);
    print!("{}", result.table());
    let short = score::below_thresholds(&result);
    if short.is_empty() || evaluation {
        ExitCode::SUCCESS
    } else {
        eprintln!("milcoop: below the thresholds: {}", short.join("; "));
        ExitCode::FAILURE
    }
}

/// Every document's plain page (`export::floor_html`) as `DIR/<doc id>.html`.
fn prerender_all(ds: &milcoop_core::model::StoredDataset, into: &Path) -> ExitCode {
    let written = std::fs::create_dir_all(into).and_then(|()| {
        (0..ds.documents.len()).try_for_each(|doc| {
            let path = into.join(format!("{}.html", ds.documents[doc].id));
            std::fs::write(path, export::floor_html(ds, doc as u32))
        })
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {e}", into.display());
            ExitCode::FAILURE
        }
    }
}

/// Writes the site's search files into `into` (as build.rs does: the table as
/// `search.bin`, the shard files named by key and content), and prints each query with the
/// shard files it needs (tab-separated, the files space-separated).
fn write_shards(ds: &milcoop_core::Dataset, into: &Path, queries: &[String]) -> ExitCode {
    use milcoop_core::query::sharded::shard_file_name;
    let (table, files) = ds.search_files(milcoop_core::tools::version::file_hash);
    let written = std::fs::create_dir_all(into).and_then(|()| {
        std::fs::write(into.join("search.bin"), table.encode())?;
        files
            .iter()
            .try_for_each(|(name, bytes)| std::fs::write(into.join(name), bytes))
    });
    if let Err(e) = written {
        eprintln!("error: {}: {e}", into.display());
        return ExitCode::FAILURE;
    }
    eprintln!("milcoop: {} shard files in {}", files.len(), into.display());
    for q in queries {
        let needed: Vec<String> = (table.files_for(&ds.expand(q, &[])).iter())
            .map(|(key, hash)| shard_file_name(key, *hash))
            .collect();
        println!("{q}\t{}", needed.join(" "));
    }
    ExitCode::SUCCESS
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("milcoop: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn print_json(built: &Built) -> ExitCode {
    let value = export::export(built);
    println!(
        "{}",
        serde_json::to_string_pretty(&value).expect("JSON values serialise")
    );
    ExitCode::SUCCESS
}

fn run_check(built: &Built) -> ExitCode {
    let report = check::check(built);
    print!("{}", report.listing);
    if report.ok() {
        println!("check: ok");
        ExitCode::SUCCESS
    } else {
        for p in &report.problems {
            println!("problem: {p}");
        }
        println!("check: {} problems", report.problems.len());
        ExitCode::FAILURE
    }
}

fn publish(built: &Built, dir: &std::path::Path) -> ExitCode {
    let new = anchor::unpublished(&built.dataset, &built.registry);
    let path = dir.join(REGISTRY);
    let mut lines = String::new();
    for record in &new {
        lines.push_str(&serde_json::to_string(record).expect("records serialise"));
        lines.push('\n');
    }
    let result = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(lines.as_bytes()));
    match result {
        Ok(()) => {
            println!("published {} new ids to {}", new.len(), path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("milcoop: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn print_events(built: &Built) {
    let ds = &built.dataset;
    let mut out = std::io::stdout().lock();
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "-".into());
    for e in &ds.events {
        let when = match (e.start, e.end) {
            (Some(s), Some(t)) => format!("{s}..{t}"),
            (Some(s), None) => s.to_string(),
            _ => "undated".into(),
        };
        let mut who = e.countries.clone();
        who.extend(e.organisations.iter().cloned());
        let ok = writeln!(
            out,
            "{}  {:<12} {:<21} {:<24} {:<30} at {}",
            e.id,
            e.kind.slug(),
            when,
            or_dash(e.name.clone()),
            if who.is_empty() {
                "-".into()
            } else {
                who.join(",")
            },
            or_dash(e.location.clone()),
        )
        .and_then(|_| {
            e.sources.iter().try_for_each(|s| {
                writeln!(
                    out,
                    "      {}  {}",
                    ds.passages[s.passage as usize].id, s.quote
                )
            })
        });
        if ok.is_err() {
            return;
        }
    }
    for f in &ds.figures {
        let as_of = f.as_of.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        if writeln!(
            out,
            "figure  {} {} (as of {as_of})  {}",
            f.value, f.unit, f.quote
        )
        .is_err()
        {
            return;
        }
    }
}

/// `milcoop import`: every file in turn; says what each could not determine. Fails when
/// any file could not be imported (the others are still written).
fn import(paths: &[String], corpus: &std::path::Path) -> ExitCode {
    use milcoop_core::tools::import::{self, ImportRules};
    if paths.is_empty() {
        return usage_error("import needs one or more files (saved .html pages or .txt files)");
    }
    let rules = ImportRules::builtin();
    let mut failed = false;
    let mut written = 0;
    for path in paths {
        match import::import(std::path::Path::new(path), corpus, &rules) {
            Ok(done) => {
                written += 1;
                println!("{path} -> {} (id {})", done.path.display(), done.id);
                if done.unknown.is_empty() {
                    println!("  every header field was found in the page");
                } else {
                    println!(
                        "  could not determine: {} (written `unknown`; edit the header)",
                        done.unknown.join(", ")
                    );
                }
                if done.dropped > 0 {
                    println!(
                        "  left out {} elements of site chrome or code",
                        done.dropped
                    );
                }
                for (line, reason) in &done.boilerplate {
                    println!("  not a passage ({reason}): {line}");
                }
            }
            Err(e) => {
                eprintln!("milcoop: {e}");
                failed = true;
            }
        }
    }
    if written > 0 {
        println!("next: `milcoop check` lists the new documents with everything else");
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
