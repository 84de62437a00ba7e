//! Dates stated in the text, with their real precision.
//!
//! Absolute forms (2007年8月, 2020年12月22日, "August 2007"), month and day mentions whose
//! year comes from the surrounding text (12月9日、10日, 5月), ranges (8月23日至9月5日,
//! 10月28日至29日, 6月底至8月初), expressions relative to the document's own date (今年,
//! 年内, 一年来, 两年来, 近两年) and years inside exercise names (高加索-2020, 和平-07).
//! Nothing is guessed: a mention whose year cannot be known is left out.

use crate::model::PartialDate;

/// A date or a range of dates found in a text, with code-point offsets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub from: PartialDate,
    /// The end of a range (inclusive), if the mention is one.
    pub to: Option<PartialDate>,
}

/// What the reader knows when the text says "this year": the document's own date, and the
/// last year the text has stated so far (for bare month and day mentions).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Context {
    pub document_year: Option<u16>,
    pub current_year: Option<u16>,
    /// The month the text stated last, for "同月" (the same month).
    pub current_month: Option<u8>,
}

/// English month names, lowercase (also read by `ingest::stamp` for web pages' dates).
pub(crate) const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn date(year: u16, month: Option<u8>, day: Option<u8>) -> PartialDate {
    PartialDate { year, month, day }
}

/// Reads a run of ASCII (or full-width) digits at `i`; returns the value and its end.
fn number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut value: u32 = 0;
    while j < chars.len() {
        let d = match chars[j] {
            c @ '0'..='9' => c as u32 - '0' as u32,
            c @ '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        j += 1;
        if j - i > 4 {
            return None;
        }
    }
    (j > i).then_some((value, j))
}

fn plausible_year(y: u32) -> Option<u16> {
    (1949..=2100).contains(&y).then_some(y as u16)
}

fn valid(d: PartialDate) -> bool {
    PartialDate::parse(&d.to_string()).is_some()
}

/// One Chinese date at `i`: `[YYYY年][M月[D日|底|初|上旬|中旬|下旬]]`, or a bare `D日` when
/// `month` is known. Returns the date and where it ends.
fn chinese_at(
    chars: &[char],
    i: usize,
    year: Option<u16>,
    month: Option<u8>,
) -> Option<(PartialDate, usize)> {
    let (n, j) = number(chars, i)?;
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '-' || chars[i - 1] == '.') {
        return None;
    }
    match chars.get(j) {
        Some('年') => {
            let y = plausible_year(n).filter(|_| j - i == 4)?;
            if let Some((m, k)) = number(chars, j + 1).filter(|(_, k)| chars.get(*k) == Some(&'月'))
            {
                if (1..=12).contains(&m) {
                    let (d, end) = day_after(chars, k + 1);
                    let out = date(y, Some(m as u8), d);
                    return valid(out).then_some((out, end));
                }
            }
            Some((date(y, None, None), j + 1))
        }
        Some('月') if (1..=12).contains(&n) && chars.get(j.wrapping_sub(2)) != Some(&'个') => {
            let y = year?;
            let (d, end) = day_after(chars, j + 1);
            let out = date(y, Some(n as u8), d);
            valid(out).then_some((out, end))
        }
        Some('日') | Some('号') if (1..=31).contains(&n) => {
            let (y, m) = (year?, month?);
            let out = date(y, Some(m), Some(n as u8));
            valid(out).then_some((out, j + 1))
        }
        _ => None,
    }
}

/// A day after `M月`: `D日` gives the day; 底/初/旬 keep month precision.
fn day_after(chars: &[char], k: usize) -> (Option<u8>, usize) {
    if let Some((d, e)) = number(chars, k) {
        if matches!(chars.get(e), Some('日') | Some('号')) && (1..=31).contains(&d) {
            return (Some(d as u8), e + 1);
        }
    }
    for marker in ["底", "初", "上旬", "中旬", "下旬"] {
        let m: Vec<char> = marker.chars().collect();
        if chars.get(k..k + m.len()) == Some(&m[..]) {
            return (None, k + m.len());
        }
    }
    (None, k)
}

fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(j, c)| chars.get(j) == Some(&c))
}

/// Relative expressions resolved from the document's own year (the year it reports on).
const RELATIVE: [(&str, i32, i32); 12] = [
    ("近两年", -1, 0),
    ("两年来", -1, 0),
    ("一年来", 0, 0),
    ("这一年", 0, 0),
    ("今年", 0, 0),
    ("年内", 0, 0),
    ("本年度", 0, 0),
    ("去年", -1, -1),
    ("this year", 0, 0),
    ("last year", -1, -1),
    ("the past two years", -1, 0),
    ("the past year", 0, 0),
];

/// Relative years resolved from the year the text stated last (the sentence before):
/// "次年" after "2009年…" is 2010 (codebook G4).
const FROM_TEXT: [(&str, i32); 13] = [
    ("次年", 1),
    ("翌年", 1),
    ("第二年", 1),
    ("同年", 0),
    ("当年", 0),
    ("上一年", -1),
    ("前一年", -1),
    ("the following year", 1),
    ("the next year", 1),
    ("that year", 0),
    ("the same year", 0),
    ("the previous year", -1),
    ("the year before", -1),
];

/// Every date mention in `text`. `ctx.current_year` and `ctx.current_month` are updated as
/// dates are stated.
/// Years inside 《titles》 ("《2021—2025年中俄军事合作发展路线图》") name the title's
/// period, not when something happened: they are neither found nor remembered.
pub fn find(text: &str, ctx: &mut Context) -> Vec<DateMention> {
    let found = scan(&without_titles(text), ctx);
    if let Some(m) = found.last() {
        let last = m.to.unwrap_or(m.from);
        ctx.current_month = last.month.or(ctx
            .current_month
            .filter(|_| last.year == ctx.current_year.unwrap_or(0)));
    }
    found
}

/// `text` with what stands inside 《》 blanked, character for character (offsets hold).
fn without_titles(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('《') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut depth = 0;
    let blanked = text
        .chars()
        .map(|c| match c {
            '《' => {
                depth += 1;
                c
            }
            '》' => {
                depth = 0.max(depth - 1);
                c
            }
            _ if depth > 0 => '　',
            _ => c,
        })
        .collect();
    std::borrow::Cow::Owned(blanked)
}

/// "同月", "当月": the month stated last; "the following April": that month of the year after.
fn month_relative(lower: &[char], i: usize, ctx: &Context) -> Option<(DateMention, usize)> {
    for word in ["同月", "当月", "the same month"] {
        if starts_with(lower, i, word) {
            let (y, m) = (ctx.current_year?, ctx.current_month?);
            let len = word.chars().count();
            return Some((
                DateMention {
                    start: i,
                    end: i + len,
                    from: date(y, Some(m), None),
                    to: None,
                },
                len,
            ));
        }
    }
    if starts_with(lower, i, "the following ") {
        let at = i + "the following ".len();
        let (m, name) = MONTHS_EN
            .iter()
            .enumerate()
            .find(|(_, n)| starts_with(lower, at, n))?;
        let y = plausible_year(ctx.current_year? as u32 + 1)?;
        let len = "the following ".len() + name.len();
        return Some((
            DateMention {
                start: i,
                end: i + len,
                from: date(y, Some(m as u8 + 1), None),
                to: None,
            },
            len,
        ));
    }
    None
}

fn scan(text: &str, ctx: &mut Context) -> Vec<DateMention> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((m, len)) = month_relative(&lower, i, ctx) {
            ctx.current_year = Some(m.from.year);
            out.push(m);
            i += len;
            continue;
        }
        let counted = i > 0
            && matches!(
                chars[i - 1],
                '一' | '两' | '二' | '三' | '几' | '数' | '多' | '半'
            );
        if let Some(&(word, shift)) = FROM_TEXT.iter().find(|(w, _)| starts_with(&lower, i, w)) {
            let len = word.chars().count();
            if let Some(y) = ctx
                .current_year
                .and_then(|y| plausible_year((y as i32 + shift) as u32))
            {
                out.push(DateMention {
                    start: i,
                    end: i + len,
                    from: date(y, None, None),
                    to: None,
                });
                ctx.current_year = Some(y);
            }
            i += len;
            continue;
        }
        if let Some(&(word, from, to)) = RELATIVE
            .iter()
            .find(|(w, _, _)| starts_with(&lower, i, w))
            .filter(|(w, _, _)| !(counted && w.starts_with('年')))
        {
            let len = word.chars().count();
            if let Some(y) = ctx.document_year {
                let (a, b) = ((y as i32 + from) as u16, (y as i32 + to) as u16);
                out.push(DateMention {
                    start: i,
                    end: i + len,
                    from: date(a, None, None),
                    to: (a != b).then(|| date(b, None, None)),
                });
                ctx.current_year = Some(y);
            }
            i += len;
            continue;
        }
        let last_month = out
            .last()
            .filter(|m| m.end + 1 >= i)
            .and_then(|m| m.to.unwrap_or(m.from).month);
        if let Some((from, mut end)) = chinese_at(&chars, i, ctx.current_year, last_month) {
            ctx.current_year = Some(from.year);
            // "同年8月": the relative year and the month are one date.
            let mut start = i;
            if let Some(prev) = out.last().filter(|m| {
                m.end == i && m.to.is_none() && m.from.month.is_none() && m.from.year == from.year
            }) {
                start = prev.start;
                out.pop();
            }
            let mut to = None;
            // A range: 至 or 到 or a dash, then a second date whose missing parts come from the first.
            if matches!(
                chars.get(end),
                Some('至') | Some('到') | Some('—') | Some('-') | Some('~')
            ) {
                if let Some((second, e)) = chinese_at(&chars, end + 1, Some(from.year), from.month)
                {
                    to = Some(second);
                    end = e;
                }
            }
            out.push(DateMention {
                start,
                end,
                from,
                to,
            });
            i = end;
            continue;
        }
        if let Some(m) =
            english_at(&lower, i, ctx.current_year).filter(|m| !in_english_name(&chars, m))
        {
            ctx.current_year = Some(m.from.year);
            i = m.end;
            out.push(m);
            continue;
        }
        i += 1;
    }
    out
}

/// A bare year right after a capitalised word that is not a month or a preposition is the
/// year of a name ("Hand-in-Hand 2014", "RIMPAC 2014"), read by `year_in_name` where a name
/// is expected, not a date of the text.
fn in_english_name(chars: &[char], m: &DateMention) -> bool {
    if m.from.month.is_some() || m.start < 2 || chars[m.start - 1] != ' ' {
        return false;
    }
    let word: String = chars[..m.start - 1]
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '+'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(|c| c.is_uppercase())
        && !MONTHS_EN.contains(&lower.as_str())
        && ![
            "in", "since", "by", "until", "from", "as", "of", "for", "to", "before", "after",
            "early", "late", "mid",
        ]
        .contains(&lower.as_str())
}

/// `August 2007`, `in 2023`, `December 28, 2023`: English month names and four-digit years.
/// An English date at `i`: "August 2007", "December 28, 2023", a year; or a month without
/// a year after a preposition ("in June", "on June 12") in the `current` year (G4, as
/// Chinese bare months).
fn english_at(lower: &[char], i: usize, current: Option<u16>) -> Option<DateMention> {
    // A year after a dash is part of a name (“环太平洋—2016”, Kavkaz-2020), read by
    // `year_in_name` where a name is expected.
    if i > 0 && (lower[i - 1].is_alphanumeric() || matches!(lower[i - 1], '-' | '—' | '－' | '–'))
    {
        return None;
    }
    for (m, name) in MONTHS_EN.iter().enumerate() {
        if starts_with(lower, i, name) {
            let mut j = i + name.chars().count();
            if lower.get(j).is_some_and(|c| c.is_alphabetic()) {
                return None;
            }
            while lower.get(j) == Some(&' ') {
                j += 1;
            }
            let day_at = j;
            let mut day = None;
            if let Some((d, e)) = number(lower, j)
                .filter(|(d, e)| (1..=31).contains(d) && lower.get(*e) == Some(&','))
            {
                day = Some(d as u8);
                j = e + 1;
                while lower.get(j) == Some(&' ') {
                    j += 1;
                }
            }
            let Some((y, e)) = number(lower, j).filter(|(_, e)| e - j == 4) else {
                return bare_month(lower, i, day_at, m as u8 + 1, current);
            };
            let y = plausible_year(y)?;
            let from = date(y, Some(m as u8 + 1), day);
            return valid(from).then_some(DateMention {
                start: i,
                end: e,
                from,
                to: None,
            });
        }
    }
    let (y, e) = number(lower, i)?;
    if e - i != 4
        || lower
            .get(e)
            .is_some_and(|c| c.is_alphanumeric() || *c == '年')
    {
        return None;
    }
    let y = plausible_year(y)?;
    Some(DateMention {
        start: i,
        end: e,
        from: date(y, None, None),
        to: None,
    })
}

/// "in June", "on June 12", "since March": a month (and day) in the `current` year, where
/// a preposition says it is a date ("may" and "march" are words too).
fn bare_month(
    lower: &[char],
    i: usize,
    after: usize,
    month: u8,
    current: Option<u16>,
) -> Option<DateMention> {
    let before: String = lower[i.saturating_sub(7)..i].iter().collect();
    let dated = [
        "in ", "on ", "since ", "by ", "until ", "from ", "early ", "late ", "mid-",
    ]
    .iter()
    .any(|p| before.ends_with(p));
    if !dated {
        return None;
    }
    let day = number(lower, after).filter(|(d, e)| {
        (1..=31).contains(d) && !lower.get(*e).is_some_and(|c| c.is_alphanumeric())
    });
    let from = date(current?, Some(month), day.map(|(d, _)| d as u8));
    valid(from).then_some(DateMention {
        start: i,
        end: day.map_or(after, |(_, e)| e),
        from,
        to: None,
    })
}

/// The year in an exercise name: `高加索-2020` → 2020, `和平-07` → 2007.
pub fn year_in_name(name: &str) -> Option<u16> {
    // A phase after the year ("Joint Sea-2015 (II)", "海上联合-2015（一）") is not the year.
    let name = match name.trim_end().strip_suffix([')', '）']) {
        Some(inner) => inner
            .rsplit_once(['(', '（'])
            .map_or(name, |(base, _)| base.trim_end()),
        None => name,
    };
    let digits: String = name
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match digits.len() {
        4 => plausible_year(digits.parse().ok()?),
        2 => {
            let n: u16 = digits.parse().ok()?;
            Some(if n < 50 { 2000 + n } else { 1900 + n })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, document_year: Option<u16>, current_year: Option<u16>) -> Vec<String> {
        let mut ctx = Context {
            document_year,
            current_year,
            current_month: None,
        };
        find(text, &mut ctx)
            .into_iter()
            .map(|m| match m.to {
                Some(to) => format!("{}/{}", m.from, to),
                None => m.from.to_string(),
            })
            .collect()
    }

    #[test]
    fn years_in_titles_are_no_dates() {
        assert_eq!(
            shown(
                "双方签署《2021—2025年军事合作发展路线图》，10月",
                None,
                Some(2021)
            ),
            ["2021-10"]
        );
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(shown("2007年8月比什凯克峰会", None, None), ["2007-08"]);
        assert_eq!(
            shown("2020年12月22日，两国空军", None, None),
            ["2020-12-22"]
        );
        assert_eq!(shown("2007年以来", None, None), ["2007"]);
        assert_eq!(
            shown("2007年7月和2008年7月", None, None),
            ["2007-07", "2008-07"]
        );
    }

    #[test]
    fn months_and_days_take_the_current_year() {
        assert_eq!(
            shown("12月9日、10日，会晤举行", None, Some(2020)),
            ["2020-12-09", "2020-12-10"]
        );
        assert_eq!(
            shown("5月，在新加坡附近海域", None, Some(2007)),
            ["2007-05"]
        );
        assert!(shown("5月，在新加坡附近海域", None, None).is_empty());
        assert!(shown("近半个月后，一个月后", None, Some(2020)).is_empty());
    }

    #[test]
    fn ranges() {
        assert_eq!(
            shown("8月23日至9月5日", None, Some(2020)),
            ["2020-08-23/2020-09-05"]
        );
        assert_eq!(
            shown("10月28日至29日", None, Some(2020)),
            ["2020-10-28/2020-10-29"]
        );
        assert_eq!(shown("6月底至8月初", None, Some(2021)), ["2021-06/2021-08"]);
    }

    #[test]
    fn relative_expressions_use_the_document_date() {
        assert_eq!(shown("今年以来", Some(2020), None), ["2020"]);
        assert!(shown("首次一年内举行两次", Some(2017), None).is_empty());
        assert_eq!(shown("两年来，成员国签署", Some(2008), None), ["2007/2008"]);
        assert!(shown("两年来，成员国签署", None, Some(2007)).is_empty());
    }

    #[test]
    fn relative_years_resolve_from_the_year_stated_before() {
        assert_eq!(
            shown("2009年在中国举行。次年，在哈萨克斯坦举行", None, None),
            ["2009", "2010"]
        );
        assert_eq!(shown("同年8月，举行", None, Some(2007)), ["2007-08"]);
        assert_eq!(
            shown(
                "In 2012 the PLA sent a team; the following year it",
                None,
                None
            ),
            ["2012", "2013"]
        );
        assert_eq!(shown("上一年", None, Some(2016)), ["2015"]);
        assert!(shown("次年", None, None).is_empty());
        assert_eq!(shown("this year the PLA", Some(2023), None), ["2023"]);
    }

    #[test]
    fn relative_months() {
        let mut ctx = Context {
            document_year: None,
            current_year: Some(2010),
            current_month: Some(10),
        };
        let found: Vec<String> = find("同月，中国在北京主办第三届香山论坛", &mut ctx)
            .iter()
            .map(|m| m.from.to_string())
            .collect();
        assert_eq!(found, ["2010-10"]);
        let mut ctx = Context::default();
        let found: Vec<String> = find(
            "in November 2013, and Hand-in-Hand 2014 in Pune the following November",
            &mut ctx,
        )
        .iter()
        .map(|m| m.from.to_string())
        .collect();
        assert_eq!(found, ["2013-11", "2014-11"]);
    }

    #[test]
    fn english_dates() {
        assert_eq!(shown("in August 2007 the", None, None), ["2007-08"]);
        assert_eq!(shown("The year 2023 marks", None, None), ["2023"]);
        assert_eq!(shown("on December 28, 2023.", None, None), ["2023-12-28"]);
        assert!(shown("Y-20 and 12345", None, None).is_empty());
        assert!(shown("“环太平洋—2016”联合军演", None, None).is_empty());
        assert_eq!(shown("In June, the PLA", None, Some(2017)), ["2017-06"]);
        assert_eq!(
            shown("held on July 23, the", None, Some(2019)),
            ["2019-07-23"]
        );
        assert!(shown("The two sides may meet", None, Some(2019)).is_empty());
        assert!(shown("In June, the PLA", None, None).is_empty());
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(shown("2月30日", None, Some(2021)).is_empty());
        assert_eq!(shown("13月", None, Some(2021)), Vec::<String>::new());
    }

    #[test]
    fn years_in_exercise_names() {
        assert_eq!(year_in_name("高加索-2020"), Some(2020));
        assert_eq!(year_in_name("Joint Sea-2015 (II)"), Some(2015));
        assert_eq!(year_in_name("和平-07"), Some(2007));
        assert_eq!(year_in_name("雄鹰-IX"), None);
    }
}
