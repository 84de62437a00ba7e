//! The date stamps of web pages: "2023-12-28 16:16:45", "2024年3月8日 09:00",
//! "May 6, 2024", "6 May 2024". Read by `milcoop import` for a page's date, and by the
//! omission rules to recognise a page's info line (a date with a clock time). Prose dates
//! ("2007年8月", "今年") are `extract::dates`.

use crate::extract::dates::MONTHS_EN;
use crate::model::PartialDate;

/// The first full date in a line (2023-12-28, 2023/12/28, 2023.12.28, 2023年12月28日,
/// May 6, 2024, 6 May 2024), with its byte offset and the byte offset where it ends.
pub fn date_at(line: &str) -> Option<(usize, PartialDate, usize)> {
    let bytes = line.as_bytes();
    line.char_indices().find_map(|(i, _)| {
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            return None;
        }
        let rest = &line[i..];
        numeric(rest)
            .or_else(|| month_first(rest))
            .or_else(|| day_first(rest))
            .map(|(d, len)| (i, d, i + len))
    })
}

/// Whether a line holds a full date followed by a clock time (HH:MM).
pub fn has_date_time(line: &str) -> bool {
    let Some((_, _, end)) = date_at(line) else {
        return false;
    };
    let after = line[end..].trim_start_matches([' ', '\u{3000}', '\u{a0}', '日']);
    let hours = after.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&hours)
        && after[hours..].starts_with([':', '：'])
        && after[hours..]
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit())
}

/// 2023-12-28, 2023/12/28, 2023.12.28, 2023年12月28日.
fn numeric(s: &str) -> Option<(PartialDate, usize)> {
    let (year, rest) = digits(s, 4, 4)?;
    let rest = separator(rest, &["-", "/", ".", "年"])?;
    let (month, rest) = digits(rest, 1, 2)?;
    let rest = separator(rest, &["-", "/", ".", "月"])?;
    let (day, rest) = digits(rest, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.strip_prefix('日').unwrap_or(rest);
    full(year, month, day).map(|d| (d, s.len() - rest.len()))
}

/// May 6, 2024 / May 6 2024.
fn month_first(s: &str) -> Option<(PartialDate, usize)> {
    let (month, rest) = month_name(s)?;
    let (day, rest) = digits(rest.trim_start_matches(' '), 1, 2)?;
    let rest = rest.trim_start_matches([',', ' ']);
    let (year, rest) = digits(rest, 4, 4)?;
    full(year, month, day).map(|d| (d, s.len() - rest.len()))
}

/// 6 May 2024.
fn day_first(s: &str) -> Option<(PartialDate, usize)> {
    let (day, rest) = digits(s, 1, 2)?;
    let (month, rest) = month_name(rest.strip_prefix(' ')?)?;
    let (year, rest) = digits(rest.trim_start_matches([',', ' ']), 4, 4)?;
    full(year, month, day).map(|d| (d, s.len() - rest.len()))
}

/// An English month name or its three-letter abbreviation (with or without a full stop).
fn month_name(s: &str) -> Option<(u32, &str)> {
    let word_len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = s[..word_len].to_ascii_lowercase();
    let m = MONTHS_EN
        .iter()
        .position(|m| word == *m || word == m[..3] || (word == "sept" && m.starts_with("sep")))?;
    let rest = &s[word_len..];
    Some((m as u32 + 1, rest.strip_prefix('.').unwrap_or(rest)))
}

fn full(year: u32, month: u32, day: u32) -> Option<PartialDate> {
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(PartialDate {
            year: year as u16,
            month: Some(month as u8),
            day: Some(day as u8),
        })
}

fn digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (min..=max)
        .contains(&n)
        .then(|| Some((s[..n].parse().ok()?, &s[n..])))
        .flatten()
}

fn separator<'s>(s: &'s str, seps: &[&str]) -> Option<&'s str> {
    seps.iter().find_map(|sep| s.strip_prefix(sep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_shapes_pages_write_them() {
        let d = |s: &str| date_at(s).map(|(_, d, _)| d.to_string());
        assert_eq!(
            d("来源:国防部网 责任编辑:王粲 2023-12-28 16:16:45").as_deref(),
            Some("2023-12-28")
        );
        assert_eq!(
            d("发布时间：2024年3月8日 09:00").as_deref(),
            Some("2024-03-08")
        );
        assert_eq!(d("2024/1/5").as_deref(), Some("2024-01-05"));
        assert_eq!(d("Published: May 6, 2024").as_deref(), Some("2024-05-06"));
        assert_eq!(
            d("Updated 6 Sept 2024 10:00").as_deref(),
            Some("2024-09-06")
        );
        assert_eq!(d("Dec. 28 2023").as_deref(), Some("2023-12-28"));
        assert_eq!(d("编号 12024-01-05"), None);
        assert_eq!(d("2024-13-05"), None);
        assert_eq!(d("2024年3月"), None);
        assert_eq!(d("Mayor 6, 2024"), None);
    }

    #[test]
    fn an_info_line_has_a_date_and_a_clock_time() {
        assert!(has_date_time("2024-07-14 10:00中国军网"));
        assert!(has_date_time("央视网消息 2023年04月27日 08:45"));
        assert!(has_date_time(
            "Source: China Military Online 2024-05-16 09:12:33"
        ));
        assert!(!has_date_time(
            "2024年7月14日，中俄两国海军在湛江举行联合演习。"
        ));
        assert!(!has_date_time("发布时间：2024-03-01"));
    }
}
