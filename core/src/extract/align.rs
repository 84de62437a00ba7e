//! Parallel text: which Chinese passage of a bilingual document says what which English
//! passage says.
//!
//! The two halves are aligned in order by dynamic programming over "beads", as in Gale and
//! Church's length-based sentence alignment: a bead pairs one Chinese passage with one
//! English passage, or one with two or three on the other side (a paragraph split
//! differently), or leaves one passage without a counterpart (the press conference's
//! question has no English). A bead costs the mismatch of its lengths against the corpus'
//! ratio of Chinese characters to English ones, plus a penalty for its shape; evidence in
//! the text lowers the cost: the same enumeration (一是 / First), shared figures (2023, 34)
//! and shared partner countries. No dictionary is needed, and nothing is aligned across
//! documents.

use crate::model::{Lang, Passage, StoredDataset};

/// Chinese characters per English character in a translation, measured on the corpus'
/// bilingual documents (the MND overview: 393 / 1564 = 0.25; the press conference's answer
/// and its five points: 844 / 3978 = 0.21).
const RATIO: f64 = 0.22;
/// Weight of a length mismatch (log of the ratio of lengths).
const LENGTH: f64 = 6.0;
/// Cost of leaving a passage without counterpart.
const SKIP: f64 = 2.0;
/// Cost of each extra passage in a bead (two or three passages for one).
const MERGE: f64 = 1.5;
/// Widest bead: up to this many passages on one side for one on the other.
const WIDEST: usize = 3;

/// Pairs of (Chinese passage, English passage), indexes into `ds.passages`, in reading order.
pub fn align(ds: &StoredDataset) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    for d in 0..ds.documents.len() as u32 {
        let half = |lang: Lang| -> Vec<u32> {
            (0..ds.passages.len() as u32)
                .filter(|&i| {
                    ds.passages[i as usize].doc == d && ds.passages[i as usize].lang == lang
                })
                .collect()
        };
        let (zh, en) = (half(Lang::Zh), half(Lang::En));
        if zh.is_empty() || en.is_empty() {
            continue;
        }
        let zh_p: Vec<&Passage> = zh.iter().map(|&i| &ds.passages[i as usize]).collect();
        let en_p: Vec<&Passage> = en.iter().map(|&i| &ds.passages[i as usize]).collect();
        for (a, b) in align_halves(&zh_p, &en_p) {
            pairs.push((zh[a], en[b]));
        }
    }
    pairs
}

/// Aligns two passage lists; returns pairs of positions (Chinese, English).
pub fn align_halves(zh: &[&Passage], en: &[&Passage]) -> Vec<(usize, usize)> {
    let (n, m) = (zh.len(), en.len());
    // cost[i][j]: best cost of aligning zh[..i] with en[..j]; back[i][j]: the bead taken.
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    let mut shapes = vec![(1, 0), (0, 1)];
    for k in 1..=WIDEST {
        shapes.push((1, k));
        if k > 1 {
            shapes.push((k, 1));
        }
    }
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            for &(a, b) in &shapes {
                if a > i || b > j || cost[i - a][j - b].is_infinite() {
                    continue;
                }
                let c = cost[i - a][j - b] + bead(&zh[i - a..i], &en[j - b..j]);
                if c < cost[i][j] {
                    cost[i][j] = c;
                    back[i][j] = (a, b);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (a, b) = back[i][j];
        beads.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    beads
        .into_iter()
        .rev()
        .flat_map(|(xs, ys)| xs.flat_map(move |x| ys.clone().map(move |y| (x, y))))
        .collect()
}

/// The cost of one bead.
fn bead(zh: &[&Passage], en: &[&Passage]) -> f64 {
    if zh.is_empty() || en.is_empty() {
        return SKIP;
    }
    let lz: usize = zh.iter().map(|p| p.text.chars().count()).sum();
    let le: usize = en.iter().map(|p| p.text.chars().count()).sum();
    let length = ((lz as f64 + 10.0) / (le as f64 * RATIO + 10.0)).ln().abs() * LENGTH;
    let shape = (zh.len() + en.len() - 2) as f64 * MERGE;
    length + shape - evidence(zh, en)
}

/// How much the text itself says two groups of passages are translations of each other.
fn evidence(zh: &[&Passage], en: &[&Passage]) -> f64 {
    let mut score = 0.0;
    // A turn of speech ("吴谦:", "Wu Qian:") is translated as a turn: a bead that holds
    // more turns on one side than on the other (the question with the answer) is unlikely.
    let turns = |ps: &[&Passage]| ps.iter().filter(|p| opens_turn(&p.text)).count();
    if turns(zh) != turns(en) {
        score -= 3.0;
    }
    if let (Some(a), Some(b)) = (ordinal_zh(&zh[0].text), ordinal_en(&en[0].text)) {
        score += if a == b { 4.0 } else { -4.0 };
    }
    let numbers_zh: Vec<String> = zh.iter().flat_map(|p| numbers(&p.text)).collect();
    let numbers_en: Vec<String> = en.iter().flat_map(|p| numbers(&p.text)).collect();
    let shared = numbers_zh.iter().filter(|n| numbers_en.contains(n)).count();
    score += shared.min(3) as f64;
    let countries = zh
        .iter()
        .flat_map(|p| &p.countries)
        .filter(|c| en.iter().any(|p| p.countries.contains(c)))
        .count();
    score += (countries.min(3) as f64) * 0.5;
    score
}

/// The position a passage announces at its start: 一是 / 第一 → 1.
fn ordinal_zh(text: &str) -> Option<u8> {
    const DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let mut chars = text.trim_start().chars();
    let first = chars.next()?;
    let (digit, next) = if first == '第' {
        (chars.next()?, None)
    } else {
        (first, chars.next())
    };
    let n = DIGITS.iter().position(|&d| d == digit)? as u8 + 1;
    match (first == '第', next) {
        (true, _) | (false, Some('是')) => Some(n),
        _ => None,
    }
}

/// The position an English passage announces at its start: First, / Secondly, → 1, 2.
fn ordinal_en(text: &str) -> Option<u8> {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    let word: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let word = word.strip_suffix("ly").unwrap_or(&word);
    WORDS.iter().position(|w| *w == word).map(|n| n as u8 + 1)
}

/// Whether a passage starts with a speaker's name and a colon, as in a press transcript.
fn opens_turn(text: &str) -> bool {
    let head: String = text.chars().take(20).collect();
    match head.find([':', '：']) {
        Some(at) => {
            let name = &head[..at];
            !name.is_empty() && name.chars().all(|c| c.is_alphabetic() || c == ' ')
        }
        None => false,
    }
}

/// Runs of two or more ASCII digits (years, counts, names like Y-20).
fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() >= 2)
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_are_read_in_both_languages() {
        assert_eq!(ordinal_zh("一是有力服务"), Some(1));
        assert_eq!(ordinal_zh("五是服务"), Some(5));
        assert_eq!(ordinal_zh("第三，"), Some(3));
        assert_eq!(ordinal_zh("一带一路"), None);
        assert_eq!(ordinal_en("First, military diplomacy"), Some(1));
        assert_eq!(ordinal_en("Thirdly, we have"), Some(3));
        assert_eq!(ordinal_en("Firstborn"), None);
        assert!(opens_turn("吴谦:2023年") && opens_turn("Wu Qian: The year"));
        assert!(!opens_turn("First, military diplomacy: served"));
        assert_eq!(
            numbers("Y-20 in 2023, 34 games, 5 ships"),
            ["20", "2023", "34"]
        );
    }
}
