//! Deployments and their size (codebook: peacekeeping, G3): the UN mission a clause names
//! and the units it lists with their personnel ("赴联合国利比里亚特派团工兵分队275人，运输分队
//! 240人，医疗分队43人"; "派出6支参赛队"; "208名维和警察"). The words are in
//! `rules/deployments.toml`.

use super::rules::Vocabulary;
use crate::model::Personnel;

/// Characters that may stand between a unit's word and its count ("工兵分队275人").
const UNIT_NOUNS: [&str; 6] = ["分队", "大队", "营", "队", "部队", "人员"];

/// The units a text lists, each with the count the text gives it, in order. A unit named
/// twice keeps its first count.
pub fn personnel(text: &str, vocab: &Vocabulary) -> Vec<Personnel> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(usize, Personnel)> = Vec::new();
    let mut taken = vec![false; chars.len()];
    for (word, unit) in &vocab.units {
        let w: Vec<char> = word.to_lowercase().chars().collect();
        let lower: Vec<char> = text.to_lowercase().chars().collect();
        let mut i = 0;
        while i + w.len() <= lower.len() {
            if lower[i..i + w.len()] == w[..] && !taken[i..i + w.len()].iter().any(|&t| t) {
                taken[i..i + w.len()].iter_mut().for_each(|t| *t = true);
                let count = count_after(&chars, i + w.len()).or_else(|| count_before(&chars, i));
                if !out.iter().any(|(_, p)| p.unit == *unit) {
                    out.push((
                        i,
                        Personnel {
                            unit: unit.clone(),
                            count,
                        },
                    ));
                }
                i += w.len();
            } else {
                i += 1;
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, p)| p).collect()
}

/// "工兵分队275人": a unit noun, then digits and 人 or 名; "engineering unit of 275".
fn count_after(chars: &[char], mut i: usize) -> Option<u32> {
    let rest: String = chars[i..chars.len().min(i + 24)].iter().collect();
    for lead in [
        " unit of ",
        " units of ",
        "ing unit of ",
        " battalion of ",
        " team of ",
    ] {
        if let Some(tail) = rest.strip_prefix(lead) {
            let digits: String = tail
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .filter(|c| *c != ',')
                .collect();
            return digits.parse().ok();
        }
    }
    for noun in UNIT_NOUNS {
        let n: Vec<char> = noun.chars().collect();
        if chars.get(i..i + n.len()) == Some(&n[..]) {
            i += n.len();
            break;
        }
    }
    let digits: String = chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let after = chars.get(i + digits.len());
    (!digits.is_empty() && matches!(after, Some('人') | Some('名')))
        .then(|| digits.parse().ok())
        .flatten()
}

/// "208名维和警察", "6支参赛队", "395 engineers", "a 700-strong infantry battalion": digits
/// and a measure word (or a space, or "-strong") right before the unit's word.
fn count_before(chars: &[char], i: usize) -> Option<u32> {
    let before: String = chars[i.saturating_sub(16)..i].iter().collect();
    if let Some(head) = before.strip_suffix("-strong ") {
        let digits: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| *c != ',')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return digits.parse().ok();
    }
    let measure = i.checked_sub(1).map(|j| chars[j])?;
    if !matches!(measure, '名' | '支' | '个' | '人' | ' ') {
        return None;
    }
    let end = i - 1;
    let start = (0..end)
        .rev()
        .take_while(|&j| chars[j].is_ascii_digit())
        .last()?;
    chars[start..end].iter().collect::<String>().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, Option<u32>)> {
        personnel(text, &Vocabulary::builtin())
            .into_iter()
            .map(|p| (p.unit, p.count))
            .collect()
    }

    #[test]
    fn units_take_their_counts() {
        assert_eq!(
            shown("赴联合国利比里亚特派团工兵分队275人，运输分队240人，医疗分队43人；"),
            [
                ("engineer".into(), Some(275)),
                ("transport".into(), Some(240)),
                ("medical".into(), Some(43))
            ]
        );
        assert_eq!(
            shown("中国第19批赴黎维和多功能工兵分队官兵"),
            [("multi-role engineer".into(), None)]
        );
        assert_eq!(shown("派出6支参赛队赴俄"), [("team".into(), Some(6))]);
        assert_eq!(
            shown("中国有208名维和警察在利比里亚"),
            [("police".into(), Some(208))]
        );
    }
}
