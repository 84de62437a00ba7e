//! One event, several sources (codebook G2): the same occurrence read in several passages,
//! documents or language halves becomes one event, its most detailed passage first.

use crate::model::{Event, Precision, StoredDataset};

/// Where an event was first read: (document, language) of its first source.
fn home(ds: &StoredDataset, e: &Event) -> (u32, crate::model::Lang) {
    let p = &ds.passages[e.sources[0].passage as usize];
    (p.doc, p.lang)
}

fn partners(e: &Event) -> Vec<String> {
    let mut p: Vec<String> = e
        .countries
        .iter()
        .chain(&e.organisations)
        .cloned()
        .collect();
    p.sort();
    p
}

/// Folds `from` into `into`: its sources, partners, English name, place, a more precise
/// date and what sizes it.
fn absorb(into: &mut Event, from: Event) {
    // Draft keys travel with the merge, so figures can follow what they named.
    into.id = format!("{},{}", into.id, from.id);
    for s in from.sources {
        if !into.sources.contains(&s) {
            into.sources.push(s);
        }
    }
    for c in from.countries {
        if !into.countries.contains(&c) {
            into.countries.push(c);
        }
    }
    into.name_en = into.name_en.take().or(from.name_en);
    into.name = into.name.take().or(from.name);
    into.location = into.location.take().or(from.location);
    into.partner_total = into.partner_total.or(from.partner_total);
    into.mission = into.mission.take().or(from.mission);
    into.as_of = into.as_of.or(from.as_of);
    into.ongoing |= from.ongoing;
    for o in from.organisations {
        if !into.organisations.contains(&o) {
            into.organisations.push(o);
        }
    }
    if into.personnel.is_empty() {
        into.personnel = from.personnel;
    }
    let precision = |e: Option<crate::model::PartialDate>| e.map(|d| d.precision() as u8);
    if precision(from.start) > precision(into.start) {
        into.start = from.start;
        into.end = from.end;
    }
}

/// Merges every later event for which `same(earlier, later)` holds into the earlier one.
fn merge_by(events: &mut Vec<Event>, same: impl Fn(&Event, &Event) -> bool) {
    let mut merged: Vec<Event> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        match merged.iter_mut().find(|m| same(m, &e)) {
            Some(m) => absorb(m, e),
            None => merged.push(e),
        }
    }
    *events = merged;
}

/// The same report in the Chinese and English halves of a bilingual document: within
/// passages the alignment pairs (`extract::align`), events of the same type are paired in
/// the order they are read, when they agree on the year and the partners.
fn halves(ds: &StoredDataset, events: &mut Vec<Event>) {
    let pairs = crate::extract::align::align(ds);
    if pairs.is_empty() {
        return;
    }
    // Each aligned group, as the set of its passages (Chinese and English alike).
    let mut group = vec![usize::MAX; ds.passages.len()];
    let mut next = 0;
    for &(zh, en) in &pairs {
        let g = match (group[zh as usize], group[en as usize]) {
            (usize::MAX, usize::MAX) => {
                next += 1;
                next - 1
            }
            (g, usize::MAX) | (usize::MAX, g) => g,
            (g, _) => g,
        };
        group[zh as usize] = g;
        group[en as usize] = g;
    }
    let side = |e: &Event| {
        let p = e.sources[0].passage as usize;
        (group[p], ds.passages[p].lang)
    };
    let mut absorbed = vec![false; events.len()];
    for i in 0..events.len() {
        let (g, lang) = side(&events[i]);
        if g == usize::MAX || lang != crate::model::Lang::Zh || absorbed[i] {
            continue;
        }
        // The n-th Chinese event of this type in the group pairs with the n-th English one.
        let rank = (0..i)
            .filter(|&j| side(&events[j]) == (g, lang) && events[j].kind == events[i].kind)
            .count();
        let twin = (0..events.len())
            .filter(|&j| {
                side(&events[j]).0 == g
                    && side(&events[j]).1 != lang
                    && events[j].kind == events[i].kind
            })
            .nth(rank);
        if let Some(j) = twin.filter(|&j| !absorbed[j] && agree(&events[i], &events[j])) {
            let from = events[j].clone();
            absorb(&mut events[i], from);
            absorbed[j] = true;
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
}

/// Whether two reports of one event agree: the same year, and the same partners (or one
/// side names none).
fn agree(a: &Event, b: &Event) -> bool {
    a.start.map(|d| d.year) == b.start.map(|d| d.year)
        && (partners(a) == partners(b) || a.countries.is_empty() || b.countries.is_empty())
}

/// A deployment reported again in the same document and year is one (codebook: escort,
/// one event per document-year; peacekeeping, one per mission).
fn deployments(ds: &StoredDataset, events: &mut Vec<Event>) {
    use crate::model::EventType::{Escort, Peacekeeping};
    merge_by(events, |a, b| {
        let missions_agree = a.mission.is_none() || b.mission.is_none() || a.mission == b.mission;
        home(ds, a).0 == home(ds, b).0
            && a.kind == b.kind
            && a.countries == b.countries
            && match a.kind {
                Escort => a.start.map(|d| d.year) == b.start.map(|d| d.year),
                Peacekeeping => !a.countries.is_empty() && a.start == b.start && missions_agree,
                _ => false,
            }
    });
}

/// The same event said again in another passage of the same document (a summary box that
/// repeats the article's own words): same type, date, partners and name, and a date that
/// says enough (a month or a day, or the year a one-year document reports on): two undated
/// talks with Japan in one white paper may be two talks.
fn repeats(ds: &StoredDataset, events: &mut Vec<Event>, one_year: &[bool]) {
    merge_by(events, |a, b| {
        let doc = home(ds, a).0;
        let dated = a
            .start
            .is_some_and(|d| d.precision() != Precision::Year || one_year[doc as usize]);
        doc == home(ds, b).0
            && a.sources[0].passage != b.sources[0].passage
            && a.kind == b.kind
            && a.start == b.start
            && a.end == b.end
            && a.name == b.name
            && partners(a) == partners(b)
            && (!partners(a).is_empty() || a.name.is_some())
            && (dated || a.name.is_some())
    });
}

/// A name without what merely frames it ("以…为主题的北京香山论坛" → "北京香山论坛",
/// "在京举行的…"); a name that is all frame stays whole.
fn bare(name: &str) -> &str {
    ["为主题的", "举行的", "召开的", "举办的"]
        .iter()
        .filter_map(|f| name.rfind(f).map(|i| &name[i + f.len()..]))
        .filter(|rest| rest.chars().count() >= 4)
        .min_by_key(|rest| rest.len())
        .unwrap_or(name)
}

/// Events with the same name (or one name inside the other) and year are one, wherever
/// they are read — unless their months or days differ (a meeting held twice a year).
fn named(events: &mut Vec<Event>) {
    merge_by(events, |a, b| {
        let (Some(x), Some(y)) = (&a.name, &b.name) else {
            return false;
        };
        let (x, y) = (bare(x), bare(y));
        let differ = |f: fn(&crate::model::PartialDate) -> Option<u8>| matches!((a.start.as_ref().and_then(f), b.start.as_ref().and_then(f)), (Some(p), Some(q)) if p != q);
        (x == y || x.len() > 6 && y.contains(x) || y.len() > 6 && x.contains(y))
            && a.kind == b.kind
            && a.start.map(|d| d.year) == b.start.map(|d| d.year)
            && !differ(|d| d.month)
            && !differ(|d| d.day)
    });
}

/// Unnamed events of the same type, day and partners are one.
fn same_day(events: &mut Vec<Event>) {
    merge_by(events, |a, b| {
        a.name.is_none()
            && b.name.is_none()
            && a.kind == b.kind
            && a.start.is_some_and(|d| d.precision() == Precision::Day)
            && a.start == b.start
            && partners(a) == partners(b)
    });
}

/// Puts an event's most detailed source first: the one whose quote says most of what the
/// event is (its name, its date, its partners), then the longest, the earliest among equals.
fn most_detailed_first(events: &mut [Event], ds: &StoredDataset) {
    for e in events {
        let detail = |quote: &str| {
            let mut score = 0;
            if e.name.as_ref().is_some_and(|n| quote.contains(bare(n))) {
                score += 2;
            }
            if quote.chars().any(|c| c == '月' || c == '年')
                || quote.chars().any(|c| c.is_ascii_digit())
            {
                score += 1;
            }
            score
        };
        let best = (0..e.sources.len())
            .max_by_key(|&i| {
                let s = &e.sources[i];
                (
                    detail(&s.quote),
                    s.quote.chars().count(),
                    std::cmp::Reverse(s.passage),
                )
            })
            .unwrap_or(0);
        e.sources.swap(0, best);
        let _ = ds;
    }
}

/// Every merge, in order. `one_year[d]` says whether document `d` reports on one year.
pub fn merge(events: &mut Vec<Event>, ds: &StoredDataset, one_year: &[bool]) {
    halves(ds, events);
    deployments(ds, events);
    repeats(ds, events, one_year);
    named(events);
    same_day(events);
    most_detailed_first(events, ds);
}
