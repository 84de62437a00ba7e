//! What a citation cites, as data: a document (or a passage of it), or a record of the
//! Milcoop dataset (an event, a view). The styles in `styles` only lay these fields out,
//! so every format says the same thing.

use crate::model::{Dataset, Event, Kind, Lang, PartialDate, Passage};

/// One thing to cite, with everything a style may need. `None` means the source does not
/// say, and the styles write it as unknown (`n.d.`), never fill it in.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// A citation key: ASCII letters, digits and hyphens.
    pub key: String,
    pub kind: RefKind,
    /// The corporate author: the publisher for a document, Milcoop for a dataset record.
    pub author: Option<String>,
    /// The title in its own language, and the English title where one is known.
    pub title: String,
    pub title_en: Option<String>,
    pub language: Lang,
    pub issued: Option<PartialDate>,
    /// Where in the work: a passage's number, and which language half of a bilingual
    /// document it stands in (passages are numbered through both halves).
    pub locator: Option<Locator>,
    /// The permalink: to the passage, the document, the event or the view.
    pub url: String,
    pub accessed: PartialDate,
    /// The dataset version the link and the text were read in.
    pub version: String,
    /// Anything else a reader needs: an event's source passages, where metadata from
    /// outside the text comes from.
    pub note: Option<String>,
}

/// What kind of work is cited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// A white paper: a government report.
    Report,
    /// A web page: ministry overviews, press conferences, articles read online.
    Webpage,
    /// A record of the Milcoop dataset: an event or a filtered view.
    Dataset,
}

/// A passage's place in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locator {
    pub paragraph: u32,
    /// Set when the document has two languages: the half the passage stands in.
    pub half: Option<Lang>,
}

impl Locator {
    /// `para. 12 (English text)`.
    pub fn words(&self) -> String {
        match self.half {
            Some(Lang::En) => format!("para. {} (English text)", self.paragraph),
            Some(Lang::Zh) => format!("para. {} (Chinese text)", self.paragraph),
            None => format!("para. {}", self.paragraph),
        }
    }
}

/// The name the dataset's records are cited under.
pub const MILCOOP: &str = "Milcoop";

/// The day and version every reference of one reading shares.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub ds: &'a Dataset,
    pub accessed: PartialDate,
}

impl Reading<'_> {
    /// A document as a whole, linked by `url`.
    pub fn document(&self, doc: u32, url: &str) -> Reference {
        let d = &self.ds.documents[doc as usize];
        Reference {
            key: format!("milcoop-{}", keyable(&d.id)),
            kind: match d.kind {
                Kind::WhitePaper => RefKind::Report,
                _ => RefKind::Webpage,
            },
            author: d.publisher.clone(),
            title: d.title.clone(),
            title_en: d.title_en.clone(),
            language: d.languages.first().copied().unwrap_or(Lang::Zh),
            issued: d.published,
            locator: None,
            url: url.to_string(),
            accessed: self.accessed,
            version: self.ds.version.clone(),
            note: (!d.outside.is_empty())
                .then(|| d.note.clone())
                .flatten()
                .map(|n| format!("Metadata: {n}")),
        }
    }

    /// One passage: its document, with the paragraph (and half) as the locator.
    pub fn passage(&self, p: &Passage, url: &str) -> Reference {
        let d = &self.ds.documents[p.doc as usize];
        let mut r = self.document(p.doc, url);
        r.key = format!("{}-p{}", r.key, p.index);
        r.locator = Some(Locator {
            paragraph: p.index,
            half: (d.languages.len() > 1).then_some(p.lang),
        });
        r
    }

    /// An event: a record of the dataset, its sources named in the note.
    pub fn event(&self, e: &Event, url: &str) -> Reference {
        let sources: Vec<String> = e
            .sources
            .iter()
            .map(|s| {
                let p = &self.ds.passages[s.passage as usize];
                let d = &self.ds.documents[p.doc as usize];
                format!("{}, para. {}", d.title, p.index)
            })
            .collect();
        Reference {
            key: format!("milcoop-{}", keyable(&e.id)),
            title: e.title_en.clone(),
            title_en: None,
            language: Lang::En,
            note: Some(format!("Event record; source: {}", sources.join("; "))),
            ..self.record(url)
        }
    }

    /// A filtered view, described in one line.
    pub fn view(&self, description: &str, url: &str) -> Reference {
        Reference {
            key: "milcoop-view".into(),
            title: description.to_string(),
            note: Some("Filtered view of the dataset; the link recreates it".into()),
            ..self.record(url)
        }
    }

    fn record(&self, url: &str) -> Reference {
        Reference {
            key: String::new(),
            kind: RefKind::Dataset,
            author: Some(MILCOOP.into()),
            title: String::new(),
            title_en: None,
            language: Lang::En,
            issued: version_date(&self.ds.version),
            locator: None,
            url: url.to_string(),
            accessed: self.accessed,
            version: self.ds.version.clone(),
            note: None,
        }
    }
}

/// The day a version was built (`2026-11-26.f7658383` → 2026-11-26).
fn version_date(version: &str) -> Option<PartialDate> {
    PartialDate::parse(version.split('.').next()?)
}

/// An id made safe for a citation key.
fn keyable(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
