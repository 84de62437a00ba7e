//! The checks a stored dataset passes before the explorer reads it: every index between its
//! lists points at a record that is there. (Ids are checked for uniqueness as the lookups
//! are built, in `Dataset::new`.) A file from another build, or one damaged on the way, is
//! refused with what is wrong, never read past the end of a list.

use super::{Block, InvalidDataset, StoredDataset};

/// `index` must be below `len`; `what` names the record that holds it.
fn within(index: u32, len: usize, what: impl FnOnce() -> String) -> Result<(), InvalidDataset> {
    if (index as usize) < len {
        Ok(())
    } else {
        Err(InvalidDataset::OutOfRange(format!(
            "{} (there are {len})",
            what()
        )))
    }
}

pub(super) fn indexes(ds: &StoredDataset) -> Result<(), InvalidDataset> {
    let (docs, passages, events) = (ds.documents.len(), ds.passages.len(), ds.events.len());
    for d in &ds.documents {
        for block in &d.outline {
            if let Block::Passage(p) = block {
                within(*p, passages, || {
                    format!("document {} lists passage {p}", d.id)
                })?;
            }
        }
    }
    for p in &ds.passages {
        within(p.doc, docs, || {
            format!("passage {} names document {}", p.id, p.doc)
        })?;
    }
    for e in &ds.events {
        if e.sources.is_empty() {
            return Err(InvalidDataset::OutOfRange(format!(
                "event {} has no source",
                e.id
            )));
        }
        for s in &e.sources {
            within(s.passage, passages, || {
                format!("event {} cites passage {}", e.id, s.passage)
            })?;
        }
    }
    for (i, f) in ds.figures.iter().enumerate() {
        within(f.passage, passages, || {
            format!("figure {i} cites passage {}", f.passage)
        })?;
    }
    for a in &ds.aliases {
        within(a.passage, passages, || {
            format!("alias {} points at passage {}", a.old, a.passage)
        })?;
    }
    for o in &ds.orphans {
        if let Some(d) = o.doc {
            within(d, docs, || format!("orphan {} names document {d}", o.old))?;
        }
    }
    if ds.passage_events.len() != passages && !(ds.passage_events.is_empty() && events == 0) {
        return Err(InvalidDataset::OutOfRange(format!(
            "events are listed for {} passages, but there are {passages}",
            ds.passage_events.len()
        )));
    }
    for (p, list) in ds.passage_events.iter().enumerate() {
        for &e in list {
            within(e, events, || format!("passage {p} lists event {e}"))?;
        }
    }
    for &(zh, en) in &ds.counterparts {
        within(zh.max(en), passages, || {
            format!("counterparts ({zh}, {en})")
        })?;
    }
    Ok(())
}
