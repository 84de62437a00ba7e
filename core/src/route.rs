//! The URL-state codec: which view the query string asks for.
//!
//! All state lives in the query string of the one page (`?p=<passage>`, `?doc=<document>`),
//! so the same files work at a site root or under any sub-path of a plain static server.
//! The query is untrusted input: parsing never fails; what it cannot use is returned as a
//! notice for the page to show.

/// A view of the explorer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of documents.
    Home,
    /// A document's reading view.
    Document(String),
    /// A document's reading view, opened on one passage.
    Passage(String),
}

/// Longest id accepted from a URL; longer values cannot name anything in the corpus.
const MAX_ID: usize = 200;

impl Route {
    /// Reads a query string (with or without the leading `?`). Returns the route and the
    /// parameters it ignored, as `name=value` strings for a notice.
    pub fn from_query(query: &str) -> (Route, Vec<String>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut passage = None;
        let mut doc = None;
        let mut ignored = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim().to_string();
            let slot = match key.as_ref() {
                "p" => &mut passage,
                "doc" => &mut doc,
                _ => {
                    ignored.push(describe(&key, &value));
                    continue;
                }
            };
            if value.is_empty() || value.chars().count() > MAX_ID {
                ignored.push(describe(&key, &value));
            } else if slot.is_none() {
                *slot = Some(value);
            } else {
                ignored.push(describe(&key, &value));
            }
        }
        let route = match (passage, doc) {
            (Some(p), Some(d)) => {
                ignored.push(describe("doc", &d));
                Route::Passage(p)
            }
            (Some(p), None) => Route::Passage(p),
            (None, Some(d)) => Route::Document(d),
            (None, None) => Route::Home,
        };
        (route, ignored)
    }

    /// The query string for this route: empty for the home view, else `?key=value`.
    pub fn to_query(&self) -> String {
        let (key, value) = match self {
            Route::Home => return String::new(),
            Route::Document(d) => ("doc", d),
            Route::Passage(p) => ("p", p),
        };
        let encoded = form_urlencoded::Serializer::new(String::new())
            .append_pair(key, value)
            .finish();
        format!("?{encoded}")
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
    fn junk_is_ignored_and_named() {
        let (r, ignored) = Route::from_query("?p=a.1&zzz=1&p=b.2&doc=x");
        assert_eq!(r, Route::Passage("a.1".into()));
        assert_eq!(ignored, vec!["zzz=1", "p=b.2", "doc=x"]);

        let (r, ignored) = Route::from_query("p=&doc=%ZZ");
        assert_eq!(r, Route::Document("%ZZ".into()));
        assert_eq!(ignored, vec!["p="]);

        let long = "x".repeat(10_000);
        let (r, ignored) = Route::from_query(&format!("p={long}"));
        assert_eq!(r, Route::Home);
        assert!(ignored[0].ends_with('…') && ignored[0].len() < 60);
    }
}
