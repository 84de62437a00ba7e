//! From the `corpus/` folder to a [`Dataset`]: read and check headers, segment every
//! document, assign ids, re-anchor published ids, and keep what `milcoop check` reports.

use crate::extract::annotate;
use crate::extract::events::{self, UnresolvedMention, Vocabulary};
use crate::extract::gazetteer::Gazetteer;
use crate::ingest::anchor::{self, Published};
use crate::ingest::header::{self, Header, HeaderError};
use crate::ingest::ids;
use crate::ingest::segment::{self, Corpus, DraftBlock, Rules, Segmented};
use crate::model::{Block, Dataset, Document, Passage, StoredDataset};
use std::fmt;
use std::path::{Path, PathBuf};

/// The file in `corpus/` that records every passage id ever published.
pub const REGISTRY: &str = "published-ids.jsonl";

/// One corpus document as read from disk.
#[derive(Clone, Debug)]
pub struct Source {
    pub file: String,
    pub header: Header,
    pub body: String,
}

/// The dataset and everything the build learned on the way.
#[derive(Debug)]
pub struct Built {
    pub dataset: Dataset,
    pub sources: Vec<Source>,
    pub segments: Vec<Segmented>,
    pub registry: Vec<Published>,
    /// Country-like mentions extraction could not settle, for `milcoop check`.
    pub unresolved: Vec<UnresolvedMention>,
    /// Passage ids from saved earlier exports (`corpus/previous-exports/*.json`), with the
    /// file they come from: every one must still resolve.
    pub previous_links: Vec<(String, String)>,
}

/// Folder of saved earlier exports whose links must keep working.
pub const PREVIOUS_EXPORTS: &str = "previous-exports";

/// The passage ids of every saved export in `dir`, with their file names.
fn read_previous_exports(dir: &Path) -> Result<Vec<(String, String)>, BuildError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut links = Vec::new();
    for (file, text) in read_files(dir, "json")? {
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| BuildError::PreviousExport(format!("{file}: {e}")))?;
        for p in value["passages"].as_array().into_iter().flatten() {
            if let Some(id) = p["id"].as_str() {
                links.push((file.clone(), id.to_string()));
            }
        }
    }
    Ok(links)
}

#[derive(Debug)]
pub enum BuildError {
    Io(PathBuf, std::io::Error),
    Header(HeaderError),
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    Registry(String),
    PreviousExport(String),
    Empty(PathBuf),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            BuildError::Header(e) => write!(f, "{e}"),
            BuildError::DuplicateId { id, first, second } => {
                write!(
                    f,
                    "{second}:1: document id `{id}` is already used by {first}"
                )
            }
            BuildError::Registry(e) => write!(f, "{REGISTRY}: {e}"),
            BuildError::PreviousExport(e) => write!(f, "{PREVIOUS_EXPORTS}/{e}"),
            BuildError::Empty(p) => write!(f, "{}: no corpus documents (*.txt) found", p.display()),
        }
    }
}

impl std::error::Error for BuildError {}

impl Built {
    /// Where each passage's text comes from: code-point spans of its document's source body
    /// (several when layout breaks were joined), in dataset order.
    pub fn passage_spans(&self) -> Vec<Vec<(usize, usize)>> {
        self.segments
            .iter()
            .flat_map(|seg| seg.passages().map(|d| d.spans.clone()))
            .collect()
    }

    /// The verbatim source text of a passage, its fragments joined by newlines.
    pub fn original(&self, passage: usize, spans: &[(usize, usize)]) -> String {
        let doc = self.dataset.passages[passage].doc as usize;
        let chars: Vec<char> = self.sources[doc].body.chars().collect();
        spans
            .iter()
            .map(|&(a, b)| chars[a..b].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The files in `dir` with the given extension, in file-name order, as (file name, text).
fn read_files(dir: &Path, extension: &str) -> Result<Vec<(String, String)>, BuildError> {
    let entries = std::fs::read_dir(dir).map_err(|e| BuildError::Io(dir.to_path_buf(), e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == extension))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path).map_err(|e| BuildError::Io(path, e))?;
            Ok((file, text))
        })
        .collect()
}

/// Reads every `*.txt` in `dir`, in file-name order.
pub fn read_sources(dir: &Path) -> Result<Vec<Source>, BuildError> {
    let files = read_files(dir, "txt")?;
    if files.is_empty() {
        return Err(BuildError::Empty(dir.to_path_buf()));
    }
    let mut sources: Vec<Source> = Vec::new();
    for (file, text) in files {
        let (header, body) = header::parse(&file, &text).map_err(BuildError::Header)?;
        if let Some(first) = sources.iter().find(|s| s.header.id == header.id) {
            return Err(BuildError::DuplicateId {
                id: header.id,
                first: first.file.clone(),
                second: file,
            });
        }
        sources.push(Source { file, header, body });
    }
    Ok(sources)
}

/// Builds the dataset from a corpus folder (and its registry of published ids, if any).
pub fn build_dir(dir: &Path) -> Result<Built, BuildError> {
    let sources = read_sources(dir)?;
    let registry = match std::fs::read_to_string(dir.join(REGISTRY)) {
        Ok(text) => anchor::parse_registry(&text).map_err(BuildError::Registry)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(BuildError::Io(dir.join(REGISTRY), e)),
    };
    let mut built = build(sources, registry, &Rules::builtin());
    built.previous_links = read_previous_exports(&dir.join(PREVIOUS_EXPORTS))?;
    Ok(built)
}

/// Builds the dataset from sources already read.
pub fn build(sources: Vec<Source>, registry: Vec<Published>, rules: &Rules) -> Built {
    let classified: Vec<_> = sources
        .iter()
        .map(|s| segment::classify(&s.body, rules))
        .collect();
    let corpus = Corpus::new(&classified);
    let segments: Vec<Segmented> = classified
        .iter()
        .enumerate()
        .map(|(d, lines)| segment::segment(lines, d, &corpus))
        .collect();

    let mut dataset = StoredDataset::default();
    for (d, (source, seg)) in sources.iter().zip(&segments).enumerate() {
        let texts: Vec<&str> = seg.passages().map(|p| p.text.as_str()).collect();
        let ids = ids::assign(&source.header.id, &texts);
        let mut outline = Vec::with_capacity(seg.outline.len());
        let mut ids = ids.into_iter();
        let mut index = 0;
        for block in &seg.outline {
            match block {
                DraftBlock::Heading { level, text, .. } => outline.push(Block::Heading {
                    level: *level,
                    text: text.clone(),
                }),
                DraftBlock::Passage(draft) => {
                    index += 1;
                    outline.push(Block::Passage(dataset.passages.len() as u32));
                    dataset.passages.push(Passage {
                        id: ids.next().expect("one id per passage"),
                        doc: d as u32,
                        index,
                        lang: draft.lang,
                        section: draft.section.clone(),
                        text: draft.text.clone(),
                        years: Vec::new(),
                        countries: Vec::new(),
                        partners: Vec::new(),
                    });
                }
            }
        }
        let h = &source.header;
        dataset.documents.push(Document {
            id: h.id.clone(),
            title: h.title.clone(),
            title_en: h.title_en.clone(),
            kind: h.kind,
            publisher: h.publisher.clone(),
            published: h.published,
            languages: h.languages.clone(),
            source_file: h.source_file.clone(),
            note: h.note.clone(),
            note_zh: h.note_zh.clone(),
            url: h.url.clone(),
            outside: h.outside.clone(),
            outline,
        });
    }
    let (aliases, orphans) = anchor::reanchor(&dataset, &registry);
    dataset.aliases = aliases;
    dataset.orphans = orphans;
    let gazetteer = Gazetteer::builtin();
    let vocab = Vocabulary::builtin();
    let extraction = events::extract(&dataset, &gazetteer, &vocab);
    dataset.events = extraction.events;
    dataset.figures = extraction.figures;
    annotate::annotate(&mut dataset, &gazetteer);
    dataset.concepts = crate::extract::concepts::build(&dataset.countries, &vocab, &gazetteer)
        .unwrap_or_else(|e| panic!("the thesaurus does not build: {e}"));
    dataset.counterparts = crate::extract::align::align(&dataset);
    super::version::stamp(&mut dataset);
    Built {
        // Every index the pipeline wrote points at a record it wrote: a failure here is a
        // bug in the pipeline, said with the record at fault.
        dataset: Dataset::new(dataset).unwrap_or_else(|e| panic!("the pipeline built {e}")),
        sources,
        segments,
        registry,
        unresolved: extraction.unresolved,
        previous_links: Vec::new(),
    }
}

/// The corpus folder: `--corpus` if given, else `./corpus`, else the one beside this crate.
pub fn default_corpus_dir() -> PathBuf {
    let here = PathBuf::from("corpus");
    if here.is_dir() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
    }
}
