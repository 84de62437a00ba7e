//! Deployments: peacekeeping contingents, by UN mission, sized by their units (codebook:
//! peacekeeping, G3), dated by the part or the as-of statement before them.

use super::*;

impl<'a> PassageReader<'a> {
    /// Deployments: a peacekeeping part that names UN missions, or lists units with their
    /// sizes for one country. One event per mission, each sized by the units named in its
    /// own stretch of the text (codebook: peacekeeping, G3). A listing of what is deployed
    /// states a fact without a verb ("联黎部队中有中国工兵分队275人").
    pub(super) fn deployment(&mut self, part: &Part) -> bool {
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
    pub(super) fn listed_as_of(&self, e: &mut Event, part: &Part) {
        let undated = part.dates.is_empty() && self.sentence.date.is_none();
        if let Some((from, to)) = self.as_of.filter(|_| undated) {
            (e.start, e.end, e.as_of) = (Some(from), to, Some(from));
        }
    }

    /// Whether the sizes are given "as of" a date (截至, 目前) in this part or the sentence.
    pub(super) fn sentence_says_as_of(&self, part: &Part) -> bool {
        part.text().contains("截至") || part.text().contains("目前") || part.dates.is_empty()
    }
}
