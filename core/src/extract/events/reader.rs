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
        self.vocab.skips_segment(core) || self.vocab.heads_of_state(core) && !summit
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

    /// Reads a part's dates, partners, names, counts and reports.
    fn understand(&mut self, span: Span<'a>) -> Part<'a> {
        let before = self.dates;
        let dates = dates::find(span.quote, &mut self.dates);
        if self.vocab.looks_back(span.quote) {
            // "继2019年7月、2020年12月之后…": what follows is not of those years (G4).
            self.dates = before;
        }
        if Vocabulary::says_any(span.quote, &self.vocab.dates.as_of) {
            if let Some(d) = dates.last() {
                self.as_of = Some((d.from, d.to));
            }
        }
        let named = self.gazetteer.named(span.quote, &self.passage.text);
        for u in &named.unresolved {
            self.out.unresolved.push(UnresolvedMention {
                passage: self.passage.id.clone(),
                name: u.name.clone(),
                candidates: u.candidates.clone(),
            });
        }
        let topics = self.topic_mentions(span.quote);
        let here = |text: &str| -> Vec<String> {
            self.gazetteer
                .named(text, &self.passage.text)
                .countries
                .into_iter()
                .filter(|c| !topics.contains(c))
                .collect()
        };
        let core_at = span.quote.find(span.core).unwrap_or(0);
        let prefix = here(&span.quote[..core_at]);
        let core = here(span.core);
        let core_orgs = self
            .gazetteer
            .named(span.core, &self.passage.text)
            .organisations;
        let (partners, organisations) = if self.names_counterpart(span.core) && !core.is_empty() {
            (core.clone(), core_orgs)
        } else {
            let all = here(span.quote);
            (all, named.organisations)
        };
        Part {
            span,
            dates,
            partners,
            prefix,
            core_partners: core,
            places: named.places,
            organisations,
            names: names_in(span.quote, self.vocab),
            counts: counts::counts(span.quote),
            reports: self.reports_in(span.core),
        }
    }

    /// Whether a core names its counterpart itself ("与印度开启了…磋商", "向伊朗提供"): a
    /// relational word before its first country.
    fn names_counterpart(&self, core: &str) -> bool {
        let first = self
            .gazetteer
            .mentions(core)
            .into_iter()
            .find(|m| matches!(m.target, Target::Countries(_)));
        let Some(first) = first else { return false };
        let before: String = core.chars().take(first.start).collect();
        ["与", "同", "向", "跟", "赴", "访问", "with ", "to "]
            .iter()
            .any(|w| before.contains(w))
            || first.name.starts_with('中')
            || first.name.starts_with('赴')
    }

    /// Countries a text names only as a topic or a place of something else (朝鲜半岛问题,
    /// 南海局势, 朝鲜战争): named in the text, not partners (codebook G1).
    fn topic_mentions(&self, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let suffixes = &self.vocab.partners.topic_suffixes;
        let mut topic: Vec<String> = Vec::new();
        let mut partner: Vec<String> = Vec::new();
        for m in self.gazetteer.mentions(text) {
            let Target::Countries(codes) = m.target else {
                continue;
            };
            let after: String = chars[m.end..chars.len().min(m.end + 4)].iter().collect();
            let before: String = chars[m.start.saturating_sub(20)..m.start]
                .iter()
                .collect::<String>()
                .to_lowercase();
            let is_topic = suffixes.iter().any(|s| after.starts_with(s.as_str()))
                || self
                    .vocab
                    .partners
                    .place_prefixes
                    .iter()
                    .any(|p| before.ends_with(p.as_str()));
            for c in codes {
                if is_topic {
                    topic.push(c)
                } else {
                    partner.push(c)
                }
            }
        }
        topic.retain(|c| !partner.contains(c));
        topic
    }

    /// The types a core reports. Keywords in one phrase (nothing like 和, 及, 、 or "and"
    /// between them) are one report, named by the last keyword as the head of the phrase,
    /// unless it is weak (a format, a verb); coordinated phrases each report their own.
    /// A type stated twice is one report, unless each carries a name of its own.
    fn reports_in(&self, core: &str) -> Vec<Report> {
        let chars: Vec<char> = core.chars().collect();
        let passive = self.passive_spans(core);
        let mut out: Vec<Report> = Vec::new();
        for mut hit in self.vocab.hits(core) {
            if passive.iter().any(|&(a, b)| hit.start >= a && hit.end <= b) {
                continue;
            }
            // A visit by ships is a port call (codebook: port-call).
            let before: String = chars[..hit.start].iter().collect();
            if hit.kind == EventType::Visit
                && (self.sentence.ships
                    || Vocabulary::says_any(&before, &self.vocab.refine.ship_words))
            {
                hit = Hit {
                    kind: EventType::PortCall,
                    ..hit
                };
            }
            let joined = out.last().is_some_and(|last| {
                let between: String = chars[last.hit.end..hit.start].iter().collect();
                !["和", "及", "、", " and ", "，", ",", "并"]
                    .iter()
                    .any(|c| between.contains(c))
            });
            match out.last_mut() {
                Some(last) if joined => {
                    // An escort task force's visit is a port call; a hospital ship's, its
                    // humanitarian voyage.
                    let port_call =
                        hit.kind == EventType::PortCall && last.kind == EventType::Escort;
                    if !hit.weak || last.hit.weak || port_call {
                        last.kind = hit.kind;
                        last.hit.weak = hit.weak;
                        last.head = (hit.start, hit.end);
                    }
                    last.hit.end = hit.end;
                }
                _ => out.push(Report {
                    kind: hit.kind,
                    hit,
                    head: (hit.start, hit.end),
                    name: None,
                }),
            }
        }
        let mut out = self.shared_heads(core, out);
        let shield = self.organisation_names(core);
        if out.iter().any(|r| !r.hit.weak) {
            out.retain(|r| !r.hit.weak);
        }
        out.retain(|r| {
            !self.vocab.civilian(
                &phrase_before(core, (r.head.0, r.hit.end), self.vocab, &shield)
                    .unwrap_or_default(),
            )
        });
        for r in &mut out {
            r.name = self.name_of(core, r);
        }
        let mut kept: Vec<Report> = Vec::new();
        for r in out {
            let twin = kept.iter().position(|k| {
                k.kind == r.kind && (k.name.is_none() || r.name.is_none() || k.name == r.name)
            });
            match twin {
                Some(i) if kept[i].name.is_none() => kept[i].name = r.name,
                Some(_) => {}
                None => kept.push(r),
            }
        }
        kept
    }

    /// Coordinated modifiers share the head that follows them: in "humanitarian assistance
    /// and disaster relief drill" both phrases modify "drill" (an exercise), as the second
    /// phrase's own modifier is of the first phrase's type.
    fn shared_heads(&self, core: &str, reports: Vec<Report>) -> Vec<Report> {
        let chars: Vec<char> = core.chars().collect();
        let mut out: Vec<Report> = Vec::new();
        for r in reports {
            let modifier = self
                .vocab
                .hits(&chars[r.hit.start..r.hit.end].iter().collect::<String>())
                .first()
                .map(|h| h.kind);
            let shares = out.last().is_some_and(|last| {
                let between: String = chars[last.hit.end..r.hit.start].iter().collect();
                between == " and " && r.head.0 > r.hit.start && modifier == Some(last.kind)
            });
            match out.last_mut() {
                Some(last) if shares => {
                    let start = last.hit.start;
                    *last = r;
                    last.hit.start = start;
                }
                _ => out.push(r),
            }
        }
        out
    }

    /// The stretches of a text inside a frame ("经…通过", "围绕…课题"), which name the
    /// occasion or subject of something else rather than an event (code points).
    fn passive_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (open, close) in &self.vocab.skip.frames {
            if let Some(a) = text.find(open.as_str()) {
                if let Some(b) = text[a..].find(close.as_str()).map(|b| a + b) {
                    out.push((text[..a].chars().count(), text[..b].chars().count()));
                }
            }
        }
        out
    }

    /// The date of an occasion a frame names that the passage has already dated: the
    /// principles adopted "经第十四届论坛外长会通过" take the date of that meeting.
    fn framed_date(&self, text: &str) -> Option<(PartialDate, Option<PartialDate>)> {
        let framed: Vec<String> = self
            .passive_spans(text)
            .into_iter()
            .map(|(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect();
        self.out.events[self.first_event..]
            .iter()
            .find(|e| {
                e.name
                    .as_ref()
                    .is_some_and(|n| framed.iter().any(|f| f.contains(n.as_str())))
            })
            .and_then(|e| e.start.map(|s| (s, e.end)))
    }

    /// A part that reports nothing but names one relation sets what the rest of the
    /// sentence is about.
    fn note_topic(&mut self, part: &Part) {
        if !part.partners.is_empty() {
            self.sentence.topic = part.partners.clone();
        }
    }

    /// A part that points back to the passage's event of the same type ("这是…第二次联合
    /// 空中战略巡航", "演习课目…", "表演结束后…") is another source of it, not a new event.
    fn points_back(&mut self, part: &Part) -> bool {
        const BACK: [&str; 10] = [
            "这是", "此次", "这次", "本次", "该", "其间", "演习", "表演", "This ", "It ",
        ];
        let text = part.text();
        let opens_back = BACK.iter().any(|a| text.starts_with(a))
            || text.chars().take(8).collect::<String>().contains("结束后");
        if !opens_back || !part.dates.is_empty() || !part.names.is_empty() {
            return false;
        }
        let kinds: Vec<EventType> = part.reports.iter().map(|r| r.kind).collect();
        let source = self.source(part.text());
        match self.out.events[self.first_event..].iter_mut().find(|e| {
            kinds.contains(&e.kind) && part.partners.iter().all(|c| e.countries.contains(c))
        }) {
            Some(e) => {
                if !e.sources.contains(&source) {
                    e.sources.push(source);
                }
                true
            }
            None => false,
        }
    }

    fn source(&self, text: &str) -> EventSource {
        EventSource {
            passage: self.index,
            quote: text.to_string(),
        }
    }

    /// The partners of a part's events (codebook G1): its own; else the sentence's topic;
    /// else — when it speaks of the two sides (两军, 双方) — the relation the passage named
    /// last before it (中美两军 → US).
    fn partners_of(&self, part: &Part) -> Vec<String> {
        if !part.partners.is_empty() {
            return part.partners.clone();
        }
        if !self.sentence.topic.is_empty() {
            return self.sentence.topic.clone();
        }
        if Vocabulary::says_any(part.text(), &self.vocab.partners.pair_words) {
            return self.last_relation();
        }
        if part.organisations.is_empty() {
            return part.places.clone();
        }
        Vec::new()
    }

    /// The bilateral relation the two sides belong to: the 中X compound the passage names
    /// last before this clause, else the one partner of the passage's latest event ("the
    /// two defense ministries" after a visit to the United States).
    fn last_relation(&self) -> Vec<String> {
        let before: String = self.passage.text.chars().take(self.clause_start).collect();
        let compound = self
            .gazetteer
            .mentions(&before)
            .into_iter()
            .rev()
            .find_map(|m| match m.target {
                Target::Countries(cs) if m.name.starts_with('中') && cs.len() == 1 => Some(cs),
                _ => None,
            });
        compound
            .or_else(|| {
                self.out.events[self.first_event..]
                    .iter()
                    .rev()
                    .find(|e| e.countries.len() == 1)
                    .map(|e| e.countries.clone())
            })
            .unwrap_or_default()
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
        Event {
            cameo: cameo(kind, part.text(), self.vocab).to_string(),
            start,
            end,
            ongoing: part.text().contains("以来") || lower.contains("since "),
            countries: self.partners_of(part),
            organisations: part.organisations.clone(),
            service: service_of(part.text()),
            location: location_of(part.text()),
            ..Event::new(kind, self.source(part.text()))
        }
    }

    /// The dates that date what a part reports: those before the end of its core (a date
    /// in a later clause part is about something else), a "since" date ("5月以来") at its
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
        part.dates
            .iter()
            .filter(|m| m.start < core_end)
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
            e.partner_total = partner_total(part).or_else(|| self.unit_total(part));
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

    /// Whether `e` tells more of an operation its sentence has reported already (a type
    /// reported once a sentence: one evacuation by ship and by air); if so, its partners
    /// and quote join that event (codebook G2).
    fn same_operation(&mut self, e: &Event) -> bool {
        if !self.vocab.one_per_sentence(e.kind) {
            return false;
        }
        let Some(&(_, i)) = self.sentence.operations.iter().find(|(k, _)| *k == e.kind) else {
            self.sentence
                .operations
                .push((e.kind, self.out.events.len()));
            return false;
        };
        let first = &mut self.out.events[i];
        for c in &e.countries {
            if !first.countries.contains(c) {
                first.countries.push(c.clone());
            }
        }
        first.sources.extend(e.sources.iter().cloned());
        true
    }

    /// A meeting among several a part lists is with what its own name names ("上合组织成员
    /// 国国防部长会议、第八届莫斯科国际安全会议和…": SCO for the first, Moscow's host for
    /// the second), when the part names no partner (codebook G1).
    fn named_by_name(&self, e: &mut Event, part: &Part) {
        let Some(name) = e.name.as_deref().filter(|_| part.reports.len() > 1) else {
            return;
        };
        if !e.countries.is_empty() {
            return;
        }
        let named = self.gazetteer.named(name, &self.passage.text);
        e.organisations = named.organisations;
        e.countries = match named.countries.is_empty() {
            true if e.organisations.is_empty() => named.places,
            true => Vec::new(),
            false => named.countries,
        };
    }

    /// Meetings listed before one shared head ("中国与东盟、东盟与中日韩领导人会议"): one
    /// each, with the partners each piece names (codebook G2).
    fn listed_meetings(&self, part: &Part, report: &Report) -> Option<Vec<Meeting>> {
        if !matches!(report.kind, EventType::Forum | EventType::Dialogue) {
            return None;
        }
        let chars: Vec<char> = part.span.core.chars().collect();
        let head: String = chars[report.head.0..report.head.1].iter().collect();
        let mut start = report.hit.start;
        while start > 0 && !matches!(chars[start - 1], '，' | '；' | '在' | '的' | '了' | '“')
        {
            start -= 1;
        }
        let list: String = chars[start..report.hit.start].iter().collect();
        let pieces: Vec<&str> = list.split('、').filter(|p| !p.is_empty()).collect();
        // A piece with a head of its own is a meeting of its own, reported by itself.
        if pieces.len() < 2 || pieces.iter().any(|p| !self.vocab.hits(p).is_empty()) {
            return None;
        }
        // Each piece names a meeting of its own: a relation (X与Y, X-Y) or an organisation,
        // not a bare country of a list of partners.
        let own = |p: &str, orgs: &[String]| p.contains(['与', '-', '—']) || !orgs.is_empty();
        let named: Vec<Meeting> = pieces
            .iter()
            .map(|p| {
                let n = self.gazetteer.named(p, &self.passage.text);
                Meeting {
                    name: format!("{p}{head}"),
                    countries: n.countries,
                    organisations: n.organisations,
                }
            })
            .collect();
        pieces
            .iter()
            .zip(&named)
            .all(|(p, m)| own(p, &m.organisations))
            .then_some(named)
    }

    /// Whether a count of events belongs to the report ("20余次联合军事演习", "八轮军长级
    /// 会谈", "研讨交流迄今已举行16次"): each such count goes to the report whose keyword
    /// follows it closely, else to the one it closely follows; a report with a count
    /// counts many events.
    fn aggregated(&self, part: &Part, report: &Report) -> bool {
        let offset = core_offset(part);
        let at = |r: &Report| (r.hit.start + offset, r.hit.end + offset);
        let owner = |c: &Count| -> Option<usize> {
            let after = part
                .reports
                .iter()
                .position(|r| c.end <= at(r).0 && at(r).0 - c.end <= 6);
            after.or_else(|| {
                part.reports
                    .iter()
                    .rposition(|r| c.start >= at(r).1 && c.start - at(r).1 <= 6)
            })
        };
        let mine = part.reports.iter().position(|r| r.hit == report.hit);
        part.counts
            .iter()
            .any(|c| c.counted == Counted::Events && owner(c) == mine && mine.is_some())
            || part.counts.iter().any(|c| {
                c.counted == Counted::Countries
                    && !c.after_deng
                    && part.partners.is_empty()
                    && !self.one_unit(part)
            })
    }

    /// The countries one unit's voyage counts ("出访亚非5国"): its partners' total.
    fn unit_total(&self, part: &Part) -> Option<u32> {
        part.counts
            .iter()
            .find(|c| c.counted == Counted::Countries)
            .filter(|_| self.one_unit(part))
            .map(|c| c.value)
    }

    /// Whether a part reports what one unit sent abroad did (a hospital ship's voyage to
    /// "亚非5国"): one event, however many countries it counts (codebook G3).
    fn one_unit(&self, part: &Part) -> bool {
        let operation = part.reports.iter().all(|r| {
            matches!(
                r.kind,
                EventType::Humanitarian | EventType::PortCall | EventType::Escort
            )
        });
        operation && Vocabulary::says_any(part.text(), &self.vocab.partners.units)
    }

    /// Whether an event says enough to be one (codebook G5): a partner or an organisation,
    /// a name, a place abroad, or a unit sent; a type mentioned in general terms is not.
    fn says_enough(&self, e: &Event, part: &Part, report: &Report) -> bool {
        let text = part.text();
        // Bilateral types need the country on the other side (a visit to "多国" is no visit).
        if self.vocab.bilateral(e.kind) {
            return !e.countries.is_empty();
        }
        let operation = matches!(
            e.kind,
            EventType::Peacekeeping
                | EventType::Escort
                | EventType::Exercise
                | EventType::Patrol
                | EventType::Evacuation
        );
        !e.countries.is_empty()
            || (!e.organisations.is_empty()
                && !matches!(e.kind, EventType::Peacekeeping | EventType::Escort))
            || report.name.is_some()
            || quoted_text(text)
                .iter()
                .any(|q| q.chars().count() >= 4 && !q.contains(['：', '，', ':']))
            || operation && Vocabulary::says_any(text, &self.vocab.partners.places)
            || !operation
                && e.kind != EventType::Forum
                && Vocabulary::says_any(text, &self.vocab.partners.units)
    }

    /// The name a report's event carries: the phrase that names a meeting or forum, if it
    /// is a proper name (an ordinal, a quote, a country, organisation or place in it).
    fn name_of(&self, core: &str, report: &Report) -> Option<String> {
        if !matches!(report.kind, EventType::Forum | EventType::Dialogue) {
            return None;
        }
        let name = phrase_before(
            core,
            (report.head.0, report.hit.end),
            self.vocab,
            &self.organisation_names(core),
        )?;
        let keyword: String = core
            .chars()
            .skip(report.head.0)
            .take(report.head.1 - report.head.0)
            .collect();
        let before_keyword = name.strip_suffix(keyword.as_str()).unwrap_or(&name);
        let own_words = before_keyword
            .trim_start_matches([
                '深', '入', '多', '边', '双', '国', '际', '视', '频', '相', '关', '该', '此', '本',
                '首', '次', '进', '行', '了', '的',
            ])
            .chars()
            .count();
        let proper = name.starts_with('第')
            || name.contains('“')
            || name.contains('届')
            || self
                .gazetteer
                .mentions(&name)
                .iter()
                .any(|m| !matches!(m.target, Target::NotCountry(_)))
            || name.chars().any(|c| c.is_ascii_uppercase())
            || (own_words >= 2 && matches!(report.kind, EventType::Forum));
        proper.then_some(name)
    }

    /// Pushes `base` as one event or several, as the text divides it (codebook G2): several
    /// dates with 分别/先后 are one event each, ordinals listed (第七、八次) one each,
    /// reciprocal events (互访) one each way; partners listed with 分别/先后 or 双边, or
    /// for a bilateral type without a stated total, are one event each.
    fn push_split(&mut self, base: Event, part: &Part, report: &Report) {
        let text = part.text();
        let respectively = Vocabulary::says_any(text, &self.vocab.split.respectively);
        let distinct = distinct_dates(&self.dating(part));
        let mut events = vec![base];
        let listed = distinct.len() >= 2 && !consecutive_days(&distinct);
        if part.reports.len() == 1 && (respectively && distinct.len() >= 2 || listed) {
            events = distinct
                .iter()
                .map(|m| Event {
                    start: Some(m.from),
                    end: m.to,
                    ..events[0].clone()
                })
                .collect();
        } else if distinct.len() >= 2 && distinct.len() == part.reports.len() {
            // "12月9日、10日，A和B举行": dates and events listed alike, paired in order.
            let k = part
                .reports
                .iter()
                .position(|r| r.hit.start == report.hit.start)
                .unwrap_or(0);
            events[0].start = Some(distinct[k].from);
            events[0].end = distinct[k].to;
        }
        let ordinals = ordinal_list(text);
        if ordinals > 1 {
            events = events
                .iter()
                .flat_map(|e| std::iter::repeat_n(e.clone(), ordinals))
                .collect();
        }
        if Vocabulary::says_any(part.span.core, &self.vocab.split.reciprocal) {
            events = events
                .iter()
                .flat_map(|e| {
                    [
                        e.clone(),
                        Event {
                            cameo: "043".into(),
                            ..e.clone()
                        },
                    ]
                })
                .collect();
        }
        let bilateral = Vocabulary::says_any(text, &self.vocab.split.bilateral);
        let per_partner = respectively
            || bilateral
            || (self.vocab.per_partner(report.kind) && events[0].partner_total.is_none());
        for e in events {
            if per_partner && e.countries.len() >= 2 {
                for c in e.countries.clone() {
                    self.out.events.push(Event {
                        countries: vec![c],
                        partner_total: None,
                        ..e.clone()
                    });
                }
            } else {
                self.out.events.push(e);
            }
        }
    }

    /// "与印尼和泰国分别主办了…圆桌会议和…研讨会": partners and reports listed alike with
    /// 分别 are paired in order (codebook G2).
    fn paired(&self, part: &Part) -> Option<Vec<(Report, String)>> {
        let respectively = Vocabulary::says_any(part.text(), &self.vocab.split.respectively);
        (respectively && part.reports.len() >= 2 && part.reports.len() == part.partners.len()).then(
            || {
                part.reports
                    .iter()
                    .cloned()
                    .zip(part.partners.iter().cloned())
                    .collect()
            },
        )
    }

    /// Deployments: a peacekeeping part that names UN missions, or lists units with their
    /// sizes for one country. One event per mission, each sized by the units named in its
    /// own stretch of the text (codebook: peacekeeping, G3). A listing of what is deployed
    /// states a fact without a verb ("联黎部队中有中国工兵分队275人").
    fn deployment(&mut self, part: &Part) -> bool {
        let missions = self.vocab.missions_in(part.text());
        if missions.is_empty()
            && !part
                .reports
                .iter()
                .any(|r| r.kind == EventType::Peacekeeping)
        {
            return false;
        }
        if missions.is_empty() {
            let personnel = deploy::personnel(part.text(), self.vocab);
            if !personnel.iter().any(|p| p.count.is_some()) || part.partners.len() != 1 {
                return false;
            }
            let mut e = self.draft(EventType::Peacekeeping, part);
            e.as_of = e.start.filter(|_| self.sentence_says_as_of(part));
            e.personnel = personnel;
            self.out.events.push(e);
            return true;
        }
        let chars: Vec<char> = part.text().chars().collect();
        for (k, &(m, at)) in missions.iter().enumerate() {
            // The mission's stretch: from the end of the one before to the start of the next.
            let from = if k == 0 { 0 } else { missions[k - 1].1 + 1 };
            let to = missions.get(k + 1).map_or(chars.len(), |n| n.1);
            let stretch: String = chars[from.min(at)..to].iter().collect();
            let mut e = self.draft(EventType::Peacekeeping, part);
            if let Some(d) = dates::find(
                &stretch,
                &mut Context {
                    current_year: e.start.map(|d| d.year),
                    ..self.dates
                },
            )
            .first()
            {
                (e.start, e.end) = (Some(d.from), d.to);
            }
            e.mission = Some(m.name.clone());
            if let Some(host) = &m.host {
                e.countries = vec![host.clone()];
            }
            for o in &m.organisations {
                if !e.organisations.contains(o) {
                    e.organisations.push(o.clone());
                }
            }
            e.as_of = e.start.filter(|_| self.sentence_says_as_of(part));
            self.listed_as_of(&mut e, part);
            e.personnel = deploy::personnel(&stretch, self.vocab);
            self.out.events.push(e);
        }
        true
    }

    /// A listing of deployments without a date of its own, after a position stated at a
    /// date earlier in the passage ("截至2012年12月，…。赴联合国…特派团工兵分队175人"), is as
    /// of that date (codebook G4).
    fn listed_as_of(&self, e: &mut Event, part: &Part) {
        let undated = part.dates.is_empty() && self.sentence.date.is_none();
        if let Some((from, to)) = self.as_of.filter(|_| undated) {
            (e.start, e.end, e.as_of) = (Some(from), to, Some(from));
        }
    }

    /// Whether the sizes are given "as of" a date (截至, 目前) in this part or the sentence.
    fn sentence_says_as_of(&self, part: &Part) -> bool {
        part.text().contains("截至") || part.text().contains("目前") || part.dates.is_empty()
    }

    /// Named events (exercises, competitions, missions): one each (codebook G2). The type is
    /// the part's own when it reports one (a hospital ship's “和谐使命” is humanitarian),
    /// else exercise. Partners: those the name's own stretch of the text names (a 中X
    /// compound before it, "in Mongolia" after it in English), else its series' (a
    /// bilateral series names its partner), else the part's (one name) or the relation the
    /// sentence is about; with 分别 and as many partners as names, paired in order.
    fn named_exercises(&mut self, part: &Part) -> bool {
        if part.names.is_empty() {
            return false;
        }
        let paired = Vocabulary::says_any(part.text(), &self.vocab.split.respectively)
            && part.names.len() > 1
            && part.core_partners.len() == part.names.len();
        for (k, name) in part.names.clone().into_iter().enumerate() {
            let series = self.vocab.series_of(&name.text);
            let mut e = self.draft(self.kind_of_name(part, &name), part);
            let name_year = dates::year_in_name(&name.text);
            self.date_by_name(&mut e, part, name_year);
            e.countries = if paired {
                vec![part.core_partners[k].clone()]
            } else if part.names.len() == 1 && !e.countries.is_empty() {
                // One name: the part's partners are its partners (a stretch would stop at
                // the place it was held: "…5国…于哈萨克斯坦…举行“和平使命-2010”").
                e.countries
            } else {
                let own = self.name_partners(part, k);
                match (own.is_empty(), series.filter(|s| !s.partners.is_empty())) {
                    (false, _) => own,
                    (true, Some(s)) => s.partners.clone(),
                    (true, None) => self.partners_beyond(part),
                }
            };
            e.organisations = match series {
                Some(s) if !s.organisations.is_empty() => s.organisations.clone(),
                _ if part.names.len() == 1 => e.organisations,
                _ => Vec::new(),
            };
            (e.name, e.name_en) = name_forms(&name.text, series.map(|s| s.zh.as_str()), name_year);
            // A series held in several years listed (“和平使命”系列, 2005年、2007年…): one each.
            let listed = distinct_dates(&self.dating(part));
            if name_year.is_none()
                && part.names.len() == 1
                && listed.len() >= 2
                && !consecutive_days(&listed)
            {
                for m in listed {
                    self.out.events.push(Event {
                        start: Some(m.from),
                        end: m.to,
                        ..e.clone()
                    });
                }
            } else {
                if e.countries.is_empty() && part.names.len() == 1 {
                    self.sentence.unplaced = Some(self.out.events.len());
                }
                self.out.events.push(e);
            }
        }
        true
    }

    /// The type of a named event: the report that follows the name in its part ("举行
    /// “和平蓝盾-2009”联合演习" by an escort task force is an exercise), else its series'
    /// (“和谐使命” is a hospital ship's), else the part's first, else exercise.
    fn kind_of_name(&self, part: &Part, name: &Name) -> EventType {
        let offset = core_offset(part);
        let after = part.reports.iter().find(|r| r.head.0 + offset >= name.end);
        let series = self.vocab.series_of(&name.text).and_then(|s| s.kind);
        after
            .map(|r| r.kind)
            .or(series)
            .or(part.reports.first().map(|r| r.kind))
            .unwrap_or(EventType::Exercise)
    }

    /// A part that goes on about the named event before it in the sentence, which named no
    /// partner ("执行“和谐使命-2010”任务，赴吉布提、肯尼亚…5国提供免费医疗服务"): its
    /// partners are that event's, its quote a second source (codebook G2: one event).
    fn continues_named(&mut self, part: &Part) -> bool {
        let Some(i) = self.sentence.unplaced else {
            return false;
        };
        let same_kind = part.reports.len() == 1
            && self
                .out
                .events
                .get(i)
                .is_some_and(|e| e.kind == part.reports[0].kind);
        if !same_kind || !part.names.is_empty() || part.partners.is_empty() {
            return false;
        }
        let source = self.source(part.text());
        let e = &mut self.out.events[i];
        e.countries = part.partners.clone();
        e.partner_total = e.partner_total.or(partner_total(part));
        e.sources.push(source);
        self.sentence.unplaced = None;
        true
    }

    /// A named event's date: the part's date of the name's year when it states one (so the
    /// month is kept: "Hand-in-Hand 2014 in Pune the following November"), else the
    /// name's year.
    fn date_by_name(&self, e: &mut Event, part: &Part, name_year: Option<u16>) {
        let Some(y) = name_year else { return };
        if e.start.map(|d| d.year) == Some(y) {
            return;
        }
        match self.dating(part).into_iter().find(|m| m.from.year == y) {
            Some(m) => (e.start, e.end) = (Some(m.from), m.to),
            None => (e.start, e.end) = (Some(year(y)), None),
        }
    }

    /// The countries the k-th name's own stretch of the part names: what stands before it
    /// back to the last separator (、，,;) or name ("、中柬“金龙-2023”", "the China-Cambodia
    /// “Golden Dragon 2023”"), else what follows it up to the next separator or name
    /// ("Khaan Quest 2014 in Mongolia", "RIMPAC 2014 off Hawaii"). A place names its country
    /// where no country is named.
    fn name_partners(&self, part: &Part, k: usize) -> Vec<String> {
        let chars: Vec<char> = part.text().chars().collect();
        let name = &part.names[k];
        let separator = |c: char| matches!(c, '、' | '，' | ',' | ';' | '；' | '：');
        let low = k.checked_sub(1).map_or(0, |j| part.names[j].end);
        let start = (low..name.start)
            .rev()
            .find(|&i| separator(chars[i]))
            .map_or(low, |i| i + 1);
        let high = part.names.get(k + 1).map_or(chars.len(), |n| n.start);
        let end = (name.end..high)
            .find(|&i| separator(chars[i]))
            .unwrap_or(high);
        let named_in = |from: usize, to: usize| -> Vec<String> {
            let text: String = chars[from..to.max(from)].iter().collect();
            let named = self.gazetteer.named(&text, &self.passage.text);
            if named.countries.is_empty() {
                named.places
            } else {
                named.countries
            }
        };
        let before = named_in(start, name.start);
        if before.is_empty() {
            named_in(name.end, end)
        } else {
            before
        }
    }

    /// The partners of an event whose own words name none: the sentence's topic or, when
    /// the part speaks of the two sides, the relation they belong to.
    fn partners_beyond(&self, part: &Part) -> Vec<String> {
        if !self.sentence.topic.is_empty() {
            return self.sentence.topic.clone();
        }
        if self.sentence.pair || Vocabulary::says_any(part.text(), &self.vocab.partners.pair_words)
        {
            self.last_relation()
        } else {
            Vec::new()
        }
    }

    /// Agreements named by their 《titles》: one event each (codebook: agreement).
    fn titled_agreements(&mut self, part: &Part) -> bool {
        let named: Vec<Name> = titles(part.text())
            .into_iter()
            .filter(|t| self.vocab.agreement_title(&t.text))
            .collect();
        if named.is_empty() || !self.acts(part.text()) {
            return false;
        }
        for t in named {
            let mut e = self.draft(EventType::Agreement, part);
            e.name = Some(t.text);
            self.out.events.push(e);
        }
        // The part's other reports (a summit where it was signed) are events too.
        for report in part
            .reports
            .clone()
            .into_iter()
            .filter(|r| r.kind != EventType::Agreement)
        {
            let mut e = self.draft(report.kind, part);
            if self.says_enough(&e, part, &report) {
                e.name = report.name.clone();
                self.out.events.push(e);
            }
        }
        true
    }

    /// The figures a part states (codebook G3): counts of events, people or countries that
    /// do not size one event. Each lists the events the same part named.
    fn figures_of(&mut self, part: &Part, first_new: usize) {
        let new = self.out.events.len() - first_new;
        let counts_kind = part.reports.first().map(|r| r.kind);
        let sizes = |c: &Count| {
            new == 1
                && (c.after_deng && c.counted == Counted::Countries
                    || self.out.events[first_new]
                        .personnel
                        .iter()
                        .any(|p| p.count == Some(c.value)))
        };
        let worth = self.acts(part.text()) || part.text().contains("截至") || counts_kind.is_some();
        let as_of = counts::as_of(part.text(), &part.dates, self.scope.published);
        let figures: Vec<Figure> = part
            .counts
            .iter()
            .filter(|c| worth && !sizes(c))
            .map(|c| Figure {
                value: c.value,
                unit: c.unit.clone(),
                as_of,
                passage: self.index,
                quote: part.text().to_string(),
                counts: counts_kind,
                events: (first_new..self.out.events.len())
                    .map(|i| i as u32)
                    .collect(),
            })
            .collect();
        self.out.figures.extend(figures);
    }
}

/// The CAMEO code: the type's, refined where the text says more (codebook: a visit
/// received in China 043, a dialogue by telephone 041, a forum China hosts 043).
fn cameo(kind: EventType, text: &str, vocab: &Vocabulary) -> &'static str {
    let says = |words: &[String]| Vocabulary::says_any(text, words);
    match kind {
        EventType::Visit | EventType::PortCall if says(&vocab.cameo.hosted) => "043",
        EventType::Dialogue if says(&vocab.cameo.telephone) => "041",
        EventType::Forum if says(&vocab.cameo.hosts) => "043",
        k => k.cameo(),
    }
}

/// The texts in “quotes” in a text.
/// Where a part's core starts in its quote (code points).
fn core_offset(part: &Part) -> usize {
    part.span
        .quote
        .find(part.span.core)
        .map_or(0, |b| part.span.quote[..b].chars().count())
}

fn quoted_text(text: &str) -> Vec<String> {
    text.split('“')
        .skip(1)
        .filter_map(|s| s.split('”').next())
        .map(str::to_string)
        .collect()
}

/// "第七、八次": how many ordinals a list names (1 when it names one or none).
fn ordinal_list(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let numeral = |c: char| "一二三四五六七八九十百0123456789".contains(c);
    for i in 0..chars.len() {
        if chars[i] != '第' {
            continue;
        }
        let mut j = i + 1;
        let mut n = 1;
        while j < chars.len() && (numeral(chars[j]) || chars[j] == '、') {
            if chars[j] == '、' {
                n += 1;
            }
            j += 1;
        }
        if n > 1 && matches!(chars.get(j), Some('次') | Some('届') | Some('轮')) {
            return n;
        }
    }
    1
}

/// The event names a text carries: quoted, and English series names with their year.
fn names_in(text: &str, vocab: &Vocabulary) -> Vec<Name> {
    let quoted = quoted_names(text, vocab);
    let unquoted: Vec<Name> = unquoted_names(text, vocab)
        .into_iter()
        .filter(|u| !quoted.iter().any(|q| q.start < u.end && u.start < q.end))
        .collect();
    let mut all: Vec<Name> = quoted.into_iter().chain(unquoted).collect();
    all.sort_by_key(|n| n.start);
    all
}

/// The total a part gives for partners it names only some of ("…等50国").
fn partner_total(part: &Part) -> Option<u32> {
    part.counts
        .iter()
        .find(|c| c.counted == Counted::Countries && c.after_deng)
        .map(|c| c.value)
}

/// Days of one month listed together ("12月9日、10日"): one occasion over those days.
fn consecutive_days(dates: &[DateMention]) -> bool {
    dates.windows(2).all(|w| {
        w[1].start <= w[0].end + 1 && w[0].from.year == w[1].from.year && w[0].from.day.is_some()
    })
}

/// Dates of a part, one per occasion (a repeated date once).
fn distinct_dates(found: &[DateMention]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    for m in found {
        if !out.iter().any(|d| d.from == m.from) {
            out.push(*m);
        }
    }
    out
}

/// A name's Chinese and English forms: an English name of a known series gets the series'
/// Chinese name with its year ("Golden Dragon 2023" → 金龙-2023); the English form only
/// where the text gives one.
fn name_forms(
    name: &str,
    series_zh: Option<&str>,
    name_year: Option<u16>,
) -> (Option<String>, Option<String>) {
    match series_zh {
        Some(zh) if name.is_ascii() => {
            let suffix = name.rsplit(['-', ' ', '－', '—']).next().unwrap_or("");
            let tail = name_year
                .map(|y| y.to_string())
                .unwrap_or_else(|| suffix.to_string());
            (Some(format!("{zh}-{tail}")), Some(name.to_string()))
        }
        _ if name.is_ascii() => (Some(name.to_string()), Some(name.to_string())),
        _ => (Some(name.to_string()), None),
    }
}

pub(super) fn year(y: u16) -> PartialDate {
    PartialDate {
        year: y,
        month: None,
        day: None,
    }
}

fn service_of(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
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
fn location_of(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    /// The events read from one passage of a white paper of unknown date.
    pub(crate) fn read(text: &str) -> Vec<Event> {
        let vocab = Vocabulary::builtin();
        let gazetteer = Gazetteer::builtin();
        let scope = DocScope {
            published: None,
            reporting_year: Some(2008),
            scope_year: None,
        };
        let passage = Passage {
            id: "t.1".into(),
            doc: 0,
            index: 1,
            lang: Lang::Zh,
            section: None,
            text: text.into(),
            years: vec![],
            countries: vec![],
            partners: Vec::new(),
        };
        let mut out = Extraction::default();
        PassageReader::new((&vocab, &gazetteer), &scope, (0, &passage), &mut out).read();
        out.events
    }

    #[test]
    fn debug_reports() {
        let vocab = Vocabulary::builtin();
        let gazetteer = Gazetteer::builtin();
        let scope = DocScope {
            published: None,
            reporting_year: Some(2008),
            scope_year: None,
        };
        let passage = Passage {
            id: "t.1".into(),
            doc: 0,
            index: 1,
            lang: Lang::Zh,
            section: None,
            text: String::new(),
            years: vec![],
            countries: vec![],
            partners: Vec::new(),
        };
        let mut out = Extraction::default();
        let r = PassageReader::new((&vocab, &gazetteer), &scope, (0, &passage), &mut out);
        for x in r.reports_in("中国与东盟国家正式启动“南海行为准则”磋商") {
            eprintln!("{:?} {:?} {:?}", x.kind, x.hit, x.name);
        }
    }

    /// `MILCOOP_READ="…" cargo test -p milcoop-core debug_read -- --nocapture` prints what
    /// the reader makes of a passage: a tool for writing rules, not a check.
    #[test]
    fn debug_read() {
        let Ok(text) = std::env::var("MILCOOP_READ") else {
            return;
        };
        {
            let vocab = Vocabulary::builtin();
            let gazetteer = Gazetteer::builtin();
            let scope = DocScope {
                published: None,
                reporting_year: Some(2008),
                scope_year: None,
            };
            let passage = Passage {
                id: "t.1".into(),
                doc: 0,
                index: 1,
                lang: Lang::Zh,
                section: None,
                text: String::new(),
                years: vec![],
                countries: vec![],
                partners: Vec::new(),
            };
            let mut out = Extraction::default();
            let r = PassageReader::new((&vocab, &gazetteer), &scope, (0, &passage), &mut out);
            eprintln!("hits {:?}", vocab.hits(&text));
            for x in r.reports_in(&text) {
                eprintln!("report {:?} {:?} {:?}", x.kind, x.hit, x.name);
            }
        }
        for e in read(&text) {
            eprintln!(
                "{:?} {:?} {:?} {:?} | {}",
                e.kind, e.start, e.countries, e.name, e.sources[0].quote
            );
        }
    }
}
