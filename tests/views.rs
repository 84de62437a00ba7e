//! Browser tests (wasm-bindgen-test in headless Chromium) of the timeline's layout maths on
//! the real dataset, as the page runs them, and of the timeline, countries, statistics,
//! parallel-text and bilingual views mounted from a URL.

#![cfg(target_arch = "wasm32")]

use milcoop_core::model::{Event, EventType, PartialDate};
use milcoop_core::query::filter::{apply, Filters};
use milcoop_core::query::stats::span;
use milcoop_core::query::timeline::{layout, pan, zoom, zoom_at, Scale, Window, LANES, MIN_MARK};
use milcoop_web::data::dataset;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{all, mount_at, text, until};

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn click(el: &web_sys::Element) {
    el.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
            let init = web_sys::MouseEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
}

#[wasm_bindgen_test]
fn the_scale_is_monotonic_and_in_whole_pixels_inside_its_box() {
    let s = Scale::new(2001, 2023, 150, 840);
    let mut last = i32::MIN;
    for y in 2001..=2024 {
        let x = s.x(y);
        assert!(x > last, "{y}");
        assert!((150..=990).contains(&x), "{y} at {x}");
        last = x;
    }
    // A day lies inside its month, a month inside its year.
    let day = s.extent(PartialDate::parse("2020-09-19").unwrap(), None);
    let month = s.extent(PartialDate::parse("2020-09").unwrap(), None);
    let year = s.extent(PartialDate::parse("2020").unwrap(), None);
    assert!(year.0 <= month.0 && month.1 <= year.1);
    assert!(month.0 <= day.0 && day.1 <= month.1);
}

#[wasm_bindgen_test]
fn marks_of_the_real_corpus_never_overlap_on_a_row() {
    let data = dataset().unwrap();
    let all = span(data, 0..data.events.len() as u32).unwrap();
    let events: Vec<&Event> = data.events.iter().collect();
    for range in [all, (2020, 2020), (2015, 2017)] {
        let scale = Scale::new(range.0, range.1, 150, 840);
        let l = layout(&events, &scale);
        for (i, a) in l.marks.iter().enumerate() {
            assert!(a.x1 - a.x0 >= MIN_MARK, "{a:?}");
            assert_eq!(LANES[a.lane], events[a.event].kind);
            for b in &l.marks[i + 1..] {
                if a.lane == b.lane && a.row == b.row {
                    assert!(
                        a.x1 <= b.x0 || b.x1 <= a.x0,
                        "{a:?} overlaps {b:?} in {range:?}"
                    );
                }
            }
        }
        let undated = data.events.iter().filter(|e| e.start.is_none()).count();
        assert_eq!(l.undated.len(), undated);
    }
}

#[wasm_bindgen_test]
fn zoom_and_pan_stay_inside_the_corpus_years() {
    let data = dataset().unwrap();
    let (first, last) = span(data, 0..data.events.len() as u32).unwrap();
    let bounds = Window::years(first, last);
    let mut range = bounds;
    for step in 0..40 {
        range = match step % 4 {
            0 => zoom(range, 0.5, bounds),
            1 => pan(range, 3, bounds),
            2 => zoom_at(range, 1.6, 0.2, bounds),
            _ => pan(range, -7, bounds),
        };
        assert!(range.from <= range.to, "{range:?}");
        assert!(
            range.from >= bounds.from && range.to <= bounds.to,
            "{range:?}"
        );
    }
    assert_eq!(zoom(zoom(bounds, 0.5, bounds), 64.0, bounds), bounds);
}

#[wasm_bindgen_test]
async fn the_timeline_draws_the_filtered_events_and_opens_one() {
    let data = dataset().unwrap();
    let (root, _handle) = mount_at("?view=timeline&year=2020&type=exercise");
    leptos::task::tick().await;
    let f = Filters {
        types: vec![EventType::Exercise],
        ..Filters::default()
    };
    let expected: Vec<&Event> = apply(data, &f)
        .events
        .iter()
        .map(|&i| &data.events[i as usize])
        .filter(|e| {
            e.start
                .is_some_and(|s| s.year <= 2020 && e.end.map_or(s.year, |d| d.year) >= 2020)
        })
        .collect();
    let marks = all(&root, "svg.timeline [data-event-id]");
    assert_eq!(marks.len(), expected.len());
    assert!(!expected.is_empty());

    click(&marks[0]);
    leptos::task::tick().await;
    until(|| !all(&root, "[data-testid=event-panel]").is_empty()).await;
    let id = marks[0].get_attribute("data-event-id").unwrap();
    // The history is written once the frame is drawn (src/nav.rs).
    until(|| search().contains("event=")).await;
    assert!(
        search().contains(&format!("event={}", id.replace(' ', "+"))),
        "{}",
        search()
    );
    let panel = &all(&root, "[data-testid=event-panel]")[0];
    let e = data.event(&id).unwrap();
    assert_eq!(
        all(panel, "[data-testid=event-sources] li").len(),
        e.sources.len()
    );

    let zoom_out = &all(&root, "[data-testid=zoom-out]")[0];
    click(zoom_out);
    leptos::task::tick().await;
    until(|| !search().contains("year=2020&")).await;
    assert!(!search().contains("year=2020&"), "zoomed out: {}", search());
}

#[wasm_bindgen_test]
async fn the_overview_counts_every_dated_event_once() {
    let data = dataset().unwrap();
    let (root, _handle) = mount_at("?view=timeline");
    leptos::task::tick().await;
    let drawn: usize = all(&root, "[data-testid=overview] .bar").len();
    assert!(drawn > 0);
    let columns = all(&root, "[data-testid=overview] .overview-year");
    let (a, b) = span(data, 0..data.events.len() as u32).unwrap();
    assert_eq!(
        columns.len(),
        (b - a + 1) as usize,
        "one column per year, empty years too"
    );
}

#[wasm_bindgen_test]
async fn the_countries_view_ranks_partners_and_a_click_opens_the_country() {
    let (root, _handle) = mount_at("?view=countries");
    leptos::task::tick().await;
    let rows = all(&root, "[data-testid=country-list] [data-country]");
    assert!(rows.len() > 10);
    let counts: Vec<u32> = rows
        .iter()
        .map(|r| text(&all(r, ".count")[0]).parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // The map is a file of the site, fetched on demand. This test page's server does not
    // have it, so the view must say so in words (the e2e tests draw the real map).
    until(|| {
        !all(&root, "svg.world path").is_empty()
            || !all(&root, "[data-testid=map-error]").is_empty()
    })
    .await;
    if all(&root, "svg.world path").is_empty() {
        assert!(text(&all(&root, "[data-testid=map-error]")[0]).contains("could not be loaded"))
    }
    // One country chosen opens its page.
    let first = rows[0].get_attribute("data-country").unwrap();
    click(&all(&rows[0], "button")[0]);
    leptos::task::tick().await;
    until(|| search().contains("country=")).await;
    assert!(
        search().contains(&format!("country={first}")),
        "{}",
        search()
    );
    until(|| !all(&root, "[data-testid=country-page]").is_empty()).await;
    let page = &all(&root, "[data-testid=country-page]")[0];
    assert_eq!(page.get_attribute("data-country"), Some(first));
    assert!(!all(page, "[data-testid=country-events] [data-event-id]").is_empty());
}

#[wasm_bindgen_test]
async fn statistics_add_up_to_the_dated_events() {
    let data = dataset().unwrap();
    let (root, _handle) = mount_at("?view=stats&country=RU");
    leptos::task::tick().await;
    let f = Filters {
        countries: vec!["RU".into()],
        ..Filters::default()
    };
    let dated = apply(data, &f)
        .events
        .iter()
        .filter(|&&e| data.events[e as usize].start.is_some())
        .count();
    let total: usize = all(&root, "[data-testid=per-year] .column")
        .iter()
        .map(|c| {
            c.get_attribute("data-total")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, dated);
}

#[wasm_bindgen_test]
async fn a_parallel_link_puts_a_passage_beside_its_counterpart() {
    let data = dataset().unwrap();
    let &(zh, en) = data.counterparts.last().unwrap();
    let (zh, en) = (&data.passages[zh as usize], &data.passages[en as usize]);
    let (root, _handle) = mount_at(&format!("?p={}&parallel=1", en.id));
    leptos::task::tick().await;
    let rows = all(&root, ".parallel-row");
    let row = rows
        .iter()
        .find(|r| !all(r, &format!("[data-passage-id=\"{}\"]", en.id)).is_empty())
        .expect("the linked passage is in a row");
    assert_eq!(
        all(row, &format!("[data-passage-id=\"{}\"]", zh.id)).len(),
        1
    );
    assert_eq!(all(row, ".passage.counterpart").len(), 1);
}

#[wasm_bindgen_test]
async fn the_interface_follows_ui_zh_in_the_link() {
    let (root, _handle) = mount_at("?view=countries&ui=zh");
    leptos::task::tick().await;
    assert_eq!(text(&all(&root, "h1")[0]), "合作国家");
    let nav: Vec<String> = all(&root, ".site-nav a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap_or_default())
        .collect();
    assert!(nav.iter().skip(1).all(|h| h.contains("ui=zh")), "{nav:?}");
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("milcoop-ui")
        .unwrap();
    assert_eq!(
        stored, None,
        "a link's language is not remembered as the reader's choice"
    );
}
