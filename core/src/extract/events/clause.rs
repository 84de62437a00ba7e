//! The units a passage is read in: clauses (split at 。！？；; and English sentence ends),
//! which say whether they start a sentence, and the comma segments of a clause that lists
//! several things that happened.

/// A clause of a passage, with its code-point offset. Its text is an exact substring of the
/// passage, so it can be quoted as an event's provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause<'a> {
    pub start: usize,
    pub text: &'a str,
    /// Whether a new sentence starts here (the clause before ended with 。！？ or a full
    /// stop), as against a clause after ；.
    pub opens_sentence: bool,
}

/// Splits a passage into clauses at 。！？；; and English sentence ends ("… ships. The").
pub fn clauses(text: &str) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut start_byte = 0;
    let mut start_char = 0;
    let mut opens = true;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(byte, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let sentence_end = match c {
            '。' | '！' | '？' => true,
            '.' | '?' | '!' => {
                next.is_none_or(|n| n == ' ' || n == '\n')
                    && after.is_none_or(|a| a.is_uppercase() || !a.is_ascii())
                    && !prev.is_some_and(|p| p.is_uppercase() && k >= 2 && chars[k - 2].1 == '.')
            }
            _ => false,
        };
        let ends = sentence_end || matches!(c, '；' | ';');
        if ends || k + 1 == chars.len() {
            let end_byte = byte + c.len_utf8();
            let piece = &text[start_byte..end_byte];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if trimmed.chars().count() > 1 {
                out.push(Clause {
                    start: start_char + piece[..lead].chars().count(),
                    text: trimmed,
                    opens_sentence: opens,
                });
            }
            opens = sentence_end;
            start_byte = end_byte;
            start_char = k + 1;
        }
    }
    out
}

/// A clause's comma-separated parts (，, or a comma before Chinese text), each with its
/// byte range; an English list ("Zambia, Cambodia and Laos") stays whole, but ", and" and
/// " and <verb>" start a new English part ("…in Brunei in August 2013 and hosted the fifth
/// Xiangshan Forum…"), `verb` saying which words are verbs.
pub fn comma_parts(clause: &str, verb: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    let mut chars = clause.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_han = chars
            .peek()
            .is_some_and(|&(_, n)| crate::ingest::text::is_han(n));
        if c == '，' || (c == ',' && next_is_han) {
            cuts.push(i + c.len_utf8());
        }
    }
    for (i, _) in clause.match_indices(" and ") {
        let next_word = clause[i + 5..].split([' ', ',', '.']).next().unwrap_or("");
        if clause[..i].ends_with(',') || verb(next_word) {
            cuts.push(i + 1);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(clause.len());
    cuts.windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|(a, b)| b > a)
        .collect()
}

/// A part of a clause that reports something: the part itself (`core`), quoted with the
/// parts before it that report nothing (a leading date, a subject, a circumstance) and, for
/// the last one, the parts after it, so no date or partner is lost from its provenance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span<'a> {
    pub quote: &'a str,
    pub core: &'a str,
}

/// The spans of a clause: one per comma part that `reports` something, or the whole clause
/// when none does. The spans' quotes cover the clause in order and are exact substrings.
pub fn spans<'a>(
    clause: &'a str,
    reports: impl Fn(&str) -> bool,
    verb: impl Fn(&str) -> bool,
) -> Vec<Span<'a>> {
    let parts = comma_parts(clause, verb);
    let reporting: Vec<(usize, usize)> = parts
        .iter()
        .copied()
        .filter(|(a, b)| reports(&clause[*a..*b]))
        .collect();
    if reporting.is_empty() {
        return vec![Span {
            quote: clause,
            core: clause,
        }];
    }
    let tidy = |s: &'a str| s.trim().trim_end_matches(['，', ',']).trim();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(a, b)) in reporting.iter().enumerate() {
        let end = if k + 1 == reporting.len() {
            clause.len()
        } else {
            b
        };
        out.push(Span {
            quote: tidy(&clause[start..end]),
            core: tidy(&clause[a..b]),
        });
        start = b;
    }
    out.into_iter().filter(|s| !s.quote.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_sentence_ends_and_keep_exact_text() {
        let text = "12月22日，两国空军实施联合巡航；这是第二次。Wu Qian said the U.S. side agreed. Then more.";
        let cs = clauses(text);
        let got: Vec<(&str, bool)> = cs.iter().map(|c| (c.text, c.opens_sentence)).collect();
        assert_eq!(
            got,
            [
                ("12月22日，两国空军实施联合巡航；", true),
                ("这是第二次。", false),
                ("Wu Qian said the U.S. side agreed.", true),
                ("Then more.", true)
            ]
        );
        for c in &cs {
            assert!(text.contains(c.text));
        }
    }

    #[test]
    fn spans_keep_their_dates_and_subjects() {
        let clause = "3月19日，随着飞机着陆，物资运抵德黑兰，这是首批物资。";
        let found = spans(
            clause,
            |p| p.contains("运抵") || p.contains("首批"),
            |_| false,
        );
        assert_eq!(found[0].quote, "3月19日，随着飞机着陆，物资运抵德黑兰");
        assert_eq!(found[0].core, "物资运抵德黑兰");
        assert_eq!(found[1].quote, "这是首批物资。");
        assert!(found
            .iter()
            .all(|s| clause.contains(s.quote) && s.quote.contains(s.core)));
        // An English list stays whole; ", and" starts a new part.
        let english = "The teams continued to work in Zambia, Cambodia and Laos, and provided medical service.";
        let found = spans(english, |_| true, |_| false);
        assert_eq!(
            found[0].quote,
            "The teams continued to work in Zambia, Cambodia and Laos"
        );
        assert_eq!(found[1].quote, "and provided medical service.");
        let none = spans("中日防务关系取得进展。", |_| false, |_| false);
        assert_eq!(none[0].core, "中日防务关系取得进展。");
        let two =
            "The PLA attended the ADMM-Plus in Brunei and hosted the Xiangshan Forum in Beijing.";
        let found = spans(
            two,
            |p| p.contains("attended") || p.contains("hosted"),
            |w| w == "hosted",
        );
        assert_eq!(
            found.iter().map(|s| s.core).collect::<Vec<_>>(),
            [
                "The PLA attended the ADMM-Plus in Brunei",
                "and hosted the Xiangshan Forum in Beijing."
            ]
        );
    }
}
