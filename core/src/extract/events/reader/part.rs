//! Reading a part of a clause once: its dates, partners, names and the types it reports
//! (codebook: the types' keywords, G1 partners, G4 dates).

use super::*;

impl<'a> PassageReader<'a> {
    /// Reads a part's dates, partners, names, counts and reports.
    pub(super) fn understand(&mut self, span: Span<'a>) -> Part<'a> {
        let before = self.dates;
        let dates = dates::find(span.quote, &mut self.dates);
        let since = dates.last().is_some_and(|d| starts_span(span.quote, d));
        if self.vocab.looks_back(span.quote) || since {
            // "继2019年7月、2020年12月之后…", "since December 2008": what follows is not of
            // those years (G4).
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
            names: self.reported_names(span),
            counts: counts::counts(span.quote),
            reports: self.reports_in(span.core),
        }
    }

    /// The names a span reports: those of its quote, but not of a trailing part that
    /// comments ("…，形成了“和平使命”“海上联合”等系列演训品牌": series, not events).
    fn reported_names(&self, span: Span<'a>) -> Vec<Name> {
        let core_end = span
            .quote
            .find(span.core)
            .map_or(0, |b| b + span.core.len());
        let mut skipped: Vec<(usize, usize)> = Vec::new();
        let mut at = core_end;
        for piece in span.quote[core_end..].split_inclusive(['，', ',']) {
            if self.vocab.skips_segment(piece) {
                let start = span.quote[..at].chars().count();
                skipped.push((start, start + piece.chars().count()));
            }
            at += piece.len();
        }
        names_in(span.quote, self.vocab)
            .into_iter()
            .filter(|n| !skipped.iter().any(|&(a, b)| n.start >= a && n.end <= b))
            .collect()
    }

    /// Whether a core names its counterpart itself ("与印度开启了…磋商", "向伊朗提供"): a
    /// relational word before its first country.
    pub(super) fn names_counterpart(&self, core: &str) -> bool {
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
    pub(super) fn topic_mentions(&self, text: &str) -> Vec<String> {
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
    pub(super) fn reports_in(&self, core: &str) -> Vec<Report> {
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
        // An escort task force that calls at a port is the subject of its port call.
        if out.iter().any(|r| r.kind == EventType::PortCall) {
            out.retain(|r| r.kind != EventType::Escort);
        }
        // A weak keyword names nothing beside a strong one ("北京香山论坛视频会议"), but a
        // visit stays a visit beside talks it led to ("visited the United States, where he
        // held talks").
        if out.iter().any(|r| !r.hit.weak) {
            out.retain(|r| !r.hit.weak || r.kind == EventType::Visit);
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
    pub(super) fn shared_heads(&self, core: &str, reports: Vec<Report>) -> Vec<Report> {
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
    pub(super) fn passive_spans(&self, text: &str) -> Vec<(usize, usize)> {
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
    pub(super) fn framed_date(&self, text: &str) -> Option<(PartialDate, Option<PartialDate>)> {
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

    /// The name a report's event carries: the phrase that names a meeting or forum, if it
    /// is a proper name (an ordinal, a quote, a country, organisation or place in it).
    pub(super) fn name_of(&self, core: &str, report: &Report) -> Option<String> {
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
}
