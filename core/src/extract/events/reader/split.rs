//! How many events a report is (codebook G2, G3): one per partner, date, ordinal or
//! direction where the text divides it; none where it counts many (a figure instead); one
//! where several parts tell of one operation.

use super::*;

impl<'a> PassageReader<'a> {
    /// Whether `e` names, by a short form, a meeting the passage has named in full
    /// ("参加中非论坛" after "首届中非和平安全论坛"): its quote and total then join that
    /// event (codebook G2: one occurrence, one event).
    pub(super) fn short_form(&mut self, e: &Event) -> bool {
        let Some(short) = e.name.as_deref().filter(|_| e.kind == EventType::Forum) else {
            return false;
        };
        let full = self.out.events[self.first_event..].iter().position(|f| {
            f.kind == e.kind
                && f.name
                    .as_deref()
                    .is_some_and(|n| n != short && subsequence(short, n))
        });
        let Some(i) = full.map(|i| i + self.first_event) else {
            return false;
        };
        let first = &mut self.out.events[i];
        first.partner_total = first.partner_total.or(e.partner_total);
        first.sources.extend(e.sources.iter().cloned());
        true
    }

    /// Whether `e` tells more of an operation its sentence has reported already (a type
    /// reported once a sentence: one evacuation by ship and by air); if so, its partners
    /// and quote join that event (codebook G2).
    pub(super) fn same_operation(&mut self, e: &Event) -> bool {
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

    /// Meetings listed before one shared head ("中国与东盟、东盟与中日韩领导人会议"): one
    /// each, with the partners each piece names (codebook G2).
    pub(super) fn listed_meetings(&self, part: &Part, report: &Report) -> Option<Vec<Meeting>> {
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
    pub(super) fn aggregated(&self, part: &Part, report: &Report) -> bool {
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
                    && !self.sized_by_countries(part, report)
            })
    }

    /// Whether the countries a part counts size one event (codebook G3): one unit's voyage
    /// ("出访亚非5国"), or a named meeting they came to ("第八届北京香山论坛…，67个国家派团
    /// 参会").
    fn sized_by_countries(&self, part: &Part, report: &Report) -> bool {
        let meeting = report.kind == EventType::Forum && report.name.is_some();
        meeting || self.one_unit(part)
    }

    /// The countries an event is sized by (see `sized_by_countries`): its partners' total.
    pub(super) fn sized_total(&self, part: &Part, report: &Report) -> Option<u32> {
        part.counts
            .iter()
            .find(|c| c.counted == Counted::Countries)
            .filter(|_| self.sized_by_countries(part, report))
            .map(|c| c.value)
    }

    /// Whether a part reports what one unit sent abroad did (a hospital ship's voyage to
    /// "亚非5国"): one event, however many countries it counts (codebook G3).
    pub(super) fn one_unit(&self, part: &Part) -> bool {
        let operation = part.reports.iter().all(|r| {
            matches!(
                r.kind,
                EventType::Humanitarian | EventType::PortCall | EventType::Escort
            )
        });
        // "先后赴43个国家": one visit after another, many occurrences (a figure).
        let successive = Vocabulary::says_any(part.text(), &self.vocab.split.respectively);
        operation && !successive && Vocabulary::says_any(part.text(), &self.vocab.partners.units)
    }

    /// Whether an event says enough to be one (codebook G5): a partner or an organisation,
    /// a name, a place abroad, or a unit sent; a type mentioned in general terms is not.
    pub(super) fn says_enough(&self, e: &Event, part: &Part, report: &Report) -> bool {
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

    /// Pushes `base` as one event or several, as the text divides it (codebook G2): several
    /// dates with 分别/先后 are one event each, ordinals listed (第七、八次) one each,
    /// reciprocal events (互访) one each way; partners listed with 分别/先后 or 双边, or
    /// for a bilateral type without a stated total, are one event each.
    pub(super) fn push_split(&mut self, base: Event, part: &Part, report: &Report) {
        let text = part.text();
        let respectively = Vocabulary::says_any(text, &self.vocab.split.respectively);
        let distinct = distinct_dates(&self.dating(part));
        let mut events = vec![base];
        let listed = listed_together(text, &distinct) && !consecutive_days(&distinct);
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
        let ordinals = ordinal_list(text).max(self.counted_agreements(part.span.core, report));
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
            || self.vocab.separate_trips(report.kind)
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

    /// How many agreements a report counts with a number word in its phrase ("signed two
    /// annexes to their memoranda"): one event each (codebook G2).
    pub(super) fn counted_agreements(&self, core: &str, report: &Report) -> usize {
        if report.kind != EventType::Agreement {
            return 0;
        }
        let phrase: String = core
            .chars()
            .skip(report.hit.start)
            .take(report.head.0.saturating_sub(report.hit.start))
            .collect();
        let words = &self.vocab.agreement.number_words;
        phrase
            .split(' ')
            .find_map(|w| words.iter().position(|n| n.eq_ignore_ascii_case(w)))
            .map_or(0, |k| k + 2)
    }

    /// "与印尼和泰国分别主办了…圆桌会议和…研讨会": partners and reports listed alike with
    /// 分别 are paired in order (codebook G2).
    pub(super) fn paired(&self, part: &Part) -> Option<Vec<(Report, String)>> {
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
}
