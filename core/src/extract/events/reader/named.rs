//! Named events (exercises, competitions, missions) and agreements named by their
//! 《titles》: one event each (codebook G2), typed and placed by what the text says about them.

use super::*;
use crate::model::series_id;

impl<'a> PassageReader<'a> {
    /// Named events (exercises, competitions, missions): one each (codebook G2). The type is
    /// the part's own when it reports one (a hospital ship's “和谐使命” is humanitarian),
    /// else exercise. Partners: those the name's own stretch of the text names (a 中X
    /// compound before it, "in Mongolia" after it in English), else its series' (a
    /// bilateral series names its partner), else the part's (one name) or the relation the
    /// sentence is about; with 分别 and as many partners as names, paired in order.
    pub(super) fn named_exercises(&mut self, part: &Part) -> bool {
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
            if part.names.len() == 1 {
                e.partner_total = partner_total(part);
            }
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
            e.series = series.and_then(|s| s.en.first()).map(|en| series_id(en));
            // A series held in several years listed (“和平使命”系列, 2005年、2007年…): one each.
            let listed = distinct_dates(&self.dating(part));
            if name_year.is_none()
                && part.names.len() == 1
                && listed_together(part.text(), &listed)
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
    pub(super) fn kind_of_name(&self, part: &Part, name: &Name) -> EventType {
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
    pub(super) fn continues_named(&mut self, part: &Part) -> bool {
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
    pub(super) fn date_by_name(&self, e: &mut Event, part: &Part, name_year: Option<u16>) {
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
    pub(super) fn name_partners(&self, part: &Part, k: usize) -> Vec<String> {
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

    /// Agreements named by their 《titles》: one event each (codebook: agreement).
    pub(super) fn titled_agreements(&mut self, part: &Part) -> bool {
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
}
