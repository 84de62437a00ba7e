//! The search shards (`query::shards`) answer as the index built from the texts does: over
//! the corpus, with only the shards each query asks for, read back from their bytes, for
//! queries cut from the corpus's own text and for every query of `testdata/search.toml`
//! expanded with the thesaurus; and a page of the site, the shell searching through the
//! shard files each query fetches, filters passages and events as the whole dataset does.

use milcoop_core::query::filter::{apply, Filters, Results};
use milcoop_core::query::search::{fold, is_han, parse_query, Index, Part};
use milcoop_core::query::sharded::{shard_file_name, SearchTable, ShardFile};
use milcoop_core::query::shards::{Shard, ShardTable};
use milcoop_core::tools::pipeline::build_dir;
use milcoop_core::Dataset;
use std::collections::BTreeMap;
use std::path::Path;

fn corpus() -> Dataset {
    build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
        .expect("the corpus builds")
        .dataset
}

/// The shards of the corpus as the site would write them: table and shards encoded, then
/// read back.
fn written(texts: &[&str]) -> (ShardTable, BTreeMap<String, Shard>) {
    let (table, shards) = Index::build_positional(texts.iter().copied()).shards();
    let table = ShardTable::decode(&table.encode()).expect("the table reads back");
    let shards = shards
        .into_iter()
        .map(|(k, s)| (k, Shard::decode(&s.encode()).expect("a shard reads back")))
        .collect();
    (table, shards)
}

/// An index of only the shards `keys` names, as a page that fetched just those.
fn fetched(
    table: &ShardTable,
    shards: &BTreeMap<String, Shard>,
    keys: impl IntoIterator<Item = String>,
) -> Index {
    let keys: Vec<String> = keys.into_iter().collect();
    Index::from_shards(table, keys.iter().filter_map(|k| shards.get(k)))
        .expect("the shards fit their table")
}

/// Queries cut from the texts: Han runs of one to six characters, words and their
/// prefixes, two of them together, and two adjacent words as a phrase.
fn queries_from(texts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for text in texts.iter().step_by(2) {
        let chars: Vec<char> = fold(text).chars().collect();
        let han: Vec<usize> = (0..chars.len()).filter(|&i| is_han(chars[i])).collect();
        for (k, &i) in han.iter().enumerate().step_by(23) {
            let len = 1 + k % 6;
            if i + len <= chars.len() && chars[i..i + len].iter().all(|&c| is_han(c)) {
                out.push(chars[i..i + len].iter().collect());
            }
        }
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() || is_han(c))
            .filter(|w| !w.is_empty())
            .collect();
        for (k, w) in words.iter().enumerate().step_by(11) {
            out.push(w.to_string());
            out.push(w.chars().take(1 + k % 3).collect());
            if let Some(next) = words.get(k + 1) {
                out.push(format!("{w} {next}"));
                out.push(format!("\"{w} {next}\""));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `text` holds the words of `phrase` (a quoted query of words) whole, in order,
/// each as far from the first as in the phrase.
fn words_in_place(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() && !is_han(c);
    let chars: Vec<char> = fold(text).chars().collect();
    let folded = fold(phrase.trim_matches('"').trim());
    let words: Vec<(Vec<char>, usize)> = folded
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.chars().count() + 1;
            Some((w.chars().collect(), here))
        })
        .collect();
    let whole_at = |word: &[char], at: usize| {
        chars.get(at..at + word.len()) == Some(word)
            && (at == 0 || !is_word(chars[at - 1]))
            && chars.get(at + word.len()).is_none_or(|&c| !is_word(c))
    };
    (0..chars.len()).any(|start| words.iter().all(|(w, at)| whole_at(w, start + at)))
}

#[test]
fn each_query_answered_from_its_shards_as_from_the_texts() {
    let ds = corpus();
    let texts: Vec<&str> = ds.passages.iter().map(|p| p.text.as_str()).collect();
    let whole = Index::build(texts.iter().copied());
    let (table, shards) = written(&texts);
    assert!(
        shards.len() > 1,
        "the corpus is split: {} shards",
        shards.len()
    );
    let text = |p: u32| texts[p as usize];
    let queries = queries_from(&texts);
    assert!(queries.len() > 300, "{} queries", queries.len());
    let mut failures = Vec::new();
    for q in &queries {
        let keys = table.keys_for_text(q);
        let sharded = fetched(&table, &shards, keys.clone()).ranked(q, |_| "");
        let expected = whole.ranked(q, text);
        let phrase = parse_query(q).iter().any(|p| matches!(p, Part::Phrase(_)));
        if phrase {
            // A phrase's words whole and in place, whatever stands between them (the doc
            // of `Index::in_place`), checked here on each text by hand.
            let found: Vec<u32> = sharded.iter().map(|h| h.0).collect();
            let by_hand: Vec<u32> = (0..texts.len() as u32)
                .filter(|&p| words_in_place(texts[p as usize], q))
                .collect();
            let mut sorted = found.clone();
            sorted.sort_unstable();
            if sorted != by_hand {
                failures.push(format!("{q}: found {sorted:?}, in place {by_hand:?}"));
            }
        } else if sharded != expected {
            failures.push(format!(
                "{q} (shards {keys:?}): {} found, {} expected",
                sharded.len(),
                expected.len()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        queries.len(),
        failures.join("\n")
    );
}

#[test]
fn expanded_queries_answered_from_their_shards_as_from_the_texts() {
    #[derive(serde::Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }
    #[derive(serde::Deserialize)]
    struct Case {
        query: String,
    }
    let ds = corpus();
    let texts: Vec<&str> = ds.passages.iter().map(|p| p.text.as_str()).collect();
    let whole = Index::build(texts.iter().copied());
    let (table, shards) = written(&texts);
    let cases: Cases =
        toml::from_str(include_str!("../testdata/search.toml")).expect("cases parse");
    let mut compared = 0;
    for case in &cases.case {
        let q = ds.expand(&case.query, &[]);
        // Phrases differ by design where punctuation stands between their words (above).
        let phrases = q
            .groups
            .iter()
            .flat_map(|g| g.texts())
            .any(|(_, parts)| parts.iter().any(|p| matches!(p, Part::Phrase(_))));
        let index = fetched(&table, &shards, table.keys_for_query(&q));
        let sharded = index.ranked_query(&q, |_| "", |_| Vec::new());
        let expected = whole.ranked_query(&q, |p| texts[p as usize], |_| Vec::new());
        if phrases {
            // The thesaurus' phrases are whole words: whatever the texts' test finds, the
            // positions find too (the test above checks phrases exactly, by hand).
            let found: Vec<u32> = sharded.iter().map(|h| h.0).collect();
            assert!(
                expected.iter().all(|h| found.contains(&h.0)),
                "{}",
                case.query
            );
        } else {
            assert_eq!(sharded, expected, "{}", case.query);
            compared += 1;
        }
    }
    assert!(compared > 5, "{compared} queries compared in full");
}

#[test]
fn a_query_without_its_shards_finds_nothing_it_should_not() {
    let ds = corpus();
    let texts: Vec<&str> = ds.passages.iter().map(|p| p.text.as_str()).collect();
    let (table, shards) = written(&texts);
    // With no shard, no term is known: nothing is found, rather than everything.
    assert!(fetched(&table, &shards, [])
        .ranked("维和", |_| "")
        .is_empty());
    // A Han query of one character needs a character shard, of two a bigram shard.
    let one = table.keys_for_text("维");
    let two = table.keys_for_text("维和");
    assert!(
        one.iter().all(|k| k.starts_with('u')) && one.len() == 1,
        "{one:?}"
    );
    assert!(
        two.iter().all(|k| k.starts_with('b')) && two.len() == 1,
        "{two:?}"
    );
    // A word of one letter needs every shard of its words.
    let p = table.keys_for_text("p");
    assert!(
        p.len() > 1 && p.iter().all(|k| k.starts_with("w70")),
        "{p:?}"
    );
}

/// A page's dataset as the site ships it: the shell (no texts) searching through the
/// site's shard files, each query fetching only the files it is missing, read from bytes.
struct SitePage {
    shell: Dataset,
    files: BTreeMap<String, Vec<u8>>,
}

impl SitePage {
    fn of(whole: &Dataset) -> SitePage {
        let hash = |bytes: &[u8]| {
            bytes
                .iter()
                .fold(7u64, |h, &b| h.wrapping_mul(31) ^ b as u64)
        };
        let (table, named) = whole.search_files(hash);
        let shell = Dataset::new(whole.shell().0).expect("the shell is valid");
        shell
            .use_shards(SearchTable::decode(&table.encode()).expect("the table reads back"))
            .expect("the table is the shell's");
        SitePage {
            shell,
            files: named.into_iter().collect(),
        }
    }

    /// Filters by `query`, after fetching the files it needs.
    fn apply(&self, query: &str) -> Results {
        let q = self.shell.expand(query, &[]);
        let missing = self.shell.shards_missing(&q);
        let read = missing
            .into_iter()
            .map(|(key, hash)| {
                let bytes = &self.files[&shard_file_name(&key, hash)];
                (
                    key,
                    ShardFile::decode(bytes).expect("a shard file reads back"),
                )
            })
            .collect();
        self.shell
            .add_shards(read)
            .expect("the files fit their table");
        assert!(
            self.shell.shards_missing(&q).is_empty(),
            "{query}: all read"
        );
        apply(
            &self.shell,
            &Filters {
                q: query.into(),
                ..Filters::default()
            },
        )
    }
}

#[test]
fn a_search_table_of_another_dataset_is_refused() {
    let whole = corpus();
    let (table, _) = whole.search_files(|_| 0);
    let mut stored = whole.shell().0;
    stored.events.pop();
    let kept = stored.events.len() as u32;
    stored
        .passage_events
        .iter_mut()
        .for_each(|list| list.retain(|&e| e < kept));
    stored
        .figures
        .iter_mut()
        .for_each(|f| f.events.retain(|&e| e < kept));
    let other = Dataset::new(stored).expect("still valid");
    let refused = other.use_shards(table).unwrap_err().to_string();
    assert!(refused.contains("the search table counts"), "{refused}");
    assert!(!other.is_sharded());
}

#[test]
fn the_site_filters_through_its_shard_files_as_the_whole_dataset_does() {
    let whole = corpus();
    let page = SitePage::of(&whole);
    let texts: Vec<&str> = whole.passages.iter().map(|p| p.text.as_str()).collect();
    let mut queries = queries_from(&texts);
    // No phrases: they differ by design where punctuation stands between their words.
    queries.retain(|q| !q.contains('"'));
    queries.extend(
        [
            "维和",
            "Golden Dragon",
            "护航",
            "Russia",
            "peacekeeping",
            "和平使命",
            "海军",
        ]
        .map(String::from),
    );
    let mut events_found = 0;
    for query in &queries {
        let expected = apply(
            &whole,
            &Filters {
                q: query.clone(),
                ..Filters::default()
            },
        );
        let found = page.apply(query);
        assert_eq!(found.passages, expected.passages, "{query}: passages");
        assert_eq!(found.events, expected.events, "{query}: events");
        events_found += found.events.len();
    }
    assert!(
        queries.len() > 200 && events_found > 100,
        "{} queries, {events_found} events",
        queries.len()
    );
}
