//! The one piece of navigation state: the route read from the query string.
//!
//! `provide_route` reads `location.search` once, listens to `popstate` for back and forward,
//! and `navigate` pushes a history entry. No router crate is needed: all state lives in the
//! query string, so relative links work at any sub-path.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use milcoop_core::Route;

/// The current route and the URL parameters it could not use.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub route: Route,
    pub ignored: Vec<String>,
}

impl Location {
    fn current() -> Location {
        let search = window().location().search().unwrap_or_default();
        let (route, ignored) = Route::from_query(&search);
        Location { route, ignored }
    }
}

/// Read access to the route and a way to change it.
#[derive(Clone, Copy)]
pub struct UseRoute {
    pub location: ReadSignal<Location>,
    set_location: WriteSignal<Location>,
}

impl UseRoute {
    /// Opens `route` as a new history entry.
    pub fn navigate(&self, route: Route) {
        self.go(route, false);
    }

    /// Shows `route` in place of the current history entry (while typing a query).
    pub fn replace(&self, route: Route) {
        self.go(route, true);
    }

    fn go(&self, route: Route, replace: bool) {
        let url = href(&route);
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        self.set_location.set(Location {
            route,
            ignored: Vec::new(),
        });
    }
}

/// The link for a route, relative to the page, so it works under any sub-path.
pub fn href(route: &Route) -> String {
    match route {
        Route::Home => window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into()),
        other => other.to_query(),
    }
}

/// The absolute URL of a route, for copying and citing.
pub fn absolute(route: &Route) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", route.to_query())
}

/// Sets up the route state for the app below; call once at the top.
pub fn provide_route() -> UseRoute {
    let (location, set_location) = signal(Location::current());
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        set_location.set(Location::current());
    });
    on_cleanup(move || handle.remove());
    let state = UseRoute {
        location,
        set_location,
    };
    provide_context(state);
    state
}

/// The route state provided by [`provide_route`].
pub fn use_route() -> UseRoute {
    expect_context::<UseRoute>()
}

/// An in-app link: a real `href` (copyable, opens in a new tab) that navigates without a
/// page load on a plain click.
#[component]
pub fn Link(
    route: Route,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    let nav = use_route();
    let url = href(&route);
    let on_click = move |ev: MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            nav.navigate(route.clone());
        }
    };
    view! {
        <a href=url class=class aria-label=label on:click=on_click>
            {children()}
        </a>
    }
}
