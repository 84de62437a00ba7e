//! Full-text search over passages. The browser builds the index from the passages' text on
//! first use (see `Dataset::index`) and queries it with the same tokenizer, so indexing and
//! querying cannot disagree.
//!
//! Chinese needs no segmenter dictionary: Han text is indexed as overlapping bigrams plus
//! unigrams, so any substring query works, one character included, and across word
//! boundaries (段简). Latin text is indexed as lowercased words and matched by prefix.
//! Folding maps full-width forms to ASCII and Latin case to lower; it is written out here
//! rather than taken from a Unicode normalisation crate to keep the wasm small (NFKC
//! tables cost tens of kilobytes; the corpus needs width and case folding only, and the
//! build-time gazetteer does full NFKC).
//!
//! Candidates come from the postings of the query's terms (no scan of the corpus); each
//! candidate is then verified by a substring test on its folded text, which also makes
//! quoted phrases exact. An index built with positions ([`Index::build_positional`], the
//! build-time index that `query::shards` splits) verifies on those instead, for a page that
//! has not got the texts ([`Index::in_place`] says how the two differ). Ranking is BM25.

use crate::query::expand::{Group, Query};
use memchr::memmem;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Folds one character for search: full-width ASCII to ASCII, the ideographic space to a
/// space, Latin to lowercase.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        c => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The folded text, one character for one character (offsets stay the same).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Han characters: the Unicode `Han` script's blocks (radicals, ideographs and their
/// extensions, compatibility ideographs, 々 〇, the Hangzhou numerals, and the old Chinese
/// hook and iteration marks and Vietnamese reading marks of U+16FE2–16FF6).
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{2E80}'..='\u{2FDF}'
            | '\u{3005}'
            | '\u{3007}'
            | '\u{3021}'..='\u{3029}'
            | '\u{3038}'..='\u{303B}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{16FE2}'..='\u{16FE3}'
            | '\u{16FF0}'..='\u{16FF6}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// A run of one script in a folded text.
enum Run {
    Han(Vec<char>),
    Word(String),
}

/// Splits a folded text into Han runs and Latin words, dropping everything else.
fn runs(folded: &str) -> Vec<Run> {
    runs_at(folded).into_iter().map(|(_, run)| run).collect()
}

/// [`runs`], each with the position (in characters) where it starts.
fn runs_at(folded: &str) -> Vec<(u32, Run)> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if is_han(chars[i]) {
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            out.push((start as u32, Run::Han(chars[start..i].to_vec())));
        } else if is_word(chars[i]) {
            while i < chars.len() && is_word(chars[i]) {
                i += 1;
            }
            out.push((start as u32, Run::Word(chars[start..i].iter().collect())));
        } else {
            i += 1;
        }
    }
    out
}

/// Index terms of a folded text: Han unigrams and bigrams, Latin words.
pub fn terms(folded: &str) -> Vec<String> {
    terms_at(folded).into_iter().map(|(t, _)| t).collect()
}

/// [`terms`], each with the position (in characters) where it starts.
pub fn terms_at(folded: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for (at, run) in runs_at(folded) {
        match run {
            Run::Han(cs) => {
                for (k, c) in cs.iter().enumerate() {
                    let here = at + k as u32;
                    out.push((c.to_string(), here));
                    if let Some(next) = cs.get(k + 1) {
                        out.push(([*c, *next].iter().collect(), here));
                    }
                }
            }
            Run::Word(w) => out.push((w, at)),
        }
    }
    out
}

/// Whether the index keeps where `term` occurs ([`Index::build_positional`]): bigrams and
/// words do; a Han character alone does not (it is found by its posting list alone, and
/// its positions would double the index).
pub fn has_positions(term: &str) -> bool {
    let mut chars = term.chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if is_han(c))
}

/// The terms a query text needs: each Han run's bigrams (its character if it has one),
/// and each word.
pub(crate) fn query_terms(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs(folded) {
        match run {
            Run::Han(cs) if cs.len() == 1 => out.push(cs[0].to_string()),
            Run::Han(cs) => out.extend(cs.windows(2).map(|w| w.iter().collect::<String>())),
            Run::Word(w) => out.push(w),
        }
    }
    out
}

/// One piece of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Han text: every bigram (or the single character) must occur, and the text itself.
    Han(String),
    /// A Latin word, matched as a prefix of index words.
    Word(String),
    /// A quoted phrase: its terms must occur and the exact folded phrase too.
    Phrase(String),
}

impl Part {
    /// The part's folded text.
    pub fn text(&self) -> &str {
        match self {
            Part::Han(t) | Part::Word(t) | Part::Phrase(t) => t,
        }
    }
}

/// A name's parts as one folded text ("united states"), to test whether one name holds
/// another.
pub fn parts_text(parts: &[Part]) -> String {
    parts.iter().map(Part::text).collect::<Vec<_>>().join(" ")
}

/// Splits a query into parts: quoted phrases, Han runs, Latin words. Never fails.
pub fn parse_query(query: &str) -> Vec<Part> {
    let folded = fold(query);
    let mut parts = Vec::new();
    let mut rest = folded.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(['"', '“', '”']) {
            let end = after.find(['"', '“', '”']).unwrap_or(after.len());
            let phrase = after[..end].trim();
            if !phrase.is_empty() {
                parts.push(Part::Phrase(phrase.to_string()));
            }
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        let end = rest.find(['"', '“', '”']).unwrap_or(rest.len());
        let chunk = &rest[..end];
        for run in runs(chunk) {
            parts.push(match run {
                Run::Han(cs) => Part::Han(cs.into_iter().collect()),
                Run::Word(w) => Part::Word(w),
            });
        }
        rest = &rest[end..];
    }
    parts.dedup();
    parts
}

/// The inverted index, built from the passages' text (in the browser, on first use).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Sorted terms.
    pub terms: Vec<String>,
    /// For each term, (passage, term frequency), by passage.
    pub postings: Vec<Vec<(u32, u16)>>,
    /// Number of terms in each passage.
    pub lengths: Vec<u32>,
    /// Mean of `lengths`, for BM25.
    pub average: f32,
    /// Each passage's text folded ([`fold`]) where folding changes it (`None`: the text
    /// itself), kept from the build, which folds every text to find its terms anyway.
    /// Verifying a part that is not all Han needs it. Folding a candidate's text again for
    /// every such part was most of a query the thesaurus expands to English phrases; folding
    /// it the first time a query needed it (and keeping it) still made a query's first run
    /// at 100× the corpus twice as slow as its next, and first runs were most of
    /// Explore's slowest keystrokes. The cost is memory: a second copy of most texts (the
    /// Chinese ones hold full-width punctuation, which folding changes).
    #[serde(skip)]
    folded: Vec<Option<Box<str>>>,
    /// Where each term occurs in each passage of its postings (characters into the folded
    /// text, ascending), for the index of a site that keeps no texts in the page
    /// (`query::shards`): a query longer than its terms is then verified on these rather
    /// than on the text. Empty when the texts are here ([`Index::build`]); empty lists for
    /// the terms that keep none ([`has_positions`]).
    #[serde(skip)]
    pub(crate) positions: Vec<Vec<Vec<u32>>>,
    /// Whether a query is verified on `positions` rather than on the texts: an index
    /// built with positions, or put together from shards (even from none yet).
    #[serde(skip)]
    positional: bool,
}

/// A ranked hit: passage index, score, and matched spans (code points of the passage text).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub passage: u32,
    pub score: f32,
    pub spans: Vec<(usize, usize)>,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

impl Index {
    /// Indexes the texts (one per passage).
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        Index::build_with(texts, false)
    }

    /// Indexes the texts and where each term occurs, for an index verified without the
    /// texts (the search shards, built at build time).
    pub fn build_positional<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        Index::build_with(texts, true)
    }

    fn build_with<'a>(texts: impl IntoIterator<Item = &'a str>, at: bool) -> Index {
        use std::collections::BTreeMap;
        let mut map: BTreeMap<String, Vec<(u32, u16)>> = Default::default();
        // Only for a positional index (the page's build keeps none): each term's positions,
        // a list for each of its postings, in their order.
        let mut places: BTreeMap<String, Vec<Vec<u32>>> = Default::default();
        let mut lengths = Vec::new();
        let mut folded = Vec::new();
        for (p, text) in texts.into_iter().enumerate() {
            let folded_text = fold(text);
            let ts = terms_at(&folded_text);
            lengths.push(ts.len() as u32);
            let mut counts: BTreeMap<String, u16> = Default::default();
            let mut here: BTreeMap<String, Vec<u32>> = Default::default();
            for (t, pos) in ts {
                if at && has_positions(&t) {
                    here.entry(t.clone()).or_default().push(pos);
                }
                let n = counts.entry(t).or_default();
                *n = n.saturating_add(1);
            }
            // The texts are kept folded only where they are verified on (not positional).
            folded.push((!at && folded_text != text).then(|| folded_text.into_boxed_str()));
            for (t, n) in counts {
                if at {
                    let list = here.remove(&t).unwrap_or_default();
                    places.entry(t.clone()).or_default().push(list);
                }
                map.entry(t).or_default().push((p as u32, n));
            }
        }
        let (terms, postings) = map.into_iter().unzip();
        // Same keys as `map`, so the same order as `terms`.
        let positions = places.into_values().collect();
        Index::assemble(terms, postings, lengths, folded, positions, at)
    }

    /// An index of these parts, its mean length worked out.
    pub(crate) fn assemble(
        terms: Vec<String>,
        postings: Vec<Vec<(u32, u16)>>,
        lengths: Vec<u32>,
        folded: Vec<Option<Box<str>>>,
        positions: Vec<Vec<Vec<u32>>>,
        positional: bool,
    ) -> Index {
        let average = lengths.iter().map(|&l| l as f32).sum::<f32>() / lengths.len().max(1) as f32;
        Index {
            terms,
            postings,
            lengths,
            average,
            folded,
            positions,
            positional,
        }
    }

    /// Whether queries are verified on the terms' positions (see `positional`).
    pub fn is_positional(&self) -> bool {
        self.positional
    }

    /// Where each term occurs in each passage of its postings (see the field): the shards
    /// are cut from it.
    pub(crate) fn positions(&self) -> &[Vec<Vec<u32>>] {
        &self.positions
    }

    /// Where `term` occurs in passage `p` (see `positions`); `None` if it does not, or if
    /// the index keeps no positions for it.
    pub(crate) fn positions_of(&self, term: &str, p: u32) -> Option<&[u32]> {
        let t = self.exact(term)?;
        let k = self.postings[t]
            .binary_search_by_key(&p, |&(q, _)| q)
            .ok()?;
        self.positions.get(t)?.get(k).map(Vec::as_slice)
    }

    fn exact(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Terms starting with `prefix` (a contiguous range of the sorted list).
    fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }

    /// The term ids a query part needs, all of which must match (for a word: any prefixed).
    fn part_terms(&self, part: &Part) -> Vec<Vec<usize>> {
        let of_text = |text: &str| -> Vec<Vec<usize>> {
            query_terms(text)
                .iter()
                .map(|t| self.exact(t).into_iter().collect())
                .collect()
        };
        match part {
            Part::Han(t) | Part::Phrase(t) => of_text(t),
            Part::Word(w) => vec![self.prefixed(w).collect()],
        }
    }

    /// Passages matching every part, with BM25 scores (no verification yet), by passage.
    fn candidates(&self, parts: &[Part]) -> Vec<(u32, f32)> {
        let n = self.lengths.len();
        let docs = n.max(1) as f32;
        let avg = self.average.max(1.0);
        // Scores are summed in a dense scratch array (cleared as it is read), which is much
        // faster than a map for the thousands of postings a common bigram has.
        let mut scratch = vec![0f32; n];
        let mut seen = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut result: Option<Vec<(u32, f32)>> = None;
        for part in parts {
            for alternatives in self.part_terms(part) {
                touched.clear();
                for t in alternatives {
                    let postings = &self.postings[t];
                    let df = postings.len() as f32;
                    let idf = ((docs - df + 0.5) / (df + 0.5) + 1.0).ln();
                    for &(p, tf) in postings {
                        let len = self.lengths[p as usize] as f32;
                        let tf = tf as f32;
                        let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
                        if !seen[p as usize] {
                            seen[p as usize] = true;
                            touched.push(p);
                        }
                        scratch[p as usize] += s;
                    }
                }
                touched.sort_unstable();
                let here: Vec<(u32, f32)> = touched
                    .iter()
                    .map(|&p| {
                        let s = std::mem::take(&mut scratch[p as usize]);
                        seen[p as usize] = false;
                        (p, s)
                    })
                    .collect();
                result = Some(match result {
                    None => here,
                    Some(prev) => intersect_by(&prev, &here, |x, y| x + y),
                });
            }
        }
        result.unwrap_or_default()
    }

    /// Whether text `p` (its `text`) holds every part of `test`: on the text, or where the
    /// index keeps its terms' positions, on those (the text is then not in the page).
    fn verify<'t>(&self, p: u32, text: impl FnOnce() -> &'t str, test: &PartsTest) -> bool {
        if self.positional {
            return test.parts.iter().all(|part| self.in_place(p, part));
        }
        let text = text();
        test.holds(text, || match self.folded.get(p as usize) {
            Some(Some(folded)) => Cow::Borrowed(folded),
            Some(None) => Cow::Borrowed(text),
            // An index read from elsewhere keeps no folded texts.
            None => Cow::Owned(fold(text)),
        })
    }

    /// The texts that hold every part, by position: the index's candidates, each tested
    /// with `holds` unless the candidates are exact.
    pub fn matching(&self, parts: &[Part], holds: impl Fn(u32) -> bool) -> Vec<u32> {
        let exact = exact(parts);
        self.candidate_ids(parts)
            .into_iter()
            .filter(|&p| exact || holds(p))
            .collect()
    }

    /// The texts that hold every part, by position, verified as a ranked query is: on the
    /// text `texts` gives (read only where needed) or on positions (see `positional`).
    pub fn matching_on<'a>(&self, parts: &[Part], texts: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let test = PartsTest::new(parts);
        self.matching(parts, |p| self.verify(p, || texts(p), &test))
    }

    /// The candidates of [`Index::candidates`] without their scores, which a set of matches
    /// does not need: posting lists merged and intersected, no arithmetic per posting.
    fn candidate_ids(&self, parts: &[Part]) -> Vec<u32> {
        let mut result: Option<Vec<(u32, ())>> = None;
        for part in parts {
            for alternatives in self.part_terms(part) {
                let mut here: Vec<(u32, ())> = alternatives
                    .iter()
                    .flat_map(|&t| self.postings[t].iter().map(|&(p, _)| (p, ())))
                    .collect();
                if alternatives.len() > 1 {
                    here.sort_unstable_by_key(|&(p, _)| p);
                    here.dedup();
                }
                result = Some(match result {
                    None => here,
                    Some(prev) => intersect_by(&prev, &here, |_, _| ()),
                });
            }
        }
        result
            .unwrap_or_default()
            .into_iter()
            .map(|(p, _)| p)
            .collect()
    }

    /// Ranked passages (index, score) matching every part of the query, verified against
    /// their text but without match spans: what filtering and counting need. `texts` are
    /// the passage texts. An empty query matches nothing.
    pub fn ranked<'a>(&self, query: &str, texts: impl Fn(u32) -> &'a str) -> Vec<(u32, f32)> {
        let parts = parse_query(query);
        if parts.is_empty() {
            return Vec::new();
        }
        let exact = exact(&parts);
        let test = PartsTest::new(&parts);
        let mut hits: Vec<(u32, f32)> = self
            .candidates(&parts)
            .into_iter()
            .filter(|&(p, _)| exact || self.verify(p, || texts(p), &test))
            .collect();
        rank(&mut hits);
        hits
    }

    /// Ranked passages matching the query, with the spans of every match (for highlighting).
    /// The spans come from the texts, so an index verified on positions finds nothing here
    /// for a passage whose text `texts` does not give.
    pub fn search<'a>(&self, query: &str, texts: impl Fn(u32) -> &'a str) -> Vec<Hit> {
        let parts = parse_query(query);
        self.ranked(query, &texts)
            .into_iter()
            .filter_map(|(passage, score)| {
                Some(Hit {
                    passage,
                    score,
                    spans: match_spans(texts(passage), &parts)?,
                })
            })
            .collect()
    }
}

/// What a passage that matches what was typed gains over one found only through an
/// expansion, so that it ranks above (BM25 scores stay far below it).
pub const TYPED_FIRST: f32 = 1000.0;

/// An expanded name scores this share of what the typed words would.
const EXPANDED: f32 = 0.5;

impl Index {
    /// Ranked passages matching an expanded query (`expand::Query`): every group, through
    /// one of its texts or a passage `linked` gives it (a country's passages). Passages
    /// that match what was typed in every group come first, each tier by BM25.
    pub fn ranked_query<'a>(
        &self,
        q: &Query,
        texts: impl Fn(u32) -> &'a str,
        linked: impl Fn(&Group) -> Vec<u32>,
    ) -> Vec<(u32, f32)> {
        if q.is_empty() {
            return Vec::new();
        }
        let n = self.lengths.len();
        // Per group, each passage's best score and whether what was typed matched it, in a
        // dense array (an ordered map was most of the cost for common terms).
        let mut best = vec![None::<(f32, bool)>; n];
        let mut result: Option<Vec<(u32, (f32, bool))>> = None;
        for g in &q.groups {
            let mut touched: Vec<u32> = Vec::new();
            let mut note = |p: u32, score: f32, typed: bool| {
                let slot = &mut best[p as usize];
                if slot.is_none() {
                    touched.push(p);
                }
                let (s, t) = slot.get_or_insert((0.0, false));
                *s = s.max(score);
                *t |= typed;
            };
            for (typed, parts) in g.texts() {
                let weight = if typed { 1.0 } else { EXPANDED };
                let exact = exact(parts);
                let test = PartsTest::new(parts);
                for (p, score) in self.candidates(parts) {
                    if exact || self.verify(p, || texts(p), &test) {
                        note(p, score * weight, typed);
                    }
                }
            }
            // A country the reader typed matches the passages that name it in any form.
            for p in linked(g) {
                note(p, EXPANDED, true);
            }
            touched.sort_unstable();
            let here: Vec<(u32, (f32, bool))> = touched
                .iter()
                .filter_map(|&p| best[p as usize].take().map(|v| (p, v)))
                .collect();
            result = Some(match result {
                None => here,
                Some(prev) => intersect_by(&prev, &here, |a, b| (a.0 + b.0, a.1 && b.1)),
            });
        }
        let mut hits: Vec<(u32, f32)> = result
            .unwrap_or_default()
            .into_iter()
            .map(|(p, (s, typed))| (p, if typed { s + TYPED_FIRST } else { s }))
            .collect();
        rank(&mut hits);
        hits
    }
}

/// Where an expanded query matches in `text` (code points): every text of every group
/// that occurs, and the country names of `marks` that are not part of a longer name in
/// `longer` (白俄罗斯 holds 俄罗斯 but names Belarus).
pub fn query_spans(text: &str, q: &Query, longer: &[Vec<Part>]) -> Vec<(usize, usize)> {
    // Folded once: a query may bring dozens of names to look for.
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let find = |parts: &[Part]| spans_in_folded(&folded, parts).unwrap_or_default();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for g in &q.groups {
        for (_, parts) in g.texts() {
            spans.extend(find(parts));
        }
        if g.marks.is_empty() {
            continue;
        }
        let blocked: Vec<(usize, usize)> = longer.iter().flat_map(|n| find(n)).collect();
        for name in &g.marks {
            for (a, b) in find(name) {
                let inside = blocked
                    .iter()
                    .any(|&(c, d)| c <= a && b <= d && d - c > b - a);
                if !inside {
                    spans.push((a, b));
                }
            }
        }
    }
    crate::query::order::sort_by(&mut spans, Ord::cmp);
    merge_overlapping(spans)
}

/// Sorted spans with the overlapping ones joined ("peacekeeping" inside "peacekeeping
/// operations" is one mark, the longer one), so a page can mark them in one pass.
fn merge_overlapping(spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The triples of `a` whose passage is also in `b` (both sorted by passage): scores added,
/// The entries of `a` whose id is also in `b` (both sorted by id), their values merged.
fn intersect_by<T: Copy>(
    a: &[(u32, T)],
    b: &[(u32, T)],
    merge: impl Fn(T, T) -> T,
) -> Vec<(u32, T)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, merge(a[i].1, b[j].1)));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

impl Index {
    /// Whether passage `p` holds `part` with its terms where the part puts them: every
    /// bigram and word that keeps positions at the same distance from the part's start as
    /// in the part. For Han text this is the substring test exactly (a bigram spans two
    /// adjacent characters of one run). For a phrase it differs both ways: its words must
    /// be whole words, in order, with as many characters between them as the phrase has,
    /// and what those characters are is not compared. So "peacekeeping operations" also
    /// finds "peacekeeping-operations", and "keeping operations" does not find
    /// "peacekeeping operations" (which the substring test finds if the passage has the
    /// word "keeping" elsewhere). A Han character standing alone in a phrase is found by
    /// its posting list only.
    fn in_place(&self, p: u32, part: &Part) -> bool {
        if exact(std::slice::from_ref(part)) {
            return true;
        }
        let anchored: Vec<(u32, String)> = terms_at(part.text())
            .into_iter()
            .filter(|(t, _)| has_positions(t))
            .map(|(t, at)| (at, t))
            .collect();
        let Some(lists) = anchored
            .iter()
            .map(|(at, t)| self.positions_of(t, p).map(|places| (*at, places)))
            .collect::<Option<Vec<(u32, &[u32])>>>()
        else {
            return anchored.is_empty();
        };
        let Some(((first_at, first), rest)) = lists.split_first() else {
            return true;
        };
        first.iter().filter(|&&pos| pos >= *first_at).any(|&pos| {
            let start = pos - first_at;
            rest.iter()
                .all(|(at, places)| places.binary_search(&(start + at)).is_ok())
        })
    }
}

/// Whether the index's candidates for `parts` are exactly the texts that hold them, so that
/// verifying each against its text would change nothing: a Han part of one or two
/// characters is one posting list (a unigram or a bigram), and a word is the index words it
/// begins. Longer Han text and phrases need the test for adjacency.
fn exact(parts: &[Part]) -> bool {
    parts.iter().all(|p| match p {
        Part::Han(t) => t.chars().count() <= 2 && t.chars().all(is_han),
        Part::Word(_) => true,
        Part::Phrase(_) => false,
    })
}

/// A query's parts made ready to be tested in many texts: each part's substring finder is
/// built once. (`str::contains` builds its searcher at every call, and in the browser, whose
/// wasm has no SIMD search, that setup and the search after it were the largest part of a
/// query's verification.)
pub struct PartsTest<'p> {
    /// The parts, for an index that verifies on positions.
    parts: &'p [Part],
    /// Han-only parts: found in the text as it is (folding changes no Han character and
    /// makes none).
    han: Vec<memmem::Finder<'p>>,
    /// The others, found in the folded text; `true` for a word, which must start a word.
    other: Vec<(memmem::Finder<'p>, bool)>,
}

impl<'p> PartsTest<'p> {
    pub fn new(parts: &'p [Part]) -> PartsTest<'p> {
        let han_only =
            |p: &Part| matches!(p, Part::Han(t) | Part::Phrase(t) if t.chars().all(is_han));
        let (han, other): (Vec<&Part>, Vec<&Part>) = parts.iter().partition(|p| han_only(p));
        PartsTest {
            parts,
            han: han.iter().map(|p| memmem::Finder::new(p.text())).collect(),
            other: other
                .iter()
                .map(|p| (memmem::Finder::new(p.text()), matches!(p, Part::Word(_))))
                .collect(),
        }
    }

    /// Whether every part occurs in `text`: the Han-only ones in the text itself, the
    /// others in the text folded, which `folded` gives only when one is left to find (the
    /// index keeps each passage's folded text from its build: folding a candidate again
    /// for every English phrase of an expanded query was most of its cost at 100× the
    /// corpus).
    pub fn holds<'t>(&self, text: &'t str, folded: impl FnOnce() -> Cow<'t, str>) -> bool {
        if !self.han.iter().all(|f| f.find(text.as_bytes()).is_some()) {
            return false;
        }
        self.other.is_empty() || self.in_other(&folded())
    }

    /// Whether every part occurs in `folded`, a text already folded with [`fold`]: Han text
    /// and phrases anywhere, words at a word start, as [`match_spans`] finds them.
    pub fn in_folded(&self, folded: &str) -> bool {
        self.han.iter().all(|f| f.find(folded.as_bytes()).is_some()) && self.in_other(folded)
    }

    fn in_other(&self, folded: &str) -> bool {
        self.other.iter().all(|(finder, word)| {
            // A match starts at a character boundary: the needle is UTF-8 and starts with
            // a leading byte.
            let starts_word =
                |i: usize| folded[..i].chars().next_back().is_none_or(|c| !is_word(c));
            match word {
                false => finder.find(folded.as_bytes()).is_some(),
                true => finder.find_iter(folded.as_bytes()).any(starts_word),
            }
        })
    }
}

/// Whether every part occurs in `text` ([`PartsTest::holds`], for one text).
pub fn holds<'t>(text: &'t str, parts: &[Part], folded: impl FnOnce() -> Cow<'t, str>) -> bool {
    PartsTest::new(parts).holds(text, folded)
}

/// Whether every part occurs in `folded` ([`PartsTest::in_folded`], for one text).
pub fn contains_folded(folded: &str, parts: &[Part]) -> bool {
    PartsTest::new(parts).in_folded(folded)
}

/// Where each part occurs in `text` (code points), or `None` if one does not.
pub fn match_spans(text: &str, parts: &[Part]) -> Option<Vec<(usize, usize)>> {
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    spans_in_folded(&folded, parts)
}

/// As [`match_spans`], in a text already folded to code points (fold once, match many).
fn spans_in_folded(folded: &[char], parts: &[Part]) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::new();
    for part in parts {
        let (needle, word_start): (Vec<char>, bool) = match part {
            Part::Han(t) | Part::Phrase(t) => (t.chars().collect(), false),
            Part::Word(w) => (w.chars().collect(), true),
        };
        let mut found = false;
        if let Some((&first, rest)) = needle
            .split_first()
            .filter(|_| needle.len() <= folded.len())
        {
            // The first character tested alone: a query brings dozens of names to mark, and
            // a slice comparison at every position of every passage listed was most of it.
            for i in 0..=folded.len() - needle.len() {
                if folded[i] == first
                    && folded[i + 1..i + needle.len()] == *rest
                    && (!word_start || i == 0 || !is_word(folded[i - 1]))
                {
                    spans.push((i, i + needle.len()));
                    found = true;
                }
            }
        }
        if !found {
            return None;
        }
    }
    crate::query::order::sort_by(&mut spans, Ord::cmp);
    Some(spans)
}

/// Orders (passage, score) pairs best first, ties by passage: the one order results are
/// listed in, shared by search and filtering so the page carries one copy of this sort.
pub fn rank(hits: &mut [(u32, f32)]) {
    // Passages are unique, so an unstable sort gives the same order as a stable one.
    hits.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events' matcher (on text folded once) agrees with `match_spans` (which folds).
    #[test]
    fn contains_folded_agrees_with_match_spans() {
        let texts = [
            "China–Russia joint exercise Kavkaz-2020",
            "ＵＮ peacekeeping　operations; 维和行动",
            "un-peacekeeping, Peace Mission",
            "",
        ];
        let queries = [
            "peace",
            "keeping",
            "\"peacekeeping operations\"",
            "维和",
            "un",
            "mission 维和",
            "ＵＮ",
            "kavkaz 2020",
        ];
        for t in texts {
            for q in queries {
                let parts = parse_query(q);
                assert_eq!(
                    contains_folded(&fold(t), &parts),
                    match_spans(t, &parts).is_some(),
                    "{q:?} in {t:?}"
                );
            }
        }
    }

    #[test]
    fn what_was_typed_ranks_above_what_it_was_expanded_to() {
        use crate::model::{Concept, ConceptKind};
        use crate::query::expand::{expand, Thesaurus};
        let concepts = vec![Concept {
            id: "activity:peacekeeping".into(),
            kind: ConceptKind::Activity(None),
            en: "peacekeeping".into(),
            zh: "维和".into(),
            names: vec!["peacekeeping".into(), "维和".into()],
        }];
        // The Chinese passage would win on BM25 alone (shorter, the term twice).
        let texts = [
            "维和维和",
            "Long text about peacekeeping in several missions abroad.",
        ];
        let index = Index::build(texts);
        let q = expand("peacekeeping", &concepts, &Thesaurus::new(&concepts), &[]);
        let found = index.ranked_query(&q, |p| texts[p as usize], |_| Vec::new());
        assert_eq!(found.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 0]);
        let spans = query_spans(texts[0], &q, &[]);
        assert_eq!(spans, [(0, 2), (2, 4)]);
    }

    /// The index keeps the folded texts of its build (not serialised): one read back
    /// folds them again when verifying, and both find the same passages, in text that
    /// folding changes (full-width letters and space) and text it does not.
    #[test]
    fn an_index_read_back_verifies_as_the_one_built() {
        let built = Index::build(TEXTS);
        let read: Index = postcard::from_bytes(&postcard::to_allocvec(&built).unwrap()).unwrap();
        let texts = |p: u32| TEXTS[p as usize];
        for q in [
            "\"pla navy\"",
            "\"ＰＬＡ　Navy\"",
            "\"navy vessels\"",
            "空中战略",
            "golden dragon 2023",
            "\"la navy\"",
        ] {
            assert_eq!(built.ranked(q, texts), read.ranked(q, texts), "{q}");
        }
        assert_eq!(built.ranked("\"pla navy\"", texts).len(), 1);
        assert_eq!(built.ranked("空中战略", texts).len(), 1);
        assert!(built.ranked("\"navy pla\"", texts).is_empty());
    }

    const TEXTS: [&str; 4] = [
        "中俄两国空军在亚太地区实施第二次联合空中战略巡航。",
        "The PLA conducted the China-Cambodia “Golden Dragon 2023” joint exercise.",
        "中国军队与多国防务部门和军队积极开展抗疫国际合作。",
        "ＰＬＡ　Navy vessels rushed to Sudan.",
    ];

    fn ids(query: &str) -> Vec<u32> {
        let index = Index::build(TEXTS);
        let mut v: Vec<u32> = index
            .search(query, |p| TEXTS[p as usize])
            .into_iter()
            .map(|h| h.passage)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn any_chinese_substring_matches() {
        assert_eq!(ids("巡航"), [0]);
        assert_eq!(ids("空"), [0]);
        assert_eq!(ids("段简"), Vec::<u32>::new());
        assert_eq!(ids("门和军"), [2], "across word boundaries");
        assert_eq!(ids("军队"), [2]);
        assert_eq!(
            ids("中俄空军"),
            Vec::<u32>::new(),
            "the run must occur as written"
        );
        assert_eq!(ids("中俄 空军"), [0], "separate parts combine with AND");
    }

    #[test]
    fn english_words_match_by_prefix_and_fold_width_and_case() {
        assert_eq!(ids("golden drag"), [1]);
        assert_eq!(ids("pla"), [1, 3]);
        assert_eq!(ids("ＰＬＡ navy"), [3]);
        assert_eq!(ids("\"golden dragon 2023\""), [1]);
        assert_eq!(ids("\"dragon golden\""), Vec::<u32>::new());
        assert_eq!(ids("ragon"), Vec::<u32>::new(), "prefixes, not infixes");
    }

    #[test]
    fn radicals_and_iteration_marks_are_han() {
        // Regression (found by proptest): a lone CJK radical indexed nothing.
        let texts = ["⺛", "人々"];
        let index = Index::build(texts);
        assert_eq!(index.search("⺛", |p| texts[p as usize]).len(), 1);
        // Verifying on the raw text agrees with folding it.
        for (text, query) in [
            ("The PLA Navy", "pla navy"),
            ("ＰＬＡ　Navy", "pla"),
            ("subPLA", "pla"),
            ("中俄Golden Dragon", "golden"),
            ("É quipe", "é"),
        ] {
            let parts = parse_query(query);
            assert_eq!(
                holds(text, &parts, || Cow::Owned(fold(text))),
                match_spans(text, &parts).is_some(),
                "{text} / {query}"
            );
        }
        // Found by the property test: the old Chinese hook mark is Han too.
        assert!(is_han('\u{16FE2}') && is_han('\u{16FF1}') && !is_han('\u{16FE4}'));
        assert_eq!(index.search("々", |p| texts[p as usize])[0].passage, 1);
    }

    #[test]
    fn mixed_and_empty_queries() {
        assert_eq!(ids("China 巡航"), Vec::<u32>::new());
        assert!(ids("").is_empty() && ids("   \"\" ").is_empty());
        assert!(ids("<img src=x onerror=alert(1)>").is_empty());
    }

    #[test]
    fn ranking_prefers_more_and_denser_matches() {
        let texts = [
            "联合演习在此举行，另有其他许多内容，还有更多的文字用来拉长这一段。",
            "联合演习。联合演习。",
            "联合演习。",
        ];
        let index = Index::build(texts);
        let order: Vec<u32> = index
            .search("联合演习", |p| texts[p as usize])
            .into_iter()
            .map(|h| h.passage)
            .collect();
        assert_eq!(order, [1, 2, 0]);
    }

    #[test]
    fn spans_point_at_the_matches() {
        let index = Index::build(TEXTS);
        let hit = &index.search("巡航", |p| TEXTS[p as usize])[0];
        let chars: Vec<char> = TEXTS[0].chars().collect();
        let (a, b) = hit.spans[0];
        assert_eq!(chars[a..b].iter().collect::<String>(), "巡航");
    }

    #[test]
    fn index_and_query_tokenize_alike() {
        // Parity: every term the indexer makes from a text is found again when that text
        // is the query, so a passage always matches its own words.
        for (i, text) in TEXTS.iter().enumerate() {
            for term in terms(&fold(text)) {
                assert!(ids(&term).contains(&(i as u32)), "{term:?} in {i}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn verifying_raw_text_agrees_with_folding(
            text in "[a-zA-Z中俄两国 ＰＬＡÉé\u{3000}\u{a0}.-]{0,30}",
            query in "[a-zA-Z中俄国 ＰＬé\"]{1,8}",
        ) {
            let parts = parse_query(&query);
            proptest::prop_assert_eq!(
                holds(&text, &parts, || Cow::Owned(fold(&text))),
                match_spans(&text, &parts).is_some()
            );
        }

        /// Where `exact` says the candidates need no test, they are exactly the texts that
        /// hold the query.
        #[test]
        fn exact_candidates_need_no_verifying(
            texts in proptest::collection::vec("[a-zA-Z中俄两国 ＰＬＡÉé\u{3000}.-]{0,30}", 1..6),
            query in "[a-zA-Z中俄国 ＰＬé\"]{1,6}",
        ) {
            let parts = parse_query(&query);
            proptest::prop_assume!(!parts.is_empty() && exact(&parts));
            let index = Index::build(texts.iter().map(String::as_str));
            let candidates: Vec<u32> = index.candidates(&parts).into_iter().map(|(p, _)| p).collect();
            proptest::prop_assert_eq!(&index.candidate_ids(&parts), &candidates);
            let holding: Vec<u32> = (0..texts.len() as u32)
                .filter(|&p| match_spans(&texts[p as usize], &parts).is_some())
                .collect();
            proptest::prop_assert_eq!(candidates, holding);
        }
    }
}
