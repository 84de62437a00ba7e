//! Who an event is with when its own words do not say (codebook G1): the sentence's topic,
//! the relation the two sides belong to, the host a meeting's name names.

use super::*;

impl<'a> PassageReader<'a> {
    /// A part that reports nothing but names one relation sets what the rest of the
    /// sentence is about.
    pub(super) fn note_topic(&mut self, part: &Part) {
        if !part.partners.is_empty() {
            self.sentence.topic = part.partners.clone();
        }
    }

    /// A part that points back to the passage's event of the same type ("这是…第二次联合
    /// 空中战略巡航", "演习课目…", "表演结束后…") is another source of it, not a new event.
    pub(super) fn points_back(&mut self, part: &Part) -> bool {
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

    /// The partners of a part's events (codebook G1): its own; else the sentence's topic;
    /// else — when it speaks of the two sides (两军, 双方) — the relation the passage named
    /// last before it (中美两军 → US).
    pub(super) fn partners_of(&self, part: &Part) -> Vec<String> {
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
    pub(super) fn last_relation(&self) -> Vec<String> {
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

    /// The partners of an event whose own words name none: the sentence's topic or, when
    /// the part speaks of the two sides, the relation they belong to.
    pub(super) fn partners_beyond(&self, part: &Part) -> Vec<String> {
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

    /// A meeting among several a part lists is with what its own name names ("上合组织成员
    /// 国国防部长会议、第八届莫斯科国际安全会议和…": SCO for the first, Moscow's host for
    /// the second), when the part names no partner (codebook G1).
    pub(super) fn named_by_name(&self, e: &mut Event, part: &Part) {
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
}
