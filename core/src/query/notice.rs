//! What a link asked for that the page could not use, and why, in both interface
//! languages: a notice in the page names the part of the link and the reason.

use crate::present::ui::Ui;
use std::fmt;

/// One ignored part of a link (`year=abc`) and why it was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The part as the link wrote it, long values cut.
    pub part: String,
    pub why: Why,
}

/// Why a part of a link was ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A parameter this page does not read (or a second one of a kind it reads once).
    Unused,
    NotUi,
    NotParallel,
    ParallelNeedsText,
    EventOnTimeline,
    NotMonths,
    NotYear,
    NotCountryCodes,
    NotEventType,
    NotCountryMode,
    NotLang,
    QueryCut,
    NoSuchCountry,
    NoSuchDocument,
}

impl Why {
    /// The reason in words, or `None` where naming the part says enough.
    pub fn words(self, ui: Ui) -> Option<&'static str> {
        let (en, zh) = match self {
            Why::Unused => return None,
            Why::NotUi => ("ui is en or zh", "ui 只能是 en 或 zh"),
            Why::NotParallel => ("parallel is 1 or 0", "parallel 只能是 1 或 0"),
            Why::ParallelNeedsText => (
                "only a document or passage can be read in parallel",
                "只有文献或段落可以对照阅读",
            ),
            Why::EventOnTimeline => (
                "an event is opened on the timeline only",
                "事件只能在时间线上打开",
            ),
            Why::NotMonths => (
                "months are a timeline zoom like 2020-04..2020-09",
                "months 是时间线的缩放范围，如 2020-04..2020-09",
            ),
            Why::NotYear => (
                "not a year or a range of years like 2015-2020",
                "不是年份或 2015-2020 这样的年份范围",
            ),
            Why::NotCountryCodes => ("not ISO codes", "不是 ISO 国家代码"),
            Why::NotEventType => ("not an event type", "不是事件类型"),
            Why::NotCountryMode => ("partner or named", "只能是 partner 或 named"),
            Why::NotLang => ("zh or en", "只能是 zh 或 en"),
            Why::QueryCut => ("cut to its first 200 characters", "已截取前 200 个字符"),
            Why::NoSuchCountry => ("no such country in the corpus", "语料中没有这个国家"),
            Why::NoSuchDocument => ("no such document", "没有这份文献"),
        };
        Some(ui.pick(en, zh))
    }
}

impl Notice {
    pub fn new(part: impl Into<String>, why: Why) -> Notice {
        Notice {
            part: part.into(),
            why,
        }
    }

    /// The notice in the interface language: `year=abc (不是年份…)`.
    pub fn words(&self, ui: Ui) -> String {
        match self.why.words(ui) {
            Some(w) if ui == Ui::Zh => format!("{}（{w}）", self.part),
            Some(w) => format!("{} ({w})", self.part),
            None => self.part.clone(),
        }
    }
}

/// In English, as the tests and logs read it.
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Ui::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_reads_in_either_language() {
        let n = Notice::new("year=abc", Why::NotYear);
        assert_eq!(
            n.to_string(),
            "year=abc (not a year or a range of years like 2015-2020)"
        );
        assert_eq!(
            n.words(Ui::Zh),
            "year=abc（不是年份或 2015-2020 这样的年份范围）"
        );
        assert_eq!(Notice::new("zzz=1", Why::Unused).words(Ui::Zh), "zzz=1");
    }
}
