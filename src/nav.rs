//! The one piece of navigation state: the link read from the query string, and the
//! interface language.
//!
//! `provide_route` reads `location.search` once, listens to `popstate` for back and forward,
//! and `navigate` pushes a history entry. No router crate is needed: all state lives in the
//! query string, so relative links work at any sub-path.
//!
//! The interface language comes from the link (`ui=zh`), else from the reader's last choice
//! (kept in `localStorage`), else English. Every link the page writes carries `ui=zh` while
//! the interface is Chinese, so a shared link opens in the language it was shared in.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use milcoop_core::{Route, Ui, Url};

/// Where the reader's language choice is remembered.
const UI_KEY: &str = "milcoop-ui";

/// The current link, the URL parameters it could not use, and the interface language.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub url: Url,
    pub ignored: Vec<milcoop_core::query::notice::Notice>,
    pub ui: Ui,
}

impl Location {
    pub fn current() -> Location {
        let search = window().location().search().unwrap_or_default();
        let (url, ignored) = Url::parse(&search);
        let ui = url.ui.or_else(stored_ui).unwrap_or_default();
        Location { url, ignored, ui }
    }

    pub fn route(&self) -> &Route {
        &self.url.route
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored_ui() -> Option<Ui> {
    storage()?
        .get_item(UI_KEY)
        .ok()
        .flatten()
        .and_then(|s| Ui::from_code(&s))
}

/// Read access to the link and ways to change it.
#[derive(Clone, Copy)]
pub struct UseRoute {
    pub location: ReadSignal<Location>,
    set_location: WriteSignal<Location>,
}

impl UseRoute {
    /// Opens `route` as a new history entry.
    pub fn navigate(&self, route: Route) {
        self.go(Url::from(route), false);
    }

    /// Shows `route` in place of the current history entry (while typing a query).
    pub fn replace(&self, route: Route) {
        self.go(Url::from(route), true);
    }

    /// Opens a link with its extras (parallel text, a selected event).
    pub fn open(&self, url: Url, replace: bool) {
        self.go(url, replace);
    }

    /// The interface language now.
    pub fn ui(&self) -> Ui {
        self.location.with_untracked(|l| l.ui)
    }

    /// Switches the interface language, remembers it, and writes it into the current link.
    pub fn set_ui(&self, ui: Ui) {
        if let Some(s) = storage() {
            let _ = s.set_item(UI_KEY, ui.code());
        }
        let url = self.location.with_untracked(|l| l.url.clone());
        self.go_in(url, ui, true);
    }

    fn go(&self, url: Url, replace: bool) {
        self.go_in(url, self.ui(), replace);
    }

    fn go_in(&self, mut url: Url, ui: Ui, replace: bool) {
        url.ui = ui.in_url();
        let href = relative(&url);
        if replace {
            history::replace(href);
        } else {
            history::push(&href);
        }
        self.set_location.set(Location {
            url,
            ignored: Vec::new(),
            ui,
        });
    }

    /// The absolute link of the current view, for citing and sharing.
    pub fn current_absolute(&self) -> String {
        self.location.with_untracked(|l| {
            let mut url = l.url.clone();
            url.ui = l.ui.in_url();
            absolute(&url)
        })
    }
}

/// A link relative to the page, so it works under any sub-path.
fn relative(url: &Url) -> String {
    match url.to_query() {
        q if q.is_empty() => window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into()),
        q => q,
    }
}

/// The absolute URL of a link, for copying and citing.
pub fn absolute(url: &Url) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", url.to_query())
}

/// Sets up the route state for the app below; call once at the top.
pub fn provide_route() -> UseRoute {
    let (location, set_location) = signal(Location::current());
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        history::cancel();
        set_location.set(Location::current());
    });
    // A reload or a closed tab still leaves the latest link in the history.
    let leaving = window_event_listener(leptos::ev::pagehide, |_| history::flush());
    on_cleanup(move || {
        handle.remove();
        leaving.remove();
    });
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

/// The interface language. Views are rebuilt when it changes, so reading it once is enough.
pub fn use_ui() -> Ui {
    use_route().ui()
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
    anchor(Url::from(route), class, label, children)
}

/// A link with its extras (a selected event, parallel text), as [`Link`].
#[component]
pub fn UrlLink(
    url: Url,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    anchor(url, class, label, children)
}

fn anchor(url: Url, class: String, label: Option<String>, children: Children) -> impl IntoView {
    let nav = use_route();
    let mut shown = url.clone();
    shown.ui = nav.ui().in_url();
    let href = relative(&shown);
    let on_click = move |ev: MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            nav.open(url.clone(), false);
        }
    };
    view! {
        <a href=href class=class aria-label=label on:click=on_click>
            {children()}
        </a>
    }
}

/// Writes links into the browser's history. A replace (each keystroke of a query, each
/// filter edit that replaces) is written once the reader pauses, the latest only:
/// `history.replaceState` costs Chromium over a millisecond, on every keystroke about a
/// tenth of an interaction at 100× the corpus. A push writes a pending replace first, so
/// the entries stay in order; back or forward drops it (the entry left is the one being
/// returned from).
mod history {
    use leptos::prelude::{set_timeout_with_handle, window, TimeoutHandle};
    use std::cell::RefCell;
    use std::time::Duration;

    /// How long a replace waits for the next one.
    const PAUSE: Duration = Duration::from_millis(250);

    thread_local! {
        static PENDING: RefCell<Option<(String, TimeoutHandle)>> = const { RefCell::new(None) };
    }

    fn write(href: &str, replace: bool) {
        if let Ok(history) = window().history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&null, "", Some(href))
            } else {
                history.push_state_with_url(&null, "", Some(href))
            };
        }
    }

    /// The pending replace, taken and its timer cleared.
    fn take() -> Option<String> {
        let (href, timer) = PENDING.with(|p| p.borrow_mut().take())?;
        timer.clear();
        Some(href)
    }

    pub fn replace(href: String) {
        let _ = take();
        match set_timeout_with_handle(flush, PAUSE) {
            Ok(timer) => PENDING.with(|p| *p.borrow_mut() = Some((href, timer))),
            Err(_) => write(&href, true),
        }
    }

    pub fn push(href: &str) {
        flush();
        write(href, false);
    }

    /// Writes the pending replace now.
    pub fn flush() {
        if let Some(href) = take() {
            write(&href, true);
        }
    }

    pub fn cancel() {
        let _ = take();
    }
}
