//! Downloads made in the browser: the filtered events as CSV and JSON, the filtered
//! passages as CSV. Each file says which view produced it and links back to it.
//!
//! CSV follows RFC 4180 (every field quoted, quotes doubled, CRLF line ends) and starts
//! with `#` comment lines naming the view and its link (spreadsheet tools show them as
//! rows; `pandas.read_csv(..., comment="#")` skips them). The writers are written out here
//! rather than taken from the `csv` and `serde_json` crates because they run in the wasm,
//! where each of those would cost more code than the whole of this module.

use crate::model::{Dataset, Event};
use crate::route::Route;

/// What produced a download: a one-line description of the view and its absolute link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct About {
    pub description: String,
    pub link: String,
}

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

fn csv_head(about: &About, count: usize, what: &str) -> String {
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    format!(
        "# Milcoop: {count} {what}. {}\r\n# View: {}\r\n",
        one_line(&about.description),
        one_line(&about.link)
    )
}

/// A passage's link, relative to the page (`?p=…`), made absolute against `about.link`.
fn passage_link(about: &About, id: &str) -> String {
    let base = about.link.split(['?', '#']).next().unwrap_or_default();
    format!("{base}{}", Route::Passage(id.to_string()).to_query())
}

/// The dates of an event as text, empty when unknown.
fn date(d: Option<crate::model::PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn precision(e: &Event) -> &'static str {
    match e.start.map(|s| s.precision()) {
        None => "undated",
        Some(crate::model::Precision::Day) => "day",
        Some(crate::model::Precision::Month) => "month",
        Some(crate::model::Precision::Year) => "year",
    }
}

/// The events as CSV: one row per event, sources joined with ` | `.
pub fn events_csv(ds: &Dataset, events: &[u32], about: &About) -> String {
    let mut out = csv_head(about, events.len(), "events");
    out.push_str(&csv_row(
        &[
            "id",
            "type",
            "title_zh",
            "title_en",
            "cameo",
            "name",
            "name_en",
            "start",
            "end",
            "precision",
            "countries",
            "country_names",
            "organisations",
            "source_passages",
            "source_links",
            "quotes",
        ]
        .map(String::from),
    ));
    for &i in events {
        let e = &ds.events[i as usize];
        let names: Vec<String> = e
            .countries
            .iter()
            .map(|c| ds.country(c).map_or(c.clone(), |x| x.en.clone()))
            .collect();
        let pids: Vec<&str> = e
            .sources
            .iter()
            .map(|s| ds.passages[s.passage as usize].id.as_str())
            .collect();
        out.push_str(&csv_row(&[
            e.id.clone(),
            e.kind.slug().to_string(),
            e.title_zh.clone(),
            e.title_en.clone(),
            e.cameo.clone(),
            e.name.clone().unwrap_or_default(),
            e.name_en.clone().unwrap_or_default(),
            date(e.start),
            date(e.end),
            precision(e).to_string(),
            e.countries.join(" "),
            names.join(" | "),
            e.organisations.join(" | "),
            pids.join(" "),
            pids.iter()
                .map(|p| passage_link(about, p))
                .collect::<Vec<_>>()
                .join(" "),
            e.sources
                .iter()
                .map(|s| s.quote.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ]));
    }
    out
}

/// The passages as CSV, in the order given.
pub fn passages_csv(ds: &Dataset, passages: &[u32], about: &About) -> String {
    let mut out = csv_head(about, passages.len(), "passages");
    out.push_str(&csv_row(
        &[
            "id", "document", "title", "index", "lang", "section", "text", "link",
        ]
        .map(String::from),
    ));
    for &i in passages {
        let p = &ds.passages[i as usize];
        let d = &ds.documents[p.doc as usize];
        out.push_str(&csv_row(&[
            p.id.clone(),
            d.id.clone(),
            d.title.clone(),
            p.index.to_string(),
            p.lang.code().to_string(),
            p.section.clone().unwrap_or_default(),
            p.text.clone(),
            passage_link(about, &p.id),
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
                    json_str(&s.quote)
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
        "{{\"generator\":\"Milcoop\",\"view\":{},\"description\":{},\"count\":{},\"events\":[\n{}\n]}}\n",
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
        };
        assert!(csv_head(&about, 2, "events").starts_with("# Milcoop: 2 events. two lines\r\n"));
        assert_eq!(
            passage_link(&about, "a.1"),
            "https://example.org/milcoop/?p=a.1"
        );
    }
}
