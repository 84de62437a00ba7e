//! What an imported page says about itself: title, publisher, date, languages and kind,
//! each with where it was read, so the header's note can say so and nothing is guessed.

use super::page::Page;
use super::rules::{CuePlace, ImportRules};
use crate::ingest::stamp::{date_at, has_date_time};
use crate::ingest::text::{is_han, language_of};
use crate::model::{Kind, Lang, PartialDate};

/// A value and where it was read ("the page's <h1>", "the line “来源:…”").
#[derive(Clone, Debug, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub from: String,
}

/// Everything the header can be given.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub title: Option<Found<String>>,
    pub publisher: Option<Found<String>>,
    pub published: Option<Found<PartialDate>>,
    /// The fields read from the markup, not from the text (`from_outside`).
    pub outside: Vec<&'static str>,
    pub languages: Vec<Lang>,
    pub kind: Option<Found<Kind>>,
    pub url: Option<String>,
}

impl Facts {
    pub fn read(page: &Page, rules: &ImportRules) -> Facts {
        let title = title_of(page);
        let source_line = page.lines.iter().find(|l| {
            l.chars().count() <= rules.source.max_chars
                && rules.source.labels.iter().any(|s| l.contains(s.as_str()))
        });
        let mut outside = Vec::new();
        let in_text = source_line.and_then(|line| {
            publisher_in(line, rules).map(|value| Found {
                value,
                from: format!("the line “{line}”"),
            })
        });
        let publisher = in_text.or_else(|| {
            let site = page.site_name.clone()?;
            outside.push("publisher");
            Some(Found {
                value: site,
                from: "the site's name in the page's <title> (markup, not text)".into(),
            })
        });
        let published = published_in_text(page, source_line, rules).or_else(|| {
            let found = meta_date(page)?;
            outside.push("published");
            Some(found)
        });
        Facts {
            kind: kind_of(page, title.as_ref().map(|t| t.value.as_str()), rules),
            title,
            publisher,
            outside,
            published,
            languages: languages_of(&page.lines, rules),
            url: page.url.clone(),
        }
    }
}

fn title_of(page: &Page) -> Option<Found<String>> {
    if let Some((value, tag)) = &page.title {
        return Some(Found {
            value: value.clone(),
            from: format!("the page's <{}>", tag.split('[').next().unwrap_or(tag)),
        });
    }
    // A text file's title is its first line, when that is short and not a sentence.
    let first = page.lines.first()?.trim();
    (first.chars().count() <= 60 && !crate::ingest::text::ends_sentence(first)).then(|| Found {
        value: first.to_string(),
        from: "the first line".into(),
    })
}

/// The publisher on a source line: what follows the label, up to a date, a stop word, or a
/// space after a Chinese character ("国防部网 责任编辑…"); an English name keeps its
/// spaces ("China Military Online Editor: …" ends at the stop word).
fn publisher_in(line: &str, rules: &ImportRules) -> Option<String> {
    let (at, label) = rules
        .source
        .labels
        .iter()
        .filter_map(|l| line.find(l.as_str()).map(|i| (i, l)))
        .min()?;
    let rest = line[at + label.len()..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    let after_han_space = rest.char_indices().find_map(|(i, c)| {
        let space = matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t');
        let wide = c == '\u{3000}' || rest[..i].chars().next_back().is_some_and(|p| !p.is_ascii());
        (space && wide).then_some(i)
    });
    let end = rules
        .source
        .stops
        .iter()
        .filter_map(|s| rest.find(s.as_str()))
        .chain(after_han_space)
        .chain(date_at(rest).map(|(i, _, _)| i))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A date on the source line, else on a short line labelled as a date, else on the first
/// short line with a date and a clock time (a page's info line).
fn published_in_text(
    page: &Page,
    source_line: Option<&String>,
    rules: &ImportRules,
) -> Option<Found<PartialDate>> {
    let short = |l: &&String| l.chars().count() <= rules.date.max_chars;
    let labelled = page
        .lines
        .iter()
        .filter(short)
        .filter(|l| rules.date.labels.iter().any(|s| l.contains(s.as_str())));
    let stamped = page.lines.iter().filter(short).filter(|l| has_date_time(l));
    source_line
        .into_iter()
        .chain(labelled)
        .chain(stamped)
        .find_map(|line| {
            date_at(line).map(|(_, value, _)| Found {
                value,
                from: format!("the line “{line}”"),
            })
        })
}

fn meta_date(page: &Page) -> Option<Found<PartialDate>> {
    let (content, selector) = page.meta_date.as_ref()?;
    date_at(content).map(|(_, value, _)| Found {
        value,
        from: format!("the page's tag {selector} (markup, not text)"),
    })
}

/// Chinese when the text has enough Han characters; English when enough letters stand in
/// lines written mostly in Latin letters; in the order each first appears.
fn languages_of(lines: &[String], rules: &ImportRules) -> Vec<Lang> {
    let mut han = 0;
    let mut letters = 0;
    let mut first: [Option<usize>; 2] = [None, None];
    for (i, line) in lines.iter().enumerate() {
        match language_of(line) {
            Lang::Zh => {
                han += line.chars().filter(|&c| is_han(c)).count();
                first[0].get_or_insert(i);
            }
            Lang::En => {
                letters += line.chars().filter(char::is_ascii_alphabetic).count();
                first[1].get_or_insert(i);
            }
        }
    }
    let mut found: Vec<(usize, Lang)> = Vec::new();
    if han >= rules.languages.zh_min_han {
        found.extend(first[0].map(|i| (i, Lang::Zh)));
    }
    if letters >= rules.languages.en_min_letters {
        found.extend(first[1].map(|i| (i, Lang::En)));
    }
    // Below both thresholds (a short brief), the script the text is written in.
    if found.is_empty() && han + letters > 0 {
        let lang = if han * 2 >= letters {
            Lang::Zh
        } else {
            Lang::En
        };
        found.push((0, lang));
    }
    found.sort_by_key(|&(i, _)| i);
    found.into_iter().map(|(_, l)| l).collect()
}

fn kind_of(page: &Page, title: Option<&str>, rules: &ImportRules) -> Option<Found<Kind>> {
    rules.kinds.iter().find_map(|rule| {
        let opening = match rule.place {
            CuePlace::Title => &[][..],
            CuePlace::Text => &page.lines[..rule.lines.min(page.lines.len())],
        };
        let places = title.into_iter().chain(opening.iter().map(String::as_str));
        let places: Vec<&str> = places.collect();
        rule.cues.iter().find_map(|cue| {
            places
                .iter()
                .any(|p| p.contains(cue.as_str()))
                .then(|| Found {
                    value: rule.kind(),
                    from: format!("the cue “{cue}”"),
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Page {
        Page {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            ..Page::default()
        }
    }

    #[test]
    fn the_source_line_gives_publisher_and_date() {
        let rules = ImportRules::builtin();
        for (line, publisher) in [
            (
                "来源:国防部网 责任编辑:王粲 2023-12-28 16:16:45",
                "国防部网",
            ),
            ("2024-03-18 09:12:34　来源：新华网", "新华网"),
            ("来源：解放军报作者：张三 2024-03-18", "解放军报"),
            (
                "Source: China Military Online Editor: Chen Zhuo 2024-05-16 09:12:33",
                "China Military Online",
            ),
            ("Source: Xinhua | 2024-08-05", "Xinhua"),
        ] {
            let facts = Facts::read(&page(&["标题", line, "正文。"]), &rules);
            assert_eq!(facts.publisher.unwrap().value, publisher, "{line}");
            assert!(facts.outside.is_empty());
            assert!(facts.published.is_some());
        }
        let facts = Facts::read(&page(&["标题", "正文没有来源。"]), &rules);
        assert_eq!((facts.publisher, facts.published), (None, None));
        // A page's info line without a label still dates it, from the text.
        let facts = Facts::read(
            &page(&["标题", "央视网消息 2023年04月27日 08:45", "正文。"]),
            &rules,
        );
        assert_eq!(facts.published.unwrap().value.to_string(), "2023-04-27");
        assert!(facts.outside.is_empty());
    }

    #[test]
    fn a_date_from_a_meta_tag_is_marked_as_outside_the_text() {
        let mut p = page(&["标题", "正文。"]);
        p.meta_date = Some((
            "2024-03-18T09:12:00+08:00".into(),
            "meta[name=PubDate]".into(),
        ));
        let facts = Facts::read(&p, &ImportRules::builtin());
        assert_eq!(facts.published.unwrap().value.to_string(), "2024-03-18");
        assert_eq!(facts.outside, ["published"]);
    }

    #[test]
    fn languages_in_the_order_they_appear() {
        let rules = ImportRules::builtin();
        let en = "Military cooperation and exchanges are authorized by China's National Defense Law and serve shared interests.";
        let zh = "开展军事交流与合作是中国《国防法》的明确规定，国际军事合作是党和国家对外工作的重要组成部分。";
        let langs = |lines: &[&str]| Facts::read(&page(lines), &rules).languages;
        assert_eq!(langs(&[en, en, en, zh]), [Lang::En, Lang::Zh]);
        assert_eq!(langs(&[zh, en]), [Lang::Zh]); // one English sentence is not an English half
        assert_eq!(langs(&[zh, en, en, en, zh]), [Lang::Zh, Lang::En]);
        assert_eq!(
            langs(&["A short brief in English."]),
            [Lang::En],
            "below the thresholds"
        );
        assert_eq!(langs(&["简短消息。"]), [Lang::Zh]);
    }

    #[test]
    fn kind_from_cues_and_unknown_without_one() {
        let rules = ImportRules::builtin();
        let kind = |lines: &[&str]| Facts::read(&page(lines), &rules).kind.map(|k| k.value);
        assert_eq!(
            kind(&["国防部例行记者会", "记者：请介绍。"]),
            Some(Kind::PressConference)
        );
        assert_eq!(
            kind(&["新华社北京3月18日电（记者张三）近日……"]),
            Some(Kind::NewsReport)
        );
        assert_eq!(kind(&["新时代的中国国防", "前言"]), None);
    }
}
