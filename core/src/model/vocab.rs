//! The fixed vocabularies: what kind of source a document is, the language of a text, and
//! the types of event (docs/codebook.md).

use serde::{Deserialize, Serialize};

/// What kind of source a document is. A fixed vocabulary, so filters and labels can rely on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    WhitePaper,
    Overview,
    ReviewArticle,
    PressConference,
    /// A report by a news agency or a newspaper.
    NewsReport,
    /// Not yet decided: `milcoop import` writes `kind: unknown` when no cue says.
    Unknown,
}

impl Kind {
    /// The slug used in corpus headers and in the JSON export.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::WhitePaper => "white-paper",
            Kind::Overview => "overview",
            Kind::ReviewArticle => "review-article",
            Kind::PressConference => "press-conference",
            Kind::NewsReport => "news-report",
            Kind::Unknown => "unknown",
        }
    }

    pub fn from_slug(s: &str) -> Option<Kind> {
        [
            Kind::WhitePaper,
            Kind::Overview,
            Kind::ReviewArticle,
            Kind::PressConference,
            Kind::NewsReport,
            Kind::Unknown,
        ]
        .into_iter()
        .find(|k| k.slug() == s)
    }

    /// Whether the document reports on the year it appeared in (a review, a press
    /// conference, a news report), so that its 今年 and its undated events belong to that year.
    pub fn reports_on_its_year(self) -> bool {
        matches!(
            self,
            Kind::ReviewArticle | Kind::PressConference | Kind::NewsReport
        )
    }

    /// A reader-facing English label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::WhitePaper => "White paper",
            Kind::Overview => "Overview",
            Kind::ReviewArticle => "Review article",
            Kind::PressConference => "Press conference",
            Kind::NewsReport => "News report",
            Kind::Unknown => "Kind not stated",
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

/// The fixed vocabulary of event types (docs/codebook.md, one entry each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventType {
    Exercise,
    Patrol,
    Peacekeeping,
    Escort,
    Humanitarian,
    Evacuation,
    Visit,
    PortCall,
    Dialogue,
    Forum,
    Training,
    Agreement,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 13] = [
        EventType::Exercise,
        EventType::Patrol,
        EventType::Peacekeeping,
        EventType::Escort,
        EventType::Humanitarian,
        EventType::Evacuation,
        EventType::Visit,
        EventType::PortCall,
        EventType::Dialogue,
        EventType::Forum,
        EventType::Training,
        EventType::Agreement,
        EventType::Other,
    ];

    /// The slug used in exports and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            EventType::Exercise => "exercise",
            EventType::Patrol => "patrol",
            EventType::Peacekeeping => "peacekeeping",
            EventType::Escort => "escort",
            EventType::Humanitarian => "humanitarian",
            EventType::Evacuation => "evacuation",
            EventType::Visit => "visit",
            EventType::PortCall => "port-call",
            EventType::Dialogue => "dialogue",
            EventType::Forum => "forum",
            EventType::Training => "training",
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
            EventType::Patrol => "Joint patrol",
            EventType::Peacekeeping => "Peacekeeping",
            EventType::Escort => "Naval escort",
            EventType::Humanitarian => "Humanitarian",
            EventType::Evacuation => "Evacuation",
            EventType::Visit => "Visit",
            EventType::PortCall => "Port call",
            EventType::Dialogue => "Dialogue",
            EventType::Forum => "Forum",
            EventType::Training => "Training",
            EventType::Agreement => "Agreement",
            EventType::Other => "Other",
        }
    }

    /// The type's CAMEO code (docs/codebook.md); some events refine it (a visit hosted in
    /// China is 043, a telephone call 041).
    pub fn cameo(self) -> &'static str {
        match self {
            EventType::Exercise | EventType::Patrol | EventType::Training => "062",
            EventType::Peacekeeping | EventType::Escort | EventType::Evacuation => "074",
            EventType::Humanitarian => "073",
            EventType::Visit | EventType::PortCall => "042",
            EventType::Dialogue => "040",
            EventType::Forum => "044",
            EventType::Agreement => "057",
            EventType::Other => "050",
        }
    }
}
