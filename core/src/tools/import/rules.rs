//! The import rules of `core/rules/import.toml`, with their CSS selectors compiled.

use crate::model::Kind;
use scraper::Selector;
use serde::Deserialize;

/// What `milcoop import` looks for, read from the rules file.
pub struct ImportRules {
    /// Every element whose text is never the document's, as one selector list.
    pub drop: Selector,
    pub title_selectors: Vec<(String, Selector)>,
    pub site_separators: Vec<String>,
    /// The longest channel name cut from a `<title>` after the site's name.
    pub channel_max_chars: usize,
    pub source: SourceRules,
    pub date: DateRules,
    pub date_meta: Vec<(String, Selector)>,
    pub url_selectors: Vec<(String, Selector)>,
    pub languages: LanguageRules,
    pub kinds: Vec<KindRule>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SourceRules {
    pub labels: Vec<String>,
    pub stops: Vec<String>,
    pub max_chars: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct DateRules {
    pub labels: Vec<String>,
    pub max_chars: usize,
    meta: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LanguageRules {
    pub zh_min_han: usize,
    pub en_min_letters: usize,
}

/// Cue words for one kind of document.
#[derive(Clone, Debug, Deserialize)]
pub struct KindRule {
    #[serde(rename = "kind")]
    slug: String,
    #[serde(rename = "in")]
    pub place: CuePlace,
    #[serde(default)]
    pub lines: usize,
    pub cues: Vec<String>,
}

impl KindRule {
    pub fn kind(&self) -> Kind {
        Kind::from_slug(&self.slug).expect("checked when the rules are read")
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CuePlace {
    Title,
    Text,
}

#[derive(Deserialize)]
struct File {
    drop: Vec<String>,
    title: TitleRules,
    source: SourceRules,
    date: DateRules,
    url: UrlRules,
    languages: LanguageRules,
    kind: Vec<KindRule>,
}

#[derive(Deserialize)]
struct TitleRules {
    selectors: Vec<String>,
    site_separators: Vec<String>,
    channel_max_chars: usize,
}

#[derive(Deserialize)]
struct UrlRules {
    selectors: Vec<String>,
}

impl ImportRules {
    /// The rules shipped with the crate.
    pub fn builtin() -> ImportRules {
        ImportRules::parse(include_str!("../../../rules/import.toml"))
            .expect("built-in rules parse")
    }

    /// Reads a rules file; an error names the selector or kind that is wrong.
    pub fn parse(toml_text: &str) -> Result<ImportRules, String> {
        let file: File = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        if let Some(bad) = file
            .kind
            .iter()
            .find(|k| Kind::from_slug(&k.slug).is_none())
        {
            return Err(format!("kind {:?} is not a document kind", bad.slug));
        }
        let compile = |css: &str| {
            Selector::parse(css).map_err(|e| format!("selector {css:?} does not parse: {e}"))
        };
        let named = |list: &[String]| -> Result<Vec<(String, Selector)>, String> {
            list.iter().map(|s| Ok((s.clone(), compile(s)?))).collect()
        };
        Ok(ImportRules {
            drop: compile(&file.drop.join(", "))?,
            title_selectors: named(&file.title.selectors)?,
            site_separators: file.title.site_separators,
            channel_max_chars: file.title.channel_max_chars,
            date_meta: named(&file.date.meta)?,
            url_selectors: named(&file.url.selectors)?,
            source: file.source,
            date: file.date,
            languages: file.languages,
            kinds: file.kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_rules_read_and_bad_ones_are_named() {
        let rules = ImportRules::builtin();
        assert!(!rules.kinds.is_empty());
        let shipped = include_str!("../../../rules/import.toml");
        let err = ImportRules::parse(&shipped.replace("\"nav\", \"aside\"", "\"nav[\", \"aside\""))
            .err()
            .unwrap();
        assert!(err.contains("nav["), "{err}");
        let err = ImportRules::parse(&shipped.replace("kind = \"news-report\"", "kind = \"memo\""))
            .err()
            .unwrap();
        assert!(err.contains("memo"), "{err}");
    }
}
