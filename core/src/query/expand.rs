//! Query expansion with the thesaurus (`model::Concept`, docs/search.md): the words of a
//! query that name a concept or an entity also search its other names, in either script.
//!
//! A query becomes [`Query`]: groups, all of which must match, each with alternatives, any
//! of which may. A group the thesaurus knows nothing of has one alternative, what was
//! typed. A group that names concepts ("golden dragon" → 金龙, "Golden Dragon") has the
//! typed words first and then every other name of those concepts, and the links the
//! concepts carry: for a country, the passages that name it in any form (the build-time
//! gazetteer found them, so 白俄罗斯 is Belarus and never Russia); for an activity, its
//! event type; for a series, mission or organisation, the events that belong to it.
//!
//! Quoted phrases are searched as written. Names are matched whole: a concept's name must
//! equal a run of the query's words (or a whole Han run), so "dragon" alone stays a word.
//! The reader can turn one concept's expansion off (`literal=<id>`), and what was typed
//! ranks first (`search::Index::ranked_query`).

use super::search::{fold, parse_query, Part};
use crate::model::{Concept, ConceptKind, EventType};

/// A query as searched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Group>,
}

/// One part of the query and what it also stands for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// What was typed, searched as text unless it is a two-letter code that names a
    /// concept ("US": the concept's links find it, the letters would find "use").
    pub typed: Vec<Part>,
    /// The concepts' other names, any of which matches too (those of countries aside,
    /// which match through `countries`).
    pub alternatives: Vec<Vec<Part>>,
    /// The concepts the typed words name (indexes into the thesaurus), not turned off.
    pub concepts: Vec<u32>,
    /// Countries whose passages and events match whatever name they use.
    pub countries: Vec<String>,
    /// Names to mark in a passage that matched through `countries` (俄罗斯, 中俄 …).
    pub marks: Vec<Vec<Part>>,
    /// Event types, series, missions and organisations whose events match.
    pub types: Vec<EventType>,
    pub series: Vec<String>,
    pub missions: Vec<String>,
    pub organisations: Vec<String>,
}

impl Group {
    /// Whether the typed words are searched as text.
    pub fn types_text(&self) -> bool {
        self.concepts.is_empty() || searchable(&self.typed)
    }

    /// Every text alternative: the typed words (where searched) first.
    pub fn texts(&self) -> impl Iterator<Item = (bool, &Vec<Part>)> {
        let typed = self.types_text().then_some((true, &self.typed));
        typed
            .into_iter()
            .chain(self.alternatives.iter().map(|a| (false, a)))
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The concepts the query was expanded with, in query order, each once.
    pub fn concepts(&self) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for c in self.groups.iter().flat_map(|g| &g.concepts) {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }
}

/// The thesaurus's names as query parts, ready to match a query against.
#[derive(Clone, Debug, Default)]
pub struct Thesaurus {
    /// (a name as parts, the concept it names), longest names first.
    names: Vec<(Vec<Part>, u32)>,
}

impl Thesaurus {
    pub fn new(concepts: &[Concept]) -> Thesaurus {
        let mut names: Vec<(Vec<Part>, u32)> = concepts
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.names.iter().map(move |n| (plain(n), i as u32)))
            .filter(|(parts, _)| !parts.is_empty())
            .collect();
        crate::query::order::sort_by(&mut names, |a, b| b.0.len().cmp(&a.0.len()));
        Thesaurus { names }
    }

    /// The longest run of `parts` from `at` that is a name, and every concept with that name.
    fn longest_at(&self, parts: &[Part], at: usize) -> Option<(usize, Vec<u32>)> {
        let mut found: Option<(usize, Vec<u32>)> = None;
        for (name, concept) in &self.names {
            let len = name.len();
            if found.as_ref().is_some_and(|(l, _)| *l > len) {
                break;
            }
            if parts.get(at..at + len) == Some(name.as_slice()) {
                match &mut found {
                    Some((_, cs)) if !cs.contains(concept) => cs.push(*concept),
                    Some(_) => {}
                    None => found = Some((len, vec![*concept])),
                }
            }
        }
        found
    }
}

/// A name or query text as parts, quotes ignored.
fn plain(text: &str) -> Vec<Part> {
    parse_query(&text.replace(['"', '“', '”'], " "))
}

/// A name as an alternative to search for and mark: several Latin words are one phrase, so
/// "peacekeeping operations" finds and marks the phrase, never "operations" on its own.
fn alternative(name: &str) -> Vec<Part> {
    let parts = plain(name);
    if parts.len() > 1 && parts.iter().all(|p| matches!(p, Part::Word(_))) {
        vec![Part::Phrase(fold(name.trim()))]
    } else {
        parts
    }
}

/// Whether a name can stand as text to search for: not a one- or two-letter Latin word
/// ("US", "UN" would find "us" and "un-"), which still name their concept when typed.
fn searchable(name: &[Part]) -> bool {
    name.iter()
        .any(|p| !matches!(p, Part::Word(w) if w.chars().count() <= 2))
}

/// Expands `q` with the thesaurus; the concepts whose ids are in `literal` are searched as
/// typed.
pub fn expand(q: &str, concepts: &[Concept], thesaurus: &Thesaurus, literal: &[String]) -> Query {
    let parts = parse_query(q);
    let mut groups = Vec::new();
    let mut at = 0;
    while at < parts.len() {
        let typed_phrase = matches!(parts[at], Part::Phrase(_));
        let found = (!typed_phrase)
            .then(|| thesaurus.longest_at(&parts, at))
            .flatten();
        let Some((len, named)) = found else {
            groups.push(Group {
                typed: vec![parts[at].clone()],
                ..Group::default()
            });
            at += 1;
            continue;
        };
        let mut group = Group {
            typed: parts[at..at + len].to_vec(),
            ..Group::default()
        };
        for i in named {
            let c = &concepts[i as usize];
            if !literal.contains(&c.id) {
                add_concept(&mut group, i, c);
                add_shared_marks(&mut group, c, concepts);
            }
        }
        groups.push(group);
        at += len;
    }
    Query { groups }
}

/// A name two countries share ("Korea") marks every name of either country (韩国, 朝鲜),
/// since the passages it finds name them so.
fn add_shared_marks(group: &mut Group, c: &Concept, concepts: &[Concept]) {
    let ConceptKind::Countries(codes) = &c.kind else {
        return;
    };
    if codes.len() < 2 {
        return;
    }
    for other in concepts {
        if matches!(&other.kind, ConceptKind::Countries(one) if one.len() == 1 && codes.contains(&one[0]))
        {
            let names = other.names.iter().map(|n| alternative(n));
            group.marks.extend(names.filter(|n| searchable(n)));
        }
    }
}

/// Adds a concept's names and links to a group.
fn add_concept(group: &mut Group, index: u32, c: &Concept) {
    group.concepts.push(index);
    let names = c
        .names
        .iter()
        .filter(|n| searchable(&plain(n)) && plain(n) != group.typed)
        .map(|n| alternative(n));
    match &c.kind {
        ConceptKind::Countries(codes) => {
            group.countries.extend(codes.iter().cloned());
            group.marks.extend(names);
            return;
        }
        ConceptKind::Activity(t) => group.types.extend(*t),
        ConceptKind::Series => group.series.push(c.key().to_string()),
        ConceptKind::Mission => group.missions.push(c.key().to_string()),
        ConceptKind::Organisation => group.organisations.push(c.key().to_string()),
    }
    for name in names {
        if !group.alternatives.contains(&name) {
            group.alternatives.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str, kind: ConceptKind, names: &[&str]) -> Concept {
        Concept {
            id: id.into(),
            kind,
            en: names[0].into(),
            zh: names[0].into(),
            names: names.iter().map(|n| n.to_string()).collect(),
        }
    }

    fn sample() -> Vec<Concept> {
        vec![
            concept(
                "activity:peacekeeping",
                ConceptKind::Activity(Some(EventType::Peacekeeping)),
                &[
                    "peacekeeping",
                    "维和",
                    "维持和平",
                    "peacekeeping operations",
                ],
            ),
            concept(
                "series:golden-dragon",
                ConceptKind::Series,
                &["Golden Dragon", "金龙"],
            ),
            concept(
                "country:US",
                ConceptKind::Countries(vec!["US".into()]),
                &["United States", "US", "美国"],
            ),
        ]
    }

    fn expanded(q: &str, literal: &[&str]) -> Query {
        let concepts = sample();
        let literal: Vec<String> = literal.iter().map(|s| s.to_string()).collect();
        expand(q, &concepts, &Thesaurus::new(&concepts), &literal)
    }

    #[test]
    fn a_concept_brings_its_other_names_and_links() {
        let q = expanded("Peacekeeping", &[]);
        assert_eq!(q.groups.len(), 1);
        let g = &q.groups[0];
        assert_eq!(g.typed, vec![Part::Word("peacekeeping".into())]);
        assert!(g.alternatives.contains(&vec![Part::Han("维和".into())]));
        assert!(!g.alternatives.contains(&g.typed));
        assert_eq!(g.types, [EventType::Peacekeeping]);
    }

    /// Regression: "operations" was marked in "joint operations" because the name
    /// "peacekeeping operations" was searched as two words.
    #[test]
    fn a_name_of_several_words_is_searched_as_a_phrase() {
        let g = &expanded("维和", &[]).groups[0];
        let phrase = vec![Part::Phrase("peacekeeping operations".into())];
        assert!(g.alternatives.contains(&phrase));
        assert!(!g
            .alternatives
            .iter()
            .flatten()
            .any(|p| *p == Part::Word("operations".into())));
        let text = "joint operations, and peacekeeping operations";
        let spans = super::super::search::query_spans(text, &expanded("维和", &[]), &[]);
        assert_eq!(spans, [(22, 45)]);
    }

    #[test]
    fn several_words_name_a_series_and_one_word_does_not() {
        let q = expanded("golden dragon 2020", &[]);
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].series, ["golden-dragon"]);
        assert!(q.groups[0]
            .alternatives
            .contains(&vec![Part::Han("金龙".into())]));
        assert!(expanded("dragon", &[]).groups[0].concepts.is_empty());
    }

    #[test]
    fn countries_match_by_code_and_short_names_are_not_text() {
        let g = &expanded("US", &[]).groups[0];
        assert_eq!(g.countries, ["US"]);
        assert!(
            !g.types_text() && g.alternatives.is_empty(),
            "two letters are no text"
        );
        assert!(!g.marks.contains(&vec![Part::Word("us".into())]));
        assert!(g.marks.contains(&vec![Part::Han("美国".into())]));
    }

    #[test]
    fn literal_concepts_and_quoted_phrases_are_searched_as_typed() {
        let g = &expanded("维和", &["activity:peacekeeping"]).groups[0];
        assert!(g.concepts.is_empty());
        assert!(g.types_text() && g.alternatives.is_empty());
        let g = &expanded("\"golden dragon\"", &[]).groups[0];
        assert!(g.concepts.is_empty());
    }
}
