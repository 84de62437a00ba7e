//! The bilingual thesaurus the page searches with: every concept and entity a reader may
//! look for, with all the names the texts and the readers use for it ("peacekeeping",
//! 维和, 维持和平; "Kavkaz", "Caucasus", 高加索; "SCO", 上合组织). Built at build time from
//! `core/data/concepts.toml` and the tables the extractor already keeps (series, missions,
//! organisations, CLDR country names); see docs/search.md.

use super::EventType;
use serde::{Deserialize, Serialize};

/// What a concept is, and what it links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConceptKind {
    /// A kind of activity, naming one event type where it is one (peacekeeping).
    Activity(Option<EventType>),
    /// An exercise or mission series (金龙, Golden Dragon); its id is the series' id.
    Series,
    /// An organisation or grouping (SCO, ASEAN); its id is the organisation's code.
    Organisation,
    /// A UN peace operation (UNMIL); its id is the mission's name.
    Mission,
    /// One country or, for a name two countries share (Congo, Korea), several: the
    /// passages that name any of them in any form match.
    Countries(Vec<String>),
}

/// One entry of the thesaurus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Unique and safe in a URL, by kind: `activity:peacekeeping`, `series:golden-dragon`,
    /// `organisation:SCO`, `mission:UNMIL`, `country:RU`, `country:congo`.
    pub id: String,
    pub kind: ConceptKind,
    /// The name to show, in English and in Chinese.
    pub en: String,
    pub zh: String,
    /// Every name it is searched by, in both scripts, as written (the labels among them).
    pub names: Vec<String>,
}

impl Concept {
    /// The id without its kind: a series' or mission's key in `?series=` and `?mission=`.
    pub fn key(&self) -> &str {
        self.id.split_once(':').map_or(self.id.as_str(), |(_, k)| k)
    }

    /// Its label in the interface language.
    pub fn label(&self, zh: bool) -> &str {
        if zh {
            &self.zh
        } else {
            &self.en
        }
    }
}

/// The id of a series from its English name: lowercase words joined by hyphens
/// ("Golden Dragon" → `golden-dragon`, "Northern/Interaction" → `northern-interaction`).
pub fn series_id(english: &str) -> String {
    let mut id = String::new();
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_ids_are_url_safe() {
        assert_eq!(series_id("Golden Dragon"), "golden-dragon");
        assert_eq!(series_id("Northern/Interaction"), "northern-interaction");
        assert_eq!(series_id("Hand-in-Hand"), "hand-in-hand");
        assert_eq!(series_id(" RIMPAC "), "rimpac");
    }
}
