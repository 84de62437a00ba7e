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
                let roman = match digits {
                    0 => chars[j..]
                        .iter()
                        .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
                        .count(),
                    _ => 0,
                };
                let after = chars.get(j + digits + roman);
                let numbered = digits == 4 || digits == 2 || roman > 0;
                if numbered && !after.is_some_and(|c| c.is_alphanumeric()) {
                    // A phase after the year is part of the name: "Joint Sea-2015 (II)".
                    let end = j + digits + roman + phase(&chars[j + digits + roman..]);
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

/// The length of a phase in parentheses that follows a name's year (" (II)", "（一）").
fn phase(rest: &[char]) -> usize {
    let skip = rest.iter().take_while(|c| **c == ' ').count();
    let Some(&open) = rest.get(skip).filter(|c| matches!(c, '(' | '（')) else {
        return 0;
    };
    let inner = rest[skip + 1..]
        .iter()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X' | '一' | '二' | '三'))
        .count();
    let close = rest.get(skip + 1 + inner);
    let closes = matches!((open, close), ('(', Some(')')) | ('（', Some('）')));
    if inner > 0 && closes {
        skip + inner + 2
    } else {
        0
    }
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

/// The noun phrase whose head keyword starts at `head.0` and which ends at `head.1` (code
/// points of `segment`; a format may follow the head: 扩大会议视频会议): the
/// meeting or forum's own name as the text writes it ("第二届东盟与中日韩武装部队国际救灾研讨
/// 会", "8th Moscow Conference on International Security"). It starts after the last
/// boundary (punctuation, 和, 及, " and ") or action verb — verbs inside the `shield`ed ranges
/// (an organisation's name: 上合组织) or inside the head noun (the 会晤 of 非正式会晤) do not
/// count, and a head that is itself a verb (通话) leaves no name — and after a leading
/// article; it is at most 32 characters (64 in English, cut at a word) and at least 4.
pub fn phrase_before(
    segment: &str,
    head: (usize, usize),
    vocab: &Vocabulary,
    shield: &[(usize, usize)],
) -> Option<String> {
    let chars: Vec<char> = segment.chars().collect();
    let end = head.1.min(chars.len());
    let english = chars[..end].iter().rev().take(8).all(|c| c.is_ascii());
    let longest = if english { 64 } else { 32 };
    let mut start = end;
    let boundary = |i: usize| BOUNDARY.contains(&chars[i]) && !vocab.in_word(&chars, i);
    while start > 0 && end - start < longest && !boundary(start - 1) {
        start -= 1;
    }
    // " and " ends the phrase, unless it joins capitalised words inside a proper name
    // ("Diplomatic and Security Dialogue").
    let phrase: String = chars[start..end].iter().collect();
    let inside_name = |and: usize| {
        let before = phrase[..and].chars().next_back();
        let after = phrase[and + 5..].chars().next();
        before.is_some_and(|c| c.is_alphabetic())
            && phrase[..and]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && after.is_some_and(char::is_uppercase)
    };
    if let Some(and) = phrase
        .rmatch_indices(" and ")
        .map(|(i, _)| i)
        .find(|&i| !inside_name(i))
    {
        start += phrase[..and + 5].chars().count();
    }
    let verbs = vocab.action_spans(&chars[start..end].iter().collect::<String>());
    let cut = verbs
        .into_iter()
        .map(|(a, b)| (start + a, start + b))
        .filter(|&(a, b)| b <= head.0 || a == head.0)
        .filter(|&(_, b)| !shield.iter().any(|&(x, y)| b > x && b <= y))
        .map(|(_, b)| b - start)
        .max()
        .unwrap_or(0);
    start += cut;
    if english {
        // A phrase cut inside a word starts at the next word.
        while start < end && start > 0 && chars[start - 1].is_alphanumeric() {
            start += 1;
        }
    }
    let name: String = chars[start..end].iter().collect();
    let mut name = bare_name(&name);
    // A format after the name is how it met, not its name ("北京香山论坛视频会议").
    while let Some(shorter) = vocab
        .formats()
        .find_map(|f| name.strip_suffix(f))
        .filter(|n| n.chars().count() >= 4)
    {
        name = shorter;
    }
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// A meeting's name without what the phrase holds around it: a frame ending in 的 ("为主题
/// 的"), a leading date ("2007年8月比什凯克峰会"), particles, an English article, and what
/// follows 等 ("…扩大会议等视频会议").
fn bare_name(phrase: &str) -> &str {
    let long_enough = |s: &str| s.chars().count() >= 4;
    let mut name = phrase.trim();
    if let Some((_, after)) = name.rsplit_once('的').filter(|(_, a)| long_enough(a)) {
        name = after;
    }
    if let Some((before, _)) = name.split_once('等').filter(|(b, _)| long_enough(b)) {
        name = before;
    }
    let mut ctx = crate::extract::dates::Context::default();
    if let Some(d) = crate::extract::dates::find(name, &mut ctx)
        .first()
        .filter(|d| d.start == 0)
    {
        name = &name[name
            .char_indices()
            .nth(d.end)
            .map_or(name.len(), |(b, _)| b)..];
    }
    let name = name
        .trim_start_matches(['在', '的', '了', '与', '同'])
        .trim();
    ["the ", "The ", "a ", "an "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(name)
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
        assert_eq!(
            got("held Joint Sea-2015 (I) in the Mediterranean and Shaheen-IV in Yinchuan"),
            ["Joint Sea-2015 (I)", "Shaheen-IV"]
        );
    }

    #[test]
    fn titles_and_phrases() {
        let v = Vocabulary::builtin();
        assert_eq!(
            titles("签署《国防部合作协定》、《反恐协定》")[1].text,
            "反恐协定"
        );
        let whole = |s: &str, head: usize| (s.chars().count() - head, s.chars().count());
        let s = "6月，主办第二届东盟与中日韩武装部队国际救灾研讨会";
        assert_eq!(
            phrase_before(s, whole(s, 3), &v, &[]).as_deref(),
            Some("第二届东盟与中日韩武装部队国际救灾研讨会")
        );
        // An organisation's 组织 is no verb; an English name starts at a word.
        let s = "参加了上合组织成员国国防部长会议";
        let shield = [(3, 7)];
        assert_eq!(
            phrase_before(s, whole(s, 4), &v, &shield).as_deref(),
            Some("上合组织成员国国防部长会议")
        );
        let s = "The Chinese military also attended the SCO Defense Ministers' Meeting, the 8th Moscow Conference on International Security and the 6th ADMM-Plus";
        let at = |w: &str, head: usize| {
            let end = s[..s.find(w).unwrap() + w.len()].chars().count();
            (end - head, end)
        };
        assert_eq!(
            phrase_before(s, at("Security", 35), &v, &[]).as_deref(),
            Some("8th Moscow Conference on International Security")
        );
        assert_eq!(
            phrase_before(s, at("Plus", 9), &v, &[]).as_deref(),
            Some("6th ADMM-Plus")
        );
        let s = "the first China-US Diplomatic and Security Dialogue";
        assert_eq!(
            phrase_before(s, whole(s, 8), &v, &[]).as_deref(),
            Some("first China-US Diplomatic and Security Dialogue")
        );
        // A verb inside the head noun is no cut; a head that is a verb leaves no name.
        let s = "12月9日，第十一次中国-东盟国防部长非正式会晤";
        assert_eq!(
            phrase_before(s, whole(s, 5), &v, &[]).as_deref(),
            Some("第十一次中国-东盟国防部长非正式会晤")
        );
        let s = "同日本、韩国防务部门领导人分别通话";
        assert_eq!(phrase_before(s, whole(s, 2), &v, &[]), None);
        for (phrase, name) in [
            (
                "以“合作”为主题的北京香山论坛视频会议",
                "北京香山论坛视频会议",
            ),
            ("2007年8月比什凯克峰会", "比什凯克峰会"),
            ("第七届东盟防长扩大会议等视频会议", "第七届东盟防长扩大会议"),
        ] {
            assert_eq!(bare_name(phrase), name);
        }
        let s = "举办首届中非和平安全论坛";
        assert_eq!(
            phrase_before(s, whole(s, 2), &v, &[]).as_deref(),
            Some("首届中非和平安全论坛")
        );
    }
}
