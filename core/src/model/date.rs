//! Dates known to the year, the month or the day: never more precise than the text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date known to year, month or day precision. Unknown parts are absent, never guessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The month's English name, if the month is known.
    pub fn month_name(&self) -> Option<&'static str> {
        self.month
            .and_then(|m| MONTHS.get((m as usize).wrapping_sub(1)).copied())
    }

    /// The date as a reader writes it, to its precision: `28 December 2023`, `December 2020`, `2017`.
    pub fn long_en(&self) -> String {
        match (self.day, self.month_name()) {
            (Some(d), Some(m)) => format!("{d} {m} {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The date month first, as American styles (Chicago, APA) write it: `December 28,
    /// 2023`, `December 2020`, `2017`.
    pub fn month_first(&self) -> String {
        match (self.day, self.month_name()) {
            (Some(d), Some(m)) => format!("{m} {d}, {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The first and the last day the date allows, as ISO dates: `2020-09` is
    /// (`2020-09-01`, `2020-09-30`), `2020` is (`2020-01-01`, `2020-12-31`).
    pub fn bounds(&self) -> (String, String) {
        let y = self.year;
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let day = format!("{y:04}-{m:02}-{d:02}");
                (day.clone(), day)
            }
            (Some(m), None) => (
                format!("{y:04}-{m:02}-01"),
                format!("{y:04}-{m:02}-{:02}", days_in_month(y, m as u16)),
            ),
            _ => (format!("{y:04}-01-01"), format!("{y:04}-12-31")),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible months and days.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = parse_fixed(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_fixed(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_fixed(d, 2)?),
            None => None,
        };
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
        Some(PartialDate {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn parse_fixed(s: &str, width: usize) -> Option<u16> {
    (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_span_what_the_date_allows() {
        let b = |s: &str| PartialDate::parse(s).unwrap().bounds();
        assert_eq!(b("2020"), ("2020-01-01".into(), "2020-12-31".into()));
        assert_eq!(b("2020-02"), ("2020-02-01".into(), "2020-02-29".into()));
        assert_eq!(b("2019-02"), ("2019-02-01".into(), "2019-02-28".into()));
        assert_eq!(b("2023-12-28"), ("2023-12-28".into(), "2023-12-28".into()));
    }

    #[test]
    fn partial_dates_parse_with_their_precision() {
        let d = PartialDate::parse("2023-12-28").unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string(), "2023-12-28");
        assert_eq!(
            PartialDate::parse("2020-12").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2017").unwrap().precision(),
            Precision::Year
        );
        for bad in [
            "",
            "17",
            "2017-13",
            "2017-02-30",
            "2017-1",
            "2017--01",
            "abcd",
            "2017-01-01-01",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad:?}");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
        assert_eq!(d.long_en(), "28 December 2023");
        assert_eq!(
            PartialDate::parse("2020-12").unwrap().long_en(),
            "December 2020"
        );
        assert_eq!(PartialDate::parse("2017").unwrap().long_en(), "2017");
        assert!(PartialDate::parse("2023-02-29").is_none());
    }
}
