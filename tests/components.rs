//! Component tests: the real `App` mounted in headless Chromium (wasm-bindgen-test), with
//! the real embedded dataset and the URL set as a reader's browser would have it.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use milcoop_core::model::{Alias, AnchorMethod, Dataset, Orphan, StoredDataset};
use milcoop_core::Route;
use milcoop_web::boot::CorpusError;
use milcoop_web::data::dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{all, mount_at, mount_view_at, text, until};

#[wasm_bindgen_test]
async fn home_lists_every_document_with_its_metadata() {
    let data = dataset().unwrap();
    let (root, _handle) = mount_at("");
    leptos::task::tick().await;
    let cards = all(&root, ".doc-card");
    assert_eq!(cards.len(), data.documents.len());
    assert_eq!(cards.len(), 5);
    for (card, doc) in cards.iter().zip(&data.documents) {
        assert_eq!(
            card.get_attribute("data-doc-id").as_deref(),
            Some(doc.id.as_str())
        );
        let shown = text(card);
        assert!(shown.contains(&doc.title), "{shown}");
        let count = data.passages_of(data.document(&doc.id).unwrap().0).count();
        let passages = card
            .query_selector("[data-field=passages]")
            .unwrap()
            .unwrap();
        assert_eq!(text(&passages), count.to_string());
        let published = text(
            &card
                .query_selector("[data-field=published]")
                .unwrap()
                .unwrap(),
        );
        match doc.published {
            Some(d) => assert!(published.starts_with(&d.long_en()), "{published}"),
            None => assert_eq!(published, "Date unknown"),
        }
    }
}

#[wasm_bindgen_test]
async fn a_cold_passage_link_opens_its_document_with_that_passage_highlighted() {
    let data = dataset().unwrap();
    let target = data
        .passages
        .iter()
        .find(|p| p.text.contains("与12国防务部门领导人通话"))
        .expect("the moved-column join is in the dataset");
    let (root, _handle) = mount_at(&Route::Passage(target.id.clone()).to_query());
    leptos::task::tick().await;
    let current = all(&root, "[aria-current=true][data-passage-id]");
    assert_eq!(current.len(), 1, "exactly one highlighted passage");
    assert_eq!(
        current[0].get_attribute("data-passage-id").as_deref(),
        Some(target.id.as_str())
    );
    assert!(text(&current[0]).contains(&target.text));
    let doc = &data.documents[target.doc as usize];
    assert_eq!(
        all(&root, "[data-passage-id]").len(),
        data.passages_of(target.doc).count(),
        "the whole document is shown around the passage"
    );
    assert!(text(&root).contains(&doc.title));
}

#[wasm_bindgen_test]
async fn bilingual_documents_mark_each_passage_with_its_language() {
    let data = dataset().unwrap();
    let doc = data
        .documents
        .iter()
        .find(|d| d.languages.len() > 1)
        .expect("a bilingual document");
    let (root, _handle) = mount_at(&Route::Document(doc.id.clone()).to_query());
    leptos::task::tick().await;
    let zh = all(&root, "[data-passage-id][lang=zh]").len();
    let en = all(&root, "[data-passage-id][lang=en]").len();
    assert!(zh > 0 && en > 0, "zh {zh}, en {en}");
    assert_eq!(all(&root, ".lang-badge").len(), zh + en);
}

#[wasm_bindgen_test]
async fn an_unknown_passage_shows_not_found_with_a_way_back() {
    let (root, _handle) = mount_at("?p=no-such-doc.000000");
    leptos::task::tick().await;
    let missing = root
        .query_selector("[data-testid=not-found]")
        .unwrap()
        .expect("not-found view");
    assert!(text(&missing).contains("no-such-doc.000000"));
    let back = missing.query_selector("a").unwrap().expect("a link back");
    assert!(text(&back).contains("document list"));
    assert!(all(&root, "[data-passage-id]").is_empty());
}

#[wasm_bindgen_test]
async fn markup_in_a_link_is_shown_as_text() {
    let (root, _handle) = mount_at("?p=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&x=%3Cscript%3E");
    leptos::task::tick().await;
    assert!(all(&root, "img").is_empty());
    assert!(all(&root, "main script").is_empty());
    assert!(text(&root).contains("<img src=x onerror=alert(1)>"));
    let notice = root
        .query_selector("[data-testid=url-notice]")
        .unwrap()
        .expect("notice");
    assert!(text(&notice).contains("x=<script>"));
}

#[wasm_bindgen_test]
async fn links_navigate_in_place_and_push_history() {
    let (root, _handle) = mount_at("");
    leptos::task::tick().await;
    let history = web_sys::window().unwrap().history().unwrap();
    let before = history.length().unwrap();
    let first = root.query_selector(".doc-card a").unwrap().unwrap();
    first.unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    assert!(root.query_selector("article.reader").unwrap().is_some());
    // The history is written once the frame is drawn (src/nav.rs).
    let search = || web_sys::window().unwrap().location().search().unwrap();
    until(|| search().starts_with("?doc=")).await;
    let search = search();
    assert!(search.starts_with("?doc="), "{search}");
    assert_eq!(history.length().unwrap(), before + 1);
}

/// The page opens its own links through one listener (`nav::follow`); a click with a
/// modifier key (a new tab, a new window) must reach the browser untouched.
#[wasm_bindgen_test]
async fn a_click_with_a_modifier_key_is_left_to_the_browser() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let (root, _handle) = mount_at("");
    leptos::task::tick().await;
    // Registered after the page's own listener, so it sees what that one did, and then
    // keeps the test page from following the link.
    let prevented = Rc::new(Cell::new(None));
    let seen = prevented.clone();
    let after = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        seen.set(Some(ev.default_prevented()));
        ev.prevent_default();
    });
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    let link = root.query_selector(".doc-card a").unwrap().unwrap();
    let click = |ctrl: bool| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_ctrl_key(ctrl);
        let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        link.dispatch_event(&ev).unwrap();
    };
    click(true);
    leptos::task::tick().await;
    assert_eq!(
        prevented.get(),
        Some(false),
        "a ctrl-click is the browser's"
    );
    assert!(root.query_selector("article.reader").unwrap().is_none());
    click(false);
    leptos::task::tick().await;
    assert_eq!(prevented.get(), Some(true), "a plain click is the page's");
    assert!(root.query_selector("article.reader").unwrap().is_some());
    window
        .remove_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
}

#[wasm_bindgen_test]
async fn copy_link_reports_the_absolute_passage_link() {
    let data = dataset().unwrap();
    let doc = &data.documents[0];
    let (root, _handle) = mount_at(&Route::Document(doc.id.clone()).to_query());
    leptos::task::tick().await;
    let passage = root.query_selector("[data-passage-id]").unwrap().unwrap();
    let id = passage.get_attribute("data-passage-id").unwrap();
    passage
        .query_selector(".copy-link")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    // The clipboard answers asynchronously: either the copied link or a field to copy it by hand.
    let status = root
        .query_selector("[data-testid=copy-status]")
        .unwrap()
        .unwrap();
    until(|| status.child_element_count() > 0).await;
    let location = web_sys::window().unwrap().location();
    let expected = format!(
        "{}{}?p={id}",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    let shown = match status.query_selector("input").unwrap() {
        Some(input) => input.unchecked_into::<web_sys::HtmlInputElement>().value(),
        None => text(&status.query_selector("code").unwrap().expect("copied link")),
    };
    assert_eq!(shown, expected);
}

/// The real dataset plus a link history: one re-anchored id and one orphan.
fn dataset_with_history() -> &'static Dataset {
    let real = dataset().unwrap();
    let mut data = StoredDataset::clone(real);
    data.aliases.push(Alias {
        old: "review-2020.0ld001".into(),
        passage: 3,
        method: AnchorMethod::FuzzyQuote,
    });
    data.orphans.push(Orphan {
        old: "review-2020.0ld002".into(),
        doc: real.document("review-2020").map(|(i, _)| i),
        quote: "一段已不在语料中的文字。".into(),
    });
    Box::leak(Box::new(Dataset::new(data).unwrap()))
}

#[wasm_bindgen_test]
async fn a_dataset_with_an_index_out_of_range_is_refused_in_the_page() {
    let mut damaged = StoredDataset::clone(dataset().unwrap());
    damaged.events[0].sources[0].passage = 9999;
    let error = Dataset::decode(&damaged.encode())
        .map(|_| ())
        .map_err(|e| milcoop_web::data::unreadable("dataset-test.bin", e))
        .expect_err("the page must not read a dataset whose indexes point nowhere");
    let (root, _handle) = common::mount("", move || {
        view! { <CorpusError error=error ui=milcoop_core::Ui::En /> }
    });
    leptos::task::tick().await;
    let alert = root
        .query_selector("[data-testid=corpus-error]")
        .unwrap()
        .expect("an alert in the page");
    let shown = text(&alert);
    assert!(shown.contains("dataset-test.bin"), "{shown}");
    assert!(shown.contains("cites passage 9999"), "{shown}");
}

#[wasm_bindgen_test]
async fn a_re_anchored_link_opens_the_new_passage_and_says_so() {
    let data = dataset_with_history();
    let (root, _handle) = mount_view_at("?p=review-2020.0ld001", data);
    leptos::task::tick().await;
    let current = all(&root, "[aria-current=true][data-passage-id]");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].get_attribute("data-passage-id").as_deref(),
        Some(data.passages[3].id.as_str())
    );
    let notice = root
        .query_selector("[data-testid=reanchored]")
        .unwrap()
        .expect("a notice about the old link");
    assert!(text(&notice).contains("fuzzy quote"), "{}", text(&notice));
}

#[wasm_bindgen_test]
async fn an_orphaned_link_shows_its_old_text_and_opens_nothing_else() {
    let data = dataset_with_history();
    let (root, _handle) = mount_view_at("?p=review-2020.0ld002", data);
    leptos::task::tick().await;
    let orphan = root
        .query_selector("[data-testid=orphan]")
        .unwrap()
        .expect("the orphan view");
    assert!(text(&orphan).contains("一段已不在语料中的文字。"));
    assert!(all(&root, "[data-passage-id]").is_empty());
    assert!(orphan
        .query_selector("a[href='?doc=review-2020']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn the_reader_marks_each_passages_events_with_links_to_their_other_sources() {
    let data = dataset().unwrap();
    let event = data
        .events
        .iter()
        .find(|e| e.sources.len() > 1 && e.name.is_some())
        .expect("a named event reported in several passages");
    let first = &data.passages[event.sources[0].passage as usize];
    let (root, _handle) = mount_at(&Route::Passage(first.id.clone()).to_query());
    leptos::task::tick().await;
    let passage = root
        .query_selector(&format!("[data-passage-id='{}']", first.id))
        .unwrap()
        .unwrap();
    let shown = all(&passage, "[data-event-id]");
    let expected: Vec<&str> = data
        .events_in(event.sources[0].passage)
        .map(|e| e.id.as_str())
        .collect();
    let ids: Vec<String> = shown
        .iter()
        .map(|e| e.get_attribute("data-event-id").unwrap())
        .collect();
    assert_eq!(ids, expected);
    let item = passage
        .query_selector(&format!("[data-event-id='{}']", event.id))
        .unwrap()
        .unwrap();
    // What happened, in the interface language, and its type.
    assert!(text(&item).contains(&event.title_en), "{}", text(&item));
    assert!(!event.title_en.is_empty());
    assert!(text(&item).contains(event.kind.label()));
    for code in &event.countries {
        assert!(text(&item).contains(code.as_str()), "{code}");
    }
    let links: Vec<String> = all(&item, ".event-sources a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    let mut others: Vec<String> = event.sources[1..]
        .iter()
        .filter(|s| s.passage != event.sources[0].passage)
        .map(|s| Route::Passage(data.passages[s.passage as usize].id.clone()).to_query())
        .collect();
    others.dedup();
    assert_eq!(links, others);
}
