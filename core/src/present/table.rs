//! Downloads made in the browser: the filtered events as CSV and JSON, the filtered
//! passages as CSV. Each file says which dataset version it comes from; the JSON (and the
//! spreadsheet's About sheet) also which view produced it and the link back to it.
//!
//! CSV is made to open right in a spreadsheet: UTF-8 with a byte-order mark (Excel reads
//! Chinese as mojibake without one), the header on the first row and nothing above it,
//! every field quoted, quotes doubled, CRLF line ends (RFC 4180). Dates are ISO days: an
//! event's `start` and `end` are the first and last day its stated dates allow, with the
//! `precision` and the date as stated beside them, so a column sorts and filters as dates.
//! The writers are written out here rather than taken from the `csv` and `serde_json`
//! crates because they run in the wasm, where each of those would cost more code than the
//! whole of this module.

use crate::model::{Dataset, Event};
use crate::route::Route;

/// What produced a download: a one-line description of the view, its absolute link and
/// the dataset version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct About {
    pub description: String,
    pub link: String,
    pub version: String,
}

/// The byte-order mark every CSV starts with.
pub const BOM: char = '\u{FEFF}';

fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn csv_row(fields: &[String]) -> String {
    let mut row: String = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    row.push_str("\r\n");
    row
}

/// The CSV's first line: the BOM and the header.
fn csv_header(columns: &[&str]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&csv_row(
        &columns.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    ));
    out
}

/// A passage's link, relative to the page (`?p=…`), made absolute against `about.link`.
fn passage_link(about: &About, id: &str) -> String {
    let base = about.link.split(['?', '#']).next().unwrap_or_default();
    format!("{base}{}", Route::Passage(id.to_string()).to_query())
}

/// The dates of an event as stated: `2020-09`, `2020-09-19/2020-09-26`, empty when unknown.
fn stated(e: &Event) -> String {
    match (e.start, e.end) {
        (Some(s), Some(t)) if t != s => format!("{s}/{t}"),
        (Some(s), _) => s.to_string(),
        _ => String::new(),
    }
}

/// The first and last day an event's dates allow, empty when undated.
fn day_bounds(e: &Event) -> (String, String) {
    match e.start {
        None => (String::new(), String::new()),
        Some(s) => (s.bounds().0, e.end.unwrap_or(s).bounds().1),
    }
}

fn precision(e: &Event) -> &'static str {
    match e.start.map(|s| s.precision()) {
        None => "undated",
        Some(crate::model::Precision::Day) => "day",
        Some(crate::model::Precision::Month) => "month",
        Some(crate::model::Precision::Year) => "year",
    }
}

/// Each item once, in first-seen order.
fn unique<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

const EVENT_COLUMNS: [&str; 22] = [
    "id",
    "type",
    "title_en",
    "title_zh",
    "name",
    "name_en",
    "start",
    "end",
    "precision",
    "date_stated",
    "countries",
    "country_names",
    "organisations",
    "series",
    "mission",
    "cameo",
    "source_passages",
    "source_documents",
    "document_dates",
    "source_links",
    "quotes",
    "dataset_version",
];

/// The events as a table: the columns, and one row per event; lists inside a cell are
/// joined with ` | ` (or a space, for ids and codes). The CSV and the spreadsheet share it.
pub fn events_table(
    ds: &Dataset,
    events: &[u32],
    about: &About,
) -> (&'static [&'static str], Vec<Vec<String>>) {
    let rows = events
        .iter()
        .map(|&i| event_row(ds, &ds.events[i as usize], about))
        .collect();
    (&EVENT_COLUMNS, rows)
}

/// The events as CSV.
pub fn events_csv(ds: &Dataset, events: &[u32], about: &About) -> String {
    let (columns, rows) = events_table(ds, events, about);
    let mut out = csv_header(columns);
    for row in rows {
        out.push_str(&csv_row(&row));
    }
    out
}

fn event_row(ds: &Dataset, e: &Event, about: &About) -> Vec<String> {
    let names: Vec<String> = e
        .countries
        .iter()
        .map(|c| ds.country(c).map_or(c.clone(), |x| x.en.clone()))
        .collect();
    let passages = unique(e.sources.iter().map(|s| s.passage));
    let docs = unique(passages.iter().map(|&p| ds.passages[p as usize].doc));
    let pid = |p: &u32| ds.passages[*p as usize].id.clone();
    let (start, end) = day_bounds(e);
    vec![
        e.id.clone(),
        e.kind.slug().to_string(),
        e.title_en.clone(),
        e.title_zh.clone(),
        e.name.clone().unwrap_or_default(),
        e.name_en.clone().unwrap_or_default(),
        start,
        end,
        precision(e).to_string(),
        stated(e),
        e.countries.join(" "),
        names.join(" | "),
        e.organisations.join(" | "),
        e.series.clone().unwrap_or_default(),
        e.mission.clone().unwrap_or_default(),
        e.cameo.clone(),
        passages.iter().map(pid).collect::<Vec<_>>().join(" "),
        docs.iter()
            .map(|&d| ds.documents[d as usize].id.clone())
            .collect::<Vec<_>>()
            .join(" "),
        docs.iter()
            .map(|&d| {
                ds.documents[d as usize]
                    .published
                    .map_or("unknown".into(), |p| p.to_string())
            })
            .collect::<Vec<_>>()
            .join(" | "),
        passages
            .iter()
            .map(|p| passage_link(about, &pid(p)))
            .collect::<Vec<_>>()
            .join(" "),
        unique(e.sources.iter().map(|s| ds.source_quote(s))).join(" | "),
        about.version.clone(),
    ]
}

/// The passages as CSV, in the order given.
pub fn passages_csv(ds: &Dataset, passages: &[u32], about: &About) -> String {
    let mut out = csv_header(&[
        "id",
        "document",
        "title",
        "document_date",
        "index",
        "lang",
        "section",
        "text",
        "link",
        "dataset_version",
    ]);
    for &i in passages {
        let p = &ds.passages[i as usize];
        let d = &ds.documents[p.doc as usize];
        out.push_str(&csv_row(&[
            p.id.clone(),
            d.id.clone(),
            d.title.clone(),
            d.published.map_or("unknown".into(), |x| x.to_string()),
            p.index.to_string(),
            p.lang.code().to_string(),
            p.section.clone().unwrap_or_default(),
            ds.text(i).to_string(),
            passage_link(about, &p.id),
            about.version.clone(),
        ]));
    }
    out
}

/// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), json_str)
}

fn json_list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    format!("[{}]", items.iter().map(f).collect::<Vec<_>>().join(","))
}

/// The events as one JSON object: what produced it, then the events in the export's shape
/// (unknown values are `null`).
pub fn events_json(ds: &Dataset, events: &[u32], about: &About) -> String {
    let items: Vec<String> = events
        .iter()
        .map(|&i| {
            let e = &ds.events[i as usize];
            let sources = json_list(&e.sources, |s| {
                let p = &ds.passages[s.passage as usize];
                format!(
                    "{{\"passage\":{},\"link\":{},\"quote\":{}}}",
                    json_str(&p.id),
                    json_str(&passage_link(about, &p.id)),
                    json_str(ds.source_quote(s))
                )
            });
            format!(
                "{{\"id\":{},\"type\":{},\"title_zh\":{},\"title_en\":{},\"cameo\":{},\"name\":{},\"name_en\":{},\"start\":{},\"end\":{},\"precision\":{},\"countries\":{},\"organisations\":{},\"sources\":{}}}",
                json_str(&e.id),
                json_str(e.kind.slug()),
                json_str(&e.title_zh),
                json_str(&e.title_en),
                json_str(&e.cameo),
                json_opt(e.name.as_deref()),
                json_opt(e.name_en.as_deref()),
                json_opt(e.start.map(|d| d.to_string()).as_deref()),
                json_opt(e.end.map(|d| d.to_string()).as_deref()),
                json_str(precision(e)),
                json_list(&e.countries, |c| json_str(c)),
                json_list(&e.organisations, |o| json_str(o)),
                sources
            )
        })
        .collect();
    format!(
        "{{\"generator\":\"Milcoop\",\"version\":{},\"view\":{},\"description\":{},\"count\":{},\"events\":[\n{}\n]}}\n",
        json_str(&about.version),
        json_str(&about.link),
        json_str(&about.description),
        events.len(),
        items.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_json_strings_escaped() {
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_row(&["x".into(), "y\nz".into()]), "\"x\",\"y\nz\"\r\n");
        assert_eq!(json_str("a\"\\\n\u{1}中"), "\"a\\\"\\\\\\n\\u0001中\"");
        let about = About {
            description: "two\nlines".into(),
            link: "https://example.org/milcoop/?view=stats&ui=zh".into(),
            version: "v".into(),
        };
        assert!(csv_header(&["a", "b"]).starts_with("\u{FEFF}\"a\",\"b\"\r\n"));
        assert_eq!(
            passage_link(&about, "a.1"),
            "https://example.org/milcoop/?p=a.1"
        );
    }
}
