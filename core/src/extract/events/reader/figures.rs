//! Figures: counts of many events, kept as figures that point at the events they count
//! (codebook G3).

use super::*;

impl<'a> PassageReader<'a> {
    /// The figures a part states (codebook G3): counts of events, people or countries that
    /// do not size one event. Each lists the events the same part named.
    pub(super) fn figures_of(&mut self, part: &Part, first_new: usize) {
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
                at: None,
                counts: counts_kind,
                events: (first_new..self.out.events.len())
                    .map(|i| i as u32)
                    .collect(),
                countries: Vec::new(),
            })
            .collect();
        self.out.figures.extend(figures);
    }
}
