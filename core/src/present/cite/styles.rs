//! A [`Reference`] in the formats researchers paste: Chicago (note and bibliography),
//! APA 7, BibTeX, RIS and CSL-JSON.
//!
//! Written here rather than with a CSL processor (hayagriva, citeproc): every reference is
//! one of three shapes (a report, a web page, a dataset record) with a corporate author, so
//! each style is a few lines; a processor and its style files would be a large lazy chunk
//! for the same output. CSL-JSON is the processors' own input, so a reader who wants
//! another style feeds it to Zotero or citeproc. The e2e tests parse BibTeX and RIS with
//! parsers and check CSL-JSON against the CSL schema.
//!
//! Plain text throughout (no italics): what is copied must paste anywhere.

use super::reference::{RefKind, Reference};
use crate::model::{Lang, PartialDate};
use crate::present::table::json_str;

/// The citation formats, in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    ChicagoNote,
    ChicagoBibliography,
    Apa,
    Bibtex,
    Ris,
    CslJson,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::ChicagoNote,
        Format::ChicagoBibliography,
        Format::Apa,
        Format::Bibtex,
        Format::Ris,
        Format::CslJson,
    ];

    /// The name in the menu, in the interface language.
    pub fn label(self, ui: crate::present::ui::Ui) -> &'static str {
        match self {
            Format::ChicagoNote => ui.pick("Chicago (note)", "芝加哥格式（脚注）"),
            Format::ChicagoBibliography => {
                ui.pick("Chicago (bibliography)", "芝加哥格式（参考文献）")
            }
            Format::Apa => ui.pick("APA 7", "APA 第7版"),
            Format::Bibtex => "BibTeX",
            Format::Ris => "RIS",
            Format::CslJson => "CSL-JSON",
        }
    }

    /// The slug in test ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Format::ChicagoNote => "chicago-note",
            Format::ChicagoBibliography => "chicago-bibliography",
            Format::Apa => "apa",
            Format::Bibtex => "bibtex",
            Format::Ris => "ris",
            Format::CslJson => "csl-json",
        }
    }

    pub fn from_slug(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// The file a download of this format is saved as: extension and media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Bibtex => ("bib", "application/x-bibtex"),
            Format::Ris => ("ris", "application/x-research-info-systems"),
            Format::CslJson => ("json", "application/vnd.citationstyles.csl+json"),
            _ => ("txt", "text/plain"),
        }
    }

    pub fn render(self, r: &Reference) -> String {
        match self {
            Format::ChicagoNote => chicago_note(r),
            Format::ChicagoBibliography => chicago_bibliography(r),
            Format::Apa => apa(r),
            Format::Bibtex => bibtex(r),
            Format::Ris => ris(r),
            Format::CslJson => csl_json(r),
        }
    }
}

/// The title, with the English title in brackets where the title is not English.
fn titled(r: &Reference) -> String {
    match &r.title_en {
        Some(en) if *en != r.title => format!("{} [{en}]", r.title),
        _ => r.title.clone(),
    }
}

fn version_words(r: &Reference) -> String {
    match r.kind {
        RefKind::Dataset => format!("dataset version {}", r.version),
        _ => format!("via Milcoop, dataset version {}", r.version),
    }
}

fn chicago_note(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(r.author.clone());
    parts.push(match r.kind {
        RefKind::Dataset => format!("“{}”", r.title),
        _ => titled(r),
    });
    let date = r.issued.map_or("n.d.".to_string(), |d| d.month_first());
    let last = parts.pop().unwrap_or_default();
    parts.push(format!("{last} ({date})"));
    parts.extend(r.locator.map(|l| l.words()));
    parts.push(version_words(r));
    parts.push(r.url.clone());
    parts.push(format!("accessed {}", r.accessed.month_first()));
    let mut s = parts.join(", ");
    s.push('.');
    if let Some(n) = &r.note {
        s.push_str(&format!(" {n}."));
    }
    s
}

fn chicago_bibliography(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(r.author.clone());
    parts.push(match r.kind {
        RefKind::Dataset => format!("“{}.”", r.title),
        _ => titled(r),
    });
    parts.push(r.issued.map_or("n.d.".to_string(), |d| d.month_first()));
    parts.extend(r.locator.map(|l| l.words()));
    parts.push(sentence(&version_words(r)));
    parts.push(r.url.clone());
    parts.push(format!("Accessed {}", r.accessed.month_first()));
    parts.extend(r.note.clone());
    parts
        .into_iter()
        .map(|p| {
            if p.ends_with(['.', '”']) {
                p
            } else {
                p + "."
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// APA 7: author, (date), title [English title] (locator), source, retrieval.
fn apa(r: &Reference) -> String {
    let date = match r.issued {
        None => "n.d.".to_string(),
        Some(d) => match (d.month_name(), d.day) {
            (Some(m), Some(day)) => format!("{}, {m} {day}", d.year),
            (Some(m), None) => format!("{}, {m}", d.year),
            _ => d.year.to_string(),
        },
    };
    let mut title = titled(r);
    if let Some(l) = r.locator {
        title.push_str(&format!(" ({})", l.words()));
    }
    if r.kind == RefKind::Dataset {
        title.push_str(&format!(" (Version {}) [Data set]", r.version));
    }
    let head = match &r.author {
        Some(a) => format!("{a}. ({date}). {title}."),
        None => format!("{title}. ({date})."),
    };
    let via = match r.kind {
        RefKind::Dataset => String::new(),
        _ => format!(" Milcoop (dataset version {}).", r.version),
    };
    format!(
        "{head}{via} Retrieved {}, from {}",
        r.accessed.month_first(),
        r.url
    )
}

/// Text made safe inside a braced BibTeX field: specials escaped, braces balanced.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

fn bibtex(r: &Reference) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(a) = &r.author {
        // Double braces: a corporate name, never split into first and last names.
        fields.push(("author", format!("{{{}}}", tex(a))));
    }
    fields.push(("title", format!("{{{}}}", tex(&r.title))));
    if let Some(en) = &r.title_en {
        fields.push(("titleaddon", tex(en)));
    }
    if let Some(d) = r.issued {
        fields.push(("year", d.year.to_string()));
        if let Some(m) = d.month {
            fields.push(("month", m.to_string()));
        }
        fields.push(("date", d.to_string()));
    }
    fields.push(("url", r.url.clone()));
    fields.push(("urldate", iso(r.accessed)));
    fields.push(("version", tex(&r.version)));
    fields.push(("language", lang_name(r.language).to_lowercase()));
    let mut note: Vec<String> = r.locator.iter().map(|l| l.words()).collect();
    note.push(sentence(&version_words(r)));
    note.extend(r.note.as_deref().map(tex));
    fields.push(("note", note.join(". ")));
    let body: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", r.key, body.join(",\n"))
}

fn ris(r: &Reference) -> String {
    let mut lines: Vec<(&str, String)> = vec![(
        "TY",
        match r.kind {
            RefKind::Report => "RPRT",
            RefKind::Webpage => "ELEC",
            RefKind::Dataset => "DATA",
        }
        .to_string(),
    )];
    lines.push(("TI", r.title.clone()));
    if let Some(en) = &r.title_en {
        lines.push(("TT", en.clone()));
    }
    if let Some(a) = &r.author {
        lines.push(("AU", a.clone()));
        lines.push(("PB", a.clone()));
    }
    if let Some(d) = r.issued {
        lines.push(("PY", d.year.to_string()));
        lines.push(("DA", ris_date(d)));
    }
    if let Some(l) = r.locator {
        lines.push(("SE", l.words()));
    }
    lines.push(("UR", r.url.clone()));
    // The access date where Zotero reads and writes it for every type (the old RefMan
    // spec moves it about by type; Zotero is where these files are imported).
    lines.push(("Y2", ris_date(r.accessed)));
    lines.push(("ET", r.version.clone()));
    lines.push(("DB", "Milcoop".into()));
    lines.push(("LA", r.language.code().into()));
    let mut note = sentence(&version_words(r));
    if let Some(n) = &r.note {
        note = format!("{note}. {n}");
    }
    lines.push(("N1", note));
    lines.push(("ER", String::new()));
    lines
        .into_iter()
        .map(|(tag, value)| format!("{tag}  - {}\r\n", one_line(&value)))
        .collect()
}

fn csl_json(r: &Reference) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("id", json_str(&r.key)),
        (
            "type",
            json_str(match r.kind {
                RefKind::Report => "report",
                RefKind::Webpage => "webpage",
                RefKind::Dataset => "dataset",
            }),
        ),
        ("title", json_str(&r.title)),
    ];
    if let Some(en) = &r.title_en {
        fields.push(("original-title", json_str(en)));
    }
    if let Some(a) = &r.author {
        fields.push(("author", format!("[{{\"literal\":{}}}]", json_str(a))));
        fields.push(("publisher", json_str(a)));
    }
    if let Some(d) = r.issued {
        fields.push(("issued", date_parts(d)));
    }
    fields.push(("accessed", date_parts(r.accessed)));
    fields.push(("URL", json_str(&r.url)));
    fields.push(("version", json_str(&r.version)));
    fields.push(("language", json_str(r.language.code())));
    if let Some(l) = r.locator {
        fields.push(("locator", json_str(&l.paragraph.to_string())));
        fields.push(("section", json_str(&l.words())));
    }
    let mut note = sentence(&version_words(r));
    if let Some(n) = &r.note {
        note = format!("{note}. {n}");
    }
    fields.push(("note", json_str(&note)));
    let body: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("    {}: {v}", json_str(k)))
        .collect();
    format!("[\n  {{\n{}\n  }}\n]\n", body.join(",\n"))
}

fn date_parts(d: PartialDate) -> String {
    let mut parts = vec![d.year.to_string()];
    parts.extend(d.month.map(|m| m.to_string()));
    parts.extend(d.day.map(|x| x.to_string()));
    format!("{{\"date-parts\":[[{}]]}}", parts.join(","))
}

/// `2009/01/20/`, `2020/12//`, `2017///`: RIS's date with its empty parts.
fn ris_date(d: PartialDate) -> String {
    let two = |x: Option<u8>| x.map(|v| format!("{v:02}")).unwrap_or_default();
    format!("{}/{}/{}/", d.year, two(d.month), two(d.day))
}

fn iso(d: PartialDate) -> String {
    d.to_string()
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "Chinese",
        Lang::En => "English",
    }
}

/// The first letter upper-cased: "via Milcoop" → "Via Milcoop".
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::cite::reference::Locator;

    fn white_paper() -> Reference {
        Reference {
            key: "milcoop-wp-p5".into(),
            kind: RefKind::Report,
            author: Some("State Council Information Office".into()),
            title: "中国的国防（2008）".into(),
            title_en: Some("China's National Defense in 2008".into()),
            language: Lang::Zh,
            issued: PartialDate::parse("2009-01-20"),
            locator: Some(Locator {
                paragraph: 5,
                half: None,
            }),
            url: "https://x.org/?p=wp.1a2b".into(),
            accessed: PartialDate::parse("2026-11-26").unwrap(),
            version: "2026-11-26.f7658383".into(),
            note: None,
        }
    }

    #[test]
    fn chicago_and_apa_lay_the_fields_out() {
        let r = white_paper();
        assert_eq!(
            Format::ChicagoNote.render(&r),
            "State Council Information Office, 中国的国防（2008） [China's National Defense in 2008] (January 20, 2009), para. 5, via Milcoop, dataset version 2026-11-26.f7658383, https://x.org/?p=wp.1a2b, accessed November 26, 2026."
        );
        assert_eq!(
            Format::Apa.render(&r),
            "State Council Information Office. (2009, January 20). 中国的国防（2008） [China's National Defense in 2008] (para. 5). Milcoop (dataset version 2026-11-26.f7658383). Retrieved November 26, 2026, from https://x.org/?p=wp.1a2b"
        );
        assert!(Format::ChicagoBibliography
            .render(&r)
            .starts_with("State Council Information Office. 中国的国防（2008） [China's National Defense in 2008]. January 20, 2009. para. 5."));
    }

    #[test]
    fn what_is_unknown_is_said_so() {
        let mut r = white_paper();
        r.author = None;
        r.issued = None;
        r.locator = Some(Locator {
            paragraph: 12,
            half: Some(Lang::En),
        });
        let note = Format::ChicagoNote.render(&r);
        assert!(note.starts_with("中国的国防（2008） [China's National Defense in 2008] (n.d.), para. 12 (English text),"), "{note}");
        assert!(Format::Apa.render(&r).contains("(n.d.)"));
        assert!(!Format::Bibtex.render(&r).contains("year"));
        assert!(!Format::Ris.render(&r).contains("PY  -"));
    }

    #[test]
    fn bibtex_escapes_and_ris_ends_each_record() {
        let mut r = white_paper();
        r.title = "50% & {more}_#".into();
        let b = Format::Bibtex.render(&r);
        assert!(b.starts_with("@misc{milcoop-wp-p5,\n"), "{b}");
        assert!(b.contains("title = {{50\\% \\& \\{more\\}\\_\\#}}"), "{b}");
        assert!(b.contains("  urldate = {2026-11-26}"));
        let ris = Format::Ris.render(&r);
        assert!(ris.starts_with("TY  - RPRT\r\n"));
        assert!(ris.contains("DA  - 2009/01/20/\r\n"));
        assert!(ris.ends_with("ER  - \r\n"));
        let csl = Format::CslJson.render(&r);
        assert!(
            csl.contains("\"issued\": {\"date-parts\":[[2009,1,20]]}"),
            "{csl}"
        );
    }
}
