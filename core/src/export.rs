//! The JSON export: the whole dataset as one object, in the shape outside checks rely on.

use crate::model::Dataset;
use crate::route::Route;
use serde_json::{json, Value};

/// The export document. Unknown metadata is `null`, never a guess.
pub fn export(ds: &Dataset) -> Value {
    let documents: Vec<Value> = ds
        .documents
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "title": d.title,
                "title_en": d.title_en,
                "kind": d.kind.slug(),
                "publisher": d.publisher,
                "published": d.published.map(|p| p.to_string()),
                "languages": d.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
                "source_file": d.source_file,
                "passages": ds.passages_of(ds.document(&d.id).map(|(i, _)| i).unwrap_or(0)).count(),
            })
        })
        .collect();
    let passages: Vec<Value> = ds
        .passages
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "doc": ds.documents[p.doc as usize].id,
                "index": p.index,
                "lang": p.lang.code(),
                "section": p.section,
                "text": p.text,
                "url": Route::Passage(p.id.clone()).to_query(),
            })
        })
        .collect();
    let aliases: Vec<Value> = ds
        .aliases
        .iter()
        .map(|a| json!({"old": a.old, "passage": ds.passages[a.passage as usize].id, "method": a.method.label()}))
        .collect();
    let orphans: Vec<Value> = ds
        .orphans
        .iter()
        .map(|o| json!({"old": o.old, "quote": o.quote}))
        .collect();
    json!({
        "documents": documents,
        "passages": passages,
        "events": [],
        "figures": [],
        "aliases": aliases,
        "orphans": orphans,
    })
}
