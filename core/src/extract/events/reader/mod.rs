//! Reading one passage: clause by clause, part by part (`clause::spans`), with what the
//! sentence has said so far (its date, the relation it is about) and what the passage has
//! named. Each part yields the events it reports and the figures it states, each event with
//! its provenance (the passage and the part's quote, an exact substring). The codebook
//! entry each rule implements is named beside it (docs/codebook.md).

use super::clause::{clauses, spans, Span};
use super::counts::{self, Count, Counted};
use super::deploy;
use super::names::{phrase_before, quoted_names, titles, unquoted_names, Name};
use super::rules::{Hit, Vocabulary};
use super::{DocScope, Extraction, UnresolvedMention};
use crate::extract::dates::{self, Context, DateMention};
use crate::extract::gazetteer::{Gazetteer, Target};
use crate::model::{Event, EventSource, EventType, Figure, PartialDate, Passage};

mod figures;
mod missions;
mod named;
mod part;
mod partners;
mod split;
mod text;

use text::*;

/// What the sentence being read has said so far.
#[derive(Clone, Debug, Default)]
struct Sentence {
    /// The date stated last, which applies to what follows in the sentence.
    date: Option<(PartialDate, Option<PartialDate>)>,
    /// Partners named by a part that reported nothing itself ("中日防务关系取得进展"): what
    /// the rest of the sentence is about.
    topic: Vec<String>,
    /// A part of the sentence spoke of the two sides (两军): later parts share that subject
    /// ("两军…举行…，并共同参加…").
    pair: bool,
    /// A named event of this sentence that named no partner: a later part may name them.
    unplaced: Option<usize>,
    /// A part of the sentence named ships (编队, 舰): a visit later in it is a port call
    /// ("护航编队…执行护航任务，任务间隙先后访问…").
    ships: bool,
    /// The events of types a sentence reports once (`one_per_sentence`), by type.
    operations: Vec<(EventType, usize)>,
}

/// One type of event a part states, the keywords that say so (`hit` spans the phrase's
/// keywords, `head` the one that names it), and the name it carries.
#[derive(Clone, Debug)]
struct Report {
    kind: EventType,
    hit: Hit,
    head: (usize, usize),
    name: Option<String>,
}

/// One of several meetings listed before a shared head, with what its own name names.
struct Meeting {
    name: String,
    countries: Vec<String>,
    organisations: Vec<String>,
}

/// A part of a clause, read once: its dates, partners, names, counts and reports.
struct Part<'s> {
    span: Span<'s>,
    dates: Vec<DateMention>,
    /// The participants the part names (codebook G1): its core's, or — when the core does
    /// not name its counterpart with 与/同/向 — the quote's (a subject listed before it).
    partners: Vec<String>,
    /// Countries named before the core (the subject of what follows in the sentence).
    prefix: Vec<String>,
    /// Countries the core itself names.
    core_partners: Vec<String>,
    /// The countries of the places the part names (莫斯科 → RU): the host, when the part
    /// names no participant.
    places: Vec<String>,
    organisations: Vec<String>,
    names: Vec<Name>,
    counts: Vec<Count>,
    reports: Vec<Report>,
}

impl Part<'_> {
    fn text(&self) -> &str {
        self.span.quote
    }
}

pub(super) struct PassageReader<'a> {
    vocab: &'a Vocabulary,
    gazetteer: &'a Gazetteer,
    scope: &'a DocScope,
    index: u32,
    passage: &'a Passage,
    out: &'a mut Extraction,
    dates: Context,
    sentence: Sentence,
    /// Where the clause being read starts in the passage (code points).
    clause_start: usize,
    /// Where this passage's events start in `out.events`.
    first_event: usize,
    /// The date a position was last stated at in the passage ("截至2012年12月"): a listing
    /// of deployments after it, without a date of its own, is as of then.
    as_of: Option<(PartialDate, Option<PartialDate>)>,
}

impl<'a> PassageReader<'a> {
    pub fn new(
        (vocab, gazetteer): (&'a Vocabulary, &'a Gazetteer),
        scope: &'a DocScope,
        (index, passage): (u32, &'a Passage),
        out: &'a mut Extraction,
    ) -> Self {
        let first_event = out.events.len();
        PassageReader {
            vocab,
            gazetteer,
            scope,
            index,
            passage,
            out,
            // Bare months in a document that reports on one year are of that year (G4).
            dates: Context {
                document_year: scope.reporting_year,
                current_year: scope.scope_year,
                current_month: None,
            },
            sentence: Sentence::default(),
            clause_start: 0,
            first_event,
            as_of: None,
        }
    }

    pub fn read(&mut self) {
        let text = self.passage.text.as_str();
        if self.vocab.skips_passage(text) {
            return;
        }
        for clause in clauses(text) {
            // "其中，…" goes on with the sentence before (its date, its relation).
            if clause.opens_sentence && !clause.text.starts_with("其中") {
                self.sentence = Sentence::default();
            }
            self.clause_start = clause.start;
            if self.vocab.skips_clause(clause.text) {
                continue;
            }
            let vocab = self.vocab;
            // A part reports when it names a type or an event ("held “Shaheen-VI”…") and
            // says it was done.
            let reports = |p: &str| {
                !vocab.skips_segment(p)
                    && (!vocab.hits(p).is_empty() || !names_in(p, vocab).is_empty())
                    && self.acts(p)
            };
            let found = spans(clause.text, reports, |w| vocab.is_action_word(w));
            for span in found {
                self.read_part(span);
            }
        }
    }

    fn read_part(&mut self, span: Span<'a>) {
        let part = self.understand(span);
        if let Some(last) = part.dates.last() {
            self.sentence.date = Some((last.from, last.to));
        }
        let skipped = self.skipped(&part);
        let before = self.out.events.len();
        if skipped || (part.reports.is_empty() && part.names.is_empty()) {
            self.note_topic(&part);
        } else if !self.points_back(&part) {
            self.events_of(&part);
        }
        if !part.prefix.is_empty() {
            self.sentence.topic = part.prefix.clone();
        }
        self.sentence.pair |= Vocabulary::says_any(span.quote, &self.vocab.partners.pair_words);
        self.sentence.ships |= Vocabulary::says_any(span.quote, &self.vocab.refine.ship_words);
        if !skipped {
            self.figures_of(&part, before);
        }
    }

    /// Whether a part reports nothing the codebook counts (G5, G1 scope): commentary,
    /// generalities and intentions; what heads of state do, unless
    /// it is a multilateral summit itself (not a meeting on its sidelines, 期间).
    fn skipped(&self, part: &Part) -> bool {
        let core = part.span.core;
        let summit = part.reports.iter().any(|r| r.kind == EventType::Forum)
            && !part.organisations.is_empty()
            && !core.contains("期间");
        // Heads of state named only as the occasion ("during President Xi's state visit,
        // the two defense ministries signed…") leave what others did in scope.
        let mut acting = core.to_string();
        for (open, close) in &self.vocab.skip.frames {
            if let Some(a) = acting.find(open.as_str()) {
                if let Some(b) = acting[a + open.len()..].find(close.as_str()) {
                    acting.replace_range(a..a + open.len() + b + close.len(), " ");
                }
            }
        }
        self.vocab.skips_segment(core) || self.vocab.heads_of_state(&acting) && !summit
    }

    /// Whether a text reports something done (an action verb), organisations' names aside:
    /// 组织 in 上海合作组织 is a name, not "organised".
    fn acts(&self, text: &str) -> bool {
        let mut masked: Vec<char> = text.chars().collect();
        for (a, b) in self.organisation_names(text) {
            masked[a..b].iter_mut().for_each(|c| *c = '　');
        }
        self.vocab.has_action(&masked.iter().collect::<String>())
    }

    /// Where a text names organisations (code points).
    fn organisation_names(&self, text: &str) -> Vec<(usize, usize)> {
        self.gazetteer
            .mentions(text)
            .into_iter()
            .filter(|m| matches!(m.target, Target::Organisation(_)))
            .map(|m| (m.start, m.end))
            .collect()
    }

    fn source(&self, text: &str) -> EventSource {
        EventSource {
            passage: self.index,
            quote: text.to_string(),
            at: None,
        }
    }

    /// A new event of `kind` read from `part`, with its partners and date (codebook G4:
    /// its own date, else the sentence's, else the year a one-year document reports on,
    /// unless the part's time is vague).
    fn draft(&self, kind: EventType, part: &Part) -> Event {
        let vague = Vocabulary::says_any(part.text(), &self.vocab.skip.vague_times);
        let dates = self.dating(part);
        let (start, end) = match dates.as_slice() {
            _ if vague => (None, None),
            [] => match self.sentence.date.or_else(|| self.framed_date(part.text())) {
                Some((from, to)) => (Some(from), to),
                None => (self.scope.scope_year.map(year), None),
            },
            [one] => (Some(one.from), one.to),
            // Days listed together (12月9日、10日) are one occasion over those days.
            [first, .., last]
                if last.start <= first.end + 1 && first.from.year == last.from.year =>
            {
                (Some(first.from), Some(last.to.unwrap_or(last.from)))
            }
            [first, ..] => (Some(first.from), first.to),
        };
        let lower = part.text().to_lowercase();
        let mut countries = self.partners_of(part);
        if kind == EventType::PortCall {
            // The ports a ship calls at name its hosts ("called at Mayport, Florida").
            for c in &part.places {
                if !countries.contains(c) {
                    countries.push(c.clone());
                }
            }
        }
        Event {
            cameo: cameo(kind, part.text(), self.vocab).to_string(),
            start,
            end,
            ongoing: part.text().contains("以来") || lower.contains("since "),
            countries,
            organisations: part.organisations.clone(),
            service: service_of(part.text()),
            location: location_of(part.text()),
            ..Event::new(kind, self.source(part.text()))
        }
    }

    /// The dates that date what a part reports: those before the end of its core (a date
    /// in a later clause part is about something else) and outside a circumstance, a "since" date ("5月以来") at its
    /// year only, as the event happened within the span it starts (codebook G4).
    fn dating(&self, part: &Part) -> Vec<DateMention> {
        let chars: Vec<char> = part.text().chars().collect();
        let core_end = part
            .span
            .quote
            .find(part.span.core)
            .map_or(chars.len(), |b| {
                part.span.quote[..b].chars().count() + part.span.core.chars().count()
            });
        let circumstances = self.vocab.circumstances(part.text());
        let dated: Vec<&DateMention> = part.dates.iter().filter(|m| m.start < core_end).collect();
        // A circumstance's date ("After floods hit … in late May,") is not the event's,
        // unless it is the only one.
        let own: Vec<&DateMention> = dated
            .iter()
            .copied()
            .filter(|m| {
                !circumstances
                    .iter()
                    .any(|&(a, b)| m.start >= a && m.end <= b)
            })
            .collect();
        let dated = if own.is_empty() { dated } else { own };
        dated
            .into_iter()
            .map(|m| {
                let since: String = chars[m.end..chars.len().min(m.end + 2)].iter().collect();
                match since == "以来" {
                    true => DateMention {
                        from: year(m.from.year),
                        to: None,
                        ..*m
                    },
                    false => *m,
                }
            })
            .collect()
    }

    /// The events a part reports.
    fn events_of(&mut self, part: &Part) {
        if self.deployment(part) || self.continues_named(part) {
            return;
        }
        if !self.acts(part.text()) && part.names.is_empty() {
            return;
        }
        if self.named_exercises(part) || self.titled_agreements(part) {
            return;
        }
        if let Some(pairs) = self.paired(part) {
            for (report, country) in pairs {
                let mut e = self.draft(report.kind, part);
                e.countries = vec![country];
                e.name = report.name;
                self.out.events.push(e);
            }
            return;
        }
        for report in part.reports.clone() {
            let mut e = self.draft(report.kind, part);
            if report.kind == EventType::Dialogue
                && e.countries.is_empty()
                && !e.organisations.is_empty()
            {
                e.kind = self.vocab.multilateral_dialogue();
            }
            if self.aggregated(part, &report) {
                // A count of such events: a figure; only countries the part names itself
                // are events of their own (codebook G3).
                if part.core_partners.is_empty() {
                    continue;
                }
                e.countries = part.core_partners.clone();
            } else if !self.says_enough(&e, part, &report) {
                continue;
            }
            if self.same_operation(&e) {
                continue;
            }
            e.name = report.name.clone();
            self.named_by_name(&mut e, part);
            e.partner_total = partner_total(part).or_else(|| self.sized_total(part, &report));
            if self.short_form(&e) {
                continue;
            }
            if e.kind == EventType::Peacekeeping {
                e.personnel = deploy::personnel(part.text(), self.vocab);
            }
            match self.listed_meetings(part, &report) {
                Some(meetings) => {
                    for m in meetings {
                        let one = Event {
                            name: Some(m.name),
                            countries: m.countries,
                            organisations: m.organisations,
                            ..e.clone()
                        };
                        self.push_split(one, part, &report);
                    }
                }
                None => self.push_split(e, part, &report),
            }
        }
    }
}
