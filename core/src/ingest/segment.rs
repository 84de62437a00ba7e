//! Segmentation: a source body becomes headings, passages and listed omissions.
//!
//! The sources are paragraphs of one line each, so each non-blank line is first classified
//! on its own (omission rule, Markdown heading, table of contents, plain heading, stray
//! glyph, or paragraph). Paragraphs are then repaired in two ways:
//!
//! * **Lists.** A paragraph ending in a colon absorbs the following lines that start with a
//!   lowercase letter (the English overview's bullet list).
//! * **Layout breaks.** A paragraph that does not end a sentence was cut by page layout. It
//!   continues in the paragraph that gives the longest *seam* — its last characters followed
//!   by the candidate's first characters — that is attested verbatim elsewhere in the corpus,
//!   when that seam is at least [`MOVED_SEAM`] characters and longer than the seam with the
//!   next paragraph. Otherwise it continues in the next paragraph. The first case repairs
//!   columns printed out of order ("与12国防务部" … "门领导人通话" attests "部门领导人"); the
//!   second the plain page break ("保持稳" / "定并取得").
//!
//! Every join is reported, so `milcoop check` can list them, and every character of the
//! source ends up in exactly one passage, heading or omission.

use crate::ingest::text::{clean, ends_sentence, glue, has_clause_punctuation, language_of};
use crate::model::Lang;
use serde::Deserialize;
use std::collections::HashMap;

/// The shortest seam that may carry a paragraph to a non-adjacent continuation.
pub const MOVED_SEAM: usize = 6;
/// Longest fragment tail or head tried when measuring a seam.
const SEAM_SIDE: usize = 12;
/// Plain headings are at most this long...
const HEADING_MAX: usize = 40;
/// ...and, when they hold one comma and no other clause punctuation ("携手抗疫，展现中国情怀"),
/// at most this long.
const PUNCTUATED_HEADING_MAX: usize = 16;

/// A half-open range of Unicode code points in a source body.
pub type Span = (usize, usize);

/// One non-blank source line and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// 1-based line number in the body.
    pub number: usize,
    pub span: Span,
    pub kind: LineKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    Heading { level: u8, text: String },
    Paragraph { text: String },
    Omitted { reason: String, text: String },
}

/// An omitted piece of source, with why it is not a passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Omission {
    pub line: usize,
    pub span: Span,
    pub reason: String,
    pub text: String,
}

/// How two fragments became one passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinKind {
    /// A bullet list absorbed into the sentence that introduces it.
    List,
    /// A page break: the continuation is the next paragraph.
    Adjacent,
    /// Columns out of order: the continuation stands elsewhere, found by its attested seam.
    Moved,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Join {
    pub kind: JoinKind,
    pub left_line: usize,
    pub right_line: usize,
    /// The attested string across the seam (empty for lists and unattested page breaks).
    pub seam: String,
    pub left_tail: String,
    pub right_head: String,
}

/// A passage before it gets its id.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub text: String,
    pub lang: Lang,
    pub section: Option<String>,
    pub spans: Vec<Span>,
    pub first_line: usize,
}

/// One entry of the outline before ids exist.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftBlock {
    Heading { level: u8, text: String, span: Span },
    Passage(Draft),
}

/// The result of segmenting one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmented {
    pub outline: Vec<DraftBlock>,
    pub omissions: Vec<Omission>,
    pub joins: Vec<Join>,
    /// Paragraphs that do not end a sentence and found no continuation.
    pub unterminated: Vec<(usize, String)>,
}

impl Segmented {
    pub fn passages(&self) -> impl Iterator<Item = &Draft> {
        self.outline.iter().filter_map(|b| match b {
            DraftBlock::Passage(d) => Some(d),
            DraftBlock::Heading { .. } => None,
        })
    }
}

/// Omission rules, read from `rules/omissions.toml`.
#[derive(Clone, Debug, Deserialize)]
pub struct Rules {
    #[serde(rename = "rule")]
    rules: Vec<Rule>,
}

#[derive(Clone, Debug, Deserialize)]
struct Rule {
    reason: String,
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    prefix: Vec<String>,
    #[serde(default)]
    enclosed: Vec<(String, String)>,
    #[serde(default)]
    contains: Vec<String>,
    /// The line holds a date with a clock time (`ingest::stamp`).
    #[serde(default)]
    date_time: bool,
    max_chars: Option<usize>,
}

impl Rules {
    /// The rules shipped with the crate.
    pub fn builtin() -> Rules {
        Rules::parse(include_str!("../../rules/omissions.toml")).expect("built-in rules parse")
    }

    pub fn parse(toml_text: &str) -> Result<Rules, toml::de::Error> {
        toml::from_str(toml_text)
    }

    /// Why a (cleaned) line is not a passage, if a rule says so.
    pub fn omission_reason(&self, line: &str) -> Option<&str> {
        let len = line.chars().count();
        self.rules
            .iter()
            .find(|r| {
                r.max_chars.is_none_or(|m| len <= m)
                    && (r.exact.iter().any(|e| e == line)
                        || r.prefix.iter().any(|p| line.starts_with(p.as_str()))
                        || r.enclosed.iter().any(|(a, b)| {
                            line.starts_with(a.as_str()) && line.ends_with(b.as_str())
                        })
                        || r.contains.iter().any(|c| line.contains(c.as_str()))
                        || (r.date_time && crate::ingest::stamp::has_date_time(line)))
            })
            .map(|r| r.reason.as_str())
    }
}

/// Classifies every non-blank line of a body on its own.
pub fn classify(body: &str, rules: &Rules) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    // Inside a table of contents: the level of its heading.
    let mut toc_level: Option<u8> = None;
    for (i, raw) in body.split('\n').enumerate() {
        let len = raw.chars().count();
        let span = (offset, offset + len);
        offset += len + 1;
        let text = clean(raw);
        if text.is_empty() {
            continue;
        }
        let markdown = markdown_heading(&text);
        if let (Some(level), Some((l, _))) = (toc_level, &markdown) {
            let l = *l;
            if l <= level {
                toc_level = None;
            }
        }
        let kind = if toc_level.is_some() {
            omitted("table of contents", &text)
        } else if let Some(reason) = rules.omission_reason(&text) {
            omitted(reason, &text)
        } else if let Some((level, title)) = markdown {
            if matches!(title.as_str(), "目录" | "目 录" | "Contents") {
                toc_level = Some(level);
                omitted("table of contents", &text)
            } else {
                LineKind::Heading { level, text: title }
            }
        } else if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            omitted("stray glyph", &text)
        } else if lines
            .iter()
            .all(|l: &Line| matches!(l.kind, LineKind::Omitted { .. }))
            && !ends_sentence(&text)
            && text.chars().count() <= HEADING_MAX
            && !text.contains(['。', '，', '；', ',', ';'])
        {
            // The first line of a document, when it is short, does not end a sentence and
            // holds no clause punctuation but a colon ("国防部:全面推进…"), is its title.
            LineKind::Heading { level: 1, text }
        } else if looks_like_heading(&text) {
            LineKind::Heading { level: 2, text }
        } else {
            LineKind::Paragraph { text }
        };
        lines.push(Line {
            number: i + 1,
            span,
            kind,
        });
    }
    lines
}

fn omitted(reason: &str, text: &str) -> LineKind {
    LineKind::Omitted {
        reason: reason.to_string(),
        text: text.to_string(),
    }
}

fn markdown_heading(text: &str) -> Option<(u8, String)> {
    let hashes = text.chars().take_while(|&c| c == '#').count();
    let rest = &text[hashes..];
    (hashes > 0 && hashes <= 6 && rest.starts_with(' '))
        .then(|| (hashes as u8, rest.trim().to_string()))
}

fn looks_like_heading(text: &str) -> bool {
    let len = text.chars().count();
    !ends_sentence(text)
        && len <= HEADING_MAX
        && (!has_clause_punctuation(text)
            || (len <= PUNCTUATED_HEADING_MAX && text.matches('，').count() == 1 && {
                let bare = text.replacen('，', "", 1);
                !has_clause_punctuation(&bare)
            }))
}

/// Every paragraph of the corpus, for seam attestation.
pub struct Corpus<'a> {
    /// (document index, line number, cleaned text)
    pub paragraphs: Vec<(usize, usize, &'a str)>,
    /// The paragraphs each pair of adjacent characters occurs in, so that attesting a seam
    /// looks only at the paragraphs that can hold it (a scan of the whole corpus per seam
    /// made the build quadratic: minutes at 100 times this corpus).
    bigrams: HashMap<(char, char), Vec<usize>>,
}

impl<'a> Corpus<'a> {
    pub fn new(docs: &'a [Vec<Line>]) -> Corpus<'a> {
        let paragraphs = docs
            .iter()
            .enumerate()
            .flat_map(|(d, lines)| {
                lines.iter().filter_map(move |l| match &l.kind {
                    LineKind::Paragraph { text } => Some((d, l.number, text.as_str())),
                    _ => None,
                })
            })
            .collect::<Vec<(usize, usize, &str)>>();
        let mut bigrams: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (i, &(_, _, text)) in paragraphs.iter().enumerate() {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(2) {
                let list = bigrams.entry((w[0], w[1])).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Corpus {
            paragraphs,
            bigrams,
        }
    }

    /// Whether `s` (two characters or more) occurs in a paragraph other than the two named
    /// ones. Only the paragraphs holding the rarest pair of characters of `s` are searched.
    fn attested(&self, s: &str, doc: usize, skip: [usize; 2]) -> bool {
        let chars: Vec<char> = s.chars().collect();
        let rarest = chars
            .windows(2)
            .map(|w| {
                self.bigrams
                    .get(&(w[0], w[1]))
                    .map_or(&[][..], Vec::as_slice)
            })
            .min_by_key(|list| list.len());
        let Some(candidates) = rarest else {
            return self
                .paragraphs
                .iter()
                .any(|&(d, n, t)| !(d == doc && skip.contains(&n)) && t.contains(s));
        };
        candidates.iter().any(|&i| {
            let (d, n, t) = self.paragraphs[i];
            !(d == doc && skip.contains(&n)) && t.contains(s)
        })
    }

    /// The longest string across the seam of `left` and `right` that is attested elsewhere.
    pub fn seam(&self, doc: usize, left: (usize, &str), right: (usize, &str)) -> String {
        let tail: Vec<char> = left.1.chars().rev().take(SEAM_SIDE).collect();
        let head: Vec<char> = right.1.chars().take(SEAM_SIDE).collect();
        let mut best = String::new();
        for a in 1..=tail.len() {
            let left_part: String = tail[..a].iter().rev().collect();
            // Extending a seam that is not attested cannot make it attested.
            let mut found_any = false;
            for b in 1..=head.len() {
                let s: String = left_part.chars().chain(head[..b].iter().copied()).collect();
                if !self.attested(&s, doc, [left.0, right.0]) {
                    break;
                }
                found_any = true;
                if s.chars().count() > best.chars().count() {
                    best = s;
                }
            }
            if !found_any {
                break;
            }
        }
        best
    }
}

/// Segments one classified document. `doc` is its index in `corpus`.
pub fn segment(lines: &[Line], doc: usize, corpus: &Corpus<'_>) -> Segmented {
    let mut out = Segmented::default();
    let paragraphs: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(lines[i].kind, LineKind::Paragraph { .. }))
        .collect();
    let text_of = |i: usize| match &lines[i].kind {
        LineKind::Paragraph { text } => text.as_str(),
        _ => unreachable!("only paragraphs are joined"),
    };
    // The paragraph directly after line i, if no heading stands between.
    let next_paragraph = |i: usize| {
        lines[i + 1..]
            .iter()
            .position(|l| !matches!(l.kind, LineKind::Omitted { .. }))
            .map(|p| i + 1 + p)
            .filter(|&j| matches!(lines[j].kind, LineKind::Paragraph { .. }))
    };

    // continuation[i] = the line index that continues paragraph i.
    let mut continuation: Vec<Option<usize>> = vec![None; lines.len()];
    let mut consumed = vec![false; lines.len()];
    for &i in &paragraphs {
        let text = text_of(i);
        if text.ends_with(':') || text.ends_with('：') {
            // A list: absorb following lowercase-initial lines.
            let mut last = i;
            while let Some(j) = next_paragraph(last) {
                if !text_of(j).starts_with(|c: char| c.is_ascii_lowercase()) || consumed[j] {
                    break;
                }
                continuation[last] = Some(j);
                consumed[j] = true;
                out.joins
                    .push(join(JoinKind::List, lines, last, j, String::new(), text_of));
                last = j;
            }
            continue;
        }
        if ends_sentence(text) || continuation[i].is_some() {
            continue;
        }
        let adjacent = next_paragraph(i).filter(|&j| !consumed[j]);
        let adjacent_seam = adjacent
            .map(|j| corpus.seam(doc, (lines[i].number, text), (lines[j].number, text_of(j))))
            .unwrap_or_default();
        let moved = paragraphs
            .iter()
            .filter(|&&j| {
                j != i && Some(j) != adjacent && !consumed[j] && !reaches(&continuation, j, i)
            })
            .map(|&j| {
                (
                    j,
                    corpus.seam(doc, (lines[i].number, text), (lines[j].number, text_of(j))),
                )
            })
            .max_by_key(|(_, s)| s.chars().count());
        let choice = match moved {
            Some((j, seam))
                if seam.chars().count() >= MOVED_SEAM
                    && seam.chars().count() > adjacent_seam.chars().count() =>
            {
                Some((j, JoinKind::Moved, seam))
            }
            _ => adjacent.map(|j| (j, JoinKind::Adjacent, adjacent_seam)),
        };
        match choice {
            Some((j, kind, seam)) => {
                continuation[i] = Some(j);
                consumed[j] = true;
                out.joins.push(join(kind, lines, i, j, seam, text_of));
            }
            None => out.unterminated.push((lines[i].number, text.to_string())),
        }
    }

    let mut section: Option<String> = None;
    for (i, line) in lines.iter().enumerate() {
        match &line.kind {
            LineKind::Omitted { reason, text } => out.omissions.push(Omission {
                line: line.number,
                span: line.span,
                reason: reason.clone(),
                text: text.clone(),
            }),
            LineKind::Heading { level, text } => {
                section = Some(text.clone());
                out.outline.push(DraftBlock::Heading {
                    level: *level,
                    text: text.clone(),
                    span: line.span,
                });
            }
            LineKind::Paragraph { .. } if consumed[i] => {}
            LineKind::Paragraph { text } => {
                let mut draft = Draft {
                    text: text.clone(),
                    lang: language_of(text),
                    section: section.clone(),
                    spans: vec![line.span],
                    first_line: line.number,
                };
                let mut at = i;
                while let Some(j) = continuation[at] {
                    let next = text_of(j);
                    let sep = if out
                        .joins
                        .iter()
                        .any(|jn| jn.kind == JoinKind::List && jn.right_line == lines[j].number)
                    {
                        "\n"
                    } else {
                        glue(&draft.text, next)
                    };
                    draft.text.push_str(sep);
                    draft.text.push_str(next);
                    draft.spans.push(lines[j].span);
                    at = j;
                }
                draft.lang = language_of(&draft.text);
                out.outline.push(DraftBlock::Passage(draft));
            }
        }
    }
    out
}

/// Whether following continuations from `from` reaches `to` (joining would make a cycle).
fn reaches(continuation: &[Option<usize>], from: usize, to: usize) -> bool {
    let mut at = from;
    while let Some(next) = continuation[at] {
        if next == to {
            return true;
        }
        at = next;
    }
    false
}

fn join<'t>(
    kind: JoinKind,
    lines: &[Line],
    left: usize,
    right: usize,
    seam: String,
    text_of: impl Fn(usize) -> &'t str,
) -> Join {
    let tail: String = {
        let chars: Vec<char> = text_of(left).chars().collect();
        chars[chars.len().saturating_sub(8)..].iter().collect()
    };
    Join {
        kind,
        left_line: lines[left].number,
        right_line: lines[right].number,
        seam,
        left_tail: tail,
        right_head: text_of(right).chars().take(8).collect(),
    }
}
