//! The URL-state codec: which view the query string asks for.
//!
//! All state lives in the query string of the one page (`?p=<passage>`, `?doc=<document>`),
//! so the same files work at a site root or under any sub-path of a plain static server.
//! The query is untrusted input: parsing never fails; what it cannot use is returned as a
//! notice for the page to show.
//!
//! [`Route`] is the view; [`Url`] adds what any view may carry beside it: the interface
//! language (`ui=zh`), the parallel-text reading mode (`parallel=1`), and on the timeline
//! the event selected (`event=<id>`) and a zoom below a year (`months=2020-04..2020-09`).

use crate::present::ui::Ui;
use crate::query::filter::Filters;
use crate::query::notice::{Notice, Why};
use crate::query::timeline::Window;

/// A view of the explorer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The list of documents.
    #[default]
    Home,
    /// A document's reading view.
    Document(String),
    /// A document's reading view, opened on one passage.
    Passage(String),
    /// Passages and events matching filters (`?view=explore&q=…&year=…`).
    Explore(Filters),
    /// The events matching filters on a timeline (`?view=timeline&year=…`).
    Timeline(Filters),
    /// Partner countries of the matching events, ranked and on a map (`?view=countries`).
    Countries(Filters),
    /// Events per year, type and document, and the figures the texts state (`?view=stats`).
    Stats(Filters),
    /// An exercise or mission series: every edition across years and documents
    /// (`?series=golden-dragon`).
    Series(String),
    /// A UN peace operation: China's contingents and their sizes over time
    /// (`?mission=UNIFIL`).
    Mission(String),
}

impl Route {
    /// The filters of a filtered view.
    pub fn filters(&self) -> Option<&Filters> {
        match self {
            Route::Explore(f) | Route::Timeline(f) | Route::Countries(f) | Route::Stats(f) => {
                Some(f)
            }
            _ => None,
        }
    }

    /// The same kind of filtered view with other filters (Explore for a view without filters).
    pub fn with_filters(&self, f: Filters) -> Route {
        match self {
            Route::Timeline(_) => Route::Timeline(f),
            Route::Countries(_) => Route::Countries(f),
            Route::Stats(_) => Route::Stats(f),
            _ => Route::Explore(f),
        }
    }

    fn view_name(&self) -> Option<&'static str> {
        match self {
            Route::Explore(_) => Some("explore"),
            Route::Timeline(_) => Some("timeline"),
            Route::Countries(_) => Some("countries"),
            Route::Stats(_) => Some("stats"),
            _ => None,
        }
    }
}

/// Names of the filtered views in `view=`.
const VIEWS: [&str; 4] = ["explore", "timeline", "countries", "stats"];

/// Everything a link says: the view and what it carries beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Url {
    pub route: Route,
    /// The interface language, when the link names one.
    pub ui: Option<Ui>,
    /// Show a bilingual document's Chinese and English side by side.
    pub parallel: bool,
    /// The event opened on the timeline.
    pub event: Option<String>,
    /// The timeline's visible months, when zoomed below whole years.
    pub months: Option<Window>,
}

impl From<Route> for Url {
    fn from(route: Route) -> Url {
        Url {
            route,
            ..Url::default()
        }
    }
}

impl Url {
    /// Reads a query string; returns what it understood and a notice for each part it did not.
    pub fn parse(query: &str) -> (Url, Vec<Notice>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut rest = form_urlencoded::Serializer::new(String::new());
        let mut ui = None;
        let mut parallel = None;
        let mut event = None;
        let mut months = None;
        let mut ignored = Vec::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            let v = v.trim();
            match k.as_ref() {
                "ui" => match Ui::from_code(v) {
                    Some(u) if ui.is_none() => ui = Some(u),
                    _ => ignored.push(Notice::new(describe(&k, v), Why::NotUi)),
                },
                "parallel" => match v {
                    "1" | "true" | "yes" if parallel.is_none() => parallel = Some(true),
                    "0" | "false" | "no" if parallel.is_none() => parallel = Some(false),
                    _ => ignored.push(Notice::new(describe(&k, v), Why::NotParallel)),
                },
                "event" if event.is_none() && !v.is_empty() && v.chars().count() <= MAX_ID => {
                    event = Some(v.to_string())
                }
                "months" => match Window::parse(v) {
                    Some(w) if months.is_none() && w.whole_years().is_none() => months = Some(w),
                    _ => ignored.push(Notice::new(describe(&k, v), Why::NotMonths)),
                },
                _ => {
                    rest.append_pair(&k, v);
                }
            }
        }
        let (route, more) = Route::from_query(&rest.finish());
        ignored.extend(more);
        let parallel = parallel.unwrap_or(false);
        let parallel = if parallel && !matches!(route, Route::Document(_) | Route::Passage(_)) {
            ignored.push(Notice::new("parallel=1", Why::ParallelNeedsText));
            false
        } else {
            parallel
        };
        let event = match (&route, event) {
            (Route::Timeline(_), e) => e,
            (_, Some(e)) => {
                ignored.push(Notice::new(describe("event", &e), Why::EventOnTimeline));
                None
            }
            (_, None) => None,
        };
        let months = match (&route, months) {
            (Route::Timeline(_), m) => m,
            (_, Some(m)) => {
                ignored.push(Notice::new(format!("months={m}"), Why::NotMonths));
                None
            }
            (_, None) => None,
        };
        (
            Url {
                route,
                ui,
                parallel,
                event,
                months,
            },
            ignored,
        )
    }

    /// The query string for this link (`?…`), or empty for the plain home view.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        let route = self.route.to_query();
        let route = route.strip_prefix('?').unwrap_or(&route);
        if self.parallel {
            s.append_pair("parallel", "1");
        }
        if let Some(e) = &self.event {
            s.append_pair("event", e);
        }
        if let Some(m) = &self.months {
            s.append_pair("months", &m.to_string());
        }
        if let Some(u) = self.ui {
            s.append_pair("ui", u.code());
        }
        let extra = s.finish();
        match (route.is_empty(), extra.is_empty()) {
            (true, true) => String::new(),
            (true, false) => format!("?{extra}"),
            (false, true) => format!("?{route}"),
            (false, false) => format!("?{route}&{extra}"),
        }
    }
}

/// Longest id accepted from a URL; longer values cannot name anything in the corpus.
const MAX_ID: usize = 200;

/// Parameters that make a link an Explore view.
const FILTER_KEYS: [&str; 5] = ["q", "year", "country", "type", "lang"];

impl Route {
    /// Reads a query string (with or without the leading `?`). Returns the route and the
    /// parameters it ignored, as `name=value` strings (with the reason) for a notice.
    pub fn from_query(query: &str) -> (Route, Vec<Notice>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
            .collect();
        let mut ignored = Vec::new();
        let view = pairs
            .iter()
            .find(|(k, v)| k == "view" && VIEWS.contains(&v.as_str()))
            .map(|(_, v)| v.clone());
        let explore = view.is_some()
            || pairs
                .iter()
                .any(|(k, v)| FILTER_KEYS.contains(&k.as_str()) && !v.is_empty());
        let passage = pairs
            .iter()
            .find(|(k, v)| k == "p" && !v.is_empty() && v.chars().count() <= MAX_ID)
            .map(|(_, v)| v.clone());
        if let Some(p) = passage {
            let mut seen_p = false;
            for (k, v) in &pairs {
                if k == "p" && !seen_p && *v == p {
                    seen_p = true;
                } else {
                    ignored.push(Notice::new(describe(k, v), Why::Unused));
                }
            }
            return (Route::Passage(p), ignored);
        }
        if explore {
            let mut filters = Filters::default();
            for (k, v) in &pairs {
                if k == "view" && Some(v) == view.as_ref() {
                    continue;
                }
                if v.is_empty() && k != "view" {
                    continue;
                }
                if let Some(mut notice) = filters.read(k, v) {
                    notice.part = shorten(&notice.part);
                    ignored.push(notice);
                }
            }
            let route = match view.as_deref() {
                Some("timeline") => Route::Timeline(filters),
                Some("countries") => Route::Countries(filters),
                Some("stats") => Route::Stats(filters),
                _ => Route::Explore(filters),
            };
            return (route, ignored);
        }
        let mut found: Option<Route> = None;
        for (k, v) in &pairs {
            let usable = found.is_none() && !v.is_empty() && v.chars().count() <= MAX_ID;
            match k.as_str() {
                "doc" if usable => found = Some(Route::Document(v.clone())),
                "series" if usable => found = Some(Route::Series(v.clone())),
                "mission" if usable => found = Some(Route::Mission(v.clone())),
                _ => ignored.push(Notice::new(describe(k, v), Why::Unused)),
            }
        }
        (found.unwrap_or_default(), ignored)
    }

    /// The query string for this route: empty for the home view, else `?key=value…`.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        match self {
            Route::Home => return String::new(),
            Route::Document(d) => {
                s.append_pair("doc", d);
            }
            Route::Passage(p) => {
                s.append_pair("p", p);
            }
            Route::Series(id) => {
                s.append_pair("series", id);
            }
            Route::Mission(id) => {
                s.append_pair("mission", id);
            }
            Route::Explore(f) | Route::Timeline(f) | Route::Countries(f) | Route::Stats(f) => {
                s.append_pair("view", self.view_name().unwrap_or("explore"));
                for (k, v) in f.pairs() {
                    s.append_pair(k.param(), &v);
                }
            }
        }
        format!("?{}", s.finish())
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 80 {
        let head: String = s.chars().take(80).collect();
        format!("{head}…")
    } else {
        s.to_string()
    }
}

/// A short, printable description of an ignored parameter (long values are cut).
fn describe(key: &str, value: &str) -> String {
    let shorten = |s: &str| {
        if s.chars().count() > 40 {
            let head: String = s.chars().take(40).collect();
            format!("{head}…")
        } else {
            s.to_string()
        }
    };
    format!("{}={}", shorten(key), shorten(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for route in [
            Route::Home,
            Route::Document("review-2020".into()),
            Route::Passage("review-2020.3fa9c1".into()),
            Route::Passage("奇怪 &=?#%".into()),
            Route::Series("golden-dragon".into()),
            Route::Mission("UNIFIL".into()),
        ] {
            let (back, ignored) = Route::from_query(&route.to_query());
            assert_eq!(back, route);
            assert!(ignored.is_empty());
        }
    }

    #[test]
    fn explore_routes_round_trip() {
        let (r, ignored) = Route::from_query("?country=RU&year=2020");
        let Route::Explore(f) = &r else {
            panic!("{r:?}")
        };
        assert_eq!(f.years, Some((2020, 2020)));
        assert!(ignored.is_empty());
        assert_eq!(Route::from_query(&r.to_query()).0, r);
        assert!(matches!(
            Route::from_query("?view=explore").0,
            Route::Explore(f) if f.is_empty()
        ));
        let (t, _) = Route::from_query("?view=timeline&year=2015-2020&type=exercise");
        assert!(matches!(&t, Route::Timeline(f) if f.years == Some((2015, 2020))));
        assert_eq!(Route::from_query(&t.to_query()).0, t);
    }

    #[test]
    fn urls_carry_language_parallel_and_selection() {
        let (u, ignored) = Url::parse("?p=review-2020.3fa9c1&parallel=1&ui=zh");
        assert_eq!(u.route, Route::Passage("review-2020.3fa9c1".into()));
        assert!(u.parallel);
        assert_eq!(u.ui, Some(Ui::Zh));
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(Url::parse(&u.to_query()).0, u);

        let (u, ignored) = Url::parse("?view=timeline&year=2020&event=e-1&ui=en");
        assert_eq!(u.event.as_deref(), Some("e-1"));
        let (m, none) = Url::parse("?view=timeline&year=2020&months=2020-04..2020-09");
        assert_eq!(
            m.months.map(|w| w.to_string()).as_deref(),
            Some("2020-04..2020-09")
        );
        assert!(none.is_empty());
        assert_eq!(
            Url::parse(&m.to_query()).0,
            m,
            "a zoom below a year survives the round trip"
        );
        for bad in [
            "?view=timeline&months=2020-09..2020-04",
            "?view=timeline&months=2020-01..2020-12",
            "?view=explore&months=2020-04..2020-09",
        ] {
            let (u, notices) = Url::parse(bad);
            assert_eq!(u.months, None, "{bad}");
            assert!(
                notices.iter().any(|n| n.why == Why::NotMonths),
                "{bad}: {notices:?}"
            );
        }
        assert!(ignored.is_empty());
        assert_eq!(Url::parse(&u.to_query()).0, u);

        for view in ["countries", "stats"] {
            let (u, _) = Url::parse(&format!("?view={view}&country=RU"));
            assert!(u.route.filters().is_some_and(|f| f.countries == ["RU"]));
            assert_eq!(Url::parse(&u.to_query()).0, u);
        }

        let (u, ignored) = Url::parse("?ui=fr&parallel=maybe&event=x&view=explore");
        assert_eq!((u.ui, u.parallel, u.event), (None, false, None));
        assert_eq!(ignored.len(), 3, "{ignored:?}");
        assert_eq!(Url::parse("?ui=zh").0.to_query(), "?ui=zh");
        assert_eq!(Url::parse("").0.to_query(), "");
    }

    #[test]
    fn junk_is_ignored_and_named() {
        let (r, ignored) = Route::from_query("?p=a.1&zzz=1&p=b.2&doc=x");
        assert_eq!(r, Route::Passage("a.1".into()));
        let ignored: Vec<String> = ignored.iter().map(ToString::to_string).collect();
        assert_eq!(ignored, vec!["zzz=1", "p=b.2", "doc=x"]);

        let (r, ignored) = Route::from_query("p=&doc=%ZZ");
        assert_eq!(r, Route::Document("%ZZ".into()));
        assert_eq!(ignored, vec![Notice::new("p=", Why::Unused)]);

        let (r, ignored) = Route::from_query("?year=abc&country=ZZ,Russia&type=parade");
        assert!(matches!(&r, Route::Explore(f) if f.years.is_none() && f.countries == ["ZZ"]));
        assert_eq!(ignored.len(), 3, "{ignored:?}");

        let long = "x".repeat(10_000);
        let (r, ignored) = Route::from_query(&format!("p={long}"));
        assert_eq!(r, Route::Home);
        assert!(ignored[0].part.ends_with('…') && ignored[0].part.len() < 60);
    }
}
