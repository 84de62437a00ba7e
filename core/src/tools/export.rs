//! The JSON export: the whole dataset as one object, in the shape outside checks rely on.

use crate::ingest::segment::DraftBlock;
use crate::model::ConceptKind;
use crate::route::Route;
use crate::tools::pipeline::Built;
use serde_json::{json, Value};

/// The export document. Unknown metadata is `null`, never a guess. Each passage also
/// carries `source`: its original, verbatim text and the code-point spans of the source body
/// it was read from, so that normalisation can always be undone.
pub fn export(built: &Built) -> Value {
    let ds = &built.dataset;
    let spans = built.passage_spans();
    let documents: Vec<Value> = ds
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (outline, omissions) = layout(built, i);
            json!({
                "id": d.id,
                "title": d.title,
                "title_en": d.title_en,
                "kind": d.kind.slug(),
                "publisher": d.publisher,
                "published": d.published.map(|p| p.to_string()),
                "languages": d.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
                "source_file": d.source_file,
                "note": d.note,
                "note_zh": d.note_zh,
                "url": d.url,
                "from_outside": d.outside,
                "passages": ds.passages_of(ds.document(&d.id).map(|(i, _)| i).unwrap_or(0)).count(),
                "outline": outline,
                "omissions": omissions,
            })
        })
        .collect();
    let passages: Vec<Value> = ds
        .passages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "source": {
                    "original": built.original(i, &spans[i]),
                    "spans": spans[i],
                },
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
    let pid = |i: u32| ds.passages[i as usize].id.clone();
    let date = |d: Option<crate::model::PartialDate>| d.map(|d| d.to_string());
    let events: Vec<Value> = ds
        .events
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "type": e.kind.slug(),
                "title_zh": e.title_zh,
                "title_en": e.title_en,
                "cameo": e.cameo,
                "name": e.name,
                "name_en": e.name_en,
                "start": date(e.start),
                "end": date(e.end),
                "ongoing": e.ongoing,
                "as_of": date(e.as_of),
                "countries": e.countries,
                "partner_total": e.partner_total,
                "organisations": e.organisations,
                "mission": e.mission,
                "series": e.series,
                "personnel": e.personnel.iter().map(|p| json!({"unit": p.unit, "count": p.count})).collect::<Vec<_>>(),
                "scope": e.multilateral.map(|m| if m { "multilateral" } else { "bilateral" }),
                "service": e.service,
                "location": e.location,
                "sources": e.sources.iter().map(|s| json!({"passage": pid(s.passage), "quote": s.quote})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let figures: Vec<Value> = ds
        .figures
        .iter()
        .map(|f| {
            json!({
                "statement": f.quote,
                "value": f.value,
                "unit": f.unit,
                "counts": f.counts.map(|t| t.slug()),
                "as_of": date(f.as_of),
                "passage": pid(f.passage),
                "quote": f.quote,
                "events": f.events.iter().map(|&e| ds.events[e as usize].id.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let concepts: Vec<Value> = ds
        .concepts
        .iter()
        .map(|c| {
            let (kind, links) = match &c.kind {
                ConceptKind::Activity(t) => ("activity", json!(t.map(|t| t.slug()))),
                ConceptKind::Series => ("series", Value::Null),
                ConceptKind::Organisation => ("organisation", Value::Null),
                ConceptKind::Mission => ("mission", Value::Null),
                ConceptKind::Countries(cs) => ("countries", json!(cs)),
            };
            json!({"id": c.id, "kind": kind, "links": links, "en": c.en, "zh": c.zh, "names": c.names})
        })
        .collect();
    let counterparts: Vec<Value> = ds
        .counterparts
        .iter()
        .map(|&(zh, en)| json!({"zh": pid(zh), "en": pid(en)}))
        .collect();
    json!({
        "version": ds.version,
        "documents": documents,
        "counterparts": counterparts,
        "passages": passages,
        "events": events,
        "figures": figures,
        "aliases": aliases,
        "orphans": orphans,
        "concepts": concepts,
    })
}

/// A document's headings (level, text, source line and code-point span of the source body)
/// and the source lines the segmenter left out (with why), so that every non-empty line of
/// a source is in the export: in a passage, a heading or an omission.
fn layout(built: &Built, doc: usize) -> (Vec<Value>, Vec<Value>) {
    let (Some(seg), Some(source)) = (built.segments.get(doc), built.sources.get(doc)) else {
        return (Vec::new(), Vec::new());
    };
    let chars: Vec<char> = source.body.chars().collect();
    let line_of = |at: usize| {
        1 + chars[..at.min(chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
    };
    let outline = seg
        .outline
        .iter()
        .filter_map(|b| match b {
            DraftBlock::Heading { level, text, span } => Some(json!({
                "level": level,
                "text": text,
                "line": line_of(span.0),
                "span": [span.0, span.1],
            })),
            DraftBlock::Passage(_) => None,
        })
        .collect();
    let omissions = seg
        .omissions
        .iter()
        .map(|o| json!({"line": o.line, "span": [o.span.0, o.span.1], "reason": o.reason, "text": o.text}))
        .collect();
    (outline, omissions)
}

/// Text escaped for HTML element content and attribute values.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A plain, pre-rendered HTML page holding one document's passages and nothing else: the
/// floor the benchmark compares the explorer's first paint against. Passages carry the same
/// `elementtiming` attribute as the explorer's, so both are timed alike.
pub fn floor_html(ds: &crate::model::StoredDataset, doc: u32) -> String {
    let d = &ds.documents[doc as usize];
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main><h1>{}</h1>\n",
        escape_html(&d.title),
        escape_html(&d.title)
    );
    for p in ds.passages_of(doc) {
        out.push_str(&format!(
            "<section data-passage-id=\"{}\" lang=\"{}\"><p elementtiming=\"passage\">{}</p></section>\n",
            escape_html(&p.id),
            p.lang.code(),
            escape_html(&p.text)
        ));
    }
    out.push_str("</main></body></html>\n");
    out
}
