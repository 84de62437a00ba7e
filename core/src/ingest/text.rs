//! Character-level helpers shared by segmentation and ids: display normalisation,
//! script tests and sentence-end detection.

use crate::model::Lang;

/// Folds the whitespace variants the sources use (non-breaking, full-width, ideographic
/// indent, tabs) into plain spaces, drops zero-width characters and Markdown bold markers,
/// collapses runs and trims. The original stays recoverable from the passage's source spans.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    let without_bold = raw.replace("**", "");
    for c in without_bold.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

pub use crate::query::search::is_han;

/// Characters after which a paragraph is complete. A paragraph ending in anything else was
/// cut by page layout and continues somewhere.
pub fn ends_sentence(text: &str) -> bool {
    matches!(
        text.chars().last(),
        Some(
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '…'
                | '”'
                | '」'
                | '』'
                | '）'
                | ')'
                | '!'
                | '?'
                | '.'
                | ';'
                | ':'
                | '"'
                | '’'
        )
    )
}

/// Punctuation that separates clauses; headings rarely hold it.
pub fn has_clause_punctuation(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '，' | '。' | '；' | '！' | '？' | '：' | ',' | ';' | ':' | '!' | '?'
        )
    })
}

/// The dominant script of a text: Han characters against Latin letters.
pub fn language_of(text: &str) -> Lang {
    let (han, latin) = text.chars().fold((0usize, 0usize), |(h, l), c| {
        if is_han(c) {
            (h + 1, l)
        } else if c.is_ascii_alphabetic() {
            (h, l + 1)
        } else {
            (h, l)
        }
    });
    // A Han character carries about as much as a short Latin word.
    if han * 3 >= latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// How two fragments of one paragraph are glued: nothing between Chinese characters, a
/// space between words.
pub fn glue(left: &str, right: &str) -> &'static str {
    let l = left.chars().last();
    let r = right.chars().next();
    match (l, r) {
        (Some(l), Some(r)) if l.is_ascii_alphanumeric() && r.is_ascii_alphanumeric() => " ",
        (Some(l), _) if l.is_ascii_punctuation() => " ",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_folds_spaces_and_markup() {
        assert_eq!(clean("\u{3000}\u{3000}中国坚持。\u{00A0}"), "中国坚持。");
        assert_eq!(
            clean("emphasis to  multilateral"),
            "emphasis to multilateral"
        );
        assert_eq!(clean("**第一，促进。**扩大"), "第一，促进。扩大");
        assert_eq!(clean("a\u{200B}b\tc"), "ab c");
    }

    #[test]
    fn sentence_ends_and_languages() {
        assert!(ends_sentence("伙伴关系。"));
        assert!(!ends_sentence("总体保持稳"));
        assert!(!ends_sentence("control; and"));
        assert_eq!(language_of("Wu Qian: The year 2023 marks"), Lang::En);
        assert_eq!(language_of("吴谦:2023年是全面贯彻"), Lang::Zh);
        assert_eq!(glue("稳", "定"), "");
        assert_eq!(glue("and", "more"), " ");
    }
}
