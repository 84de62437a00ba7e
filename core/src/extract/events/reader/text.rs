//! Small readings of a part's text shared by the reader's modules: CAMEO refinements,
//! quotes, ordinals, names, totals, dates listed, service and location.

use super::*;

/// The CAMEO code: the type's, refined where the text says more (codebook: a visit
/// received in China 043, a dialogue by telephone 041, a forum China hosts 043).
pub(super) fn cameo(kind: EventType, text: &str, vocab: &Vocabulary) -> &'static str {
    let says = |words: &[String]| Vocabulary::says_any(text, words);
    match kind {
        EventType::Visit | EventType::PortCall if says(&vocab.cameo.hosted) => "043",
        EventType::Dialogue if says(&vocab.cameo.telephone) => "041",
        EventType::Forum if says(&vocab.cameo.hosts) => "043",
        k => k.cameo(),
    }
}

/// The texts in “quotes” in a text.
/// Where a part's core starts in its quote (code points).
pub(super) fn core_offset(part: &Part) -> usize {
    part.span
        .quote
        .find(part.span.core)
        .map_or(0, |b| part.span.quote[..b].chars().count())
}

pub(super) fn quoted_text(text: &str) -> Vec<String> {
    text.split('“')
        .skip(1)
        .filter_map(|s| s.split('”').next())
        .map(str::to_string)
        .collect()
}

/// "第七、八次": how many ordinals a list names (1 when it names one or none).
pub(super) fn ordinal_list(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let numeral = |c: char| "一二三四五六七八九十百0123456789".contains(c);
    for i in 0..chars.len() {
        if chars[i] != '第' {
            continue;
        }
        let mut j = i + 1;
        let mut n = 1;
        while j < chars.len() && (numeral(chars[j]) || chars[j] == '、') {
            if chars[j] == '、' {
                n += 1;
            }
            j += 1;
        }
        if n > 1 && matches!(chars.get(j), Some('次') | Some('届') | Some('轮')) {
            return n;
        }
    }
    1
}

/// The event names a text carries: quoted, and English series names with their year.
pub(super) fn names_in(text: &str, vocab: &Vocabulary) -> Vec<Name> {
    let quoted = quoted_names(text, vocab);
    let unquoted: Vec<Name> = unquoted_names(text, vocab)
        .into_iter()
        .filter(|u| !quoted.iter().any(|q| q.start < u.end && u.start < q.end))
        .collect();
    let mut all: Vec<Name> = quoted.into_iter().chain(unquoted).collect();
    all.sort_by_key(|n| n.start);
    all
}

/// The total a part gives for partners it names only some of ("…等50国").
pub(super) fn partner_total(part: &Part) -> Option<u32> {
    part.counts
        .iter()
        .find(|c| c.counted == Counted::Countries && c.after_deng)
        .map(|c| c.value)
}

/// Days of one month listed together ("12月9日、10日"): one occasion over those days.
pub(super) fn consecutive_days(dates: &[DateMention]) -> bool {
    dates.windows(2).all(|w| {
        w[1].start <= w[0].end + 1 && w[0].from.year == w[1].from.year && w[0].from.day.is_some()
    })
}

/// Whether several dates are listed together ("2005年、2007年和2009年", "in 2013 and
/// 2014", each with its place: "2009年6月在桂林、2010年11月在新加坡"): one occasion each. Dates apart in the text ("After floods in late May, … in
/// June") date a circumstance and the event, not a list.
pub(super) fn listed_together(text: &str, dates: &[DateMention]) -> bool {
    let chars: Vec<char> = text.chars().collect();
    dates.len() >= 2
        && dates.windows(2).all(|w| {
            let between: String = chars[w[0].end.min(w[1].start)..w[1].start].iter().collect();
            let separator = |c: char| matches!(c, '、' | '和' | '及' | ',' | '，' | ' ' | '与');
            let bare = between.replace("and", "").chars().all(separator);
            // "2009年6月在桂林、2010年11月在新加坡": each date with its place.
            let placed = (between.starts_with('在') || between.starts_with(" in "))
                && between.chars().count() <= 10
                && between.trim_end().ends_with(separator);
            bare || placed
        })
}

/// Dates of a part, one per occasion (a repeated date once).
pub(super) fn distinct_dates(found: &[DateMention]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    for m in found {
        if !out.iter().any(|d| d.from == m.from) {
            out.push(*m);
        }
    }
    out
}

/// A name's Chinese and English forms: an English name of a known series gets the series'
/// Chinese name with its year ("Golden Dragon 2023" → 金龙-2023); the English form only
/// where the text gives one.
pub(super) fn name_forms(
    name: &str,
    series_zh: Option<&str>,
    name_year: Option<u16>,
) -> (Option<String>, Option<String>) {
    match series_zh {
        Some(zh) if name.is_ascii() => {
            // "Joint Sea-2015 (II)" → 海上联合-2015 (II): the year and any phase after it.
            let phase = name
                .rfind(" (")
                .filter(|_| name.ends_with(')'))
                .map_or("", |i| &name[i..]);
            let base = &name[..name.len() - phase.len()];
            let suffix = base.rsplit(['-', ' ', '－', '—']).next().unwrap_or("");
            let tail = name_year
                .map(|y| y.to_string())
                .unwrap_or_else(|| suffix.to_string());
            (Some(format!("{zh}-{tail}{phase}")), Some(name.to_string()))
        }
        _ if name.is_ascii() => (Some(name.to_string()), Some(name.to_string())),
        _ => (Some(name.to_string()), None),
    }
}

pub(super) fn year(y: u16) -> PartialDate {
    PartialDate {
        year: y,
        month: None,
        day: None,
    }
}

pub(super) fn service_of(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let has = |ks: &[&str]| ks.iter().any(|k| lower.contains(k));
    if has(&["海军", "舰", "海上", "navy", "vessel", "plan "]) {
        Some("navy".into())
    } else if has(&["空军", "空中", "飞机", "air force", "aircraft"]) {
        Some("air".into())
    } else if has(&["陆军", "army"]) {
        Some("army".into())
    } else {
        None
    }
}

/// `在X举行` → X (not "在…框架内"), for where an event took place.
pub(super) fn location_of(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let verbs = ["举行", "实施", "召开", "进行", "部署"];
    for (i, &c) in chars.iter().enumerate() {
        if c != '在' {
            continue;
        }
        let tail: String = chars[i + 1..].iter().take(24).collect();
        for v in verbs {
            if let Some(p) = tail.find(v) {
                let place = tail[..p]
                    .split('与')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(['分', '别', '共', '同', '成', '功'])
                    .trim();
                let n = place.chars().count();
                if (2..=20).contains(&n)
                    && !place.contains("框架")
                    && !place.contains(['，', '、', '的'])
                    && !place.contains("期间")
                    && !place.contains(['年', '月'])
                    && !["两国", "此", "这里"].contains(&place)
                {
                    return Some(place.to_string());
                }
            }
        }
    }
    None
}

/// Whether every character of `short` stands in `long` in order (中非论坛 in
/// 首届中非和平安全论坛).
pub(super) fn subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// Whether a date starts a span rather than dating an occasion ("2008年12月以来", "since
/// December 2008").
pub(super) fn starts_span(text: &str, d: &DateMention) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let after: String = chars[d.end.min(chars.len())..].iter().take(2).collect();
    let before: String = chars[..d.start.min(chars.len())].iter().collect();
    after == "以来" || before.to_lowercase().ends_with("since ")
}
