//! Property tests: arbitrary, hostile input never panics the URL codec, the deep-link
//! resolver, the search tokenizer or the date reader, and what should round-trip does.

use milcoop_core::extract::dates::{self, Context};
use milcoop_core::present::cite;
use milcoop_core::present::table::{self, About};
use milcoop_core::query::filter::{apply, Filters};
use milcoop_core::query::search::{parse_query, Index};
use milcoop_core::query::stats::per_country;
use milcoop_core::{Route, Ui, Url};
use proptest::prelude::*;

mod common;

use common::real_dataset as dataset;

/// Strings rich in what breaks parsers: percent signs, separators, quotes, CJK, RTL marks,
/// emoji, regex metacharacters.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("%".to_string()),
        Just("%E4%B8".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("?".to_string()),
        Just("#".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("\u{202E}".to_string()),
        Just("😀".to_string()),
        Just(".*+?^$()[]{}|\\".to_string()),
        Just("q=".to_string()),
        Just("year=".to_string()),
        Just("country=".to_string()),
        Just("p=".to_string()),
        Just("view=timeline".to_string()),
        Just("view=countries".to_string()),
        Just("view=stats".to_string()),
        Just("ui=".to_string()),
        Just("zh".to_string()),
        Just("parallel=".to_string()),
        Just("1".to_string()),
        Just("event=".to_string()),
        Just("-".to_string()),
        Just("99999".to_string()),
        Just("中俄".to_string()),
        Just("<script>".to_string()),
        "[a-zA-Z0-9]{0,6}",
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_query_string_parses(q in hostile()) {
        let (route, ignored) = Route::from_query(&q);
        // What was understood round-trips through the URL.
        let (again, _) = Route::from_query(&route.to_query());
        prop_assert_eq!(again, route.clone());
        for notice in ignored {
            prop_assert!(notice.to_string().chars().count() <= 160);
        }
        if let Route::Passage(id) = &route {
            let _ = dataset().resolve(id);
        }
        if let Route::Explore(mut f) | Route::Timeline(mut f) = route {
            let _ = f.validate(dataset());
            let _ = apply(dataset(), &f);
        }
    }

    #[test]
    fn any_link_parses_and_what_it_says_can_be_shown(q in hostile()) {
        let (url, ignored) = Url::parse(&q);
        prop_assert_eq!(Url::parse(&url.to_query()).0, url.clone());
        prop_assert!(ignored.iter().all(|n| n.to_string().chars().count() <= 160));
        let ds = dataset();
        if let Some(f) = url.route.filters() {
            let mut f = f.clone();
            let _ = f.validate(ds);
            let r = apply(ds, &f);
            let passages: Vec<u32> = r.passages.iter().map(|h| h.passage).collect();
            let about = About { description: cite::view(ds, &url, passages.len(), r.events.len(), Ui::Zh), link: q.clone(), version: ds.version.clone() };
            let csv = table::events_csv(ds, &r.events, &about);
            // The header and one line per event: nothing a link says adds or breaks a line.
            prop_assert!(csv.starts_with(table::BOM));
            prop_assert_eq!(csv.matches("\r\n").count(), r.events.len() + 1);
            let _ = table::events_json(ds, &r.events, &about);
            let _ = table::passages_csv(ds, &passages, &about);
            let _ = per_country(ds, &r.events);
        }
    }

    #[test]
    fn any_search_runs(q in hostile()) {
        let ds = dataset();
        let _ = parse_query(&q);
        let hits = ds.index().search(&q, |p| ds.passages[p as usize].text.as_str());
        // Ranking without spans (what filters use) finds exactly the passages search finds.
        let ranked = ds.index().ranked(&q, |p| ds.passages[p as usize].text.as_str());
        prop_assert_eq!(ranked.iter().map(|r| r.0).collect::<Vec<_>>(), hits.iter().map(|h| h.passage).collect::<Vec<_>>());
        for h in hits {
            let len = ds.passages[h.passage as usize].text.chars().count();
            prop_assert!(h.spans.iter().all(|&(a, b)| a < b && b <= len));
        }
        let f = Filters { q, ..Filters::default() };
        let _ = apply(ds, &f);
    }

    #[test]
    fn any_text_reads_dates(text in hostile(), year in proptest::option::of(0u16..3000)) {
        let mut ctx = Context { document_year: year, current_year: year, current_month: None };
        for m in dates::find(&text, &mut ctx) {
            prop_assert!(m.start < m.end);
            prop_assert!(m.to.is_none_or(|t| t >= m.from));
        }
    }

    #[test]
    fn indexing_any_text_finds_it_again(text in "[\\p{Han}a-zA-Z ]{1,40}") {
        let index = Index::build([text.as_str()]);
        let hits = index.search(&text, |_| text.as_str());
        prop_assert!(hits.len() <= 1);
        if text.chars().any(|c| !c.is_whitespace()) {
            prop_assert_eq!(hits.len(), 1);
        }
    }
}
