//! Which page a link shows, and the document title and language that go with it.

use leptos::prelude::*;
use milcoop_core::model::{Dataset, Resolution};
use milcoop_core::{Route, Ui, Url};

/// Which page the link shows. Filters and the selected event are left out, so changing
/// them (typing a query, zooming) updates the page in place instead of rebuilding it.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Home,
    /// A document, and whether it is read in parallel (Chinese beside English).
    Document(String, bool),
    Passage(String, bool),
    Explore,
    Timeline,
    Countries,
    Stats,
    /// An exercise series' or a UN mission's page.
    Series(String),
    Mission(String),
}

impl From<&Url> for Page {
    fn from(url: &Url) -> Page {
        match &url.route {
            Route::Home => Page::Home,
            Route::Document(d) => Page::Document(d.clone(), url.parallel),
            Route::Passage(p) => Page::Passage(p.clone(), url.parallel),
            Route::Explore(_) => Page::Explore,
            Route::Timeline(_) => Page::Timeline,
            Route::Countries(_) => Page::Countries,
            Route::Stats(_) => Page::Stats,
            Route::Series(id) => Page::Series(id.clone()),
            Route::Mission(id) => Page::Mission(id.clone()),
        }
    }
}

impl Page {
    /// Whether the page needs the wide frame: the filtered views with their side panels and
    /// charts, and Chinese beside English. (A class on `main` rather than `main:has(…)` in
    /// the style sheet: with `:has()` every row a view adds or removes made Chromium
    /// re-check the rule, up to two milliseconds an interaction at 100× the corpus.)
    pub fn wide(&self) -> bool {
        matches!(
            self,
            Page::Explore
                | Page::Timeline
                | Page::Countries
                | Page::Stats
                | Page::Document(_, true)
                | Page::Passage(_, true)
        )
    }

    /// The page's own title, before the site's name; `None` for the home page.
    pub fn title(&self, data: &Dataset, ui: Ui) -> Option<String> {
        match self {
            Page::Home => None,
            Page::Explore => Some(ui.pick("Explore", "浏览与搜索").to_string()),
            Page::Timeline => Some(ui.pick("Timeline", "时间线").to_string()),
            Page::Countries => Some(ui.pick("Partner countries", "合作国家").to_string()),
            Page::Stats => Some(ui.pick("Statistics", "统计").to_string()),
            Page::Document(id, _) => data.document(id).map(|(_, d)| d.title.clone()),
            Page::Series(id) => data
                .concept(&format!("series:{id}"))
                .map(|c| c.label(ui == Ui::Zh).to_string()),
            Page::Mission(id) => data
                .concept(&format!("mission:{id}"))
                .map(|c| c.label(ui == Ui::Zh).to_string()),
            Page::Passage(id, _) => match data.resolve(id) {
                Resolution::Current(p) | Resolution::Moved(p, _) => Some(format!(
                    "¶{} · {}",
                    p.index, data.documents[p.doc as usize].title
                )),
                _ => None,
            },
        }
    }
}

/// Keeps the document's title and `lang` in step with the page and interface language.
pub fn sync_document_title(data: &'static Dataset, page: Memo<(Page, Ui)>) {
    Effect::new(move |_| {
        let (page, ui) = page.get();
        let site = ui.pick(
            "Milcoop — China's international military cooperation",
            "Milcoop — 中国国际军事合作",
        );
        document().set_title(&match page.title(data, ui) {
            Some(t) => format!("{t} — Milcoop"),
            None => site.to_string(),
        });
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", ui.code());
        }
    });
}
