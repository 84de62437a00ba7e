//! The interface language: English or Chinese. Interface strings are written at their call
//! site as a pair (`ui.pick("Documents", "文献")`), so both languages stay side by side and
//! a missing translation is a compile error, not a blank label. The vocabulary shared with
//! the data (event types, document kinds, dates) is translated here, next to its English.

use crate::model::{EventType, Kind, Lang, PartialDate, Precision};

/// The language of the interface (not of the corpus text, which is always shown as written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Ui {
    #[default]
    En,
    Zh,
}

/// The unit types of contingents, English as recorded and Chinese as the sources write them.
pub const UNITS: [(&str, &str); 12] = [
    ("multi-role engineer", "多功能工兵"),
    ("engineer", "工兵"),
    ("transport", "运输"),
    ("medical", "医疗"),
    ("infantry", "步兵"),
    ("guard", "警卫"),
    ("helicopter", "直升机"),
    ("police", "维和警察"),
    ("formed police", "防暴警察"),
    ("observer", "军事观察员"),
    ("staff", "参谋军官"),
    ("team", "参赛队"),
];

impl Ui {
    pub fn code(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Zh => "zh",
        }
    }

    pub fn from_code(s: &str) -> Option<Ui> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Ui::En),
            "zh" => Some(Ui::Zh),
            _ => None,
        }
    }

    /// What a link writes for this language: `ui=zh` for Chinese, nothing for English (the
    /// default), so English links stay short.
    pub fn in_url(self) -> Option<Ui> {
        (self == Ui::Zh).then_some(Ui::Zh)
    }

    /// The other language, for the switch.
    pub fn other(self) -> Ui {
        match self {
            Ui::En => Ui::Zh,
            Ui::Zh => Ui::En,
        }
    }

    /// One of two translations of an interface string.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Ui::En => en,
            Ui::Zh => zh,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Ui::En => "English",
            Ui::Zh => "中文",
        }
    }

    pub fn event_type(self, t: EventType) -> &'static str {
        match self {
            Ui::En => t.label(),
            Ui::Zh => match t {
                EventType::Exercise => "联合演训",
                EventType::Patrol => "联合巡航巡逻",
                EventType::Peacekeeping => "维和",
                EventType::Escort => "护航",
                EventType::Humanitarian => "人道主义救援与医疗",
                EventType::Evacuation => "撤离",
                EventType::Visit => "高层访问",
                EventType::PortCall => "舰艇访问",
                EventType::Dialogue => "对话磋商",
                EventType::Forum => "论坛会议",
                EventType::Training => "教育训练交流",
                EventType::Agreement => "协议机制",
                EventType::Other => "其他",
            },
        }
    }

    pub fn kind(self, k: Kind) -> &'static str {
        match self {
            Ui::En => k.label(),
            Ui::Zh => match k {
                Kind::WhitePaper => "白皮书",
                Kind::Overview => "概述",
                Kind::ReviewArticle => "回顾文章",
                Kind::PressConference => "记者会",
                Kind::NewsReport => "新闻报道",
                Kind::Unknown => "类型未定",
            },
        }
    }

    pub fn lang(self, l: Lang) -> &'static str {
        match (self, l) {
            (Ui::En, Lang::Zh) => "Chinese",
            (Ui::En, Lang::En) => "English",
            (Ui::Zh, Lang::Zh) => "中文",
            (Ui::Zh, Lang::En) => "英文",
        }
    }

    /// A date written to its precision: `28 December 2023` or `2023年12月28日`.
    pub fn date(self, d: PartialDate) -> String {
        match self {
            Ui::En => d.long_en(),
            Ui::Zh => match (d.month, d.day) {
                (Some(m), Some(day)) => format!("{}年{m}月{day}日", d.year),
                (Some(m), None) => format!("{}年{m}月", d.year),
                _ => format!("{}年", d.year),
            },
        }
    }

    /// A date and how precise it is; a range; or "undated" when the text gives none.
    pub fn when(self, start: Option<PartialDate>, end: Option<PartialDate>) -> String {
        match (start, end) {
            (Some(s), Some(e)) => format!("{} – {}", self.date(s), self.date(e)),
            (Some(s), None) => match (s.precision(), self) {
                (Precision::Day, _) => self.date(s),
                (Precision::Month, Ui::En) => format!("{} (month)", self.date(s)),
                (Precision::Year, Ui::En) => format!("{} (year)", self.date(s)),
                (Precision::Month, Ui::Zh) => format!("{}（仅知月份）", self.date(s)),
                (Precision::Year, Ui::Zh) => format!("{}（仅知年份）", self.date(s)),
            },
            _ => self.pick("Undated", "日期不详").to_string(),
        }
    }

    /// An event's title in the interface language (the event's own, built from its fields).
    pub fn title(self, e: &crate::model::Event) -> &str {
        self.pick(&e.title_en, &e.title_zh)
    }

    /// A name the corpus writes "中文 (English)" (publishers): in Chinese the Chinese part,
    /// in English the whole, so the reader sees both the original and a gloss.
    pub fn own_part(self, name: &str) -> &str {
        match (
            self,
            name.strip_suffix(')').and_then(|n| n.split_once(" (")),
        ) {
            (Ui::Zh, Some((zh, _))) if zh.chars().any(crate::query::search::is_han) => zh,
            _ => name,
        }
    }

    /// A contingent's unit type (`rules/deployments.toml` records it in English) in the
    /// interface language; an unknown unit as recorded.
    pub fn unit(self, unit: &str) -> &str {
        let zh = UNITS.iter().find(|(en, _)| *en == unit).map(|(_, zh)| *zh);
        match (self, zh) {
            (Ui::Zh, Some(zh)) => zh,
            _ => unit,
        }
    }

    /// A count with its noun: `1 event`, `3 events`, `3 个事件`.
    pub fn count(self, n: usize, one: &str, many: &str, zh: &str) -> String {
        match self {
            Ui::En if n == 1 => format!("{n} {one}"),
            Ui::En => format!("{n} {many}"),
            Ui::Zh => format!("{n} {zh}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_interface_language() {
        let d = PartialDate::parse("2023-12-28").unwrap();
        assert_eq!(Ui::En.date(d), "28 December 2023");
        assert_eq!(Ui::Zh.date(d), "2023年12月28日");
        let m = PartialDate::parse("2020-12").unwrap();
        assert_eq!(Ui::Zh.when(Some(m), None), "2020年12月（仅知月份）");
        assert_eq!(Ui::En.when(Some(m), None), "December 2020 (month)");
        assert_eq!(Ui::Zh.when(None, None), "日期不详");
    }

    #[test]
    fn bilingual_names_show_their_own_part() {
        let p = "中华人民共和国国务院新闻办公室 (State Council Information Office)";
        assert_eq!(Ui::Zh.own_part(p), "中华人民共和国国务院新闻办公室");
        assert_eq!(Ui::En.own_part(p), p);
        assert_eq!(Ui::Zh.own_part("Milcoop (x)"), "Milcoop (x)");
        assert_eq!(Ui::Zh.unit("multi-role engineer"), "多功能工兵");
        assert_eq!(Ui::Zh.unit("unheard-of"), "unheard-of");
    }

    #[test]
    fn every_type_has_two_names() {
        for t in EventType::ALL {
            assert_ne!(Ui::En.event_type(t), Ui::Zh.event_type(t));
        }
        assert_eq!(Ui::from_code(" ZH "), Some(Ui::Zh));
        assert_eq!(Ui::from_code("fr"), None);
    }
}
