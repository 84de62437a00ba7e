//! The records a dataset holds: documents and their outline, passages, events with their
//! sources, figures, countries, and what became of links published against earlier corpora.

use super::{EventType, Kind, Lang, PartialDate};
use serde::{Deserialize, Serialize};

/// Where an event was read: a passage and the exact clause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSource {
    /// Index into [`Dataset::passages`].
    pub passage: u32,
    /// An exact substring of the passage's text. Read it through `Dataset::source_quote`:
    /// the site's shell leaves it out and keeps where it stands instead (`at`).
    pub quote: String,
    /// Where `quote` stands in the passage's text (bytes), in the site's shell only.
    pub at: Option<(u32, u32)>,
}

/// One real event reported by the corpus, with every passage that reports it
/// (docs/codebook.md says what counts as one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventType,
    /// What happened, in Chinese and in English, built from the event's fields and name
    /// ("中俄“海上联合-2016”联合演习", "China–Russia joint exercise Joint Sea-2016"). Never empty.
    pub title_zh: String,
    pub title_en: String,
    /// The CAMEO event code (docs/codebook.md).
    pub cameo: String,
    /// The event's own name as the text writes it (an exercise, a forum, an agreement).
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// The text reports the event as still going on at `as_of` ("since December 2008").
    pub ongoing: bool,
    /// For a deployment, the date its size is given for (截至2008年11月底).
    pub as_of: Option<PartialDate>,
    /// Foreign partner countries, ISO 3166-1 alpha-2: those that take part (codebook G1).
    pub countries: Vec<String>,
    /// How many partner countries the text counts in all, when it names only some
    /// ("…等50国").
    pub partner_total: Option<u32>,
    pub organisations: Vec<String>,
    /// A peace operation's UN name (UNMIL, UNIFIL, UNAMID …).
    pub mission: Option<String>,
    /// The id of the exercise or mission series its name belongs to (`golden-dragon`).
    pub series: Option<String>,
    /// The units and their sizes, as the text gives them.
    pub personnel: Vec<Personnel>,
    pub multilateral: Option<bool>,
    pub service: Option<String>,
    pub location: Option<String>,
    pub sources: Vec<EventSource>,
}

impl Event {
    /// An event of `kind` read from `source`, before anything else is known of it.
    pub fn new(kind: EventType, source: EventSource) -> Event {
        Event {
            id: String::new(),
            kind,
            title_zh: String::new(),
            title_en: String::new(),
            cameo: kind.cameo().to_string(),
            name: None,
            name_en: None,
            start: None,
            end: None,
            ongoing: false,
            as_of: None,
            countries: Vec::new(),
            partner_total: None,
            organisations: Vec::new(),
            mission: None,
            series: None,
            personnel: Vec::new(),
            multilateral: None,
            service: None,
            location: None,
            sources: vec![source],
        }
    }
}

/// A unit of a deployment and how many it numbers ("工兵分队275人" → engineer, 275).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Personnel {
    /// The unit type, a lowercase English word from `rules/units.toml` (engineer, medical …).
    pub unit: String,
    pub count: Option<u32>,
}

/// A count the text states ("34 joint exercises", "115 ship sorties"): kept beside the
/// events, never turned into single events (codebook G3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u32,
    /// The unit as written (次, 项, 批, 国, 名 ...), with 余/多 when the text says "more than".
    pub unit: String,
    pub as_of: Option<PartialDate>,
    pub passage: u32,
    /// The clause that states the figure, an exact substring of the passage. Read it
    /// through `Dataset::figure_quote` (see [`EventSource::quote`]).
    pub quote: String,
    /// Where `quote` stands in the passage's text (bytes), in the site's shell only.
    pub at: Option<(u32, u32)>,
    /// The type of event it counts, when it counts events or their participants.
    pub counts: Option<EventType>,
    /// The events the same statement names among those it counts (indexes into `events`),
    /// so a view can say "34 stated, 4 named".
    pub events: Vec<u32>,
    /// The countries its quote names in any form (codes), found at build time as a
    /// passage's are: a country's profile lists the figures that name it without the
    /// quotes, which the site's shell leaves out.
    pub countries: Vec<String>,
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
    /// The note in Chinese.
    pub note_zh: Option<String>,
    /// Where the original can be read.
    pub url: Option<String>,
    /// Header fields known from outside the text (the note says from where).
    pub outside: Vec<String>,
    /// Headings and passages in reading order.
    pub outline: Vec<Block>,
}

impl Document {
    /// A document with an id and nothing else known, for tests.
    #[cfg(test)]
    pub(crate) fn stub(id: &str) -> Document {
        Document {
            id: id.into(),
            title: String::new(),
            title_en: None,
            kind: Kind::Overview,
            publisher: None,
            published: None,
            languages: vec![Lang::Zh],
            source_file: String::new(),
            note: None,
            note_zh: None,
            url: None,
            outside: Vec::new(),
            outline: vec![],
        }
    }

    /// The publication date as the text gives it: the extractor resolves relative dates
    /// ("今年", "two years on") only against this, never against a date from outside the
    /// text, so no event date rests on a fact the text does not state.
    pub fn published_in_text(&self) -> Option<PartialDate> {
        let outside = self.outside.iter().any(|f| f == "published");
        self.published.filter(|_| !outside)
    }
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
    /// Countries the passage names in any form or reports events with (the country filter,
    /// "named in the text").
    pub countries: Vec<String>,
    /// Countries that take part in an event the passage reports (the country filter,
    /// "partner in an event"; codebook G1).
    pub partners: Vec<String>,
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
