//! Property tests of the filter edits every view makes (`Filters::toggle_*`,
//! `select_year`, `clear`): a toggle undoes itself, a year click keeps the range honest,
//! clearing touches one filter only, and every edited state survives the URL.

use milcoop_core::model::{EventType, Lang};
use milcoop_core::query::filter::{FilterKey, Filters};
use milcoop_core::{Route, Url};
use proptest::prelude::*;

fn code() -> impl Strategy<Value = String> {
    "[A-Z]{2}"
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        "[a-z维和演习 ]{0,12}",
        proptest::option::of((1990u16..2030, 1990u16..2030)),
        proptest::collection::vec(code(), 0..4),
        proptest::collection::vec(proptest::sample::select(EventType::ALL.to_vec()), 0..3),
        proptest::collection::vec("[a-z]{3,8}(-20[0-9]{2})?", 0..3),
        proptest::option::of(proptest::sample::select(vec![Lang::Zh, Lang::En])),
    )
        .prop_map(|(q, years, countries, types, docs, lang)| {
            let mut f = Filters {
                q: q.trim().to_string(),
                years: years.map(|(a, b)| (a.min(b), a.max(b))),
                lang,
                ..Filters::default()
            };
            for c in countries {
                if !f.countries.contains(&c) {
                    f.toggle_country(&c);
                }
            }
            for t in types {
                if !f.types.contains(&t) {
                    f.toggle_type(t);
                }
            }
            for d in docs {
                if !f.docs.contains(&d) {
                    f.toggle_doc(&d);
                }
            }
            f
        })
}

/// The filters as a link writes them and reads them back.
fn through_url(f: &Filters) -> Filters {
    let query = Url::from(Route::Explore(f.clone())).to_query();
    match Url::parse(&query).0.route {
        Route::Explore(g) => g,
        other => panic!("{query} opened {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_toggle_undoes_itself(f in filters(), c in code(), t in proptest::sample::select(EventType::ALL.to_vec())) {
        let mut g = f.clone();
        g.toggle_country(&c);
        prop_assert_ne!(g.countries.contains(&c), f.countries.contains(&c));
        g.toggle_country(&c);
        g.toggle_type(t);
        g.toggle_type(t);
        let sorted = |x: &Filters| { let mut x = x.clone(); x.countries.sort(); x.types.sort(); x };
        prop_assert_eq!(sorted(&g), sorted(&f));
    }

    #[test]
    fn a_year_click_keeps_the_range_honest(f in filters(), year in 1990u16..2030, extend: bool) {
        let mut g = f.clone();
        g.select_year(year, extend);
        match (f.years, extend) {
            (Some((a, b)), true) => prop_assert_eq!(g.years, Some((a.min(year), b.max(year)))),
            (Some((a, b)), false) if a == year && b == year => prop_assert_eq!(g.years, None),
            _ => prop_assert_eq!(g.years, Some((year, year))),
        }
        if let Some((a, b)) = g.years {
            prop_assert!(a <= b);
        }
        // Nothing but the years changes.
        g.years = f.years;
        prop_assert_eq!(g, f);
    }

    #[test]
    fn two_taps_choose_a_range_in_either_order(f in filters(), a in 1990u16..2030, b in 1990u16..2030) {
        let mut g = f.clone();
        g.select_range(a, b);
        prop_assert_eq!(g.years, Some((a.min(b), a.max(b))));
        let mut h = f.clone();
        h.select_range(b, a);
        prop_assert_eq!(&h, &g);
        g.years = f.years;
        prop_assert_eq!(g, f);
    }

    #[test]
    fn clearing_one_filter_touches_no_other(f in filters(), key in proptest::sample::select(FilterKey::ALL.to_vec())) {
        let mut g = f.clone();
        g.clear(key);
        prop_assert!(!g.pairs().iter().any(|(k, _)| *k == key));
        let others = |x: &Filters| x.pairs().into_iter().filter(|(k, _)| *k != key).collect::<Vec<_>>();
        prop_assert_eq!(others(&g), others(&f));
    }

    #[test]
    fn edited_filters_survive_the_url(f in filters(), c in code(), year in 1990u16..2030, extend: bool) {
        let mut g = f.clone();
        g.toggle_country(&c);
        g.select_year(year, extend);
        prop_assert_eq!(through_url(&g), g);
    }
}
