//! Scores the extracted events against the gold set (`core/testdata/gold/*.toml`, annotated
//! from the five documents under docs/codebook.md, independently of the extractor).
//!
//! Per document, each gold event is matched to at most one extracted event, and each
//! extracted event to at most one gold event. A pair matches when the extracted event has
//! the gold type, one of its sources in that document overlaps one of the gold anchors, it
//! names exactly the gold partner countries, and it starts in the gold year (or both are
//! undated). Recall is matched gold / all gold, precision matched extracted / all
//! extracted, per type. `milcoop events --score` prints the table with every miss.

use crate::model::{Dataset, Event, EventType};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One document's gold annotation.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    pub document: String,
    #[serde(default)]
    pub event: Vec<GoldEvent>,
    #[serde(default)]
    pub figure: Vec<GoldFigure>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub date: Option<String>,
    pub end: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    pub name: Option<String>,
    pub anchors: Vec<String>,
    pub partner_total: Option<u32>,
    pub mission: Option<String>,
    #[serde(default)]
    pub personnel: Vec<GoldPersonnel>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldPersonnel {
    pub unit: String,
    pub count: u32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldFigure {
    pub value: u32,
    pub unit: String,
    pub anchor: String,
    #[serde(default)]
    pub counts: Vec<String>,
    #[serde(default)]
    pub names: Vec<String>,
}

/// Reads every gold file in `dir`.
pub fn read_gold(dir: &Path) -> Result<Vec<Gold>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

/// The evaluation sets: documents written and annotated apart from the rules, each with its
/// gold in `gold/`. `heldout` was scored first and then used to generalise the rules (so it
/// is a development set now); `blind` was written after that and scored once before the
/// rules were widened again (a development set too now); `blind2` was written last, to be
/// scored once after that (docs/evaluation).
pub const EVALUATION_SETS: [&str; 3] = ["heldout", "blind", "blind2"];

/// The folder of an evaluation set, if `name` is one.
pub fn evaluation_set(name: &str) -> Option<std::path::PathBuf> {
    EVALUATION_SETS.contains(&name).then(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata")
            .join(name)
    })
}

/// The gold folder beside this crate.
pub fn default_gold_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/gold")
}

/// Counts for one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub gold: usize,
    pub extracted: usize,
    pub matched: usize,
}

impl Tally {
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }

    pub fn precision(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.matched as f64 / self.extracted as f64
        }
    }
}

/// The outcome: counts per type, and what did not match, said for a reader of the table.
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub by_type: BTreeMap<EventType, Tally>,
    /// Gold events with no extracted match: (document, type, what the gold says).
    pub missed: Vec<String>,
    /// Extracted events with no gold match.
    pub spurious: Vec<String>,
    /// Problems with the gold itself (an anchor not in its document).
    pub gold_errors: Vec<String>,
    /// How often a matched event agrees with its gold on each field the gold states:
    /// field → (agree, stated).
    pub fields: BTreeMap<&'static str, (usize, usize)>,
    /// Matched events that disagree on a field, said for a reader.
    pub differences: Vec<String>,
}

impl Score {
    pub fn total(&self) -> Tally {
        self.by_type.values().fold(Tally::default(), |a, t| Tally {
            gold: a.gold + t.gold,
            extracted: a.extracted + t.extracted,
            matched: a.matched + t.matched,
        })
    }

    /// The table `milcoop events --score` prints.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<14} {:>5} {:>9} {:>7} {:>7} {:>9}\n",
            "type", "gold", "extracted", "matched", "recall", "precision"
        );
        let row = |name: &str, t: &Tally| {
            format!(
                "{:<14} {:>5} {:>9} {:>7} {:>7.3} {:>9.3}\n",
                name,
                t.gold,
                t.extracted,
                t.matched,
                t.recall(),
                t.precision()
            )
        };
        for (t, tally) in &self.by_type {
            out.push_str(&row(t.slug(), tally));
        }
        out.push_str(&row("all", &self.total()));
        if !self.fields.is_empty() {
            out.push_str("\nmatched events that agree with the gold on what it states:\n");
            for (field, (agree, stated)) in &self.fields {
                out.push_str(&format!("  {field:<14} {agree:>4} / {stated:<4}\n"));
            }
        }
        for (title, list) in [
            ("gold errors", &self.gold_errors),
            ("missed (in the gold, not extracted)", &self.missed),
            ("spurious (extracted, not in the gold)", &self.spurious),
            ("matched, but a field differs", &self.differences),
        ] {
            if !list.is_empty() {
                out.push_str(&format!("\n{title}: {}\n", list.len()));
                for line in list {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        out
    }
}

/// The thresholds the extraction must meet (issue: 0.95 for exercises, 0.9 for every
/// other type), in recall and in precision.
pub fn threshold(kind: EventType) -> f64 {
    match kind {
        EventType::Exercise => 0.95,
        _ => 0.9,
    }
}

/// The types whose recall or precision is below their threshold, said for a reader.
pub fn below_thresholds(score: &Score) -> Vec<String> {
    score
        .by_type
        .iter()
        .filter(|(k, t)| t.recall() < threshold(**k) || t.precision() < threshold(**k))
        .map(|(k, t)| {
            format!(
                "{} recall {:.3} precision {:.3} (needs {})",
                k.slug(),
                t.recall(),
                t.precision(),
                threshold(*k)
            )
        })
        .collect()
}

/// Where `needle` stands in `text`, in bytes, every time.
fn positions(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// Whether two byte ranges share at least half of the shorter one.
fn overlap((a0, a1): (usize, usize), (b0, b1): (usize, usize)) -> bool {
    let shared = a1.min(b1).saturating_sub(a0.max(b0));
    shared * 2 >= (a1 - a0).min(b1 - b0).max(1)
}

/// Whether one of `e`'s sources in document `doc` overlaps one of the anchors.
fn anchored(ds: &Dataset, e: &Event, doc: u32, anchors: &[String]) -> bool {
    e.sources.iter().any(|s| {
        let p = &ds.passages[s.passage as usize];
        p.doc == doc
            && positions(&p.text, &s.quote).into_iter().any(|q| {
                anchors
                    .iter()
                    .flat_map(|a| positions(&p.text, a))
                    .any(|a| overlap(q, a))
            })
    })
}

/// Tallies, for a matched pair, each field the gold states: the exact date and end (at the
/// gold's precision), the name (Chinese or English form), the partner total, the mission.
fn compare_fields(e: &Event, g: &GoldEvent, doc: &str, out: &mut Score) {
    let shown = |d: Option<crate::model::PartialDate>| d.map(|d| d.to_string());
    let norm = |s: &str| s.replace([' ', '“', '”', '"'], "").to_lowercase();
    let mut checks: Vec<(&'static str, bool, String, String)> = Vec::new();
    if let Some(date) = &g.date {
        let got = shown(e.start).unwrap_or_default();
        checks.push(("date", got == *date, date.clone(), got));
    }
    if let Some(end) = &g.end {
        let got = shown(e.end).unwrap_or_default();
        checks.push(("end", got == *end, end.clone(), got));
    }
    if let Some(name) = &g.name {
        let forms = [e.name.as_deref(), e.name_en.as_deref()];
        let agree = forms.iter().flatten().any(|n| norm(n) == norm(name));
        checks.push((
            "name",
            agree,
            name.clone(),
            e.name.clone().unwrap_or_default(),
        ));
    }
    if let Some(total) = g.partner_total {
        let got = e.partner_total.map(|t| t.to_string()).unwrap_or_default();
        checks.push((
            "partner total",
            e.partner_total == Some(total),
            total.to_string(),
            got,
        ));
    }
    if let Some(mission) = &g.mission {
        let got = e.mission.clone().unwrap_or_default();
        checks.push(("mission", got == *mission, mission.clone(), got));
    }
    for (field, agree, want, got) in checks {
        let tally = out.fields.entry(field).or_default();
        tally.1 += 1;
        if agree {
            tally.0 += 1;
        } else {
            out.differences.push(format!(
                "{doc} · {} · {field}: gold {want:?}, extracted {got:?} · {}",
                g.kind,
                g.anchors.first().map(String::as_str).unwrap_or("")
            ));
        }
    }
}

fn same_partners(e: &Event, g: &GoldEvent) -> bool {
    let mut a = e.countries.clone();
    let mut b = g.partners.clone();
    a.sort();
    b.sort();
    a == b
}

fn same_year(e: &Event, g: &GoldEvent) -> bool {
    let gold_year = g
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse::<u16>().ok());
    e.start.map(|d| d.year) == gold_year
}

fn describe_gold(doc: &str, g: &GoldEvent) -> String {
    format!(
        "{doc} · {} · {} · [{}] · {}",
        g.kind,
        g.date.as_deref().unwrap_or("undated"),
        g.partners.join(","),
        g.anchors.first().map(String::as_str).unwrap_or("")
    )
}

fn describe_event(doc: &str, e: &Event) -> String {
    format!(
        "{doc} · {} · {} · [{}] · {} · {}",
        e.kind.slug(),
        e.start
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into()),
        e.countries.join(","),
        e.title_zh,
        e.sources.first().map(|s| s.quote.as_str()).unwrap_or("")
    )
}

/// Scores the events of `ds` against `gold`.
pub fn score(ds: &Dataset, gold: &[Gold]) -> Score {
    let mut out = Score::default();
    for t in EventType::ALL {
        out.by_type.insert(t, Tally::default());
    }
    for g in gold {
        let Some((doc, _)) = ds.document(&g.document) else {
            out.gold_errors
                .push(format!("{}: no such document", g.document));
            continue;
        };
        check_anchors(ds, doc, g, &mut out.gold_errors);
        score_document(ds, doc, g, &mut out);
    }
    out
}

/// Every anchor must stand in a passage of its document.
fn check_anchors(ds: &Dataset, doc: u32, g: &Gold, errors: &mut Vec<String>) {
    // An anchor may stand in a passage or in a heading (a heading can announce an event;
    // no event is read from one).
    let headings: Vec<&str> = ds.documents[doc as usize]
        .outline
        .iter()
        .filter_map(|b| match b {
            crate::model::Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let found = |a: &str| {
        ds.passages_of(doc).any(|p| p.text.contains(a)) || headings.iter().any(|h| h.contains(a))
    };
    for e in &g.event {
        if EventType::from_slug(&e.kind).is_none() {
            errors.push(format!("{}: unknown type {:?}", g.document, e.kind));
        }
        for a in e.anchors.iter().filter(|a| !found(a)) {
            errors.push(format!("{}: anchor not in the text: {a}", g.document));
        }
    }
}

fn score_document(ds: &Dataset, doc: u32, g: &Gold, out: &mut Score) {
    let extracted: Vec<&Event> = ds
        .events
        .iter()
        .filter(|e| {
            e.sources
                .iter()
                .any(|s| ds.passages[s.passage as usize].doc == doc)
        })
        .collect();
    let mut taken = vec![false; extracted.len()];
    for ge in &g.event {
        let Some(kind) = EventType::from_slug(&ge.kind) else {
            continue;
        };
        out.by_type.entry(kind).or_default().gold += 1;
        let found = extracted.iter().enumerate().position(|(i, e)| {
            !taken[i]
                && e.kind == kind
                && same_partners(e, ge)
                && same_year(e, ge)
                && anchored(ds, e, doc, &ge.anchors)
        });
        match found {
            Some(i) => {
                taken[i] = true;
                out.by_type.entry(kind).or_default().matched += 1;
                compare_fields(extracted[i], ge, &g.document, out);
            }
            None => out.missed.push(describe_gold(&g.document, ge)),
        }
    }
    for (i, e) in extracted.iter().enumerate() {
        out.by_type.entry(e.kind).or_default().extracted += 1;
        if !taken[i] {
            out.spurious.push(describe_event(&g.document, e));
        }
    }
}
