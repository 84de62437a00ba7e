//! The dataset the browser receives: documents, their outline and passages, and the
//! aliases that keep links published against earlier corpus versions working.
//!
//! These types are shared by the native pipeline (which builds and encodes them) and the
//! wasm view (which only decodes and reads them), so they hold plain data and cheap lookups.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of source a document is. A fixed vocabulary, so filters and labels can rely on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    WhitePaper,
    Overview,
    ReviewArticle,
    PressConference,
}

impl Kind {
    /// The slug used in corpus headers and in the JSON export.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::WhitePaper => "white-paper",
            Kind::Overview => "overview",
            Kind::ReviewArticle => "review-article",
            Kind::PressConference => "press-conference",
        }
    }

    pub fn from_slug(s: &str) -> Option<Kind> {
        [
            Kind::WhitePaper,
            Kind::Overview,
            Kind::ReviewArticle,
            Kind::PressConference,
        ]
        .into_iter()
        .find(|k| k.slug() == s)
    }

    /// A reader-facing English label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::WhitePaper => "White paper",
            Kind::Overview => "Overview",
            Kind::ReviewArticle => "Review article",
            Kind::PressConference => "Press conference",
        }
    }
}

/// Language of a passage or document half.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

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

impl PartialDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The date as a reader writes it, to its precision: `28 December 2023`, `December 2020`, `2017`.
    pub fn long_en(&self) -> String {
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
        let month = self.month.and_then(|m| MONTHS.get(m as usize - 1));
        match (self.day, month) {
            (Some(d), Some(m)) => format!("{d} {m} {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
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

/// The fixed vocabulary of event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventType {
    Exercise,
    Peacekeeping,
    Escort,
    Humanitarian,
    Dialogue,
    Forum,
    Agreement,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 8] = [
        EventType::Exercise,
        EventType::Peacekeeping,
        EventType::Escort,
        EventType::Humanitarian,
        EventType::Dialogue,
        EventType::Forum,
        EventType::Agreement,
        EventType::Other,
    ];

    /// The slug used in exports and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            EventType::Exercise => "exercise",
            EventType::Peacekeeping => "peacekeeping",
            EventType::Escort => "escort",
            EventType::Humanitarian => "humanitarian",
            EventType::Dialogue => "dialogue",
            EventType::Forum => "forum",
            EventType::Agreement => "agreement",
            EventType::Other => "other",
        }
    }

    pub fn from_slug(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.slug() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            EventType::Exercise => "Exercise",
            EventType::Peacekeeping => "Peacekeeping",
            EventType::Escort => "Naval escort",
            EventType::Humanitarian => "Humanitarian",
            EventType::Dialogue => "Dialogue",
            EventType::Forum => "Forum",
            EventType::Agreement => "Agreement",
            EventType::Other => "Other",
        }
    }
}

/// Where an event was read: a passage and the exact clause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSource {
    /// Index into [`Dataset::passages`].
    pub passage: u32,
    /// An exact substring of the passage's text.
    pub quote: String,
}

/// One real event reported by the corpus, with every passage that reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventType,
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// Foreign partner countries, ISO 3166-1 alpha-2.
    pub countries: Vec<String>,
    pub organisations: Vec<String>,
    pub multilateral: Option<bool>,
    pub service: Option<String>,
    pub location: Option<String>,
    pub sources: Vec<EventSource>,
}

/// A count the text states ("34 joint exercises", "115 ship sorties"): kept beside the
/// events, never turned into single events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u32,
    /// The unit as written (次, 项, 批, 国, 名 ...), with 余/多 when the text says "more than".
    pub unit: String,
    pub as_of: Option<PartialDate>,
    pub passage: u32,
    /// The clause that states the figure, an exact substring of the passage.
    pub quote: String,
}

/// A country's display names, for the codes the events use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    pub en: String,
    pub zh: String,
}

/// One source document and its reading outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub kind: Kind,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub languages: Vec<Lang>,
    pub source_file: String,
    /// Where the metadata comes from, in the corpus header's own words.
    pub note: Option<String>,
    /// Headings and passages in reading order.
    pub outline: Vec<Block>,
}

/// One entry of a document's reading outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    /// Index into [`Dataset::passages`].
    Passage(u32),
}

/// A paragraph of a document, normalised for display and search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub id: String,
    /// Index into [`Dataset::documents`].
    pub doc: u32,
    /// 1-based position of the passage in its document.
    pub index: u32,
    pub lang: Lang,
    /// The heading the passage stands under, if any.
    pub section: Option<String>,
    pub text: String,
    /// Years the passage states or reports events in, ascending (for the year filter).
    pub years: Vec<u16>,
    /// Countries the passage names in any form or reports events with (for the country filter).
    pub countries: Vec<String>,
}

/// How a link published against an earlier corpus was carried to today's passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnchorMethod {
    ExactText,
    Position,
    FuzzyQuote,
}

impl AnchorMethod {
    pub fn label(self) -> &'static str {
        match self {
            AnchorMethod::ExactText => "exact text",
            AnchorMethod::Position => "position",
            AnchorMethod::FuzzyQuote => "fuzzy quote",
        }
    }
}

/// An id that was published once and now names another passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    pub old: String,
    pub passage: u32,
    pub method: AnchorMethod,
}

/// An id that was published once and whose text can no longer be found with confidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Orphan {
    pub old: String,
    pub doc: Option<u32>,
    pub quote: String,
}

/// Everything the explorer shows, as one value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub documents: Vec<Document>,
    pub passages: Vec<Passage>,
    pub aliases: Vec<Alias>,
    pub orphans: Vec<Orphan>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub countries: Vec<Country>,
    /// Folded country names in both languages → ISO code, for query expansion.
    pub country_names: Vec<(String, String)>,
    /// The search index, built from the passages on first use rather than shipped: it is
    /// derived data, half the dataset's compressed size, and building it in the browser runs
    /// the very tokenizer that queries it.
    #[serde(skip)]
    pub index: std::sync::OnceLock<crate::query::search::Index>,
    /// For each passage, the events it reports (indexes into `events`), so that looking
    /// them up does not scan every event.
    pub passage_events: Vec<Vec<u32>>,
    /// Parallel text: (Chinese passage, English passage) pairs of bilingual documents that
    /// say the same thing (see `align`), in reading order. One passage may have several.
    pub counterparts: Vec<(u32, u32)>,
}

/// One document's passages as plain text: what the page draws for a deep link while the
/// whole dataset is still on its way (see docs/architecture.md, "What the page loads").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub title: String,
    pub passages: Vec<PreviewPassage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewPassage {
    pub id: String,
    pub index: u32,
    pub lang: Lang,
    pub text: String,
}

impl Preview {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a preview always serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<Preview, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// What a passage id found in a link resolves to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolution<'a> {
    Current(&'a Passage),
    Moved(&'a Passage, &'a Alias),
    Orphaned(&'a Orphan),
    Unknown,
}

impl Dataset {
    /// Encodes the dataset in the compact binary form embedded in the page.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a dataset always serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<Dataset, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// Document `doc`'s passages in reading order, as text.
    pub fn preview(&self, doc: u32) -> Preview {
        Preview {
            title: self
                .documents
                .get(doc as usize)
                .map(|d| d.title.clone())
                .unwrap_or_default(),
            passages: self
                .passages
                .iter()
                .filter(|p| p.doc == doc)
                .map(|p| PreviewPassage {
                    id: p.id.clone(),
                    index: p.index,
                    lang: p.lang,
                    text: p.text.clone(),
                })
                .collect(),
        }
    }

    pub fn document(&self, id: &str) -> Option<(u32, &Document)> {
        self.documents
            .iter()
            .enumerate()
            .find(|(_, d)| d.id == id)
            .map(|(i, d)| (i as u32, d))
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }

    /// Resolves an id from a link: today's passage, an alias left by re-anchoring, or an orphan.
    pub fn resolve(&self, id: &str) -> Resolution<'_> {
        if let Some(p) = self.passage(id) {
            return Resolution::Current(p);
        }
        if let Some(a) = self.aliases.iter().find(|a| a.old == id) {
            if let Some(p) = self.passages.get(a.passage as usize) {
                return Resolution::Moved(p, a);
            }
        }
        match self.orphans.iter().find(|o| o.old == id) {
            Some(o) => Resolution::Orphaned(o),
            None => Resolution::Unknown,
        }
    }

    /// The search index over the passages, built the first time it is asked for.
    pub fn index(&self) -> &crate::query::search::Index {
        self.index.get_or_init(|| {
            crate::query::search::Index::build(self.passages.iter().map(|p| p.text.as_str()))
        })
    }

    /// The events one passage reports.
    pub fn events_in(&self, passage: u32) -> impl Iterator<Item = &Event> {
        self.passage_events
            .get(passage as usize)
            .into_iter()
            .flatten()
            .map(|&e| &self.events[e as usize])
    }

    /// The passages in the other language that say what `passage` says, in reading order.
    pub fn counterparts_of(&self, passage: u32) -> Vec<u32> {
        self.counterparts
            .iter()
            .filter_map(|&(zh, en)| {
                if zh == passage {
                    Some(en)
                } else if en == passage {
                    Some(zh)
                } else {
                    None
                }
            })
            .collect()
    }

    /// A bilingual document as rows of (Chinese passages, English passages) that say the
    /// same thing, in reading order; a passage without counterpart has a row of its own.
    pub fn parallel_rows(&self, doc: u32) -> Vec<(Vec<u32>, Vec<u32>)> {
        let order: Vec<u32> = (0..self.passages.len() as u32)
            .filter(|&i| self.passages[i as usize].doc == doc)
            .collect();
        let mut placed = vec![false; self.passages.len()];
        let mut rows = Vec::new();
        for &start in &order {
            if placed[start as usize] {
                continue;
            }
            // Everything linked to `start`, directly or through a shared counterpart.
            let mut group = vec![start];
            placed[start as usize] = true;
            let mut at = 0;
            while at < group.len() {
                for other in self.counterparts_of(group[at]) {
                    if !placed[other as usize] {
                        placed[other as usize] = true;
                        group.push(other);
                    }
                }
                at += 1;
            }
            group.sort_unstable();
            let (zh, en): (Vec<u32>, Vec<u32>) = group
                .into_iter()
                .partition(|&i| self.passages[i as usize].lang == Lang::Zh);
            rows.push((zh, en));
        }
        rows
    }

    /// Index of a passage by id.
    pub fn passage_index(&self, id: &str) -> Option<u32> {
        self.passages
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as u32)
    }

    /// Index of an event by id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The passages of one document, in reading order.
    pub fn passages_of(&self, doc: u32) -> impl Iterator<Item = &Passage> {
        self.passages.iter().filter(move |p| p.doc == doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
