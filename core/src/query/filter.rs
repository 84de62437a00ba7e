//! The Explore view's state and semantics: which passages and events match the filters,
//! and the live facet counts.
//!
//! Semantics (also in docs/search.md): filters combine with AND across kinds and OR within
//! a kind. A passage matches a year if it reports an event in that year or states a date in
//! it; a type if it reports an event of that type. A country filter asks either for a
//! partner (the default: a passage that reports an event the country takes part in, an
//! event with it as partner) or, with `cmode=named`, for a country named in the text (a
//! passage that names it in any form, an event with it as partner or named in a source).
//! An event matches if its dates overlap the years, it has one of the countries or types,
//! and one of its sources is in a matching document and language; with a query, the event
//! itself must match it ([`event_matches`]: its titles, names, own words of its quotes, or a
//! partner, type, series, mission or organisation the query names). `apply` answers the
//! same through the facet data of `query::facts` and the events' index;
//! `core/tests/explore.rs` checks the two agree.

use super::notice::{Notice, Why};
use crate::model::{Dataset, Event, EventType, Lang};
use crate::present::ui::Ui;
use crate::query::expand::{Group, Query};
use crate::query::facts::{meet, type_bit, PassageFacts, Selection};
use crate::query::search::{contains_folded, fold, parts_text, query_spans, Part};

/// What the country filter asks of a country (codebook G1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CountryMode {
    /// It takes part in an event (a partner): the default.
    #[default]
    Partner,
    /// The text names it in any form, as a partner or not (朝鲜半岛问题).
    Named,
}

/// The filter state, as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub q: String,
    /// Concepts of the query searched as typed, their expansion turned off (`literal=`).
    pub literal: Vec<String>,
    /// Inclusive year range.
    pub years: Option<(u16, u16)>,
    pub countries: Vec<String>,
    /// Whether `countries` means partners in an event or countries named in the text.
    pub country_mode: CountryMode,
    pub types: Vec<EventType>,
    pub docs: Vec<String>,
    pub lang: Option<Lang>,
}

/// Longest query accepted; longer ones are cut (and said so).
pub const MAX_QUERY: usize = 200;

/// One kind of filter: what a reader clears at once, and its URL parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterKey {
    Query,
    Literal,
    Year,
    Country,
    CountryMode,
    Type,
    Doc,
    Lang,
}

impl FilterKey {
    pub const ALL: [FilterKey; 8] = [
        FilterKey::Query,
        FilterKey::Literal,
        FilterKey::Year,
        FilterKey::Country,
        FilterKey::CountryMode,
        FilterKey::Type,
        FilterKey::Doc,
        FilterKey::Lang,
    ];

    /// The URL parameter that holds this filter.
    pub fn param(self) -> &'static str {
        match self {
            FilterKey::Query => "q",
            FilterKey::Literal => "literal",
            FilterKey::Year => "year",
            FilterKey::Country => "country",
            FilterKey::CountryMode => "cmode",
            FilterKey::Type => "type",
            FilterKey::Doc => "doc",
            FilterKey::Lang => "lang",
        }
    }
}

/// Adds `value` to a filter list, or takes it out if it is there.
fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|x| *x == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

/// The edits a reader makes to the filters, in one place for every view.
impl Filters {
    pub fn toggle_country(&mut self, code: &str) {
        toggle(&mut self.countries, code.to_string());
    }

    pub fn toggle_type(&mut self, t: EventType) {
        toggle(&mut self.types, t);
    }

    pub fn toggle_doc(&mut self, id: &str) {
        toggle(&mut self.docs, id.to_string());
    }

    /// A click on a year. Alone it shows that year, or all years again when that year was
    /// the whole selection; with `extend` (a shift-click, or the second tap of a range) it
    /// widens the selected range to reach the year.
    pub fn select_year(&mut self, year: u16, extend: bool) {
        self.years = match (self.years, extend) {
            (Some((a, b)), true) => Some((a.min(year), b.max(year))),
            (Some((a, b)), false) if a == year && b == year => None,
            _ => Some((year, year)),
        };
    }

    /// A range chosen by two taps (touch has no shift-click): the years from one to the
    /// other, in either order.
    pub fn select_range(&mut self, first: u16, last: u16) {
        self.years = Some((first.min(last), first.max(last)));
    }

    /// Turns one concept's expansion of the query off, or on again.
    pub fn toggle_literal(&mut self, concept: &str) {
        toggle(&mut self.literal, concept.to_string());
    }

    pub fn clear(&mut self, key: FilterKey) {
        match key {
            FilterKey::Query => {
                self.q.clear();
                self.literal.clear();
            }
            FilterKey::Literal => self.literal.clear(),
            FilterKey::Year => self.years = None,
            FilterKey::Country => {
                self.countries.clear();
                self.country_mode = CountryMode::default();
            }
            FilterKey::CountryMode => self.country_mode = CountryMode::default(),
            FilterKey::Type => self.types.clear(),
            FilterKey::Doc => self.docs.clear(),
            FilterKey::Lang => self.lang = None,
        }
    }

    /// Sets the query as typed, cut to [`MAX_QUERY`] characters.
    pub fn set_query(&mut self, typed: &str) {
        self.q = typed.chars().take(MAX_QUERY).collect();
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Reads one URL parameter into the state. Returns a notice for what it cannot use.
    pub fn read(&mut self, key: &str, value: &str) -> Option<Notice> {
        let bad = |why: Why| Some(Notice::new(format!("{key}={value}"), why));
        match key {
            "q" => {
                let q: String = value.chars().take(MAX_QUERY).collect();
                let cut = value.chars().count() > MAX_QUERY;
                self.q = q.trim().to_string();
                cut.then(|| Notice::new("q", Why::QueryCut))
            }
            "literal" => {
                for id in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                    if !self.literal.iter().any(|x| x == id) {
                        self.literal.push(id.to_string());
                    }
                }
                None
            }
            "year" => match parse_years(value) {
                Some(r) => {
                    self.years = Some(r);
                    None
                }
                None => bad(Why::NotYear),
            },
            "country" => {
                let mut rejected = Vec::new();
                for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    let upper = code.to_ascii_uppercase();
                    if upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
                        if !self.countries.contains(&upper) {
                            self.countries.push(upper);
                        }
                    } else {
                        rejected.push(code.to_string());
                    }
                }
                (!rejected.is_empty()).then(|| {
                    Notice::new(
                        format!("country={}", rejected.join(",")),
                        Why::NotCountryCodes,
                    )
                })
            }
            "type" => {
                let mut rejected = Vec::new();
                for t in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                    match EventType::from_slug(&t.to_ascii_lowercase()) {
                        Some(t) if !self.types.contains(&t) => self.types.push(t),
                        Some(_) => {}
                        None => rejected.push(t.to_string()),
                    }
                }
                (!rejected.is_empty())
                    .then(|| Notice::new(format!("type={}", rejected.join(",")), Why::NotEventType))
            }
            "doc" => {
                for d in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                    if !self.docs.iter().any(|x| x == d) {
                        self.docs.push(d.to_string());
                    }
                }
                None
            }
            "cmode" => match value.trim() {
                "named" => {
                    self.country_mode = CountryMode::Named;
                    None
                }
                "partner" => {
                    self.country_mode = CountryMode::Partner;
                    None
                }
                _ => bad(Why::NotCountryMode),
            },
            "lang" => match Lang::from_code(value) {
                Some(l) => {
                    self.lang = Some(l);
                    None
                }
                None => bad(Why::NotLang),
            },
            _ => bad(Why::Unused),
        }
    }

    /// Drops countries and documents the dataset does not have; returns a notice for each.
    pub fn validate(&mut self, ds: &Dataset) -> Vec<Notice> {
        let mut notices = Vec::new();
        self.countries.retain(|c| {
            let known = ds.country(c).is_some();
            if !known {
                notices.push(Notice::new(format!("country={c}"), Why::NoSuchCountry));
            }
            known
        });
        self.docs.retain(|d| {
            let known = ds.document(d).is_some();
            if !known {
                notices.push(Notice::new(format!("doc={d}"), Why::NoSuchDocument));
            }
            known
        });
        notices
    }

    /// The filters that are set, each with its value as the URL writes it (without `view`).
    pub fn pairs(&self) -> Vec<(FilterKey, String)> {
        FilterKey::ALL
            .into_iter()
            .filter_map(|key| self.value(key).map(|v| (key, v)))
            .collect()
    }

    /// One filter's value as the URL writes it, if it is set.
    fn value(&self, key: FilterKey) -> Option<String> {
        match key {
            FilterKey::Query => (!self.q.is_empty()).then(|| self.q.clone()),
            FilterKey::Literal => (!self.literal.is_empty()).then(|| self.literal.join(",")),
            FilterKey::Year => self.years.map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            }),
            FilterKey::Country => (!self.countries.is_empty()).then(|| self.countries.join(",")),
            FilterKey::CountryMode => {
                (self.country_mode == CountryMode::Named).then(|| "named".to_string())
            }
            FilterKey::Type => (!self.types.is_empty()).then(|| {
                let t: Vec<&str> = self.types.iter().map(|t| t.slug()).collect();
                t.join(",")
            }),
            FilterKey::Doc => (!self.docs.is_empty()).then(|| self.docs.join(",")),
            FilterKey::Lang => self.lang.map(|l| l.code().to_string()),
        }
    }
}

/// `2020` or `2015-2020` (either order), years 1900–2100.
pub fn parse_years(value: &str) -> Option<(u16, u16)> {
    let year = |s: &str| -> Option<u16> {
        let s = s.trim();
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    match value.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            Some((a.min(b), a.max(b)))
        }
        None => year(value).map(|y| (y, y)),
    }
}

/// What the Explore view shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// The query as searched: what was typed and what it was expanded to.
    pub query: Query,
    /// Matching passages, ranked by the query when there is one, else in corpus order.
    pub passages: Vec<Match>,
    pub events: Vec<u32>,
    pub facets: Facets,
}

/// A matching passage and its rank score (0 without a query).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub passage: u32,
    pub score: f32,
}

/// Where the query matches in a passage's text (code points), for highlighting the few
/// passages a view shows rather than every match: what was typed, and the other names it
/// was expanded to (黎巴嫩 for "Lebanon"). As [`Marks::spans`], for one passage.
pub fn spans(ds: &Dataset, passage: u32, q: &Query) -> Vec<(usize, usize)> {
    Marks::new(ds, q).spans(ds, passage)
}

/// What a query marks in the passages a view lists, made once per query rather than once
/// per passage: the query, and the country names longer than a name it marks that hold it
/// (白俄罗斯 holds 俄罗斯), since where one of them stands the shorter name is not marked.
/// Finding those meant testing every country name of the thesaurus, for each passage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    query: Query,
    longer: Vec<Vec<Part>>,
}

impl Marks {
    pub fn new(ds: &Dataset, q: &Query) -> Marks {
        let marks: Vec<String> = q
            .groups
            .iter()
            .flat_map(|g| &g.marks)
            .map(|parts| parts_text(parts))
            .collect();
        let longer = if marks.is_empty() {
            Vec::new()
        } else {
            ds.country_names()
                .iter()
                .filter(|(name, _)| {
                    marks
                        .iter()
                        .any(|m| name.len() > m.len() && name.contains(m.as_str()))
                })
                .map(|(_, parts)| parts.clone())
                .collect()
        };
        Marks {
            query: q.clone(),
            longer,
        }
    }

    /// Where the query matches in passage `passage` (code points), for `<mark>`.
    pub fn spans(&self, ds: &Dataset, passage: u32) -> Vec<(usize, usize)> {
        let text = ds.text(passage);
        if text.is_empty() {
            return Vec::new();
        }
        query_spans(text, &self.query, &self.longer)
    }
}

/// The words of a quote that are about a named event: the piece of a list that holds its
/// name ("“可汗探索—2015”多国维和军演、“科瓦里—2015”…技能演练": the first is the
/// peacekeeping exercise), else the whole quote.
fn own_words<'q>(e: &Event, quote: &'q str) -> &'q str {
    let Some(name) = e.name.as_deref().filter(|n| quote.contains(*n)) else {
        return quote;
    };
    quote
        .split(['、', '，', ';', '；'])
        .find(|piece| piece.contains(name))
        .unwrap_or(quote)
}

/// What a query is matched against in an event, folded: its titles, type names, names and
/// its own words of each quote (not the whole passage).
pub fn event_text(ds: &Dataset, e: &Event) -> String {
    let mut text = format!(
        "{}\n{}\n{}\n{}",
        e.title_zh,
        e.title_en,
        e.kind.label(),
        Ui::Zh.event_type(e.kind)
    );
    for n in e.name.iter().chain(&e.name_en) {
        text.push('\n');
        text.push_str(n);
    }
    for s in &e.sources {
        text.push('\n');
        text.push_str(own_words(e, ds.source_quote(s)));
    }
    fold(&text)
}

/// Whether an event matches a query: every group by its text (`folded`, from
/// [`event_text`]) or by a link its concepts carry (partners, type, series, mission,
/// organisations).
pub fn event_matches(e: &Event, folded: &str, q: &Query) -> bool {
    q.groups
        .iter()
        .all(|g| g.texts().any(|(_, parts)| contains_folded(folded, parts)) || event_linked(e, g))
}

/// Whether a link of one query group names the event: a partner, its type, series,
/// mission or an organisation.
fn event_linked(e: &Event, g: &Group) -> bool {
    g.countries.iter().any(|c| e.countries.contains(c))
        || g.types.contains(&e.kind)
        || e.series.as_ref().is_some_and(|s| g.series.contains(s))
        || e.mission.as_ref().is_some_and(|m| g.missions.contains(m))
        || e.organisations.iter().any(|o| g.organisations.contains(o))
}

/// Counts of matching passages per value, each with every *other* filter applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    pub years: Vec<(u16, usize)>,
    pub countries: Vec<(String, usize)>,
    pub types: Vec<(EventType, usize)>,
    pub docs: Vec<(u32, usize)>,
    pub langs: Vec<(Lang, usize)>,
}

/// Bits of the filters a passage fails: a facet counts the passages that fail none but
/// its own, so one pass over the passages serves the results and every facet.
const YEARS: u8 = 1;
const COUNTRIES: u8 = 2;
const TYPES: u8 = 4;
const DOCS: u8 = 8;
const LANG: u8 = 16;

/// The filters passage `p` fails (as bits above), its facts tested against `sel`.
fn failures(sel: &Selection, p: &PassageFacts) -> u8 {
    let mut failed = 0;
    if !sel.year_ok(&p.years) {
        failed |= YEARS;
    }
    if !sel.countries_ok(p) {
        failed |= COUNTRIES;
    }
    if !sel.types_ok(p.types) {
        failed |= TYPES;
    }
    if !sel.doc_ok(p.doc) {
        failed |= DOCS;
    }
    if !sel.lang_ok(p.lang) {
        failed |= LANG;
    }
    failed
}

/// What a query matches before any filter: its passages, ranked, and its events. A view
/// keeps it while only the filters change (a click on a facet), so that the search runs
/// once per query rather than once per click.
#[derive(Clone, Debug)]
pub struct Searched {
    /// The query as searched: what was typed and what it was expanded to.
    pub query: Query,
    /// Best first, ties by position; `None` without a query (every passage, in order).
    hits: Option<Vec<(u32, f32)>>,
    /// For each event, whether it matches; `None` without a query.
    events: Option<Vec<bool>>,
    /// Not searched yet ([`Searched::pending`]): matches nothing for now.
    pending: bool,
}

/// The same query gives the same matches once searched: comparing what was searched, and
/// whether it was, is enough.
impl PartialEq for Searched {
    fn eq(&self, other: &Searched) -> bool {
        self.query == other.query && self.pending == other.pending
    }
}

impl Searched {
    /// A query that cannot be searched yet (a page waiting for its search shards): it
    /// matches nothing until it is searched.
    pub fn pending(ds: &Dataset, query: Query) -> Searched {
        let searched = !query.is_empty();
        Searched {
            hits: searched.then(Vec::new),
            events: searched.then(|| vec![false; ds.events.len()]),
            query,
            pending: true,
        }
    }
}

/// Searches a query (`q` as typed, the concepts of `literal` searched as typed).
pub fn search(ds: &Dataset, q: &str, literal: &[String]) -> Searched {
    search_expanded(ds, ds.expand(q, literal))
}

/// Searches a query already expanded (a page that expanded it to find the shards it needs
/// searches it without expanding it again, on every keystroke).
pub fn search_expanded(ds: &Dataset, query: Query) -> Searched {
    let searched = !query.is_empty();
    Searched {
        hits: searched.then(|| query_hits(ds, &query)),
        events: searched.then(|| events_matching(ds, &query)),
        query,
        pending: false,
    }
}

/// Passages and events matching `f`, with facet counts.
pub fn apply(ds: &Dataset, f: &Filters) -> Results {
    apply_searched(ds, f, &search(ds, &f.q, &f.literal))
}

/// As [`apply`], with the query of `f` already searched (`s`, from [`search`]).
pub fn apply_searched(ds: &Dataset, f: &Filters, s: &Searched) -> Results {
    let facts = ds.facts();
    let doc_ids: Vec<u32> = f
        .docs
        .iter()
        .filter_map(|d| ds.document(d).map(|(i, _)| i))
        .collect();
    let sel = Selection::new(facts, f, doc_ids);
    // `None` where the query excludes a passage (the query is not a facet: it always
    // applies).
    let failures: Vec<Option<u8>> = match &s.hits {
        Some(hits) => {
            let mut dense = vec![None; ds.passages.len()];
            for &(p, _) in hits {
                dense[p as usize] = Some(failures(&sel, &facts.passages[p as usize]));
            }
            dense
        }
        None => facts
            .passages
            .iter()
            .map(|p| Some(failures(&sel, p)))
            .collect(),
    };
    let passes = |p: u32| failures[p as usize] == Some(0);
    // Without a query every score is 0 and the order is the corpus order.
    let passages: Vec<Match> = match &s.hits {
        Some(hits) => hits
            .iter()
            .filter(|&&(p, _)| passes(p))
            .map(|&(passage, score)| Match { passage, score })
            .collect(),
        None => (0..ds.passages.len() as u32)
            .filter(|&p| passes(p))
            .map(|passage| Match {
                passage,
                score: 0.0,
            })
            .collect(),
    };
    let events = (0..ds.events.len() as u32)
        .filter(|&i| {
            sel.event_ok(&facts.events[i as usize])
                && s.events.as_ref().is_none_or(|m| m[i as usize])
        })
        .collect();
    Results {
        facets: facet_counts(ds, &sel, &failures),
        query: s.query.clone(),
        passages,
        events,
    }
}

/// Each facet's counts: a passage counts in a facet when it fails no filter but that
/// facet's own. Counted in dense arrays by id, listed as the views show them.
fn facet_counts(ds: &Dataset, sel: &Selection, failures: &[Option<u8>]) -> Facets {
    let facts = ds.facts();
    let (first, last) = facts.year_span.unwrap_or((0, 0));
    let mut years = vec![0usize; usize::from(last - first) + 1];
    let mut countries = vec![0usize; facts.codes.len()];
    let mut types = [0usize; EventType::ALL.len()];
    let mut docs = vec![0usize; ds.documents.len()];
    let mut langs = [0usize; 2];
    for (p, failed) in facts.passages.iter().zip(failures) {
        let Some(failed) = *failed else { continue };
        let counts_for = |facet: u8| failed & !facet == 0;
        if counts_for(YEARS) {
            for &y in &p.years {
                years[usize::from(y - first)] += 1;
            }
        }
        if counts_for(COUNTRIES) {
            for &c in sel.countries_of(p) {
                countries[usize::from(c)] += 1;
            }
        }
        if counts_for(TYPES) {
            for (i, n) in types.iter_mut().enumerate() {
                *n += usize::from(p.types & (1 << i) != 0);
            }
        }
        if counts_for(DOCS) {
            if let Some(n) = docs.get_mut(p.doc as usize) {
                *n += 1;
            }
        }
        if counts_for(LANG) {
            langs[usize::from(p.lang == Lang::En)] += 1;
        }
    }
    let nonzero = |(i, &n): (usize, &usize)| (n > 0).then_some((i, n));
    let mut countries: Vec<(String, usize)> = countries
        .iter()
        .enumerate()
        .filter_map(nonzero)
        .map(|(c, n)| (facts.codes[c].clone(), n))
        .filter(|(c, _)| ds.country(c).is_some())
        .collect();
    crate::query::order::sort_by(&mut countries, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Facets {
        years: years
            .iter()
            .enumerate()
            .filter_map(nonzero)
            .map(|(i, n)| (first + i as u16, n))
            .collect(),
        countries,
        types: types
            .iter()
            .enumerate()
            .filter_map(nonzero)
            .map(|(i, n)| (EventType::ALL[i], n))
            .collect(),
        docs: docs
            .iter()
            .enumerate()
            .filter_map(nonzero)
            .map(|(d, n)| (d as u32, n))
            .collect(),
        langs: vec![(Lang::Zh, langs[0]), (Lang::En, langs[1])],
    }
}

/// For each event, whether it matches an expanded query ([`event_matches`], answered
/// through the events' own search index: its candidates, then the test on their text,
/// rather than a text search in every event).
fn events_matching(ds: &Dataset, q: &Query) -> Vec<bool> {
    let n = ds.events.len();
    let mut all = vec![true; n];
    let index = ds.event_index();
    for g in &q.groups {
        let mut here = vec![false; n];
        for parts in needed(g.texts().map(|(_, parts)| parts.as_slice()).collect()) {
            for e in index.matching_on(parts, |e| ds.event_text(e)) {
                here[e as usize] = true;
            }
        }
        // The links, tested on the events' facet data (partners as ids, the type as a bit)
        // and, only where the group names any, their series, missions and organisations.
        let facts = ds.facts();
        let partners = facts.country_ids(&g.countries);
        let types = g.types.iter().fold(0, |bits, &t| bits | type_bit(t));
        let named = !(g.series.is_empty() && g.missions.is_empty() && g.organisations.is_empty());
        let linked = types != 0 || !partners.is_empty() || named;
        for (e, (event, ef)) in ds
            .events
            .iter()
            .zip(&facts.events)
            .enumerate()
            .filter(|_| linked)
        {
            here[e] = here[e]
                || ef.kind & types != 0
                || meet(&ef.partners, &partners)
                || (named && event_linked(event, g));
        }
        for (a, h) in all.iter_mut().zip(here) {
            *a &= h;
        }
    }
    all
}

/// The alternatives of a group that can find an event no other finds: one whose Han text
/// holds another's (人道主义救援 beside 人道主义) finds only events that one finds, and an
/// event is in or out whichever finds it. (A thesaurus concept lists such pairs; searching
/// each was most of an expanded query's time at 300× the corpus.) Passages are ranked by
/// every alternative they match, so their search keeps them all.
fn needed(alternatives: Vec<&[Part]>) -> Vec<&[Part]> {
    let narrower = |a: &[Part], b: &[Part]| {
        let inside = |hb: &str| {
            a.iter()
                .any(|pa| matches!(pa, Part::Han(ha) if ha.contains(hb)))
        };
        !b.is_empty() && b.iter().all(|pb| matches!(pb, Part::Han(hb) if inside(hb)))
    };
    let covered = |i: usize| {
        let a = alternatives[i];
        (alternatives.iter().enumerate())
            .any(|(j, &b)| j != i && narrower(a, b) && (j < i || !narrower(b, a)))
    };
    (0..alternatives.len())
        .filter(|&i| !covered(i))
        .map(|i| alternatives[i])
        .collect()
}

/// Passages matching an expanded query, best first: by its text and other names, and —
/// for a country it names — every passage naming that country in any form ("Russia" finds
/// 俄罗斯 and 中俄, never 白俄罗斯).
fn query_hits(ds: &Dataset, q: &Query) -> Vec<(u32, f32)> {
    ds.index().ranked_query(
        q,
        |p| ds.text(p),
        |g| {
            if g.countries.is_empty() {
                return Vec::new();
            }
            // On the facet data's sorted country ids, not the passages' code strings.
            let facts = ds.facts();
            let ids = facts.country_ids(&g.countries);
            (0..ds.passages.len() as u32)
                .filter(|&p| meet(&facts.passages[p as usize].named, &ids))
                .collect()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alternative_inside_another_is_searched_alone() {
        let han = |s: &str| vec![Part::Han(s.into())];
        let (aid, relief, medical) = (han("人道主义"), han("人道主义救援"), han("医疗队"));
        let word = vec![Part::Word("humanitarian".into())];
        let both = vec![Part::Han("中俄".into()), Part::Han("联合演习".into())];
        let drill = han("演习");
        let alternatives = vec![
            relief.as_slice(),
            aid.as_slice(),
            medical.as_slice(),
            word.as_slice(),
            aid.as_slice(),
            both.as_slice(),
            drill.as_slice(),
        ];
        let kept = needed(alternatives);
        // 人道主义救援 goes (人道主义 finds it), one of two equal texts goes, and 中俄 AND
        // 联合演习 goes (演习 finds it); the rest stay.
        assert_eq!(
            kept,
            [
                aid.as_slice(),
                medical.as_slice(),
                word.as_slice(),
                &han("演习")[..]
            ]
        );
    }

    #[test]
    fn a_pending_search_is_not_the_search_it_waits_for() {
        // A view keeps a search while it is equal: the search that replaces a pending one
        // must not be taken for it, or its results would never be shown.
        let ds = Dataset::default();
        let searched = search(&ds, "维和", &[]);
        let pending = Searched::pending(&ds, searched.query.clone());
        assert_ne!(pending, searched);
        assert_eq!(pending, Searched::pending(&ds, searched.query.clone()));
    }

    #[test]
    fn reading_parameters() {
        let mut f = Filters::default();
        assert_eq!(f.read("year", "2015-2020"), None);
        assert_eq!(f.years, Some((2015, 2020)));
        assert_eq!(f.read("year", "2020-2015"), None);
        assert_eq!(f.years, Some((2015, 2020)));
        assert!(f.read("year", "abc").is_some());
        assert!(f.read("year", "99999").is_some());
        assert!(f.read("year", "-1").is_some());
        assert_eq!(f.read("country", "ru,PK, ru"), None);
        assert_eq!(f.countries, ["RU", "PK"]);
        assert!(f.read("country", "Russia").unwrap().part.contains("Russia"));
        assert!(f
            .read("type", "exercise,parade")
            .unwrap()
            .part
            .contains("parade"));
        assert_eq!(f.types, [EventType::Exercise]);
        assert!(f.read("lang", "fr").is_some());
        let long = "字".repeat(10_000);
        assert!(f.read("q", &long).is_some());
        assert_eq!(f.q.chars().count(), MAX_QUERY);
    }

    #[test]
    fn pairs_round_trip() {
        let mut f = Filters::default();
        for (k, v) in [
            ("q", "中俄 巡航"),
            ("year", "2020"),
            ("country", "RU,PK"),
            ("type", "exercise"),
            ("doc", "review-2020"),
            ("lang", "zh"),
        ] {
            assert_eq!(f.read(k, v), None);
        }
        let mut g = Filters::default();
        for (k, v) in f.pairs() {
            assert_eq!(g.read(k.param(), &v), None);
        }
        assert_eq!(f, g);
    }

    #[test]
    fn toggles_add_then_remove_and_keep_the_rest() {
        let mut f = Filters::default();
        f.toggle_country("RU");
        f.toggle_country("PK");
        f.toggle_type(EventType::Exercise);
        f.toggle_doc("review-2020");
        assert_eq!(f.countries, ["RU", "PK"]);
        f.toggle_country("RU");
        assert_eq!(f.countries, ["PK"]);
        f.toggle_type(EventType::Exercise);
        assert!(f.types.is_empty());
        assert_eq!(f.docs, ["review-2020"]);
    }

    #[test]
    fn a_year_click_selects_extends_and_clears() {
        let mut f = Filters::default();
        f.select_year(2015, false);
        assert_eq!(f.years, Some((2015, 2015)));
        f.select_year(2020, true);
        assert_eq!(f.years, Some((2015, 2020)));
        f.select_year(2010, true);
        assert_eq!(f.years, Some((2010, 2020)));
        f.select_year(2017, false);
        assert_eq!(f.years, Some((2017, 2017)));
        f.select_year(2017, false);
        assert_eq!(f.years, None);
        // Extending with nothing selected starts at that year.
        f.select_year(2008, true);
        assert_eq!(f.years, Some((2008, 2008)));
    }

    #[test]
    fn clearing_one_filter_leaves_the_others() {
        let mut f = Filters::default();
        for (k, v) in [
            ("q", "维和"),
            ("literal", "activity:peacekeeping"),
            ("year", "2008"),
            ("country", "LR"),
            ("cmode", "named"),
            ("type", "peacekeeping"),
            ("doc", "review-2020"),
            ("lang", "zh"),
        ] {
            assert_eq!(f.read(k, v), None);
        }
        for key in FilterKey::ALL {
            let mut g = f.clone();
            g.clear(key);
            let left: Vec<FilterKey> = g.pairs().into_iter().map(|(k, _)| k).collect();
            // Clearing the countries clears what they are asked for too; clearing the
            // query, the expansions turned off in it.
            let gone = |k: &FilterKey| {
                *k == key
                    || key == FilterKey::Country && *k == FilterKey::CountryMode
                    || key == FilterKey::Query && *k == FilterKey::Literal
            };
            let want: Vec<FilterKey> = FilterKey::ALL.into_iter().filter(|k| !gone(k)).collect();
            assert_eq!(left, want, "clearing {key:?}");
        }
    }
}
