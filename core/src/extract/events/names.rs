//! The names events carry in the text: exercise names in quotes (“北部·联合-2023”,
//! "Golden Dragon 2023"), agreement titles in 《》, and the noun phrase that names a meeting
//! or forum ("第十届北京香山论坛").

use super::rules::Vocabulary;

/// A name found in a segment: where it stands (code points of the segment, quotes or
/// brackets included) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Whether a quoted text ends like an exercise's name: a year (2020, 07) or a roman
/// numeral after a separator.
fn ends_like_a_name(name: &str) -> bool {
    let tail = name.rsplit(['-', ' ', '－', '—', '–']).next().unwrap_or("");
    (tail.len() == 2 || tail.len() == 4) && tail.chars().all(|c| c.is_ascii_digit())
        || (!tail.is_empty() && tail != name && tail.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Exercise and competition names in quotes: a name of a known series, or one that ends in
/// a year or a roman numeral.
pub fn quoted_names(segment: &str, vocab: &Vocabulary) -> Vec<Name> {
    let chars: Vec<char> = segment.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !matches!(chars[i], '“' | '"') {
            i += 1;
            continue;
        }
        let Some(len) = chars[i + 1..].iter().position(|&c| matches!(c, '”' | '"')) else {
            break;
        };
        let text: String = chars[i + 1..i + 1 + len].iter().collect();
        let named = ends_like_a_name(&text)
            || vocab.series_of(&text).is_some() && text.chars().count() <= 24;
        if named && !text.trim().is_empty() {
            out.push(Name {
                start: i,
                end: i + len + 2,
                text: text.trim().to_string(),
            });
        }
        i += len + 2;
    }
    out
}

/// English names of known series with their year, unquoted as English texts write them
/// ("Joint Sea-2014", "Hand-in-Hand 2013", "RIMPAC 2014").
pub fn unquoted_names(segment: &str, vocab: &Vocabulary) -> Vec<Name> {
    let chars: Vec<char> = segment.chars().collect();
    let lower: Vec<char> = segment.to_lowercase().chars().collect();
    let mut out: Vec<Name> = Vec::new();
    for series in &vocab.series {
        for en in &series.en {
            let n: Vec<char> = en.to_lowercase().chars().collect();
            for i in 0..lower.len().saturating_sub(n.len() - 1) {
                if lower[i..i + n.len()] != n[..] || (i > 0 && lower[i - 1].is_alphanumeric()) {
                    continue;
                }
                let mut j = i + n.len();
                if matches!(chars.get(j), Some('-' | ' ' | '–')) {
                    j += 1;
                }
                let digits = chars[j..].iter().take_while(|c| c.is_ascii_digit()).count();
                let after = chars.get(j + digits);
                if (digits == 4 || digits == 2) && !after.is_some_and(|c| c.is_alphanumeric()) {
                    let end = j + digits;
                    if !out.iter().any(|o| o.start < end && i < o.end) {
                        out.push(Name {
                            start: i,
                            end,
                            text: chars[i..end].iter().collect(),
                        });
                    }
                }
            }
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

/// Titles in 《》, without the brackets.
pub fn titles(segment: &str) -> Vec<Name> {
    let chars: Vec<char> = segment.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '《' {
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == '》') {
                out.push(Name {
                    start: i,
                    end: i + len + 2,
                    text: chars[i + 1..i + 1 + len].iter().collect(),
                });
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Characters that end the phrase before a meeting's name.
const BOUNDARY: &[char] = &[
    '，', '、', '。', '；', '：', ',', ';', '“', '”', '（', '(', '和', '及',
];

/// The noun phrase that ends at code point `end` of `segment`: back to the last boundary
/// (punctuation, 和, 及) or action verb, at most 32 characters, at least 4; the meeting or
/// forum's own name as the text writes it ("第二届东盟与中日韩武装部队国际救灾研讨会").
pub fn phrase_before(segment: &str, end: usize, vocab: &Vocabulary) -> Option<String> {
    let chars: Vec<char> = segment.chars().collect();
    let end = end.min(chars.len());
    let mut start = end;
    while start > 0 && end - start < 32 && !BOUNDARY.contains(&chars[start - 1]) {
        start -= 1;
    }
    // Start after the last action verb in the phrase ("主办第二届…研讨会" → "第二届…研讨会").
    let phrase: String = chars[start..end].iter().collect();
    let cut = vocab.last_action_end(&phrase).unwrap_or(0);
    let name: String = phrase.chars().skip(cut).collect();
    let name = name
        .trim_start_matches(['在', '的', '了', '与', '同'])
        .trim();
    (name.chars().count() >= 4).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_quotes() {
        let v = Vocabulary::builtin();
        let got = |t: &str| {
            quoted_names(t, &v)
                .into_iter()
                .map(|n| n.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got("组织实施中俄“北部·联合-2023”、“和平友谊-2023”等联演"),
            ["北部·联合-2023", "和平友谊-2023"]
        );
        assert!(got("推动“一带一路”建设").is_empty());
        assert_eq!(got("中巴“雄鹰-IX”空军联合训练"), ["雄鹰-IX"]);
        assert_eq!(
            got("the China-Cambodia “Golden Dragon 2023” joint exercise"),
            ["Golden Dragon 2023"]
        );
        assert_eq!(got("参加“环太平洋—2016”联合军演"), ["环太平洋—2016"]);
    }

    #[test]
    fn english_names_unquoted() {
        let v = Vocabulary::builtin();
        let got = |t: &str| {
            unquoted_names(t, &v)
                .into_iter()
                .map(|n| n.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got("navies held Joint Sea-2013 and Joint Sea-2014 respectively"),
            ["Joint Sea-2013", "Joint Sea-2014"]
        );
        assert_eq!(
            got("held Hand-in-Hand 2013 in Chengdu"),
            ["Hand-in-Hand 2013"]
        );
        assert!(got("a joint sea patrol").is_empty());
    }

    #[test]
    fn titles_and_phrases() {
        let v = Vocabulary::builtin();
        assert_eq!(
            titles("签署《国防部合作协定》、《反恐协定》")[1].text,
            "反恐协定"
        );
        let s = "6月，主办第二届东盟与中日韩武装部队国际救灾研讨会";
        let end = s.chars().count();
        assert_eq!(
            phrase_before(s, end, &v).as_deref(),
            Some("第二届东盟与中日韩武装部队国际救灾研讨会")
        );
    }
}
