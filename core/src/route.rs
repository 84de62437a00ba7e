//! The URL-state codec: which view the query string asks for.
//!
//! All state lives in the query string of the one page (`?p=<passage>`, `?doc=<document>`),
//! so the same files work at a site root or under any sub-path of a plain static server.
//! The query is untrusted input: parsing never fails; what it cannot use is returned as a
//! notice for the page to show.

use crate::filter::Filters;

/// A view of the explorer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of documents.
    Home,
    /// A document's reading view.
    Document(String),
    /// A document's reading view, opened on one passage.
    Passage(String),
    /// Passages and events matching filters (`?view=explore&q=…&year=…`).
    Explore(Filters),
    /// The events matching filters on a timeline (`?view=timeline&year=…`).
    Timeline(Filters),
}

/// Longest id accepted from a URL; longer values cannot name anything in the corpus.
const MAX_ID: usize = 200;

/// Parameters that make a link an Explore view.
const FILTER_KEYS: [&str; 5] = ["q", "year", "country", "type", "lang"];

impl Route {
    /// Reads a query string (with or without the leading `?`). Returns the route and the
    /// parameters it ignored, as `name=value` strings (with the reason) for a notice.
    pub fn from_query(query: &str) -> (Route, Vec<String>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
            .collect();
        let mut ignored = Vec::new();
        let timeline = pairs.iter().any(|(k, v)| k == "view" && v == "timeline");
        let explore = timeline
            || pairs.iter().any(|(k, v)| {
                (k == "view" && v == "explore")
                    || (FILTER_KEYS.contains(&k.as_str()) && !v.is_empty())
            });
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
                    ignored.push(describe(k, v));
                }
            }
            return (Route::Passage(p), ignored);
        }
        if explore {
            let mut filters = Filters::default();
            for (k, v) in &pairs {
                if k == "view" && (v == "explore" || v == "timeline") {
                    continue;
                }
                if v.is_empty() && k != "view" {
                    continue;
                }
                if let Some(notice) = filters.read(k, v) {
                    ignored.push(shorten(&notice));
                }
            }
            let route = if timeline {
                Route::Timeline(filters)
            } else {
                Route::Explore(filters)
            };
            return (route, ignored);
        }
        let mut doc = None;
        for (k, v) in &pairs {
            match k.as_str() {
                "doc" if doc.is_none() && !v.is_empty() && v.chars().count() <= MAX_ID => {
                    doc = Some(v.clone())
                }
                _ => ignored.push(describe(k, v)),
            }
        }
        match doc {
            Some(d) => (Route::Document(d), ignored),
            None => (Route::Home, ignored),
        }
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
            Route::Explore(f) | Route::Timeline(f) => {
                let view = if matches!(self, Route::Timeline(_)) {
                    "timeline"
                } else {
                    "explore"
                };
                s.append_pair("view", view);
                for (k, v) in f.pairs() {
                    s.append_pair(k, &v);
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
    fn junk_is_ignored_and_named() {
        let (r, ignored) = Route::from_query("?p=a.1&zzz=1&p=b.2&doc=x");
        assert_eq!(r, Route::Passage("a.1".into()));
        assert_eq!(ignored, vec!["zzz=1", "p=b.2", "doc=x"]);

        let (r, ignored) = Route::from_query("p=&doc=%ZZ");
        assert_eq!(r, Route::Document("%ZZ".into()));
        assert_eq!(ignored, vec!["p="]);

        let (r, ignored) = Route::from_query("?year=abc&country=ZZ,Russia&type=parade");
        assert!(matches!(&r, Route::Explore(f) if f.years.is_none() && f.countries == ["ZZ"]));
        assert_eq!(ignored.len(), 3, "{ignored:?}");

        let long = "x".repeat(10_000);
        let (r, ignored) = Route::from_query(&format!("p={long}"));
        assert_eq!(r, Route::Home);
        assert!(ignored[0].ends_with('…') && ignored[0].len() < 60);
    }
}
