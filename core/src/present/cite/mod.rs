//! Citations: what is cited (`reference`: a passage, a document, an event, a view) and
//! how it is written (`styles`: Chicago, APA, BibTeX, RIS, CSL-JSON); and the one line
//! that says what a view shows. What the source does not say is written as unknown, never
//! filled in.

pub mod reference;
pub mod styles;

use crate::model::Dataset;
use crate::present::ui::Ui;
use crate::query::filter::{CountryMode, FilterKey, Filters};
use crate::route::{Route, Url};

/// One line saying what a view shows: "Timeline: 12 events · type Exercise · country
/// Russia (RU) · years 2015–2020 · search “联合”".
pub fn view(ds: &Dataset, url: &Url, passages: usize, events: usize, ui: Ui) -> String {
    let what = match &url.route {
        Route::Home => return ui.pick("The list of documents", "文献列表").to_string(),
        Route::Document(id) | Route::Passage(id) => {
            let p = ds.passage(id);
            let doc = match p {
                Some(p) => Some(&ds.documents[p.doc as usize]),
                None => ds.document(id).map(|(_, d)| d),
            };
            let title = doc.map_or(id.as_str(), |d| d.title.as_str());
            let mut s = match p {
                Some(p) => format!("{title} ¶{}", p.index),
                None => title.to_string(),
            };
            if url.parallel {
                s.push_str(ui.pick(", Chinese and English side by side", "，中英对照"));
            }
            return s;
        }
        Route::Series(id) | Route::Mission(id) => {
            let key = match &url.route {
                Route::Series(_) => format!("series:{id}"),
                _ => format!("mission:{id}"),
            };
            let name = ds
                .concept(&key)
                .map_or(id.as_str(), |c| c.label(ui == Ui::Zh));
            return format!("{name}: {}", ui.count(events, "event", "events", "个事件"));
        }
        Route::Explore(_) => ui.pick("Explore", "浏览"),
        Route::Timeline(_) => ui.pick("Timeline", "时间线"),
        Route::Countries(_) => ui.pick("Partner countries", "合作国家"),
        Route::Stats(_) => ui.pick("Statistics", "统计"),
    };
    let mut parts = vec![format!(
        "{what}: {}, {}",
        ui.count(passages, "passage", "passages", "段"),
        ui.count(events, "event", "events", "个事件")
    )];
    if let Some(f) = url.route.filters() {
        parts.extend(filters(ds, f, ui));
    }
    if let Some(e) = url.event.as_deref().and_then(|id| ds.event(id)) {
        let name = e
            .name
            .clone()
            .unwrap_or_else(|| ui.event_type(e.kind).to_string());
        parts.push(format!("{} {name}", ui.pick("opened:", "已打开：")));
    }
    parts.join(" · ")
}

/// The filters in words, one part per kind.
pub fn filters(ds: &Dataset, f: &Filters, ui: Ui) -> Vec<String> {
    FilterKey::ALL
        .into_iter()
        .filter_map(|key| filter_words(ds, f, key, ui))
        .collect()
}

/// One filter in words ("country Russia (RU), Pakistan (PK)"), if it is set: the parts of a
/// view's description, and the chips that remove a filter.
pub fn filter_words(ds: &Dataset, f: &Filters, key: FilterKey, ui: Ui) -> Option<String> {
    let words = |en: &str, zh: &str, value: String| Some(format!("{} {value}", ui.pick(en, zh)));
    match key {
        FilterKey::Query if !f.q.is_empty() => words("search", "搜索", format!("“{}”", f.q)),
        FilterKey::Literal if !f.literal.is_empty() => {
            let names: Vec<&str> = f
                .literal
                .iter()
                .map(|id| {
                    ds.concept(id)
                        .map_or(id.as_str(), |c| c.label(ui == Ui::Zh))
                })
                .collect();
            words("as typed:", "按输入：", names.join(", "))
        }
        FilterKey::Year => f.years.and_then(|(a, b)| {
            let years = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            words("years", "年份", years)
        }),
        FilterKey::Country if !f.countries.is_empty() => {
            let names: Vec<String> = f
                .countries
                .iter()
                .map(|c| match ds.country(c) {
                    Some(x) => format!("{} ({c})", ui.pick(&x.en, &x.zh)),
                    None => c.clone(),
                })
                .collect();
            words("country", "国家", names.join(", "))
        }
        FilterKey::CountryMode if f.country_mode == CountryMode::Named => words(
            "countries",
            "国家",
            ui.pick("named in the text", "原文提及").to_string(),
        ),
        FilterKey::Type if !f.types.is_empty() => {
            let names: Vec<&str> = f.types.iter().map(|t| ui.event_type(*t)).collect();
            words("type", "类型", names.join(", "))
        }
        FilterKey::Doc if !f.docs.is_empty() => {
            let names: Vec<&str> = f
                .docs
                .iter()
                .map(|d| ds.document(d).map_or(d.as_str(), |(_, x)| x.title.as_str()))
                .collect();
            words("document", "文献", names.join(", "))
        }
        FilterKey::Lang => f
            .lang
            .and_then(|l| words("language", "语言", ui.lang(l).to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, Document, Lang, PartialDate, Passage, StoredDataset};

    fn stored() -> StoredDataset {
        let mut ds = StoredDataset::default();
        ds.documents.push(Document {
            title: "国际军事合作".into(),
            ..Document::stub("d")
        });
        ds.passages.push(Passage {
            id: "d.1".into(),
            doc: 0,
            index: 3,
            lang: Lang::Zh,
            section: None,
            text: String::new(),
            years: vec![],
            countries: vec![],
            partners: Vec::new(),
        });
        ds.countries.push(Country {
            code: "RU".into(),
            en: "Russia".into(),
            zh: "俄罗斯".into(),
        });
        ds
    }

    fn dataset() -> Dataset {
        Dataset::new(stored()).unwrap()
    }

    #[test]
    fn a_passage_of_a_bilingual_document_says_which_half() {
        use reference::Reading;
        use styles::Format;
        let mut two = stored();
        two.documents[0].languages = vec![Lang::Zh, Lang::En];
        two.passages[0].lang = Lang::En;
        two.version = "2026-11-26.abcdef01".into();
        let ds = Dataset::new(two).unwrap();
        let reading = Reading {
            ds: &ds,
            accessed: PartialDate::parse("2026-11-27").unwrap(),
        };
        let r = reading.passage(&ds.passages[0], "L");
        assert_eq!(r.key, "milcoop-d-p3");
        assert_eq!(
            Format::ChicagoNote.render(&r),
            "国际军事合作 (n.d.), para. 3 (English text), via Milcoop, dataset version 2026-11-26.abcdef01, L, accessed November 27, 2026."
        );
        let view = reading.view("Timeline: 4 passages", "V");
        assert!(Format::Apa.render(&view).starts_with(
            "Milcoop. (2026, November 26). Timeline: 4 passages (Version 2026-11-26.abcdef01) [Data set]."
        ));
    }

    #[test]
    fn a_view_is_described_in_one_line() {
        let ds = dataset();
        let (url, _) = Url::parse("?view=timeline&country=RU&year=2015-2020&type=exercise");
        assert_eq!(
            view(&ds, &url, 4, 1, Ui::En),
            "Timeline: 4 passages, 1 event · years 2015–2020 · country Russia (RU) · type Exercise"
        );
        assert_eq!(
            view(&ds, &url, 4, 1, Ui::Zh),
            "时间线: 4 段, 1 个事件 · 年份 2015–2020 · 国家 俄罗斯 (RU) · 类型 联合演训"
        );
        let (url, _) = Url::parse("?p=d.1&parallel=1");
        assert_eq!(
            view(&ds, &url, 0, 0, Ui::En),
            "国际军事合作 ¶3, Chinese and English side by side"
        );
    }
}
