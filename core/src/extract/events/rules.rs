//! The extraction vocabulary, read from `core/rules/`: event types and their keywords,
//! action verbs, what is skipped, the words that split a list into events, partner rules,
//! CAMEO refinements (`events.toml`); named series (`series.toml`); UN missions and unit
//! types (`deployments.toml`). The code holds patterns; the words are data.

use crate::model::EventType;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
struct EventRules {
    #[serde(rename = "type")]
    types: Vec<TypeRule>,
    refine: Refine,
    phrase: PhraseRules,
    agreement: AgreementRules,
    action: Words,
    skip: Skip,
    split: Split,
    partners: PartnerRules,
    cameo: CameoRules,
    dates: DateRules,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Refine {
    pub ship_words: Vec<String>,
}

/// How dates carry from one sentence to the next (`[dates]` in events.toml).
#[derive(Clone, Debug, Deserialize)]
pub struct DateRules {
    /// Frames that look back ("继2019年7月、2020年12月之后"): the years inside them do not
    /// date what the text goes on to say.
    pub retrospective: Vec<[String; 2]>,
    /// Frames that state a circumstance before the event ("After floods hit … in late
    /// May,"): their dates are not the event's when it has one of its own.
    pub circumstances: Vec<[String; 2]>,
    /// Words that state a position at a date ("截至2012年12月"): a verbless listing of
    /// deployments in the sentences after it is as of that date.
    pub as_of: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PhraseRules {
    weak: Vec<String>,
    multilateral_dialogue: String,
    /// Words in which a conjunction's character is no conjunction (和平, 和谐).
    conjunction_words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AgreementRules {
    pub title_endings: Vec<String>,
    /// Number words from two up ("two", "three"): "signed two annexes" is two agreements.
    pub number_words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct TypeRule {
    name: String,
    keywords: Vec<String>,
    pub noun_zh: String,
    pub noun_en: String,
    #[serde(skip)]
    kind: Option<EventType>,
}

#[derive(Clone, Debug, Deserialize)]
struct Words {
    keywords: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Skip {
    passage_prefixes: Vec<String>,
    clause_prefixes: Vec<String>,
    segment_prefixes: Vec<String>,
    segment_keywords: Vec<String>,
    pub heads_of_state: Vec<String>,
    pub civilian: Vec<String>,
    pub vague_times: Vec<String>,
    pub frames: Vec<(String, String)>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Split {
    pub respectively: Vec<String>,
    pub reciprocal: Vec<String>,
    pub bilateral: Vec<String>,
    per_partner_types: Vec<String>,
    bilateral_types: Vec<String>,
    one_per_sentence: Vec<String>,
    separate_trips: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PartnerRules {
    pub topic_suffixes: Vec<String>,
    pub pair_words: Vec<String>,
    pub place_prefixes: Vec<String>,
    pub places: Vec<String>,
    pub units: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CameoRules {
    pub hosted: Vec<String>,
    pub telephone: Vec<String>,
    pub hosts: Vec<String>,
}

/// An exercise or mission series (`series.toml`).
#[derive(Clone, Debug, Deserialize)]
pub struct Series {
    pub zh: String,
    pub en: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    /// The type of the series' events when it is not an exercise (a hospital ship's
    /// mission), as a codebook slug in the file.
    #[serde(default, deserialize_with = "event_type")]
    pub kind: Option<EventType>,
}

#[derive(Clone, Debug, Deserialize)]
struct SeriesFile {
    series: Vec<Series>,
    #[serde(default)]
    meeting: Vec<Meeting>,
}

/// A recurring meeting or forum with its English name (`series.toml`), so a title in
/// English says "10th Beijing Xiangshan Forum" rather than quoting the Chinese.
#[derive(Clone, Debug, Deserialize)]
pub struct Meeting {
    pub zh: Vec<String>,
    pub en: String,
}

/// Reads a codebook type slug ("humanitarian") as its type.
fn event_type<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<EventType>, D::Error> {
    let slug = String::deserialize(d)?;
    EventType::from_slug(&slug)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("{slug:?} is not a codebook type")))
}

/// A UN peace operation (`deployments.toml`).
#[derive(Clone, Debug, Deserialize)]
pub struct Mission {
    pub name: String,
    pub names: Vec<String>,
    pub host: Option<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct Deployments {
    mission: Vec<Mission>,
    units: BTreeMap<String, String>,
}

/// A keyword of a type found in a text: the type, where (code points), and whether it is
/// weak (a format or a verb, which names the event only alone in its phrase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: EventType,
    pub start: usize,
    pub end: usize,
    pub weak: bool,
}

/// Everything the extractor reads from `core/rules/`.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    types: Vec<TypeRule>,
    pub refine: Refine,
    phrase: PhraseRules,
    pub agreement: AgreementRules,
    actions: Vec<String>,
    pub skip: Skip,
    pub split: Split,
    pub partners: PartnerRules,
    pub cameo: CameoRules,
    pub dates: DateRules,
    pub series: Vec<Series>,
    pub meetings: Vec<Meeting>,
    pub missions: Vec<Mission>,
    /// (source word, unit), longest word first.
    pub units: Vec<(String, String)>,
}

/// `haystack` (lowercase) holds `needle` (lowercase) at char offset `i`.
fn at(haystack: &[char], i: usize, needle: &[char]) -> bool {
    haystack.get(i..i + needle.len()) == Some(needle)
}

impl Vocabulary {
    pub fn builtin() -> Vocabulary {
        Vocabulary::parse(
            include_str!("../../../rules/events.toml"),
            include_str!("../../../rules/series.toml"),
            include_str!("../../../rules/deployments.toml"),
        )
        .expect("the built-in event rules parse")
    }

    /// The vocabulary from the three rule files' texts; an error names the file and problem.
    pub fn parse(events: &str, series: &str, deployments: &str) -> Result<Vocabulary, String> {
        let rules: EventRules =
            toml::from_str(events).map_err(|e| format!("rules/events.toml: {e}"))?;
        let series: SeriesFile =
            toml::from_str(series).map_err(|e| format!("rules/series.toml: {e}"))?;
        let deployments: Deployments =
            toml::from_str(deployments).map_err(|e| format!("rules/deployments.toml: {e}"))?;
        let mut types = rules.types;
        for t in &mut types {
            t.kind = Some(EventType::from_slug(&t.name).ok_or_else(|| {
                format!("rules/events.toml: {:?} is not a codebook type", t.name)
            })?);
            // A UN mission's name says peacekeeping as well as any keyword.
            if t.kind == Some(EventType::Peacekeeping) {
                t.keywords.extend(
                    deployments
                        .mission
                        .iter()
                        .flat_map(|m| m.names.iter().cloned()),
                );
            }
            t.keywords = t.keywords.iter().map(|k| k.to_lowercase()).collect();
        }
        let mut units: Vec<(String, String)> = deployments.units.into_iter().collect();
        units.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        EventType::from_slug(&rules.phrase.multilateral_dialogue)
            .ok_or("rules/events.toml: [phrase] multilateral_dialogue is not a codebook type")?;
        Ok(Vocabulary {
            types,
            refine: rules.refine,
            phrase: rules.phrase,
            agreement: rules.agreement,
            actions: rules
                .action
                .keywords
                .iter()
                .map(|k| k.to_lowercase())
                .collect(),
            skip: rules.skip,
            split: rules.split,
            partners: rules.partners,
            cameo: rules.cameo,
            dates: rules.dates,
            series: series.series,
            meetings: series.meeting,
            missions: deployments.mission,
            units,
        })
    }

    /// The words that name a type in titles.
    pub fn type_rule(&self, kind: EventType) -> Option<&TypeRule> {
        self.types.iter().find(|t| t.kind == Some(kind))
    }

    /// Every type keyword in `text`, longest match at each place, outside 《book titles》
    /// (a title's words name the title, not an event), in order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let lower: Vec<char> = text.to_lowercase().chars().collect();
        let titled = in_titles(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < lower.len() {
            let best = self
                .types
                .iter()
                .flat_map(|t| t.keywords.iter().map(move |k| (t, k)))
                .filter(|(_, k)| {
                    let k: Vec<char> = k.chars().collect();
                    at(&lower, i, &k) && word_bounded(&lower, i, k.len())
                })
                .max_by_key(|(_, k)| k.chars().count());
            match best {
                Some((t, k)) if !titled.get(i).copied().unwrap_or(false) => {
                    let end = i + k.chars().count();
                    out.push(Hit {
                        kind: t.kind.expect("set when parsed"),
                        start: i,
                        end,
                        weak: self.phrase.weak.iter().any(|w| w.to_lowercase() == *k),
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The rank of a type: earlier types win where one phrase holds several.
    pub fn rank(&self, kind: EventType) -> usize {
        self.types
            .iter()
            .position(|t| t.kind == Some(kind))
            .unwrap_or(usize::MAX)
    }

    /// Where a text states circumstances (code points), by the `circumstances` frames.
    pub fn circumstances(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for [open, close] in &self.dates.circumstances {
            for (a, _) in text.match_indices(open.as_str()) {
                if let Some(b) = text[a + open.len()..].find(close.as_str()) {
                    let b = a + open.len() + b;
                    out.push((text[..a].chars().count(), text[..b].chars().count()));
                }
            }
        }
        out
    }

    /// Whether a text looks back inside one of the retrospective frames ("继…之后").
    pub fn looks_back(&self, text: &str) -> bool {
        self.dates.retrospective.iter().any(|[open, close]| {
            text.find(open.as_str())
                .is_some_and(|i| text[i + open.len()..].contains(close.as_str()))
        })
    }

    /// The formats a meeting can take (视频会议): weak keywords that are not verbs.
    pub fn formats(&self) -> impl Iterator<Item = &str> {
        self.phrase
            .weak
            .iter()
            .map(String::as_str)
            .filter(|w| w.contains("视频") || w.contains("video"))
    }

    /// Whether the character at `at` belongs to a word in which it is no conjunction
    /// (the 和 of 中非和平安全论坛).
    pub fn in_word(&self, chars: &[char], at: usize) -> bool {
        self.phrase.conjunction_words.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            w.iter()
                .enumerate()
                .filter(|(_, &c)| c == chars[at])
                .any(|(k, _)| at >= k && chars[at - k..].starts_with(&w))
        })
    }

    /// Whether a word is one of the action verbs ("hosted", "held").
    pub fn is_action_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        !lower.is_empty() && self.actions.contains(&lower)
    }

    pub fn has_action(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.actions.iter().any(|k| lower.contains(k.as_str()))
    }

    /// Where each action verb in `text` stands (code points, start and end).
    pub fn action_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let lower: Vec<char> = text.to_lowercase().chars().collect();
        self.actions
            .iter()
            .flat_map(|k| {
                let k: Vec<char> = k.chars().collect();
                (0..lower.len())
                    .filter(|&i| at(&lower, i, &k))
                    .map(|i| (i, i + k.len()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Whether a whole clause comments rather than reports.
    pub fn skips_clause(&self, text: &str) -> bool {
        self.skip
            .clause_prefixes
            .iter()
            .any(|p| text.trim_start().starts_with(p.as_str()))
    }

    pub fn skips_passage(&self, text: &str) -> bool {
        self.skip
            .passage_prefixes
            .iter()
            .any(|p| text.starts_with(p.as_str()))
    }

    /// Whether a segment comments, generalises or states an intention (codebook G5).
    pub fn skips_segment(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.skip
            .segment_prefixes
            .iter()
            .any(|p| text.trim_start().starts_with(p.as_str()))
            || self
                .skip
                .segment_keywords
                .iter()
                .any(|k| lower.contains(&k.to_lowercase()))
    }

    /// Whether heads of state or government act in a text (codebook G1: diplomacy).
    pub fn heads_of_state(&self, text: &str) -> bool {
        Vocabulary::says_any(text, &self.skip.heads_of_state)
    }

    /// Whether a text is about civilian affairs (codebook G1: out of scope).
    pub fn civilian(&self, text: &str) -> bool {
        Vocabulary::says_any(text, &self.skip.civilian)
    }

    /// The type a dialogue takes when its only partners are organisations (a forum).
    pub fn multilateral_dialogue(&self) -> EventType {
        EventType::from_slug(&self.phrase.multilateral_dialogue).unwrap_or(EventType::Forum)
    }

    /// Whether a 《title》 names an agreement (it ends like one).
    pub fn agreement_title(&self, title: &str) -> bool {
        self.agreement
            .title_endings
            .iter()
            .any(|e| title.ends_with(e.as_str()))
    }

    /// Whether events of this type are one per partner when a list names no total.
    /// Whether each partner of an event of this type is a trip of its own, whatever total
    /// the text gives ("接待美国、新加坡等40多个国家…来访": one visit each named).
    pub fn separate_trips(&self, kind: EventType) -> bool {
        self.split.separate_trips.iter().any(|t| t == kind.slug())
    }

    /// Whether a sentence reports one event of this type, however many parts tell of it.
    pub fn one_per_sentence(&self, kind: EventType) -> bool {
        self.split.one_per_sentence.iter().any(|t| t == kind.slug())
    }

    pub fn per_partner(&self, kind: EventType) -> bool {
        self.split
            .per_partner_types
            .iter()
            .any(|t| t == kind.slug())
            || self.bilateral(kind)
    }

    /// Whether events of this type are bilateral by nature: no event without the country
    /// on the other side.
    pub fn bilateral(&self, kind: EventType) -> bool {
        self.split.bilateral_types.iter().any(|t| t == kind.slug())
    }

    pub fn says_any(text: &str, words: &[String]) -> bool {
        let lower = text.to_lowercase();
        words.iter().any(|w| lower.contains(&w.to_lowercase()))
    }

    /// The series a name belongs to: the longest series name it starts with, followed by
    /// the end, a separator or a year.
    pub fn series_of(&self, name: &str) -> Option<&Series> {
        let lower = name.to_lowercase();
        self.series
            .iter()
            .flat_map(|s| {
                std::iter::once(s.zh.to_lowercase())
                    .chain(s.en.iter().map(|e| e.to_lowercase()))
                    .map(move |n| (n, s))
            })
            .filter(|(n, _)| {
                lower.starts_with(n.as_str())
                    && lower[n.len()..].chars().next().is_none_or(|c| {
                        matches!(c, '-' | ' ' | '－' | '—' | '·') || c.is_ascii_digit()
                    })
            })
            .max_by_key(|(n, _)| n.chars().count())
            .map(|(_, s)| s)
    }

    /// The English name of the recurring meeting a Chinese name holds (the longest one).
    pub fn meeting_en(&self, name: &str) -> Option<&str> {
        self.meetings
            .iter()
            .flat_map(|m| m.zh.iter().map(move |zh| (zh, m)))
            .filter(|(zh, _)| name.contains(zh.as_str()))
            .max_by_key(|(zh, _)| zh.chars().count())
            .map(|(_, m)| m.en.as_str())
    }

    /// The missions a text names, each once, with where it is first named (code points),
    /// in the order of the text; a longer name wins where two overlap.
    pub fn missions_in(&self, text: &str) -> Vec<(&Mission, usize)> {
        let lower = text.to_lowercase();
        let mut found: Vec<(&Mission, usize, usize)> = Vec::new();
        let mut names: Vec<(&String, &Mission)> = self
            .missions
            .iter()
            .flat_map(|m| m.names.iter().map(move |n| (n, m)))
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
        for (n, m) in names {
            let n = n.to_lowercase();
            for (b, _) in lower.match_indices(n.as_str()) {
                let (start, end) = (
                    lower[..b].chars().count(),
                    lower[..b].chars().count() + n.chars().count(),
                );
                if !found.iter().any(|&(_, s, e)| s < end && start < e) {
                    found.push((m, start, end));
                }
            }
        }
        let mut first: Vec<(&Mission, usize)> = Vec::new();
        found.sort_by_key(|&(_, s, _)| s);
        for (m, s, _) in found {
            if !first.iter().any(|(f, _)| f.name == m.name) {
                first.push((m, s));
            }
        }
        first
    }

    /// The first mission a text names, if any.
    pub fn mission_in(&self, text: &str) -> Option<&Mission> {
        self.missions_in(text).first().map(|&(m, _)| m)
    }
}

/// For each code point of `text`, whether it stands inside 《》.
fn in_titles(text: &str) -> Vec<bool> {
    let mut depth = 0usize;
    text.chars()
        .map(|c| match c {
            '《' => {
                depth += 1;
                true
            }
            '》' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => depth > 0,
        })
        .collect()
}

/// An English keyword must stand as a word ("exercise" not inside "exercised" is fine, but
/// not "visit" inside "revisit"); Chinese keywords stand anywhere.
fn word_bounded(lower: &[char], i: usize, len: usize) -> bool {
    let ascii = lower[i].is_ascii_alphabetic();
    if !ascii {
        return true;
    }
    let before = i.checked_sub(1).map(|j| lower[j]);
    let after = lower.get(i + len).copied();
    !before.is_some_and(|c| c.is_ascii_alphabetic())
        && !after.is_some_and(|c| c.is_ascii_alphabetic() && c != 's' && c != 'e')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_take_the_longest_keyword_and_skip_titles() {
        let v = Vocabulary::builtin();
        let kinds = |t: &str| {
            v.hits(t)
                .into_iter()
                .map(|h| h.kind.slug())
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("签署《关于举行联合军事演习的协定》"), ["agreement"]);
        assert_eq!(
            kinds("举行人道主义救灾联合研讨交流和实兵演练"),
            ["forum", "exercise"]
        );
        assert_eq!(kinds("The PLA held a joint exercise"), ["exercise"]);
        assert!(kinds("they revisited it").is_empty());
    }

    /// The page shows a unit in Chinese from `present::ui::UNITS`: every unit the rules
    /// can record must be there.
    #[test]
    fn every_unit_has_a_chinese_name_for_the_page() {
        let v = Vocabulary::builtin();
        for (_, unit) in &v.units {
            assert!(
                crate::present::ui::UNITS.iter().any(|(en, _)| en == unit),
                "unit {unit:?} (rules/deployments.toml) has no Chinese name in present::ui::UNITS"
            );
        }
    }

    #[test]
    fn series_and_missions() {
        let v = Vocabulary::builtin();
        assert_eq!(v.series_of("Golden Dragon 2023").unwrap().zh, "金龙");
        assert_eq!(v.series_of("和平友谊-2023").unwrap().zh, "和平友谊");
        assert_eq!(v.series_of("和平-07").unwrap().zh, "和平");
        assert_eq!(v.series_of("和平使命-2010").unwrap().zh, "和平使命");
        assert_eq!(
            v.mission_in("赴联合国利比里亚特派团工兵分队").unwrap().name,
            "UNMIL"
        );
        assert_eq!(
            v.mission_in("赴非盟／联合国达尔富尔混合行动").unwrap().name,
            "UNAMID"
        );
    }
}
