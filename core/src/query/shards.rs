//! The passages' search index split into shards, for a site that does not send every text
//! to the page (docs/scale.md, step 3). The index is built at build time with the same
//! tokenizer as in the page ([`Index::build_positional`]), and each term goes to one shard
//! file; a query needs only the shards of its terms ([`ShardTable::keys_for`]), and the
//! page puts those it has together into an ordinary [`Index`] ([`Index::from_shards`]),
//! which verifies a query on the positions its terms keep rather than on the texts.
//!
//! How terms are split, and why:
//! - Han characters alone (`u…`) and Han bigrams (`b…`) are spread over buckets by a hash
//!   of the term, since they are looked up whole: spreading by the first character would
//!   put every 中X bigram, the corpus's largest family, in one file. Characters alone keep
//!   no positions ([`has_positions`]) and have shards of their own, so that a query of
//!   longer Han text, which needs bigrams only, does not download them.
//! - Words (`w…`) are looked up by prefix, so they are split by their first two
//!   characters: a query word of two or more characters needs one shard, a word of one
//!   character every shard that starts with it.
//!
//! The number of buckets grows with the index ([`ShardPlan::for_size`]), so that a shard
//! stays a few tens of kilobytes at any corpus size. Postings and positions are stored as
//! gaps (small numbers, which postcard writes in one or two bytes).

use crate::query::expand::Query;
use crate::query::search::{has_positions, is_han, parse_query, query_terms, Index, Part};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How many buckets the Han terms are spread over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardPlan {
    /// Buckets for Han characters alone (shards `u0` …).
    pub characters: u32,
    /// Buckets for Han bigrams (shards `b0` …).
    pub bigrams: u32,
}

/// Roughly how large a shard should be, in encoded bytes: small enough that a query of a
/// few terms stays well under the benchmark's 300 KB, large enough that a corpus of
/// thousands of documents is hundreds of files rather than hundreds of thousands.
const SHARD_BYTES: usize = 24_000;

impl ShardPlan {
    /// Buckets for an index whose encoded postings take about `bigram_bytes` (bigrams) and
    /// `character_bytes` (characters alone): powers of two, at least one.
    pub fn for_size(character_bytes: usize, bigram_bytes: usize) -> ShardPlan {
        let buckets = |bytes: usize| (bytes / SHARD_BYTES).max(1).next_power_of_two() as u32;
        ShardPlan {
            characters: buckets(character_bytes),
            bigrams: buckets(bigram_bytes),
        }
    }

    /// The shard that holds `term`.
    pub fn key(&self, term: &str) -> String {
        let mut chars = term.chars();
        match (chars.next(), chars.next()) {
            // `max(1)`: a table read from a damaged file may say 0.
            (Some(c), None) if is_han(c) => format!("u{:x}", fnv(term) % self.characters.max(1)),
            (Some(a), Some(b)) if is_han(a) && is_han(b) && chars.next().is_none() => {
                format!("b{:x}", fnv(term) % self.bigrams.max(1))
            }
            (Some(a), second) => word_key(a, second),
            (None, _) => "w".into(),
        }
    }
}

/// A word's shard: its first two characters as code points (file names stay ASCII).
fn word_key(first: char, second: Option<char>) -> String {
    match second {
        Some(b) => format!("w{:x}_{:x}", first as u32, b as u32),
        None => format!("w{:x}", first as u32),
    }
}

/// FNV-1a over the term's UTF-8: the same number in the build and in the page.
fn fnv(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// One shard: its terms, sorted, each with its postings (passage gaps and term counts) and
/// their positions (gaps; empty for a term that keeps none).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    /// The shard's terms, sorted.
    pub terms: Vec<String>,
    /// For each term, its postings: (passage, as the gap from the one before; count).
    pub postings: Vec<Vec<(u32, u16)>>,
    /// For each posting, where the term stands in that passage, as gaps.
    pub positions: Vec<Vec<Vec<u32>>>,
}

impl Shard {
    /// The shard as the site stores it (postcard).
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a shard encodes")
    }

    /// A shard read back; [`Index::from_shards`] checks it against its table.
    pub fn decode(bytes: &[u8]) -> Result<Shard, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// What every query needs besides its shards: each passage's length in terms (for BM25),
/// the plan, and the keys of the shards there are (a word of one character needs all the
/// shards that start with it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShardTable {
    /// How terms were spread; `None` only in an empty table (`ShardTable::default()`),
    /// which names no shard.
    pub plan: Option<ShardPlan>,
    /// Each passage's length in terms, in passage order.
    pub lengths: Vec<u32>,
    /// The keys of the shards there are, sorted.
    pub keys: Vec<String>,
}

impl ShardTable {
    /// The table as the site stores it (postcard).
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a shard table encodes")
    }

    /// A table read back.
    pub fn decode(bytes: &[u8]) -> Result<ShardTable, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// The shards the parts of a query need, as keys of this table.
    pub fn keys_for(&self, parts: &[Part]) -> BTreeSet<String> {
        let Some(plan) = self.plan else {
            return BTreeSet::new();
        };
        let mut keys = BTreeSet::new();
        for part in parts {
            match part {
                // A word is a prefix: the shard of its first two characters, or, for a word
                // of one character, every shard that starts with it.
                Part::Word(w) => {
                    let mut chars = w.chars();
                    match (chars.next(), chars.next()) {
                        (Some(a), Some(b)) => {
                            keys.insert(word_key(a, Some(b)));
                        }
                        (Some(a), None) => {
                            let family = word_key(a, None);
                            let longer = format!("{family}_");
                            keys.extend(
                                (self.keys.iter())
                                    .filter(|k| **k == family || k.starts_with(&longer))
                                    .cloned(),
                            );
                        }
                        _ => {}
                    }
                }
                Part::Han(t) | Part::Phrase(t) => {
                    keys.extend(query_terms(t).iter().map(|term| plan.key(term)));
                }
            }
        }
        keys.retain(|k| self.keys.binary_search(k).is_ok());
        keys
    }

    /// The shards an expanded query needs: those of every text of every group.
    pub fn keys_for_query(&self, q: &Query) -> BTreeSet<String> {
        q.groups
            .iter()
            .flat_map(|g| g.texts())
            .flat_map(|(_, parts)| self.keys_for(parts))
            .collect()
    }

    /// The shards a query typed as text needs.
    pub fn keys_for_text(&self, query: &str) -> BTreeSet<String> {
        self.keys_for(&parse_query(query))
    }
}

/// Gaps between ascending numbers, and back.
fn gaps(values: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut last = 0;
    values
        .into_iter()
        .map(|v| {
            let gap = v - last;
            last = v;
            gap
        })
        .collect()
}

fn sums(gaps: &[u32]) -> Vec<u32> {
    let mut total = 0u32;
    gaps.iter()
        .map(|&g| {
            total = total.saturating_add(g);
            total
        })
        .collect()
}

impl Index {
    /// The index as shards (keyed as [`ShardPlan::key`] says) and their table. The index
    /// must keep positions ([`Index::build_positional`]).
    pub fn shards(&self) -> (ShardTable, BTreeMap<String, Shard>) {
        let (terms, postings, positions) = (&self.terms, &self.postings, self.positions());
        assert!(
            positions.len() == terms.len(),
            "shards are cut from an index built with positions (Index::build_positional)"
        );
        let size = |han: fn(&str) -> bool| -> usize {
            terms
                .iter()
                .zip(postings)
                .zip(positions)
                .filter(|((t, _), _)| han(t))
                .map(|((t, list), places)| {
                    t.len() + 3 * list.len() + places.iter().map(|v| 1 + v.len() * 2).sum::<usize>()
                })
                .sum()
        };
        self.shards_with(ShardPlan::for_size(size(is_character), size(is_bigram)))
    }

    /// The index as shards spread by `plan` (another index's, so that one key names the
    /// shards of both: the events' index is cut by the passages' plan).
    pub fn shards_with(&self, plan: ShardPlan) -> (ShardTable, BTreeMap<String, Shard>) {
        let (terms, postings, positions) = (&self.terms, &self.postings, self.positions());
        assert!(
            positions.len() == terms.len(),
            "shards are cut from an index built with positions (Index::build_positional)"
        );
        let mut shards: BTreeMap<String, Shard> = BTreeMap::new();
        for ((term, list), places) in terms.iter().zip(postings).zip(positions) {
            let shard = shards.entry(plan.key(term)).or_default();
            shard.terms.push(term.clone());
            let passage_gaps = gaps(list.iter().map(|&(p, _)| p));
            shard.postings.push(
                passage_gaps
                    .into_iter()
                    .zip(list.iter().map(|&(_, n)| n))
                    .collect(),
            );
            shard
                .positions
                .push(places.iter().map(|v| gaps(v.iter().copied())).collect());
        }
        let table = ShardTable {
            plan: Some(plan),
            lengths: self.lengths.clone(),
            keys: shards.keys().cloned().collect(),
        };
        (table, shards)
    }

    /// An index of the shards a page has so far: every query whose shards are among them
    /// ([`ShardTable::keys_for`]) is answered as the whole index would answer it, verified
    /// on positions. A shard that does not fit the table (lists of different lengths, a
    /// passage the table does not have: a damaged or mismatched file) is an error, named by
    /// what is wrong.
    pub fn from_shards<'a>(
        table: &ShardTable,
        shards: impl IntoIterator<Item = &'a Shard>,
    ) -> Result<Index, String> {
        let mut index = Index::assemble(
            Vec::new(),
            Vec::new(),
            table.lengths.clone(),
            Vec::new(),
            Vec::new(),
            true,
        );
        index.add_read(read_shards(table, shards)?);
        Ok(index)
    }

    /// Takes shards already read ([`read_shards`]) into an index made by
    /// [`Index::from_shards`]: the terms already here are moved, not read again (a page
    /// that put the index together again from every shard it holds paid more for each
    /// arrival as a session read more of it).
    pub fn add_read(&mut self, read: ReadShards) {
        let old = std::mem::take(&mut self.terms)
            .into_iter()
            .zip(std::mem::take(&mut self.postings))
            .zip(std::mem::take(&mut self.positions))
            .map(|((term, postings), positions)| Entry {
                term,
                postings,
                positions,
            });
        let merged = merge_sorted(old, read.0);
        self.terms.reserve(merged.len());
        self.postings.reserve(merged.len());
        self.positions.reserve(merged.len());
        for entry in merged {
            self.terms.push(entry.term);
            self.postings.push(entry.postings);
            self.positions.push(entry.positions);
        }
    }
}

/// Shards read back and checked against their table, sorted by term, for
/// [`Index::add_read`]: reading is the step that can fail, so that a page can read every
/// file of an arrival before it changes any index.
pub struct ReadShards(Vec<Entry>);

/// Reads `shards` back as numbers, checked against `table`.
pub fn read_shards<'a>(
    table: &ShardTable,
    shards: impl IntoIterator<Item = &'a Shard>,
) -> Result<ReadShards, String> {
    let mut read = Vec::new();
    for shard in shards {
        read.extend(read_shard(table, shard)?);
    }
    read.sort_by(|a, b| a.term.cmp(&b.term));
    read.dedup_by(|a, b| a.term == b.term);
    Ok(ReadShards(read))
}

/// One term of an index: its postings and their positions.
struct Entry {
    term: String,
    postings: Vec<(u32, u16)>,
    positions: Vec<Vec<u32>>,
}

/// The terms of `shard` read back as numbers, checked against `table`.
fn read_shard(table: &ShardTable, shard: &Shard) -> Result<Vec<Entry>, String> {
    let passages_known = table.lengths.len();
    let n = shard.terms.len();
    if shard.postings.len() != n || shard.positions.len() != n {
        return Err(format!(
            "a search shard lists {n} terms but not as many postings and positions"
        ));
    }
    let lists = shard.postings.iter().zip(&shard.positions);
    let mut read = Vec::with_capacity(n);
    for (term, (list, places)) in shard.terms.iter().zip(lists) {
        let passages = sums(&list.iter().map(|&(g, _)| g).collect::<Vec<_>>());
        if places.len() != list.len() {
            return Err(format!(
                "the search term {term:?} has {} postings but {} lists of positions",
                list.len(),
                places.len()
            ));
        }
        if let Some(&p) = passages.iter().find(|&&p| p as usize >= passages_known) {
            return Err(format!("the search term {term:?} names passage {p}, beyond the {passages_known} of its table"));
        }
        read.push(Entry {
            term: term.clone(),
            postings: passages
                .into_iter()
                .zip(list.iter().map(|&(_, n)| n))
                .collect(),
            positions: places.iter().map(|v| sums(v)).collect(),
        });
    }
    Ok(read)
}

/// Two lists of terms, each sorted and without repeats, as one; a term in both is kept
/// from `old` (a key's shard holds every posting of its terms, so both would be equal).
fn merge_sorted(old: impl Iterator<Item = Entry>, new: Vec<Entry>) -> Vec<Entry> {
    let mut out = Vec::with_capacity(old.size_hint().0 + new.len());
    let mut old = old.peekable();
    let mut new = new.into_iter().peekable();
    loop {
        let take_old = match (old.peek(), new.peek()) {
            (Some(a), Some(b)) => match a.term.cmp(&b.term) {
                std::cmp::Ordering::Less => true,
                std::cmp::Ordering::Greater => false,
                std::cmp::Ordering::Equal => {
                    new.next();
                    true
                }
            },
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_old { old.next() } else { new.next() });
    }
}

fn is_character(term: &str) -> bool {
    !has_positions(term)
}

fn is_bigram(term: &str) -> bool {
    let mut chars = term.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(a), Some(b), None) if is_han(a) && is_han(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sharded(texts: &[String]) -> (ShardTable, BTreeMap<String, Shard>) {
        Index::build_positional(texts.iter().map(String::as_str)).shards()
    }

    #[test]
    fn a_term_always_lands_in_the_same_shard() {
        let plan = ShardPlan {
            characters: 4,
            bigrams: 16,
        };
        assert!(plan.key("维").starts_with('u'));
        assert!(plan.key("维和").starts_with('b'));
        assert_eq!(plan.key("peace"), "w70_65");
        assert_eq!(plan.key("p"), "w70");
        assert_eq!(plan.key("维和"), plan.key("维和"));
        // The hash is FNV-1a: the build and the page compute the same number.
        assert_eq!(fnv(""), 0x811c_9dc5);
        assert_eq!(fnv("a"), 0xe40c_292c);
    }

    #[test]
    fn a_shard_that_does_not_fit_its_table_is_refused() {
        let texts = ["中俄联合演习".to_string(), "joint exercise".to_string()];
        let (table, shards) = sharded(&texts);
        let all: Vec<&Shard> = shards.values().collect();
        assert!(Index::from_shards(&table, all.iter().copied()).is_ok());
        let short = ShardTable {
            lengths: vec![3],
            ..table.clone()
        };
        let refused = Index::from_shards(&short, all.iter().copied()).unwrap_err();
        assert!(refused.contains("beyond the 1 of its table"), "{refused}");
        let mut torn = all[0].clone();
        torn.positions.pop();
        assert!(Index::from_shards(&table, [&torn]).is_err());
        // A plan read from a damaged table cannot divide by zero.
        let zero = ShardPlan {
            characters: 0,
            bigrams: 0,
        };
        assert_eq!(zero.key("维"), "u0");
    }

    #[test]
    fn gaps_and_sums_undo_each_other() {
        let values = [0, 3, 3, 10, 4000];
        assert_eq!(sums(&gaps(values)), values);
    }

    proptest::proptest! {
        /// Shards taken in over several arrivals, in any order and with repeats, make after
        /// each arrival the index that all the shards so far make when read at once.
        #[test]
        fn arrivals_merge_into_the_index_of_all_their_shards(
            texts in proptest::collection::vec("[a-z中俄两国联合演习 ＰＬＡé.-]{0,30}", 1..8),
            order in proptest::collection::vec(0usize..64, 0..24),
        ) {
            let (table, shards) = sharded(&texts);
            let all: Vec<&Shard> = shards.values().collect();
            let mut merged = Index::from_shards(&table, []).unwrap();
            let mut so_far: Vec<&Shard> = Vec::new();
            for at in order.chunks(3) {
                let arrival: Vec<&Shard> =
                    at.iter().filter_map(|&i| all.get(i % all.len().max(1)).copied()).collect();
                merged.add_read(read_shards(&table, arrival.iter().copied()).unwrap());
                so_far.extend(arrival);
                let at_once = Index::from_shards(&table, so_far.iter().copied()).unwrap();
                proptest::prop_assert_eq!(&merged, &at_once);
            }
        }

        /// Any query without a phrase finds, from only the shards it asks for, the passages
        /// the index of the texts finds, in the same order and with the same scores.
        #[test]
        fn shards_answer_as_the_texts_do(
            texts in proptest::collection::vec("[a-zA-Z中俄两国联合演习 ＰＬＡÉé\u{3000}.-]{0,40}", 1..8),
            query in "[a-zA-Z中俄国联合演习 ＰＬé]{1,8}",
        ) {
            let whole = Index::build(texts.iter().map(String::as_str));
            let (table, shards) = sharded(&texts);
            let keys = table.keys_for_text(&query);
            let index = Index::from_shards(&table, keys.iter().filter_map(|k| shards.get(k))).unwrap();
            proptest::prop_assert_eq!(
                index.ranked(&query, |_| ""),
                whole.ranked(&query, |p| texts[p as usize].as_str())
            );
        }
    }
}
