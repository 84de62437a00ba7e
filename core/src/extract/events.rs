//! Events read from the passages: exercises, deployments and engagements, each with its
//! provenance (passage and exact clause), and the count statements kept apart as figures.
//!
//! The unit of reading is the clause (split at 。！？； and English sentence ends). A clause
//! reports an event when it holds an event-type keyword and either an exercise name, or an
//! action verb with a date (its own, or the year the passage or document is about). A clause
//! that counts events or countries ("34项", "等14个国家", "20余次") without naming one is an
//! aggregate: its numbers become figures, not events. See `docs/extraction.md`.

use crate::extract::dates::{self, Context};
use crate::extract::gazetteer::Gazetteer;
use crate::model::{
    Event, EventSource, EventType, Figure, Kind, PartialDate, Precision, StoredDataset,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The vocabulary in `rules/events.toml`.
#[derive(Clone, Debug, Deserialize)]
pub struct Vocabulary {
    #[serde(rename = "type")]
    types: Vec<TypeRule>,
    action: Keywords,
    skip: Skip,
    series: Vec<Series>,
}

#[derive(Clone, Debug, Deserialize)]
struct Skip {
    passage_prefixes: Vec<String>,
    clause_prefixes: Vec<String>,
    clause_keywords: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct TypeRule {
    name: String,
    keywords: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct Keywords {
    keywords: Vec<String>,
}

/// An exercise or mission series whose name says who it is with.
#[derive(Clone, Debug, Deserialize)]
pub struct Series {
    pub zh: String,
    pub en: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
}

impl Vocabulary {
    pub fn builtin() -> Vocabulary {
        toml::from_str(include_str!("../../rules/events.toml")).expect("built-in event rules parse")
    }

    fn skipped(&self, clause: &str) -> bool {
        self.skip
            .clause_prefixes
            .iter()
            .any(|p| clause.starts_with(p.as_str()))
            || self
                .skip
                .clause_keywords
                .iter()
                .any(|k| clause.contains(k.as_str()))
    }

    /// The clause's type; titles in 《》 do not count (签署《关于举行联合军事演习的协定》 is an
    /// agreement, not an exercise).
    fn classify(&self, clause: &str) -> Option<EventType> {
        let lower = without_titles(clause).to_lowercase();
        self.types
            .iter()
            .find(|t| t.keywords.iter().any(|k| lower.contains(&k.to_lowercase())))
            .and_then(|t| EventType::from_slug(&t.name))
    }

    fn has_action(&self, clause: &str) -> bool {
        let lower = clause.to_lowercase();
        self.action
            .keywords
            .iter()
            .any(|k| lower.contains(k.as_str()))
    }

    /// The series a name belongs to: the longest series name it starts with.
    fn series_of(&self, name: &str) -> Option<&Series> {
        let lower = name.to_lowercase();
        self.series
            .iter()
            .flat_map(|s| {
                std::iter::once(s.zh.to_lowercase())
                    .chain(s.en.iter().map(|e| e.to_lowercase()))
                    .map(move |n| (n, s))
            })
            .filter(|(n, _)| {
                lower.starts_with(n.as_str())
                    && lower[n.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, '-' | ' ' | '－' | '—' | '·'))
            })
            .max_by_key(|(n, _)| n.chars().count())
            .map(|(_, s)| s)
    }
}

/// The text with every 《book title》 removed.
fn without_titles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A clause of a passage, with its code-point offset.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause<'a> {
    pub start: usize,
    pub text: &'a str,
}

/// Splits a passage into clauses at 。！？； and English sentence ends ("… ships. The").
pub fn clauses(text: &str) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut start_byte = 0;
    let mut start_char = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(byte, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let ends = match c {
            '。' | '！' | '？' | '；' => true,
            ';' => true,
            '.' | '?' | '!' => {
                next.is_none_or(|n| n == ' ' || n == '\n')
                    && after.is_none_or(|a| a.is_uppercase())
                    && !prev.is_some_and(|p| p.is_uppercase() && k >= 2 && chars[k - 2].1 == '.')
            }
            _ => false,
        };
        if ends || k + 1 == chars.len() {
            let end_byte = byte + c.len_utf8();
            let piece = &text[start_byte..end_byte];
            let trimmed_start = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if trimmed.chars().count() > 1 {
                out.push(Clause {
                    start: start_char + piece[..trimmed_start].chars().count(),
                    text: trimmed,
                });
            }
            start_byte = end_byte;
            start_char = k + 1;
        }
    }
    out
}

/// Exercise names in quotes (“北部·联合-2023”, "Golden Dragon 2023"): a series name or a
/// name ending in a year or a roman numeral. Returns (start, end, name) in code points of the clause.
fn names(clause: &str, vocab: &Vocabulary) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '“' | '"') {
            if let Some(len) = chars[i + 1..].iter().position(|&c| matches!(c, '”' | '"')) {
                let name: String = chars[i + 1..i + 1 + len].iter().collect();
                let tail_ok = name.rsplit(['-', ' ', '－', '—']).next().is_some_and(|t| {
                    (t.len() == 2 || t.len() == 4) && t.chars().all(|c| c.is_ascii_digit())
                        || (!t.is_empty() && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
                });
                if tail_ok || vocab.series_of(&name).is_some() && name.chars().count() <= 24 {
                    out.push((i, i + len + 2, name));
                }
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Units a count can have, longest first. `event_unit` marks counts of events or people sent
/// (an aggregate), as against counts of participants in one event.
const UNITS: [(&str, bool); 14] = [
    ("个维和任务区", true),
    ("个任务区", true),
    ("个国家", false),
    ("艘次", true),
    ("人次", true),
    ("项", true),
    ("批", true),
    ("次", true),
    ("名", true),
    ("国", false),
    ("余次", true),
    ("人", true),
    ("艘", true),
    ("轮", true),
];

/// A count in a clause: value, unit (with 余/多), code-point offset, whether 等 precedes it.
#[derive(Clone, Debug, PartialEq)]
struct Count {
    value: u32,
    unit: String,
    event_unit: bool,
    after_deng: bool,
}

fn counts(clause: &str) -> Vec<Count> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '-'))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = String::new();
        while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ',') {
            if chars[j] != ',' {
                digits.push(chars[j]);
            }
            j += 1;
        }
        let mut more = String::new();
        if j < chars.len() && matches!(chars[j], '余' | '多') {
            more.push(chars[j]);
            j += 1;
        }
        let rest: String = chars[j..chars.len().min(j + 8)].iter().collect();
        if let Some(&(unit, event_unit)) = UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
            if let Ok(value) = digits.parse::<u32>() {
                // Years (2020年), dates and ordinals are not counts.
                if !(rest.starts_with('年') || i > 0 && chars[i - 1] == '第') {
                    out.push(Count {
                        value,
                        unit: format!("{more}{unit}"),
                        event_unit,
                        after_deng: i > 0 && chars[i - 1] == '等',
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

fn service_of(clause: &str) -> Option<String> {
    let lower = clause.to_lowercase();
    let has = |ks: &[&str]| ks.iter().any(|k| lower.contains(k));
    if has(&["海军", "舰", "海上", "navy", "vessel", "plan "]) {
        Some("navy".into())
    } else if has(&["空军", "空中", "飞机", "air force", "aircraft"]) {
        Some("air".into())
    } else if has(&["陆军", "army"]) {
        Some("army".into())
    } else {
        None
    }
}

/// `在X举行` → X (not "在…框架内"), for where an event took place.
fn location_of(clause: &str) -> Option<String> {
    let chars: Vec<char> = clause.chars().collect();
    let verbs = ["举行", "实施", "召开", "进行", "部署"];
    for (i, &c) in chars.iter().enumerate() {
        if c != '在' {
            continue;
        }
        let tail: String = chars[i + 1..].iter().take(24).collect();
        for v in verbs {
            if let Some(p) = tail.find(v) {
                let place = tail[..p]
                    .split('与')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(['分', '别', '共', '同', '成', '功'])
                    .trim();
                let n = place.chars().count();
                if (2..=20).contains(&n)
                    && !place.contains("框架")
                    && !place.contains(['，', '、', '的'])
                    && !place.contains("期间")
                    && !place.contains(['年', '月'])
                    && !["两国", "此", "这里"].contains(&place)
                {
                    return Some(place.to_string());
                }
            }
        }
    }
    None
}

/// Openings that point back to the event the passage reports.
const ANAPHORA: [&str; 9] = [
    "这是", "此次", "这次", "本次", "该", "其间", "演习", "This ", "It ",
];

/// The year a document is about, when its kind reports on one year ("今年").
fn scope_year(kind: Kind, published: Option<PartialDate>) -> Option<u16> {
    match kind {
        Kind::ReviewArticle | Kind::PressConference => published.map(|d| d.year),
        Kind::WhitePaper | Kind::Overview => None,
    }
}

/// A place in the text that names something the gazetteer could not settle.
#[derive(Clone, Debug, PartialEq)]
pub struct UnresolvedMention {
    pub passage: String,
    pub name: String,
    pub candidates: Vec<String>,
}

/// Everything extraction produced.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub unresolved: Vec<UnresolvedMention>,
}

/// Whether the clause's counts make it an aggregate ("34项", "等14个国家") rather than one
/// event. A count of countries is a participant count when the clause lists them all
/// (基里巴斯…东帝汶等5国) or says they acted together (共同举行).
fn is_aggregate(clause: &str, counts: &[Count], named_countries: usize) -> bool {
    counts.iter().any(|c| {
        if c.event_unit {
            return true;
        }
        let together = clause.contains("共同") || clause.contains("jointly");
        let complete = named_countries + 1 >= c.value as usize;
        !together && !complete
    })
}

/// The date a figure is "as of": the date after 截至, else the clause's own date when it
/// is not a "since" (以来) span, else the document's date.
fn as_of(
    clause: &str,
    found: &[dates::DateMention],
    document: Option<PartialDate>,
) -> Option<PartialDate> {
    let chars: Vec<char> = clause.chars().collect();
    let jiezhi = clause.find("截至").map(|b| clause[..b].chars().count());
    if let Some(at) = jiezhi {
        if let Some(m) = found
            .iter()
            .find(|m| m.start >= at + 2 && m.start <= at + 3)
        {
            return Some(m.to.unwrap_or(m.from));
        }
    }
    let since = chars.windows(2).any(|w| w == ['以', '来'])
        || clause.contains("迄今")
        || clause.contains("目前");
    match found.last() {
        Some(m) if !since => Some(m.to.unwrap_or(m.from)),
        _ => document,
    }
}

/// Splits a clause at commas when two or more of its parts each report something (a type
/// keyword and an action verb: a summary sentence listing aid, peacekeeping and escort);
/// otherwise returns the clause whole. Parts that report nothing (a leading date, a
/// circumstance) stay with the part after them, so no date is lost. Commas inside an English
/// list ("Zambia, Cambodia and Laos") do not split.
fn segments<'a>(clause: &'a str, vocab: &Vocabulary) -> Vec<&'a str> {
    let mut cuts = vec![0];
    let mut chars = clause.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_han = chars
            .peek()
            .is_some_and(|&(_, n)| crate::ingest::text::is_han(n));
        if c == '，' || (c == ',' && next_is_han) {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(clause.len());
    let parts: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let reports = |p: &str| vocab.classify(p).is_some() && vocab.has_action(p);
    if parts
        .iter()
        .filter(|(a, b)| reports(&clause[*a..*b]))
        .count()
        < 2
    {
        return vec![clause];
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut pending_start: Option<usize> = None;
    for (a, b) in parts {
        let start = pending_start.take().unwrap_or(a);
        if reports(&clause[a..b]) {
            out.push((start, b));
        } else {
            pending_start = Some(start);
        }
    }
    if let (Some(start), Some(last)) = (pending_start, out.last_mut()) {
        let _ = start;
        last.1 = clause.len();
    }
    out.into_iter()
        .map(|(a, b)| clause[a..b].trim().trim_end_matches(['，', ',']))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Reads events and figures from every passage of `ds`.
pub fn extract(ds: &StoredDataset, gazetteer: &Gazetteer, vocab: &Vocabulary) -> Extraction {
    let mut out = Extraction::default();
    for (d, doc) in ds.documents.iter().enumerate() {
        let scope = scope_year(doc.kind, doc.published);
        for (pi, passage) in ds
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.doc == d as u32)
        {
            let pi = pi as u32;
            if vocab
                .skip
                .passage_prefixes
                .iter()
                .any(|p| passage.text.starts_with(p.as_str()))
            {
                continue;
            }
            // Bare months and days take the year stated earlier in the same passage, or the
            // year the document reports on; never a year carried over from another passage.
            let mut ctx = Context {
                document_year: doc.published.map(|p| p.year),
                current_year: scope,
            };
            let passage_named = gazetteer.named(&passage.text, &passage.text);
            let first_event = out.events.len();
            for clause in clauses(&passage.text) {
                if vocab.skipped(clause.text) {
                    continue;
                }
                for segment in segments(clause.text, vocab) {
                    read_clause(
                        segment,
                        pi,
                        passage,
                        &passage_named.countries,
                        scope,
                        doc.published,
                        &mut ctx,
                        gazetteer,
                        vocab,
                        first_event,
                        &mut out,
                    );
                }
            }
        }
    }
    merge(&mut out.events, ds);
    out
}

/// Reads one clause (or comma segment) into events and figures.
#[allow(clippy::too_many_arguments)]
fn read_clause(
    clause: &str,
    pi: u32,
    passage: &crate::model::Passage,
    passage_countries: &[String],
    scope: Option<u16>,
    published: Option<PartialDate>,
    ctx: &mut Context,
    gazetteer: &Gazetteer,
    vocab: &Vocabulary,
    first_event_of_passage: usize,
    out: &mut Extraction,
) {
    let passage_text = passage.text.as_str();
    let year_before = ctx.current_year;
    let found = dates::find(clause, ctx);
    let relative_unresolved = ctx.document_year.is_none()
        && ["两年来", "近两年", "一年来", "今年", "年内"]
            .iter()
            .any(|w| clause.contains(w));
    let named = gazetteer.named(clause, passage_text);
    for u in &named.unresolved {
        out.unresolved.push(UnresolvedMention {
            passage: passage.id.clone(),
            name: u.name.clone(),
            candidates: u.candidates.clone(),
        });
    }
    let kind = vocab.classify(clause);
    let exercise_names = names(clause, vocab);
    let clause_counts = counts(clause);
    let aggregate =
        exercise_names.is_empty() && is_aggregate(clause, &clause_counts, named.countries.len());
    if kind.is_some() || clause.contains("截至") || clause.contains("累计") {
        let as_of = as_of(clause, &found, published);
        for c in clause_counts
            .iter()
            .filter(|c| c.event_unit || c.after_deng || aggregate)
        {
            out.figures.push(Figure {
                value: c.value,
                unit: c.unit.clone(),
                as_of,
                passage: pi,
                quote: clause.to_string(),
            });
        }
    }
    let Some(kind) = kind.or((!exercise_names.is_empty()).then_some(EventType::Exercise)) else {
        return;
    };
    let source = EventSource {
        passage: pi,
        quote: clause.to_string(),
    };
    // Partners: the clause's own, else — when the passage speaks of "the two sides" (两国,
    // 两军, 双方) — the passage's, if it names exactly one country.
    let implicit_pair = ["两国", "两军", "双方", "both sides"]
        .iter()
        .any(|w| passage_text.contains(w));
    let countries = if implicit_pair
        && named.countries.is_empty()
        && named.organisations.is_empty()
        && passage_countries.len() == 1
    {
        passage_countries.to_vec()
    } else {
        named.countries.clone()
    };
    let fallback_year = if relative_unresolved {
        None
    } else {
        year_before.or(scope)
    };
    let base = |start: Option<PartialDate>, end: Option<PartialDate>| Event {
        id: String::new(),
        kind,
        name: None,
        name_en: None,
        start,
        end,
        countries: countries.clone(),
        organisations: named.organisations.clone(),
        multilateral: None,
        service: service_of(clause),
        location: location_of(clause),
        sources: vec![source.clone()],
    };

    if !exercise_names.is_empty() {
        let chars: Vec<char> = clause.chars().collect();
        for (s, _, name) in &exercise_names {
            let series = vocab.series_of(name);
            let year_from_name = dates::year_in_name(name);
            let (start, end) = match (found.as_slice(), year_from_name) {
                ([one], Some(y)) if one.from.year == y => (Some(one.from), one.to),
                ([one], None) => (Some(one.from), one.to),
                (_, Some(y)) => (Some(year(y)), None),
                _ => (fallback_year.map(year), None),
            };
            let mut e = base(start, end);
            // Partners: a 中X compound right before the name, the series, or (for a clause
            // naming one exercise) the clause.
            let before: String = chars[s.saturating_sub(3)..*s].iter().collect();
            let compound = gazetteer.named(&before, passage_text).countries;
            e.countries = if !compound.is_empty() {
                compound
            } else if let Some(series) = series.filter(|s| !s.partners.is_empty()) {
                series.partners.clone()
            } else if exercise_names.len() == 1 {
                named.countries.clone()
            } else {
                Vec::new()
            };
            e.organisations = match series {
                Some(s) if !s.organisations.is_empty() => s.organisations.clone(),
                _ if exercise_names.len() == 1 => named.organisations.clone(),
                _ => Vec::new(),
            };
            e.kind = EventType::Exercise;
            // The English name only where the corpus gives one (the English half).
            let (zh, en) = match series {
                Some(s) if name.is_ascii() => {
                    let suffix = name.rsplit(['-', ' ', '－', '—']).next().unwrap_or("");
                    let tail = year_from_name
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| suffix.to_string());
                    (format!("{}-{tail}", s.zh), Some(name.clone()))
                }
                _ if name.is_ascii() => (name.clone(), Some(name.clone())),
                _ => (name.clone(), None),
            };
            e.name = Some(zh);
            e.name_en = en;
            out.events.push(e);
        }
        return;
    }
    if aggregate {
        return;
    }
    // A later clause of the same passage, of the same type, without a date of its own and
    // pointing back ("这是…第二次联合空中战略巡航", "表演结束后…"), says more about the event
    // already read.
    let anaphoric = ANAPHORA.iter().any(|a| clause.starts_with(a))
        || clause
            .chars()
            .take(8)
            .collect::<String>()
            .contains("结束后");
    if found.is_empty() && anaphoric {
        // The passage's first event of that type is the one it is about.
        if let Some(e) = out.events[first_event_of_passage..]
            .iter_mut()
            .find(|e| e.kind == kind)
            .filter(|e| {
                named.countries.iter().all(|c| e.countries.contains(c))
                    && named
                        .organisations
                        .iter()
                        .all(|o| e.organisations.contains(o))
            })
        {
            if !e.sources.contains(&source) {
                e.sources.push(source);
            }
            return;
        }
    }
    if !vocab.has_action(clause) {
        return;
    }
    // A visit, aid or show with no partner, no place and no name says too little to be an event.
    let partnerless = countries.is_empty() && named.organisations.is_empty();
    if partnerless
        && location_of(clause).is_none()
        && matches!(
            kind,
            EventType::Dialogue | EventType::Humanitarian | EventType::Other
        )
    {
        return;
    }
    // 分别 ("respectively"): several dates, several occasions, in order.
    let mut distinct: Vec<&dates::DateMention> = Vec::new();
    for m in &found {
        if !distinct.iter().any(|d| d.from == m.from) {
            distinct.push(m);
        }
    }
    if clause.contains("分别") && distinct.len() >= 2 {
        for m in distinct {
            out.events.push(base(Some(m.from), m.to));
        }
        return;
    }
    let (start, end) = match found.as_slice() {
        [] => (fallback_year.map(year), None),
        [one] => (Some(one.from), one.to),
        // Days listed together (12月9日、10日) are one occasion over those days.
        [first, .., last] if last.start <= first.end + 1 && first.from.year == last.from.year => {
            (Some(first.from), Some(last.to.unwrap_or(last.from)))
        }
        [first, ..] => (Some(first.from), first.to),
    };
    if start.is_none() && !relative_unresolved {
        return;
    }
    out.events.push(base(start, end));
}

fn year(y: u16) -> PartialDate {
    PartialDate {
        year: y,
        month: None,
        day: None,
    }
}

/// One event, several sources: events with the same name and year, or (unnamed) the same
/// type, day and partners, are one real event mentioned in several places.
fn merge(events: &mut Vec<Event>, ds: &StoredDataset) {
    // The same report in both halves of a bilingual document: same document, type, date
    // and (non-empty) partners, sources in different languages.
    let doc_of = |e: &Event| ds.passages[e.sources[0].passage as usize].doc;
    let lang_of = |e: &Event| ds.passages[e.sources[0].passage as usize].lang;
    let partners = |e: &Event| {
        let mut p: Vec<String> = e
            .countries
            .iter()
            .chain(&e.organisations)
            .cloned()
            .collect();
        p.sort();
        p
    };
    let mut i = 0;
    while i < events.len() {
        let twin = (0..i).find(|&j| {
            let (a, b) = (&events[j], &events[i]);
            a.name.is_none()
                && b.name.is_none()
                && a.kind == b.kind
                && a.start == b.start
                && doc_of(a) == doc_of(b)
                && lang_of(a) != lang_of(b)
                && !partners(a).is_empty()
                && partners(a) == partners(b)
        });
        match twin {
            Some(j) => {
                let e = events.remove(i);
                events[j].sources.extend(e.sources);
            }
            None => i += 1,
        }
    }
    let key = |e: &Event| -> Option<String> {
        match (&e.name, e.start) {
            (Some(n), s) => Some(format!("name:{n}:{:?}", s.map(|d| d.year))),
            (None, Some(s)) if s.precision() == Precision::Day => {
                let mut who = e.countries.clone();
                who.extend(e.organisations.iter().cloned());
                who.sort();
                Some(format!("day:{}:{s}:{}", e.kind.slug(), who.join(",")))
            }
            _ => None,
        }
    };
    let mut merged: Vec<Event> = Vec::new();
    for e in events.drain(..) {
        let k = key(&e);
        match k
            .as_ref()
            .and_then(|k| merged.iter_mut().find(|m| key(m).as_ref() == Some(k)))
        {
            Some(m) => {
                for s in e.sources {
                    if !m.sources.contains(&s) {
                        m.sources.push(s);
                    }
                }
                for c in e.countries {
                    if !m.countries.contains(&c) {
                        m.countries.push(c);
                    }
                }
                if e.name_en.is_some() {
                    m.name_en = e.name_en;
                }
                if m.location.is_none() {
                    m.location = e.location;
                }
                // Prefer the more precise date.
                if e.start.map(|d| d.precision() as u8) > m.start.map(|d| d.precision() as u8) {
                    m.start = e.start;
                    m.end = e.end;
                }
            }
            None => merged.push(e),
        }
    }
    let mut ids: Vec<String> = Vec::new();
    for e in merged.iter_mut() {
        e.multilateral = match (e.countries.len(), e.organisations.len()) {
            (0, 0) => None,
            (1, 0) => Some(false),
            _ => Some(true),
        };
        let first = &e.sources[0];
        let digest = Sha256::digest(
            format!(
                "{}|{}|{}|{:?}",
                ds.passages[first.passage as usize].id,
                first.quote,
                e.name.as_deref().unwrap_or(""),
                e.start,
            )
            .as_bytes(),
        );
        let base = format!(
            "ev-{}",
            digest
                .iter()
                .take(4)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        let taken = ids
            .iter()
            .filter(|i| i.split('~').next() == Some(&base))
            .count();
        e.id = if taken == 0 {
            base
        } else {
            format!("{base}~{}", taken + 1)
        };
        ids.push(e.id.clone());
    }
    *events = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_sentence_ends_and_keep_exact_text() {
        let text = "12月22日，两国空军实施联合巡航；这是第二次。Wu Qian said the U.S. side agreed. Then more.";
        let cs = clauses(text);
        let got: Vec<&str> = cs.iter().map(|c| c.text).collect();
        assert_eq!(
            got,
            [
                "12月22日，两国空军实施联合巡航；",
                "这是第二次。",
                "Wu Qian said the U.S. side agreed.",
                "Then more."
            ]
        );
        for c in &cs {
            assert!(text.contains(c.text));
        }
    }

    #[test]
    fn counts_know_their_units() {
        let c = counts("组织实施联演联训联赛34项");
        assert_eq!(
            (c[0].value, c[0].unit.as_str(), c[0].event_unit),
            (34, "项", true)
        );
        let c = counts("与俄罗斯等14个国家海军");
        assert!(c[0].after_deng && !c[0].event_unit);
        assert!(counts("2020年第11次").is_empty());
        let c = counts("共与20多个国家举行了20余次联合军事演习");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].unit, "余次");
    }

    #[test]
    fn summary_sentences_split_but_keep_their_dates() {
        let v = Vocabulary::builtin();
        let clause = "3月19日，随着飞机着陆，中国军队向伊朗提供的防疫物资运抵德黑兰，这是中国军队向外国军提供的首批防疫物资。";
        let segs = segments(clause, &v);
        assert_eq!(
            segs[0],
            "3月19日，随着飞机着陆，中国军队向伊朗提供的防疫物资运抵德黑兰"
        );
        assert!(segs.iter().all(|s| clause.contains(s)));
        let english = "The teams continued to work in Zambia, Cambodia and Laos, and provided medical service.";
        assert_eq!(segments(english, &v), [english]);
    }

    #[test]
    fn names_in_quotes() {
        let v = Vocabulary::builtin();
        let n = names("组织实施中俄“北部·联合-2023”、“和平友谊-2023”等联演", &v);
        let got: Vec<&str> = n.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(got, ["北部·联合-2023", "和平友谊-2023"]);
        assert!(names("推动“一带一路”建设", &v).is_empty());
        assert_eq!(names("中巴“雄鹰-IX”空军联合训练", &v)[0].2, "雄鹰-IX");
        assert_eq!(v.series_of("Golden Dragon 2023").unwrap().zh, "金龙");
        assert_eq!(v.series_of("和平友谊-2023").unwrap().zh, "和平友谊");
        assert_eq!(v.series_of("和平-07").unwrap().zh, "和平");
    }
}
