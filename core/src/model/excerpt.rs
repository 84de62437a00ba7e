//! One document's excerpt of the dataset: what the reader of that document shows, and
//! nothing else. The site writes one per document, and a link into a document fetches only
//! its excerpt, so the first download does not grow with the corpus (docs/scale.md); the
//! page fetches the whole dataset when the reader leaves the document.
//!
//! An excerpt is a [`StoredDataset`] like any other, with its indexes renumbered: the
//! document's passages with their texts, the events and figures they report, whatever those
//! point at (other documents' passages without their texts, the countries and the names of
//! organisations, missions and series), the document's parallel text, and the aliases and
//! orphans that lead into it.

use super::*;
use std::collections::{BTreeSet, HashMap};

/// The documents' excerpt files, as the site lists them: one line a document, its id and the
/// first eight bytes of its file's SHA-256 in hex (`review-2020 0123456789abcdef`). The
/// start-up script holds the table (`scripts/externalize-init.mjs` makes it from the files
/// beside the page), so that it can start a link's excerpt fetch while the wasm downloads,
/// and hands it to the page. The page checks each file against that hash on arrival rather
/// than by Subresource Integrity: a whole digest a document (about 35 bytes that do not
/// compress) would make every first load grow with the corpus (docs/scale.md).
#[derive(Clone, Copy, Debug)]
pub struct ExcerptFiles<'a> {
    /// The table as the start-up script holds it: "<id> <16 lower-case hex digits>" lines.
    pub table: &'a str,
}

impl<'a> ExcerptFiles<'a> {
    /// Document `doc`'s id as the table holds it, its file's name and the hash its content
    /// must have; `None` for a document without one, or a line that is not an id and a hash.
    pub fn find(&self, doc: &str) -> Option<(&'a str, String, u64)> {
        let (id, hex) = self
            .table
            .lines()
            .filter_map(|line| line.split_once(' '))
            .find(|(id, _)| *id == doc)?;
        // Exactly the digits a file name carries (`from_str_radix` alone would take a sign
        // or upper case, and name a file that is not there).
        let digits = hex.len() == 16 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let hash = digits.then(|| u64::from_str_radix(hex, 16).ok())??;
        Some((id, excerpt_file_name(id, hash), hash))
    }
}

/// The name of document `doc`'s excerpt file, whose content's SHA-256 begins with the eight
/// bytes of `hash`. `build.rs` writes the file under this name and the page asks for it by
/// it ([`ExcerptFiles::find`]); the start-up script, which reads the names back into its
/// table and makes the name of the file it fetches early, follows the same pattern
/// (`scripts/externalize-init.mjs`).
pub fn excerpt_file_name(doc: &str, hash: u64) -> String {
    format!("doc-{doc}-{hash:016x}.bin")
}

/// Old index → new index, for one list, in the order the old indexes were kept.
struct Renumber(HashMap<u32, u32>);

impl Renumber {
    fn new(kept: &BTreeSet<u32>) -> Renumber {
        Renumber(
            kept.iter()
                .enumerate()
                .map(|(n, &o)| (o, n as u32))
                .collect(),
        )
    }

    fn get(&self, old: u32) -> Option<u32> {
        self.0.get(&old).copied()
    }
}

impl StoredDataset {
    /// Document `doc`'s excerpt (see the module doc); `None` for a document not here.
    pub fn excerpt(&self, doc: u32) -> Option<StoredDataset> {
        self.documents.get(doc as usize)?;
        let own: BTreeSet<u32> = (0..self.passages.len() as u32)
            .filter(|&p| self.passages[p as usize].doc == doc)
            .collect();
        let figures: Vec<u32> = (0..self.figures.len() as u32)
            .filter(|&f| own.contains(&self.figures[f as usize].passage))
            .collect();
        let events = self.events_of(&own, &figures);
        let passages = self.passages_behind(&own, &events);
        let documents: BTreeSet<u32> = (passages.iter())
            .map(|&p| self.passages[p as usize].doc)
            .chain([doc])
            .collect();
        let (d, p, e) = (
            Renumber::new(&documents),
            Renumber::new(&passages),
            Renumber::new(&events),
        );
        let mut out = StoredDataset {
            version: self.version.clone(),
            ..StoredDataset::default()
        };
        for &i in &documents {
            let mut document = self.documents[i as usize].clone();
            match i == doc {
                true => {
                    for block in &mut document.outline {
                        if let Block::Passage(n) = block {
                            *n = p.get(*n)?;
                        }
                    }
                }
                // Another document is here for its title and date: a source of an event.
                false => document.outline.clear(),
            }
            out.documents.push(document);
        }
        for &i in &passages {
            let mut passage = self.passages[i as usize].clone();
            passage.doc = d.get(passage.doc)?;
            if !own.contains(&i) {
                passage.text.clear();
            }
            out.passages.push(passage);
            out.passage_events.push(
                (self.passage_events.get(i as usize).into_iter().flatten())
                    .filter_map(|&x| e.get(x))
                    .collect(),
            );
        }
        for &i in &events {
            let mut event = self.events[i as usize].clone();
            for s in &mut event.sources {
                s.passage = p.get(s.passage)?;
            }
            out.events.push(event);
        }
        for &i in &figures {
            let mut figure = self.figures[i as usize].clone();
            figure.passage = p.get(figure.passage)?;
            figure.events = figure.events.iter().filter_map(|&x| e.get(x)).collect();
            out.figures.push(figure);
        }
        out.counterparts = (self.counterparts.iter())
            .filter_map(|&(zh, en)| Some((p.get(zh)?, p.get(en)?)))
            .collect();
        out.aliases = (self.aliases.iter())
            .filter(|a| own.contains(&a.passage))
            .map(|a| {
                Some(Alias {
                    passage: p.get(a.passage)?,
                    ..a.clone()
                })
            })
            .collect::<Option<_>>()?;
        out.orphans = (self.orphans.iter())
            .filter(|o| o.doc == Some(doc))
            .map(|o| Orphan {
                doc: d.get(doc),
                ..o.clone()
            })
            .collect();
        // Its own passages' texts are here: the quotes from them need only their place.
        let texts: BTreeSet<u32> = own.iter().filter_map(|&o| p.get(o)).collect();
        out.locate_quotes(|n| texts.contains(&n));
        out.countries = self.countries_named(&out);
        out.concepts = self.concepts_named(&out);
        Some(out)
    }

    /// The events the document's passages report, and those its figures count.
    fn events_of(&self, own: &BTreeSet<u32>, figures: &[u32]) -> BTreeSet<u32> {
        let reported = own
            .iter()
            .flat_map(|&p| self.passage_events.get(p as usize).into_iter().flatten());
        let counted = figures
            .iter()
            .flat_map(|&f| &self.figures[f as usize].events);
        reported
            .chain(counted)
            .copied()
            .filter(|&x| (x as usize) < self.events.len())
            .collect()
    }

    /// The document's passages, and every passage its events cite.
    fn passages_behind(&self, own: &BTreeSet<u32>, events: &BTreeSet<u32>) -> BTreeSet<u32> {
        let cited = events
            .iter()
            .flat_map(|&x| &self.events[x as usize].sources)
            .map(|s| s.passage)
            .filter(|&p| (p as usize) < self.passages.len());
        own.iter().copied().chain(cited).collect()
    }

    /// The countries an excerpt's passages and events name, in this dataset's order.
    fn countries_named(&self, excerpt: &StoredDataset) -> Vec<Country> {
        let named: BTreeSet<&str> = (excerpt.passages.iter())
            .flat_map(|p| p.countries.iter().chain(&p.partners))
            .chain(excerpt.events.iter().flat_map(|e| &e.countries))
            .map(String::as_str)
            .collect();
        (self.countries.iter())
            .filter(|c| named.contains(c.code.as_str()))
            .cloned()
            .collect()
    }

    /// The concepts whose names an excerpt's events show: their organisations, missions
    /// and series.
    fn concepts_named(&self, excerpt: &StoredDataset) -> Vec<Concept> {
        let named: BTreeSet<String> = (excerpt.events.iter())
            .flat_map(|e| {
                let orgs = e.organisations.iter().map(|o| format!("organisation:{o}"));
                let mission = e.mission.iter().map(|m| format!("mission:{m}"));
                let series = e.series.iter().map(|s| format!("series:{s}"));
                orgs.chain(mission).chain(series)
            })
            .collect();
        (self.concepts.iter())
            .filter(|c| named.contains(&c.id))
            .cloned()
            .collect()
    }
}

impl Dataset {
    /// Decodes a document's excerpt file and checks it as any dataset, and that it holds
    /// document `doc` with its texts.
    pub fn decode_excerpt(bytes: &[u8], doc: &str) -> Result<Dataset, InvalidDataset> {
        let mut ds = Dataset::decode(bytes)?;
        let Some((i, _)) = ds.document(doc) else {
            return Err(InvalidDataset::OutOfRange(format!(
                "the excerpt does not hold document {doc}"
            )));
        };
        ds.only = Some(i);
        Ok(ds)
    }

    /// The one document this dataset holds in full when it is an excerpt
    /// ([`StoredDataset::excerpt`]); `None` for the whole dataset.
    pub fn only_document(&self) -> Option<u32> {
        self.only
    }
}

#[cfg(test)]
mod file_tests {
    use super::*;

    const FILES: ExcerptFiles = ExcerptFiles {
        table: "review-2020 0123456789abcdef\nwp-2019 0000000000000010\nreview-2020-x2 ffffffffffffffff",
    };

    #[test]
    fn a_document_is_found_by_its_whole_id_with_its_own_hash() {
        assert_eq!(
            FILES.find("wp-2019"),
            Some(("wp-2019", "doc-wp-2019-0000000000000010.bin".into(), 0x10))
        );
        let (_, name, _) = FILES.find("review-2020").unwrap();
        assert_eq!(name, "doc-review-2020-0123456789abcdef.bin");
        assert_eq!(FILES.find("review-2020-x2").unwrap().2, u64::MAX);
    }

    #[test]
    fn a_document_not_listed_or_a_part_of_an_id_has_no_file() {
        assert_eq!(FILES.find("review"), None);
        assert_eq!(FILES.find(""), None);
        assert_eq!(FILES.find("wp-2019\nreview-2020"), None);
        assert_eq!(ExcerptFiles { table: "" }.find("wp-2019"), None);
    }

    #[test]
    fn a_line_without_a_whole_hash_names_no_file() {
        for table in [
            "wp-2019",
            "wp-2019 ",
            "wp-2019 10",
            "wp-2019 0123456789abcdeg",
            "wp-2019 0123456789abcdef0",
        ] {
            assert_eq!(ExcerptFiles { table }.find("wp-2019"), None, "{table:?}");
        }
    }
}
