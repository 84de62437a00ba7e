//! The metadata header on top of each corpus file.
//!
//! A corpus file is `key: value` lines, a line holding only `---`, then the source text
//! verbatim. The header is parsed by hand rather than with a TOML/YAML library so that every
//! error can name the file, the line and what is wrong in words a corpus editor understands,
//! and so that the verbatim text after the separator is never touched by a parser.

use crate::model::{Kind, Lang, PartialDate};
use std::fmt;

/// Metadata of one corpus file. `None` means the text does not say.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub kind: Kind,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub languages: Vec<Lang>,
    pub source_file: String,
    pub note: Option<String>,
    /// The note in Chinese, for the Chinese interface.
    pub note_zh: Option<String>,
    /// Where the original can be read.
    pub url: Option<String>,
    /// Fields known from outside the text (`from_outside: publisher, published`): allowed
    /// only with a `note` saying where they come from.
    pub outside: Vec<String>,
}

/// A header problem, located in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for HeaderError {}

const KEYS: [&str; 12] = [
    "id",
    "title",
    "title_en",
    "kind",
    "publisher",
    "published",
    "languages",
    "source_file",
    "note",
    "note_zh",
    "url",
    "from_outside",
];

/// The fields a header may take from outside the text.
const OUTSIDE: [&str; 3] = ["publisher", "published", "title_en"];
const REQUIRED: [&str; 8] = [
    "id",
    "title",
    "title_en",
    "kind",
    "publisher",
    "published",
    "languages",
    "source_file",
];

/// Splits a corpus file into its header and its verbatim body, and checks every field.
pub fn parse(file: &str, contents: &str) -> Result<(Header, String), HeaderError> {
    let err = |line: usize, message: String| HeaderError {
        file: file.to_string(),
        line,
        message,
    };
    let mut fields: Vec<(&str, &str, usize)> = Vec::new();
    let mut rest = contents;
    let mut line_no = 0;
    let body = loop {
        line_no += 1;
        let (line, tail) = match rest.find('\n') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        if line.trim_end_matches('\r') == "---" {
            break tail.unwrap_or("");
        }
        let Some(tail) = tail else {
            return Err(err(
                line_no,
                "the header never ends: add a line holding only `---` before the text".into(),
            ));
        };
        rest = tail;
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(
                line_no,
                format!("expected `key: value`, or `---` to end the header; found {line:?}"),
            ));
        };
        let key = key.trim();
        if !KEYS.contains(&key) {
            return Err(err(
                line_no,
                format!("unknown key `{key}` (known: {})", KEYS.join(", ")),
            ));
        }
        if let Some((_, _, first)) = fields.iter().find(|(k, _, _)| *k == key) {
            return Err(err(
                line_no,
                format!("`{key}` is given twice (first on line {first})"),
            ));
        }
        fields.push((key, value.trim(), line_no));
    };
    let separator_line = line_no;
    for key in REQUIRED {
        if !fields.iter().any(|(k, _, _)| *k == key) {
            return Err(err(
                separator_line,
                format!("missing `{key}` (write `{key}: unknown` where the text does not say)"),
            ));
        }
    }
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|&(_, v, l)| (v, l))
    };
    let known = |key: &str| {
        get(key).and_then(|(v, _)| (v != "unknown" && !v.is_empty()).then(|| v.to_string()))
    };

    let (id, id_line) = get("id").expect("required");
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(err(
            id_line,
            format!("id {id:?} must be lowercase ASCII letters, digits and hyphens"),
        ));
    }
    let (title, title_line) = get("title").expect("required");
    if title.is_empty() || title == "unknown" {
        return Err(err(title_line, "title must be given".into()));
    }
    let (kind, kind_line) = get("kind").expect("required");
    let kind = Kind::from_slug(kind).ok_or_else(|| {
        err(
            kind_line,
            format!(
                "kind {kind:?} is not one of white-paper, overview, review-article, press-conference, news-report, unknown"
            ),
        )
    })?;
    let (published, published_line) = get("published").expect("required");
    let published = match published {
        "unknown" => None,
        s => Some(PartialDate::parse(s).ok_or_else(|| {
            err(
                published_line,
                format!("published {s:?} is not YYYY, YYYY-MM, YYYY-MM-DD or unknown"),
            )
        })?),
    };
    let (languages, languages_line) = get("languages").expect("required");
    let languages = languages
        .split(',')
        .map(|l| {
            Lang::from_code(l.trim()).ok_or_else(|| {
                err(
                    languages_line,
                    format!("language {:?} is not zh or en", l.trim()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let (source_file, source_line) = get("source_file").expect("required");
    if source_file.is_empty() || source_file == "unknown" {
        return Err(err(
            source_line,
            "source_file must name the original file".into(),
        ));
    }
    let outside = match get("from_outside") {
        None => Vec::new(),
        Some((list, line)) => {
            let fields: Vec<String> = list.split(',').map(|f| f.trim().to_string()).collect();
            if let Some(bad) = fields.iter().find(|f| !OUTSIDE.contains(&f.as_str())) {
                return Err(err(
                    line,
                    format!("from_outside {bad:?} is not one of {}", OUTSIDE.join(", ")),
                ));
            }
            if known("note").is_none() {
                return Err(err(
                    line,
                    "from_outside needs a `note` saying where those fields come from".into(),
                ));
            }
            fields
        }
    };
    let url = match get("url") {
        Some((u, line)) if u != "unknown" => {
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                return Err(err(line, format!("url {u:?} must start with https://")));
            }
            Some(u.to_string())
        }
        _ => None,
    };
    let header = Header {
        id: id.to_string(),
        title: title.to_string(),
        title_en: known("title_en"),
        kind,
        publisher: known("publisher"),
        published,
        languages,
        source_file: source_file.to_string(),
        note: known("note"),
        note_zh: known("note_zh"),
        url,
        outside,
    };
    Ok((header, body.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id: a-1\ntitle: 标题\ntitle_en: unknown\nkind: overview\npublisher: unknown\npublished: 2020-12\nlanguages: zh, en\nsource_file: x.txt\n---\n\n　　正文。\n";

    #[test]
    fn parses_fields_and_keeps_the_body_verbatim() {
        let (h, body) = parse("a.txt", GOOD).unwrap();
        assert_eq!(h.id, "a-1");
        assert_eq!(h.title_en, None);
        assert_eq!(h.published.unwrap().to_string(), "2020-12");
        assert_eq!(h.languages, vec![Lang::Zh, Lang::En]);
        assert_eq!(body, "\n　　正文。\n");
    }

    fn error_of(contents: &str) -> HeaderError {
        parse("bad.txt", contents).unwrap_err()
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let e = error_of(&GOOD.replace("kind: overview", "kind: memo"));
        assert_eq!((e.file.as_str(), e.line), ("bad.txt", 4));
        assert!(e.message.contains("memo"), "{e}");

        let e = error_of(&GOOD.replace("published: 2020-12", "published: 2020-13"));
        assert_eq!(e.line, 6);

        let e = error_of(&GOOD.replace("languages: zh, en", "languages: zh, fr"));
        assert!(e.message.contains("fr"));

        let e = error_of(&GOOD.replace("title_en: unknown\n", ""));
        assert!(e.message.contains("missing `title_en`"), "{e}");

        let e = error_of(&GOOD.replace("---\n", ""));
        assert_eq!(e.line, 10);
        assert!(e.message.contains("`---` to end the header"), "{e}");
        let e = error_of("id: a\ntitle: t");
        assert!(e.message.contains("never ends"), "{e}");

        let e = error_of(&GOOD.replace("source_file: x.txt", "source_file: x.txt\nid: b"));
        assert_eq!(e.line, 9);
        assert!(e.message.contains("twice"));

        let e = error_of(&GOOD.replace(
            "source_file: x.txt",
            "source_file: x.txt\nfrom_outside: published",
        ));
        assert_eq!(e.line, 9);
        assert!(e.message.contains("needs a `note`"), "{e}");
        let e = error_of(&GOOD.replace(
            "source_file: x.txt",
            "source_file: x.txt\nnote: n\nfrom_outside: kind",
        ));
        assert!(e.message.contains("\"kind\" is not one of"), "{e}");
        let e = error_of(&GOOD.replace(
            "source_file: x.txt",
            "source_file: x.txt\nurl: javascript:alert(1)",
        ));
        assert!(e.message.contains("https://"), "{e}");

        let e = error_of(&GOOD.replace("id: a-1", "id: A 1"));
        assert_eq!(e.line, 1);

        let e = error_of(&GOOD.replace("title: 标题", "title 标题"));
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("bad.txt:2: "));
    }
}
