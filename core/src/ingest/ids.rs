//! Passage ids: the document slug and a short hash of the passage's own text.
//!
//! An id does not hold a position, so inserting or editing one paragraph leaves every other
//! id unchanged. Identical paragraphs in one document are told apart by their occurrence
//! (`-2`, `-3`); two different texts whose short hashes collide get a longer hash.

use sha2::{Digest, Sha256};

/// Hex digits of the hash shown in an id.
const SHORT: usize = 6;
const LONG: usize = 12;

fn hex_digest(text: &str, len: usize) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .take(len)
        .map(|n| char::from_digit(n as u32, 16).expect("nibble"))
        .collect()
}

/// Ids for the passages of one document, in order.
pub fn assign(doc: &str, texts: &[&str]) -> Vec<String> {
    let short: Vec<String> = texts.iter().map(|t| hex_digest(t, SHORT)).collect();
    let mut ids = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let collides = texts
            .iter()
            .zip(&short)
            .any(|(other, h)| h == &short[i] && other != text);
        let hash = if collides {
            hex_digest(text, LONG)
        } else {
            short[i].clone()
        };
        let occurrence = texts[..i].iter().filter(|t| *t == text).count() + 1;
        ids.push(if occurrence == 1 {
            format!("{doc}.{hash}")
        } else {
            format!("{doc}.{hash}-{occurrence}")
        });
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_on_text_not_position() {
        let before = assign("d", &["甲。", "乙。", "丙。"]);
        let after = assign("d", &["甲。", "新插入。", "乙。", "丙（改）。"]);
        assert_eq!(before[0], after[0]);
        assert_eq!(before[1], after[2]);
        assert_ne!(before[2], after[3]);
        assert!(before[0].starts_with("d.") && before[0].len() == 2 + SHORT);
    }

    #[test]
    fn duplicates_are_numbered() {
        let ids = assign("d", &["同。", "异。", "同。"]);
        assert_eq!(ids[2], format!("{}-2", ids[0]));
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 3);
    }
}
