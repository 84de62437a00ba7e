//! Counts in a segment ("34项", "等14个国家", "20余次", "1949名", "115艘次"): which make it
//! an aggregate (a figure, codebook G3), which size one event, and what date a figure is
//! "as of".

use crate::extract::dates::DateMention;
use crate::model::PartialDate;

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Occurrences, rotations or people across many events (项, 次, 批, 人次, 名 …).
    Events,
    /// Countries (国, 个国家).
    Countries,
    /// Anything else the text counts in passing (所, 个任务区 …): a figure, never a size.
    Other,
}

/// Units a count can have, longest first.
const UNITS: [(&str, Counted); 20] = [
    ("个维和任务区", Counted::Events),
    ("个任务区", Counted::Events),
    ("多个国家", Counted::Countries),
    ("个国家", Counted::Countries),
    ("艘次", Counted::Events),
    ("人次", Counted::Events),
    ("余次", Counted::Events),
    ("余名", Counted::Events),
    ("余艘", Counted::Events),
    ("多项", Counted::Events),
    ("项", Counted::Events),
    ("批", Counted::Events),
    ("次", Counted::Events),
    ("名", Counted::Events),
    ("国", Counted::Countries),
    ("人", Counted::Events),
    ("艘", Counted::Events),
    ("轮", Counted::Events),
    ("所", Counted::Other),
    ("个", Counted::Other),
];

/// A count in a segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub value: u32,
    /// The unit as written, with 余/多 when the text says "more than".
    pub unit: String,
    pub counted: Counted,
    /// Code points in the segment.
    pub start: usize,
    pub end: usize,
    /// 等 stands right before it ("…等50国").
    pub after_deng: bool,
}

/// Chinese numerals that count occurrences ("两次", "八轮"): only before a unit of events,
/// since 两国 and 两军 name the two sides, not a count.
fn chinese_counts(segment: &str) -> Vec<Count> {
    let chars: Vec<char> = segment.chars().collect();
    let value_of = |c: char| match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let Some(mut value) = value_of(chars[i]) else {
            continue;
        };
        if i > 0
            && (chars[i - 1] == '第' || value_of(chars[i - 1]).is_some() || chars[i - 1] == '十')
        {
            continue;
        }
        // "第七、八次": the second ordinal of a list, not a count.
        let before: String = chars[i.saturating_sub(5)..i].iter().collect();
        if before.ends_with('、') && before.contains('第') {
            continue;
        }
        let mut j = i + 1;
        if chars.get(j) == Some(&'十') {
            value *= 10;
            j += 1;
            if let Some(v) = chars.get(j).and_then(|&c| value_of(c)) {
                value += v;
                j += 1;
            }
        }
        let rest: String = chars[j..chars.len().min(j + 3)].iter().collect();
        if let Some(unit) = ["次", "轮", "批", "项"]
            .iter()
            .find(|u| rest.starts_with(**u))
        {
            out.push(Count {
                value,
                unit: unit.to_string(),
                counted: Counted::Events,
                start: i,
                end: j + 1,
                after_deng: false,
            });
        }
    }
    out
}

/// Every count in `segment`. Years (2020年), ordinals (第11次) and digits inside names
/// ("轰-6K", "高加索-2020") are not counts.
pub fn counts(segment: &str) -> Vec<Count> {
    let mut out = digit_counts(segment);
    out.extend(chinese_counts(segment));
    out.sort_by_key(|c| c.start);
    out
}

fn digit_counts(segment: &str) -> Vec<Count> {
    let chars: Vec<char> = segment.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(chars[i])
            || (i > 0 && (digit(chars[i - 1]) || matches!(chars[i - 1], '-' | '—' | '－')))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = String::new();
        while j < chars.len() && (digit(chars[j]) || chars[j] == ',') {
            if let Some(d) = chars[j].to_digit(10).or_else(|| full_width(chars[j])) {
                digits.push(char::from_digit(d, 10).unwrap_or('0'));
            }
            j += 1;
        }
        let rest: String = chars[j..chars.len().min(j + 8)].iter().collect();
        let found = UNITS.iter().find(|(u, _)| rest.starts_with(u));
        let ordinal = i > 0 && chars[i - 1] == '第';
        if let (Some(&(unit, counted)), Ok(value), false) = (found, digits.parse::<u32>(), ordinal)
        {
            if !rest.starts_with('年') {
                let end = j + unit.chars().count();
                out.push(Count {
                    value,
                    unit: unit.to_string(),
                    counted,
                    start: i,
                    end,
                    after_deng: i > 0 && chars[i - 1] == '等',
                });
                i = end;
                continue;
            }
        }
        i = j.max(i + 1);
    }
    out
}

fn full_width(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// The date a figure is "as of": the date after 截至, else the segment's own date when it
/// is not a "since" (以来) span, else the document's date.
pub fn as_of(
    segment: &str,
    found: &[DateMention],
    document: Option<PartialDate>,
) -> Option<PartialDate> {
    let until = segment.find("截至").map(|b| segment[..b].chars().count());
    if let Some(at) = until {
        if let Some(m) = found
            .iter()
            .find(|m| m.start >= at + 2 && m.start <= at + 3)
        {
            return Some(m.to.unwrap_or(m.from));
        }
    }
    let since = segment.contains("以来") || segment.contains("迄今") || segment.contains("目前");
    match found.last() {
        Some(m) if !since => Some(m.to.unwrap_or(m.from)),
        _ => document,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_know_their_units() {
        let c = counts("组织实施联演联训联赛34项");
        assert_eq!(
            (c[0].value, c[0].unit.as_str(), c[0].counted),
            (34, "项", Counted::Events)
        );
        let c = counts("与俄罗斯等14个国家海军");
        assert!(c[0].after_deng && c[0].counted == Counted::Countries);
        assert!(counts("2020年第11次").is_empty());
        let c = counts("共与20多个国家举行了20余次联合军事演习");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].unit, "余次");
        assert!(counts("4架轰-6K飞机").is_empty());
        assert_eq!(counts("与新加坡等８个国家")[0].value, 8);
        assert_eq!(counts("首次一年内举行两次海上联合演习")[0].value, 2);
        assert_eq!(counts("两军先后举行八轮军长级会谈")[0].value, 8);
        assert!(counts("两国国防部长举行第二次会晤").is_empty());
        assert!(counts("举行第七、八次防务安全磋商").is_empty());
    }
}
