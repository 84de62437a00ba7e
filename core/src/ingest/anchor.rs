//! Re-anchoring links published against earlier versions of the corpus.
//!
//! Every id that was ever published is recorded in `corpus/published-ids.jsonl` with its
//! text, its position and a little context (as Hypothesis anchors annotations). When the
//! corpus changes and an id no longer names a passage, the build looks for its text in this
//! order: the exact text anywhere; the passage now at the recorded position, if its text is
//! still similar; the most similar passage of the document, with the recorded context as
//! evidence. A link that cannot be placed with confidence becomes an orphan, shown as such.

use crate::model::{Alias, AnchorMethod, Orphan, StoredDataset};
use serde::{Deserialize, Serialize};

/// Similarity a passage must reach for the position hint to hold.
const POSITION_MIN: f64 = 0.5;
/// Similarity for a fuzzy match with no supporting context.
const FUZZY_MIN: f64 = 0.75;
/// Similarity for a fuzzy match whose neighbours still match the recorded context.
const FUZZY_WITH_CONTEXT_MIN: f64 = 0.6;
/// Characters of context recorded on each side.
const CONTEXT: usize = 32;

/// One published id, as recorded when it was first published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub id: String,
    pub doc: String,
    pub index: u32,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

/// Parses the registry (one JSON object per line; blank lines allowed).
pub fn parse_registry(text: &str) -> Result<Vec<Published>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Records for today's passages that the registry does not hold yet.
pub fn unpublished(dataset: &StoredDataset, registry: &[Published]) -> Vec<Published> {
    dataset
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| !registry.iter().any(|r| r.id == p.id))
        .map(|(i, p)| {
            let doc = &dataset.documents[p.doc as usize];
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| dataset.passages.get(j))
                    .filter(|n| n.doc == p.doc)
                    .map(|n| n.text.as_str())
                    .unwrap_or("")
            };
            Published {
                id: p.id.clone(),
                doc: doc.id.clone(),
                index: p.index,
                quote: p.text.clone(),
                prefix: last_chars(neighbour(i.checked_sub(1)), CONTEXT),
                suffix: neighbour(Some(i + 1)).chars().take(CONTEXT).collect(),
            }
        })
        .collect()
}

fn last_chars(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// Bigram Dice similarity of two texts, from 0 (nothing shared) to 1 (same bigrams).
pub fn similarity(a: &str, b: &str) -> f64 {
    fn bigrams(s: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<_> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() && y.is_empty() {
        return if a.trim() == b.trim() { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// Places every published id that no longer names a passage: an alias or an orphan.
pub fn reanchor(dataset: &StoredDataset, registry: &[Published]) -> (Vec<Alias>, Vec<Orphan>) {
    let mut aliases = Vec::new();
    let mut orphans = Vec::new();
    for record in registry {
        if dataset.passages.iter().any(|p| p.id == record.id) {
            continue;
        }
        match place(dataset, record) {
            Some((passage, method)) => aliases.push(Alias {
                old: record.id.clone(),
                passage,
                method,
            }),
            None => orphans.push(Orphan {
                old: record.id.clone(),
                doc: document_index(dataset, &record.doc),
                quote: record.quote.clone(),
            }),
        }
    }
    (aliases, orphans)
}

/// Where document `id` stands in the dataset being built.
fn document_index(dataset: &StoredDataset, id: &str) -> Option<u32> {
    dataset
        .documents
        .iter()
        .position(|d| d.id == id)
        .map(|i| i as u32)
}

fn place(dataset: &StoredDataset, record: &Published) -> Option<(u32, AnchorMethod)> {
    let passages = &dataset.passages;
    if let Some(i) = passages.iter().position(|p| p.text == record.quote) {
        return Some((i as u32, AnchorMethod::ExactText));
    }
    let doc = document_index(dataset, &record.doc)?;
    let in_doc: Vec<usize> = (0..passages.len())
        .filter(|&i| passages[i].doc == doc)
        .collect();
    if let Some(&i) = in_doc.iter().find(|&&i| passages[i].index == record.index) {
        if similarity(&passages[i].text, &record.quote) >= POSITION_MIN {
            return Some((i as u32, AnchorMethod::Position));
        }
    }
    let context_holds = |i: usize| {
        let before = i
            .checked_sub(1)
            .filter(|j| passages[*j].doc == doc)
            .map(|j| passages[j].text.as_str())
            .unwrap_or("");
        let after = passages
            .get(i + 1)
            .filter(|p| p.doc == doc)
            .map(|p| p.text.as_str())
            .unwrap_or("");
        (!record.prefix.is_empty() && before.ends_with(&record.prefix))
            || (!record.suffix.is_empty() && after.starts_with(&record.suffix))
    };
    in_doc
        .iter()
        .map(|&i| (i, similarity(&passages[i].text, &record.quote)))
        .filter(|&(i, s)| s >= FUZZY_MIN || (s >= FUZZY_WITH_CONTEXT_MIN && context_holds(i)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| (i as u32, AnchorMethod::FuzzyQuote))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Lang, Passage};

    fn dataset(texts: &[&str]) -> StoredDataset {
        let passages = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Passage {
                id: format!("d.{i}{}", t.chars().count()),
                doc: 0,
                index: i as u32 + 1,
                lang: Lang::Zh,
                section: None,
                text: t.to_string(),
                years: Vec::new(),
                countries: Vec::new(),
                partners: Vec::new(),
            })
            .collect();
        StoredDataset {
            documents: vec![Document {
                title: "t".into(),
                source_file: "s".into(),
                ..Document::stub("d")
            }],
            passages,
            ..StoredDataset::default()
        }
    }

    const OLD: [&str; 3] = [
        "中国已与150多个国家建立军事关系，在109个国家设立武官处。",
        "2007年以来，共与20多个国家举行了20余次联合军事演习或综合演练。",
        "开展人才培养合作与交流，扩大军事留学生派遣数量。",
    ];

    fn registry_for(texts: &[&str]) -> Vec<Published> {
        let mut old = dataset(texts);
        for p in &mut old.passages {
            p.id = format!("old.{}", p.index);
        }
        unpublished(&old, &[])
    }

    #[test]
    fn moved_text_is_found_exactly() {
        let registry = registry_for(&OLD);
        let now = dataset(&["新的一段。", OLD[0], OLD[1], OLD[2]]);
        let (aliases, orphans) = reanchor(&now, &registry);
        assert!(orphans.is_empty());
        assert_eq!(aliases.len(), 3);
        assert!(aliases.iter().all(|a| a.method == AnchorMethod::ExactText));
        assert_eq!(aliases[1].passage, 2);
    }

    #[test]
    fn edited_text_is_found_by_position_or_quote() {
        let registry = registry_for(&OLD);
        // A small edit in place: the position hint holds.
        let edited = "2007年以来，共与20多个国家举行了20余次联合军事演习。";
        let now = dataset(&[OLD[0], edited, OLD[2]]);
        let (aliases, _) = reanchor(&now, &registry);
        let a = aliases.iter().find(|a| a.old == "old.2").unwrap();
        assert_eq!((a.passage, a.method), (1, AnchorMethod::Position));

        // The edited passage also moved: the fuzzy quote finds it.
        let now = dataset(&["插入的新段落，与旧文无关。", OLD[0], OLD[2], edited]);
        let (aliases, orphans) = reanchor(&now, &registry);
        let a = aliases.iter().find(|a| a.old == "old.2").unwrap();
        assert_eq!((a.passage, a.method), (3, AnchorMethod::FuzzyQuote));
        assert!(orphans.is_empty());
    }

    #[test]
    fn vanished_text_becomes_an_orphan_not_a_wrong_passage() {
        let registry = registry_for(&OLD);
        let now = dataset(&[OLD[0], "完全不同的内容，谈论别的事情。", OLD[2]]);
        let (aliases, orphans) = reanchor(&now, &registry);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].old, "old.2");
        assert_eq!(orphans[0].quote, OLD[1]);
        assert!(!aliases.iter().any(|a| a.old == "old.2"));
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("中国军队", "中国军队"), 1.0);
        assert_eq!(similarity("中国军队", "美国海军"), 0.0);
        let s = similarity(
            OLD[1],
            "2007年以来，共与20多个国家举行了20余次联合军事演习。",
        );
        assert!(s > 0.8 && s < 1.0, "{s}");
    }
}
