//! Builds the thesaurus (`model::Concept`) from `core/data/concepts.toml` and the tables the
//! extractor keeps: exercise series, UN missions, organisations and country names, so each
//! name is written once (docs/search.md, "The thesaurus").

use crate::extract::events::Vocabulary;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{series_id, Concept, ConceptKind, Country, EventType};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    activity: Vec<Activity>,
    names: Vec<MoreNames>,
    shared: Vec<Shared>,
    not_alone: Vec<NotAlone>,
}

#[derive(Deserialize)]
struct Activity {
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    en: Vec<String>,
    zh: Vec<String>,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
struct MoreNames {
    of: String,
    names: Vec<String>,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
struct Shared {
    id: String,
    en: String,
    zh: String,
    names: Vec<String>,
    countries: Vec<String>,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
struct NotAlone {
    names: Vec<String>,
    #[allow(dead_code)]
    why: String,
}

/// The thesaurus for a corpus whose partner and named countries are `countries`.
pub fn build(
    countries: &[Country],
    vocab: &Vocabulary,
    gazetteer: &Gazetteer,
) -> Result<Vec<Concept>, String> {
    let file: File = toml::from_str(include_str!("../../data/concepts.toml"))
        .map_err(|e| format!("data/concepts.toml: {e}"))?;
    let mut out = activities(&file.activity)?;
    out.extend(series(vocab, &file.not_alone));
    out.extend(missions(vocab));
    out.extend(organisations(gazetteer));
    out.extend(country_concepts(countries, gazetteer));
    for more in &file.names {
        match out.iter_mut().find(|c| c.id == more.of) {
            Some(concept) => concept.names.extend(more.names.iter().cloned()),
            // A country this corpus does not name needs no more names.
            None if more.of.starts_with("country:") => {}
            None => return Err(format!("data/concepts.toml: {} names nothing", more.of)),
        }
    }
    for s in &file.shared {
        out.push(Concept {
            id: format!("country:{}", s.id),
            kind: ConceptKind::Countries(s.countries.clone()),
            en: s.en.clone(),
            zh: s.zh.clone(),
            names: s.names.clone(),
        });
    }
    for c in &mut out {
        tidy(&mut c.names);
    }
    Ok(out)
}

fn activities(list: &[Activity]) -> Result<Vec<Concept>, String> {
    list.iter()
        .map(|a| {
            let kind = match &a.kind {
                Some(slug) => Some(EventType::from_slug(slug).ok_or_else(|| {
                    format!(
                        "data/concepts.toml: {}: {slug:?} is not a codebook type",
                        a.id
                    )
                })?),
                None => None,
            };
            Ok(Concept {
                id: format!("activity:{}", a.id),
                kind: ConceptKind::Activity(kind),
                en: a.en.first().cloned().unwrap_or_default(),
                zh: a.zh.first().cloned().unwrap_or_default(),
                names: a.en.iter().chain(&a.zh).cloned().collect(),
            })
        })
        .collect()
}

/// Series, by their English names; a name that is an ordinary word ("Peace") is not one
/// of its search names.
fn series(vocab: &Vocabulary, not_alone: &[NotAlone]) -> Vec<Concept> {
    let words: Vec<String> = not_alone
        .iter()
        .flat_map(|n| n.names.iter().map(|w| w.to_lowercase()))
        .collect();
    vocab
        .series
        .iter()
        .filter_map(|s| {
            let en = s.en.first()?;
            let names = std::iter::once(s.zh.clone())
                .chain(s.en.iter().cloned())
                .filter(|n| !words.contains(&n.to_lowercase()))
                .collect();
            Some(Concept {
                id: format!("series:{}", series_id(en)),
                kind: ConceptKind::Series,
                en: en.clone(),
                zh: s.zh.clone(),
                names,
            })
        })
        .collect()
}

fn missions(vocab: &Vocabulary) -> Vec<Concept> {
    vocab
        .missions
        .iter()
        .map(|m| Concept {
            id: format!("mission:{}", m.name),
            kind: ConceptKind::Mission,
            en: m.name.clone(),
            zh: m.names.first().cloned().unwrap_or_else(|| m.name.clone()),
            names: std::iter::once(m.name.clone())
                .chain(m.names.iter().cloned())
                .collect(),
        })
        .collect()
}

fn organisations(gazetteer: &Gazetteer) -> Vec<Concept> {
    gazetteer
        .organisation_names()
        .into_iter()
        .map(|(code, names)| Concept {
            zh: gazetteer
                .organisation_zh(&code)
                .unwrap_or(code.as_str())
                .to_string(),
            en: code.clone(),
            id: format!("organisation:{code}"),
            kind: ConceptKind::Organisation,
            names: std::iter::once(code).chain(names).collect(),
        })
        .collect()
}

/// One concept per country of the corpus: CLDR's names and the aliases, without the
/// one-character abbreviations (俄 would find 白俄罗斯).
fn country_concepts(countries: &[Country], gazetteer: &Gazetteer) -> Vec<Concept> {
    countries
        .iter()
        .map(|c| Concept {
            id: format!("country:{}", c.code),
            kind: ConceptKind::Countries(vec![c.code.clone()]),
            en: c.en.clone(),
            zh: c.zh.clone(),
            names: [c.en.clone(), c.zh.clone()]
                .into_iter()
                .chain(gazetteer.names_of(&c.code))
                .filter(|n| n.chars().count() > 1)
                .collect(),
        })
        .collect()
}

/// Names once each, in the order first given.
fn tidy(names: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    names.retain(|n| {
        let key = n.trim().to_lowercase();
        let new = !key.is_empty() && !seen.contains(&key);
        seen.push(key);
        new
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> Vec<Concept> {
        let countries = ["RU", "CD", "CG", "US", "LB", "KR", "KP", "MM"]
            .map(|code| Country {
                code: code.to_string(),
                en: code.to_string(),
                zh: code.to_string(),
            })
            .to_vec();
        build(&countries, &Vocabulary::builtin(), &Gazetteer::builtin()).expect("builds")
    }

    fn names_of(all: &[Concept], id: &str) -> Vec<String> {
        all.iter()
            .filter(|c| c.id == id)
            .flat_map(|c| c.names.clone())
            .collect()
    }

    #[test]
    fn every_kind_of_entry_is_built() {
        let all = built();
        assert!(names_of(&all, "activity:peacekeeping").contains(&"维和".to_string()));
        assert!(names_of(&all, "series:golden-dragon").contains(&"金龙".to_string()));
        assert!(names_of(&all, "series:kavkaz").contains(&"Caucasus".to_string()));
        assert!(names_of(&all, "organisation:SCO").contains(&"上合组织".to_string()));
        assert!(names_of(&all, "mission:UNIFIL").contains(&"联黎部队".to_string()));
        assert!(names_of(&all, "country:US").contains(&"America".to_string()));
        assert!(names_of(&all, "country:RU").contains(&"俄罗斯".to_string()));
        let congo = all
            .iter()
            .find(|c| c.id == "country:congo")
            .expect("shared name");
        assert_eq!(
            congo.kind,
            ConceptKind::Countries(vec!["CD".into(), "CG".into()])
        );
    }

    #[test]
    fn ids_are_unique_and_words_are_not_series_names() {
        let all = built();
        let mut ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "two entries share an id");
        assert!(!names_of(&all, "series:aman").iter().any(|n| n == "Peace"));
        assert!(!names_of(&all, "country:RU").iter().any(|n| n == "俄"));
    }
}
