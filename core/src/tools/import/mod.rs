//! `milcoop import`: a saved web page or a plain-text file becomes a corpus file.
//!
//! The text is kept verbatim (a page's visible text, block by block, with the site's menus,
//! header and footer dropped by the CSS selectors of `core/rules/import.toml`). The header
//! gets what the page states, each field's origin said in the note, and `unknown` for the
//! rest; lines that are not the document's text but sit inside it (share buttons, QR-code
//! instructions, source lines, page-jump notes) stay and are listed by the omission rules,
//! exactly as `milcoop check` lists them. A file is never overwritten.

mod facts;
mod page;
mod rules;

pub use facts::{Facts, Found};
pub use page::Page;
pub use rules::ImportRules;

use crate::ingest::segment::{self, LineKind, Rules};
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What one import wrote and what it could not determine.
#[derive(Clone, Debug)]
pub struct Imported {
    pub path: PathBuf,
    pub id: String,
    /// Header fields written as `unknown`.
    pub unknown: Vec<&'static str>,
    /// Lines kept verbatim that the omission rules recognise, with the reason.
    pub boilerplate: Vec<(String, String)>,
    /// Elements dropped as site chrome.
    pub dropped: usize,
    pub facts: Facts,
}

#[derive(Debug)]
pub enum ImportError {
    Io(PathBuf, std::io::Error),
    /// The corpus file, or a document with its id, is already there.
    Exists(PathBuf),
    /// No text was found in the file.
    Empty(PathBuf),
    /// The corpus folder to write into is not there.
    NoCorpus(PathBuf),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ImportError::Exists(p) => write!(
                f,
                "{} already exists: nothing was written (rename the input file or move the old one)",
                p.display()
            ),
            ImportError::Empty(p) => write!(f, "{}: no text found in the file", p.display()),
            ImportError::NoCorpus(p) => write!(
                f,
                "{}: no such corpus folder (give an existing one with --corpus)",
                p.display()
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports one file into the corpus folder `corpus`.
pub fn import(input: &Path, corpus: &Path, rules: &ImportRules) -> Result<Imported, ImportError> {
    if !corpus.is_dir() {
        return Err(ImportError::NoCorpus(corpus.to_path_buf()));
    }
    let bytes = std::fs::read(input).map_err(|e| ImportError::Io(input.to_path_buf(), e))?;
    let file_name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_html = looks_like_html(&file_name, &bytes);
    let (text, encoding) = decode(&bytes, is_html);
    let page = if is_html {
        page::from_html(&text, rules)
    } else {
        page::from_text(&text)
    };
    if page.lines.is_empty() {
        return Err(ImportError::Empty(input.to_path_buf()));
    }
    let facts = Facts::read(&page, rules);
    let id = id_for(&file_name, &facts, &bytes);
    let path = corpus.join(format!("{id}.txt"));
    if path.exists() || id_in_use(corpus, &id) {
        return Err(ImportError::Exists(path));
    }
    // A text file is kept as it is (decoded: a byte-order mark is not text); a page's text
    // is its lines, a blank line between blocks.
    let body = if is_html {
        page.lines.join("\n\n") + "\n"
    } else {
        text.clone()
    };
    let (header, unknown) = header_for(&id, &file_name, encoding, &facts, &page);
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => ImportError::Exists(path.clone()),
            _ => ImportError::Io(path.clone(), e),
        })?;
    out.write_all(format!("{header}---\n{body}").as_bytes())
        .map_err(|e| ImportError::Io(path.clone(), e))?;
    Ok(Imported {
        boilerplate: recognised(&body),
        path,
        id,
        unknown,
        dropped: page.dropped,
        facts,
    })
}

fn looks_like_html(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if [".html", ".htm", ".shtml", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Decodes the file: a byte-order mark first, then a page's declared charset, then UTF-8,
/// and GB18030 (a superset of GBK and GB2312) when the bytes are not UTF-8.
fn decode(bytes: &[u8], html: bool) -> (String, &'static str) {
    use encoding_rs::{Encoding, GB18030, UTF_8};
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    let declared = html.then(|| declared_charset(bytes)).flatten();
    let enc = declared.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        GB18030
    });
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

/// The `charset=` a page declares in its first kilobyte, as browsers look for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// The document id: the file's name in lowercase ASCII words, or, for a name without
/// enough of them (a Chinese file name), `doc-` with the date and a hash of the bytes.
fn id_for(file_name: &str, facts: &Facts, bytes: &[u8]) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.chars().filter(char::is_ascii_alphabetic).count() >= 3 {
        return slug;
    }
    let hash = Sha256::digest(bytes);
    let date = facts
        .published
        .as_ref()
        .map_or("undated".to_string(), |d| d.value.to_string());
    format!(
        "doc-{date}-{:02x}{:02x}{:02x}{:02x}",
        hash[0], hash[1], hash[2], hash[3]
    )
}

/// Whether a corpus file already declares this id in its header.
fn id_in_use(corpus: &Path, id: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(corpus) else {
        return false;
    };
    entries.flatten().any(|e| {
        let path = e.path();
        path.extension().is_some_and(|x| x == "txt")
            && std::fs::read_to_string(&path).is_ok_and(|text| {
                text.lines().take_while(|l| l.trim() != "---").any(|l| {
                    l.split_once(':')
                        .is_some_and(|(k, v)| k.trim() == "id" && v.trim() == id)
                })
            })
    })
}

/// The header's lines (without the `---`), and the fields it leaves `unknown`.
fn header_for(
    id: &str,
    file_name: &str,
    encoding: &str,
    facts: &Facts,
    page: &Page,
) -> (String, Vec<&'static str>) {
    let mut unknown = Vec::new();
    let mut field = |name: &'static str, value: Option<String>| {
        let value = value.unwrap_or_else(|| {
            unknown.push(name);
            "unknown".into()
        });
        format!("{name}: {value}\n")
    };
    // The title is required: without one the page gives, the file's name stands in.
    let title = facts.title.as_ref().map_or_else(
        || {
            file_name
                .rsplit_once('.')
                .map_or(file_name, |(s, _)| s)
                .to_string()
        },
        |t| one_line(&t.value),
    );
    // An English title is also the English title.
    let title_en = facts
        .title
        .as_ref()
        .filter(|t| crate::ingest::text::language_of(&t.value) == crate::model::Lang::En)
        .map(|t| one_line(&t.value));
    let languages = facts.languages.iter().map(|l| l.code()).collect::<Vec<_>>();
    let mut header = format!("id: {id}\ntitle: {title}\n");
    header += &field("title_en", title_en);
    header += &field(
        "kind",
        facts.kind.as_ref().map(|k| k.value.slug().to_string()),
    );
    header += &field(
        "publisher",
        facts.publisher.as_ref().map(|p| one_line(&p.value)),
    );
    header += &field(
        "published",
        facts.published.as_ref().map(|d| d.value.to_string()),
    );
    header += &field(
        "languages",
        (!languages.is_empty()).then(|| languages.join(", ")),
    );
    header += &format!("source_file: {}\n", one_line(file_name));
    if let Some(url) = &facts.url {
        header += &format!("url: {url}\n");
    }
    let (note, note_zh) = notes(file_name, encoding, facts, page);
    header += &format!("note: {note}\nnote_zh: {note_zh}\n");
    if !facts.outside.is_empty() {
        header += &format!("from_outside: {}\n", facts.outside.join(", "));
    }
    (header, unknown)
}

/// The note says where every field came from, in English and in Chinese.
fn notes(file_name: &str, encoding: &str, facts: &Facts, page: &Page) -> (String, String) {
    let what = if page.html {
        "saved web page"
    } else {
        "text file"
    };
    let mut en = format!("Imported by `milcoop import` from the {what} {file_name}");
    if encoding != "UTF-8" {
        en += &format!(" ({encoding})");
    }
    if page.dropped > 0 {
        en += &format!(
            "; {} elements of site navigation, header, footer or code left out",
            page.dropped
        );
    }
    en += ".";
    let said = [
        ("Title", facts.title.as_ref().map(|f| &f.from)),
        ("Publisher", facts.publisher.as_ref().map(|f| &f.from)),
        ("Date", facts.published.as_ref().map(|f| &f.from)),
        ("Kind", facts.kind.as_ref().map(|f| &f.from)),
    ];
    for (name, from) in said {
        match from {
            Some(from) => en += &format!(" {name} from {from}."),
            None if name == "Title" => en += " Title: the file's name (the text gives none).",
            None => {}
        }
    }
    let zh = format!(
        "由 milcoop import 从{}{file_name}导入；各字段的出处见英文注释。",
        if page.html {
            "网页存档"
        } else {
            "文本文件"
        }
    );
    (one_line(&en), one_line(&zh))
}

/// Header values live on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines of the body the omission rules take out of the passages, with their reasons.
fn recognised(body: &str) -> Vec<(String, String)> {
    segment::classify(body, &Rules::builtin())
        .into_iter()
        .filter_map(|line| match line.kind {
            LineKind::Omitted { reason, text } => Some((text, reason)),
            _ => None,
        })
        .collect()
}
