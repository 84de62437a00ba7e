//! Integrity checks over a build: nothing lost, nothing counted twice, ids unique, every
//! published link placed. `milcoop check` prints [`Report`] and fails on any problem.

use crate::ingest::segment::{DraftBlock, JoinKind, Span};
use crate::model::Resolution;
use crate::tools::pipeline::Built;
use std::collections::HashSet;
use std::fmt::Write;

/// What `milcoop check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Integrity failures; any one makes the check fail.
    pub problems: Vec<String>,
    /// The full listing: joins, omissions, aliases, orphans, coverage.
    pub listing: String,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks one document's coverage: every code point of the body is in exactly one passage,
/// heading or omission, or is layout whitespace between them. Returns problems found.
pub fn coverage(file: &str, body: &str, spans: &[(Span, &str)]) -> Vec<String> {
    let chars: Vec<char> = body.chars().collect();
    let mut owner: Vec<Option<&str>> = vec![None; chars.len()];
    let mut problems = Vec::new();
    for &((start, end), what) in spans {
        if end > chars.len() || start > end {
            problems.push(format!(
                "{file}: span {start}..{end} of {what} lies outside the text"
            ));
            continue;
        }
        for (offset, slot) in owner[start..end].iter_mut().enumerate() {
            if let Some(previous) = slot {
                problems.push(format!(
                    "{file}: code point {} is in both {previous} and {what}",
                    start + offset
                ));
                return problems;
            }
            *slot = Some(what);
        }
    }
    if let Some(i) = (0..chars.len()).find(|&i| owner[i].is_none() && !chars[i].is_whitespace()) {
        problems.push(format!(
            "{file}: code point {i} ({:?}) is in no passage, heading or omission",
            chars[i]
        ));
    }
    problems
}

pub fn check(built: &Built) -> Report {
    let mut report = Report::default();
    let out = &mut report.listing;
    let ds = &built.dataset;

    for (d, (source, seg)) in built.sources.iter().zip(&built.segments).enumerate() {
        let doc = &ds.documents[d];
        let passages = ds.passages_of(d as u32).count();
        let _ = writeln!(
            out,
            "== {} ({}): {} passages, {} omissions, {} joins",
            doc.id,
            source.file,
            passages,
            seg.omissions.len(),
            seg.joins.len()
        );
        for j in &seg.joins {
            let kind = match j.kind {
                JoinKind::List => "list",
                JoinKind::Adjacent => "page break",
                JoinKind::Moved => "moved column",
            };
            let _ = writeln!(
                out,
                "  join ({kind}): line {} …{} + line {} {}…{}",
                j.left_line,
                j.left_tail,
                j.right_line,
                j.right_head,
                if j.seam.is_empty() {
                    String::new()
                } else {
                    format!(" (seam «{}» attested elsewhere)", j.seam)
                }
            );
        }
        for o in &seg.omissions {
            let _ = writeln!(out, "  omitted line {} ({}): {}", o.line, o.reason, o.text);
        }
        for (line, text) in &seg.unterminated {
            report.problems.push(format!(
                "{}: line {line} does not end a sentence and has no continuation: {text}",
                source.file
            ));
        }
        let mut spans: Vec<(Span, &str)> = Vec::new();
        for block in &seg.outline {
            match block {
                DraftBlock::Heading { span, .. } => spans.push((*span, "a heading")),
                DraftBlock::Passage(p) => spans.extend(p.spans.iter().map(|s| (*s, "a passage"))),
            }
        }
        spans.extend(seg.omissions.iter().map(|o| (o.span, "an omission")));
        report
            .problems
            .extend(coverage(&source.file, &source.body, &spans));
    }

    let mut seen = HashSet::new();
    for p in &ds.passages {
        if !seen.insert(p.id.as_str()) {
            report
                .problems
                .push(format!("passage id {} is not unique", p.id));
        }
        if p.text.trim().is_empty() {
            report.problems.push(format!("passage {} is empty", p.id));
        }
    }

    for record in &built.registry {
        match ds.resolve(&record.id) {
            Resolution::Current(_) => {}
            Resolution::Moved(p, a) => {
                let _ = writeln!(
                    out,
                    "alias: {} → {} (by {})",
                    record.id,
                    p.id,
                    a.method.label()
                );
            }
            Resolution::Orphaned(o) => {
                let _ = writeln!(out, "orphan: {} (text no longer found: {})", o.old, o.quote);
            }
            Resolution::Unknown => report
                .problems
                .push(format!("published id {} resolves to nothing", record.id)),
        }
    }
    for u in &built.unresolved {
        let _ = writeln!(
            out,
            "unresolved: {} in {} (could be {})",
            u.name,
            u.passage,
            u.candidates.join(" or ")
        );
    }
    for e in &ds.events {
        for s in &e.sources {
            let passage = &ds.passages[s.passage as usize];
            if !passage.text.contains(&s.quote) {
                report.problems.push(format!(
                    "event {}: its quote is not in passage {}",
                    e.id, passage.id
                ));
            }
        }
    }
    for (file, id) in &built.previous_links {
        if matches!(ds.resolve(id), Resolution::Unknown) {
            report.problems.push(format!(
                "{file}: link ?p={id} from a saved export no longer resolves"
            ));
        }
    }
    if !built.previous_links.is_empty() {
        let _ = writeln!(
            out,
            "saved exports: {} passage links checked, all resolve",
            built.previous_links.len()
        );
    }
    let unpublished = ds
        .passages
        .iter()
        .filter(|p| !built.registry.iter().any(|r| r.id == p.id))
        .count();
    if unpublished > 0 {
        let _ = writeln!(
            out,
            "note: {unpublished} passage ids are not in the registry yet; `milcoop publish` records them"
        );
    }
    let _ = writeln!(
        out,
        "total: {} documents, {} passages, {} published ids, {} aliases, {} orphans",
        ds.documents.len(),
        ds.passages.len(),
        built.registry.len(),
        ds.aliases.len(),
        ds.orphans.len()
    );
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_finds_lost_and_doubled_characters() {
        let body = "甲乙\n丙丁";
        assert!(coverage("f", body, &[((0, 2), "p"), ((3, 5), "q")]).is_empty());
        let lost = coverage("f", body, &[((0, 2), "p"), ((3, 4), "q")]);
        assert!(lost[0].contains("'丁'"), "{lost:?}");
        let doubled = coverage("f", body, &[((0, 2), "p"), ((1, 5), "q")]);
        assert!(doubled[0].contains("both"), "{doubled:?}");
    }
}
