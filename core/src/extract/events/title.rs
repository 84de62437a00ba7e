//! What each event says happened, in both languages, built from its fields and name
//! (codebook: every event has a title and a CAMEO code): "中俄“海上联合-2016”联合演习" /
//! "China–Russia joint exercise Joint Sea-2016"; "赴联合国利比里亚特派团工兵、运输、医疗分队" /
//! "Engineer, transport and medical units with UNMIL, Liberia".

use super::rules::Vocabulary;
use crate::extract::gazetteer::{Gazetteer, Target};
use crate::model::{Event, EventType};

/// Fills `title_zh`, `title_en` and `multilateral` of every event.
pub fn entitle(events: &mut [Event], gazetteer: &Gazetteer, vocab: &Vocabulary) {
    let names = Names { gazetteer, vocab };
    for e in events {
        e.multilateral = match (e.countries.len(), e.organisations.len()) {
            (0, 0) => None,
            (1, 0) => Some(false),
            _ => Some(true),
        };
        e.title_zh = names.title_zh(e);
        e.title_en = names.title_en(e);
    }
}

struct Names<'a> {
    gazetteer: &'a Gazetteer,
    vocab: &'a Vocabulary,
}

impl Names<'_> {
    fn country_zh(&self, code: &str) -> String {
        self.gazetteer
            .country_names(code)
            .map_or_else(|| code.to_string(), |(_, zh)| zh.to_string())
    }

    fn country_en(&self, code: &str) -> String {
        self.gazetteer
            .country_names(code)
            .map_or_else(|| code.to_string(), |(en, _)| en.to_string())
    }

    /// "中俄" for one partner with a known compound, else "中国与柬埔寨、巴基斯坦等4国".
    fn partners_zh(&self, e: &Event) -> String {
        match e.countries.as_slice() {
            [] => String::new(),
            [one] => match self.gazetteer.compound_of(one) {
                Some(c) => c,
                None => format!("中国与{}", self.country_zh(one)),
            },
            many => {
                let names: Vec<String> = many.iter().map(|c| self.country_zh(c)).collect();
                match e.partner_total {
                    Some(n) if n as usize > many.len() => {
                        format!("中国与{}等{n}国", names.join("、"))
                    }
                    _ => format!("中国与{}", names.join("、")),
                }
            }
        }
    }

    /// "China–Russia" for one partner, "China with Cambodia, Pakistan and 2 other countries".
    fn partners_en(&self, e: &Event) -> String {
        match e.countries.as_slice() {
            [] => String::new(),
            [one] => format!("China–{}", self.country_en(one)),
            many => {
                let names: Vec<String> = many.iter().map(|c| self.country_en(c)).collect();
                let list = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.join(""),
                };
                match e.partner_total {
                    Some(n) if n as usize > many.len() => {
                        format!(
                            "China with {}, and {} other countries",
                            names.join(", "),
                            n as usize - many.len()
                        )
                    }
                    _ => format!("China with {list}"),
                }
            }
        }
    }

    fn noun(&self, e: &Event) -> (String, String) {
        self.vocab
            .type_rule(e.kind)
            .map(|t| (t.noun_zh.clone(), t.noun_en.clone()))
            .unwrap_or_else(|| (String::new(), e.kind.label().to_lowercase()))
    }

    fn title_zh(&self, e: &Event) -> String {
        let (noun, _) = self.noun(e);
        let who = self.partners_zh(e);
        // A name read only in English text ("tenth Beijing Xiangshan Forum") is not a
        // Chinese title: such an event is titled as an unnamed one is, from its type and
        // partners (its English title keeps the name). Only an exercise's, a patrol's and an
        // agreement's name stays as read whatever its script, in quotes after the partners,
        // as Chinese writing quotes such names.
        let chinese = |n: &&String| n.chars().any(crate::query::search::is_han);
        let title = match (e.kind, &e.name, &e.mission) {
            (EventType::Peacekeeping, _, Some(m)) => {
                format!("赴{}{}", self.mission_zh(m), self.units_zh(e))
            }
            (EventType::Agreement, Some(name), _) => format!("{who}《{name}》"),
            (EventType::Exercise | EventType::Patrol, Some(name), _) => {
                let typed = self.vocab.hits(name).iter().any(|h| h.kind == e.kind);
                format!("{who}“{name}”{}", if typed { "" } else { noun.as_str() })
            }
            _ => match e.name.as_ref().filter(chinese) {
                Some(name) if who.is_empty() || self.names_partners(name, e) => name.clone(),
                Some(name) => format!("{who}{name}"),
                None => self.unnamed_zh(e, &who, &noun),
            },
        };
        if title.is_empty() {
            noun
        } else {
            title
        }
    }

    /// The Chinese title of an event without a Chinese name, from its type and partners.
    fn unnamed_zh(&self, e: &Event, who: &str, noun: &str) -> String {
        match (e.kind, &e.mission) {
            (EventType::Visit, _) if e.cameo == "043" => {
                format!("{}来华访问", self.countries_zh(e))
            }
            (EventType::Peacekeeping, None) if !e.countries.is_empty() => {
                let units = self.units_zh(e);
                let of = if units.is_empty() { "" } else { "的" };
                format!("在{}执行维和任务{of}{units}", self.countries_zh(e))
            }
            _ if who.is_empty() => self.orgs_prefix_zh(e) + noun,
            _ => format!("{who}{noun}"),
        }
    }

    fn title_en(&self, e: &Event) -> String {
        let (_, noun) = self.noun(e);
        let who = self.partners_en(e);
        let name = e
            .name_en
            .clone()
            .or_else(|| e.name.as_ref().and_then(|n| self.english_name(n)));
        let title = match (e.kind, &e.mission) {
            (EventType::Peacekeeping, Some(m)) => {
                let host = e
                    .countries
                    .first()
                    .map(|c| format!(", {}", self.country_en(c)))
                    .unwrap_or_default();
                format!("{} with {m}{host}", capitalised(&self.units_en(e)))
            }
            _ => {
                let head = if who.is_empty() {
                    capitalised(&format!("{}{noun}", self.orgs_prefix_en(e)))
                } else {
                    format!("{who} {noun}")
                };
                let meeting = matches!(e.kind, EventType::Forum | EventType::Dialogue);
                match (&name, &e.name) {
                    (Some(n), _) if meeting && (who.is_empty() || self.names_host(e)) => {
                        capitalised(n)
                    }
                    (Some(n), _) if meeting => format!("{who}: {n}"),
                    (Some(n), _) => format!("{head} {n}"),
                    (None, Some(zh)) => format!("{head}: {zh}"),
                    (None, None) => head,
                }
            }
        };
        if e.kind == EventType::Visit && e.cameo == "043" && !e.countries.is_empty() {
            let names: Vec<String> = e.countries.iter().map(|c| self.country_en(c)).collect();
            return format!("Visit to China from {}", names.join(", "));
        }
        title
    }

    /// "上合组织" before the noun when an organisation is the only partner.
    fn orgs_prefix_zh(&self, e: &Event) -> String {
        e.organisations
            .first()
            .map(|o| self.gazetteer.organisation_zh(o).unwrap_or(o).to_string())
            .unwrap_or_default()
    }

    fn orgs_prefix_en(&self, e: &Event) -> String {
        e.organisations
            .first()
            .map(|o| format!("{o} "))
            .unwrap_or_default()
    }

    /// "俄罗斯、美国": the partners' Chinese names.
    fn countries_zh(&self, e: &Event) -> String {
        let names: Vec<String> = e.countries.iter().map(|c| self.country_zh(c)).collect();
        names.join("、")
    }

    /// Whether an event's name already names one of its partners or its host's city
    /// ("东盟与中日韩领导人会议", "莫斯科国际安全会议").
    fn names_partners(&self, name: &str, e: &Event) -> bool {
        self.gazetteer
            .mentions(name)
            .iter()
            .any(|m| match &m.target {
                Target::Countries(cs) => cs.iter().any(|c| e.countries.contains(c)),
                Target::Place(c) => e.countries.contains(c),
                _ => false,
            })
    }

    /// Whether the event's own name names its partners or host (so a title need not).
    fn names_host(&self, e: &Event) -> bool {
        e.name.as_deref().is_some_and(|n| self.names_partners(n, e))
    }

    /// An English name for a Chinese one: a series' English name with the year, or a
    /// recurring meeting's with its ordinal ("第十届北京香山论坛" → "10th Beijing Xiangshan
    /// Forum").
    fn english_name(&self, name: &str) -> Option<String> {
        if let Some(en) = self.vocab.meeting_en(name) {
            return Some(match ordinal_of(name) {
                Some(n) => format!("{} {en}", ordinal_en(n)),
                None => en.to_string(),
            });
        }
        let series = self.vocab.series_of(name)?;
        let en = series.en.first()?;
        let tail: String = name[series.zh.len()..]
            .trim_start_matches(['-', '—', '－', '·', ' '])
            .to_string();
        Some(if tail.is_empty() {
            en.clone()
        } else {
            format!("{en}-{tail}")
        })
    }

    fn mission_zh(&self, name: &str) -> String {
        self.vocab
            .missions
            .iter()
            .find(|m| m.name == name)
            .and_then(|m| m.names.first().cloned())
            .unwrap_or_else(|| name.to_string())
    }

    /// "工兵、运输、医疗分队" from the units (the first source word of each).
    fn units_zh(&self, e: &Event) -> String {
        let words: Vec<&str> = e
            .personnel
            .iter()
            .filter_map(|p| {
                self.vocab
                    .units
                    .iter()
                    .find(|(w, u)| *u == p.unit && !w.is_ascii())
                    .map(|(w, _)| w.as_str())
            })
            .collect();
        match words.as_slice() {
            [] => String::new(),
            [w] if w.ends_with('队')
                || w.ends_with('员')
                || w.ends_with('官')
                || w.ends_with('察') =>
            {
                w.to_string()
            }
            _ => format!("{}分队", words.join("、")),
        }
    }

    /// "engineer, transport and medical units".
    fn units_en(&self, e: &Event) -> String {
        let units: Vec<&str> = e.personnel.iter().map(|p| p.unit.as_str()).collect();
        match units.split_last() {
            None => "peacekeeping contingent".to_string(),
            Some((last, [])) => format!("{last} unit"),
            Some((last, rest)) => format!("{} and {last} units", rest.join(", ")),
        }
    }
}

/// The ordinal a Chinese name opens with: 第十一届 → 11, 首届/首次 → 1.
fn ordinal_of(name: &str) -> Option<u32> {
    use chinese_number::{ChineseCountMethod, ChineseToNumber};
    if name.starts_with("首届") || name.starts_with("首次") {
        return Some(1);
    }
    let rest = name.strip_prefix('第')?;
    let digits: String = rest
        .chars()
        .take_while(|c| !matches!(c, '届' | '次'))
        .collect();
    match digits.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => digits.to_number(ChineseCountMethod::TenThousand).ok(),
    }
}

/// 1st, 2nd, 3rd, 11th, 22nd.
fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_and_written() {
        assert_eq!(ordinal_of("第十一届北京香山论坛"), Some(11));
        assert_eq!(ordinal_of("第2届论坛"), Some(2));
        assert_eq!(ordinal_of("首届中非和平安全论坛"), Some(1));
        assert_eq!(ordinal_of("北京香山论坛"), None);
        let written: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal_en).into();
        assert_eq!(
            written,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
    }
}
