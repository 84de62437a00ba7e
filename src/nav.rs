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
    let state = UseRoute {
        location,
        set_location,
    };
    let clicks = window_event_listener(leptos::ev::click, move |ev| follow(state, &ev));
    on_cleanup(move || {
        handle.remove();
        leaving.remove();
        clicks.remove();
    });
    provide_context(state);
    state
}

/// The page's own links (`anchor` writes `data-nav`), which [`follow`] opens in place.
const IN_APP: &str = "a[data-nav]";

/// Opens an in-app link on a plain click, in place; a click with a modifier key (a new tab,
/// a download) or on any other link is left to the browser. One listener for the whole
/// page rather than one per link: result lists draw hundreds of links, and a listener each
/// made every keystroke in Explore add and remove them.
fn follow(nav: UseRoute, ev: &MouseEvent) {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(IN_APP).ok().flatten());
    let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
        return;
    };
    ev.prevent_default();
    let query = href.split_once('?').map_or("", |(_, q)| q);
    nav.open(Url::parse(query).0, false);
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
    view! {
        <a href=href class=(!class.is_empty()).then_some(class) aria-label=label data-nav="">
            {children()}
        </a>
    }
}

/// Writes links into the browser's history, after the page has answered the click or key
/// that changed the link: `history.pushState` and `replaceState` cost Chromium over a
/// millisecond each, a tenth of an interaction at 100× the corpus, and nothing on screen
/// waits for them. A push is written once the next frame is drawn; a replace (each
/// keystroke of a query, each filter edit that replaces) once the reader pauses, the
/// latest only. Writes keep their order; back or forward drops those not yet written (the
/// entry left is the one being returned from), and leaving the page writes them at once.
/// Writes the links not yet in the browser's history, at once: before the explorer is built
/// again from the address bar (`boot::Whole`).
pub fn write_history_now() {
    history::flush();
}

mod history {
    use leptos::prelude::{request_animation_frame, set_timeout, window};
    use std::cell::{Cell, RefCell};
    use std::time::Duration;

    /// How long a replace waits for the next one.
    const PAUSE: Duration = Duration::from_millis(250);

    thread_local! {
        /// Links not yet written, oldest first, each with whether it replaces.
        static PENDING: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
        /// The latest scheduled write; an earlier timer that fires finds it moved on.
        static LATEST: Cell<u32> = const { Cell::new(0) };
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

    /// Writes what is pending, after `pause`, or after the next frame without one; a later
    /// call supersedes an earlier one.
    fn schedule(pause: Option<Duration>) {
        let this = LATEST.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        });
        let due = move || {
            if LATEST.with(Cell::get) == this {
                flush();
            }
        };
        match pause {
            Some(pause) => set_timeout(due, pause),
            None => request_animation_frame(move || set_timeout(due, Duration::ZERO)),
        }
    }

    pub fn replace(href: String) {
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            match p.last_mut() {
                Some(last) if last.1 => last.0 = href,
                _ => p.push((href, true)),
            }
        });
        schedule(Some(PAUSE));
    }

    pub fn push(href: &str) {
        PENDING.with(|p| p.borrow_mut().push((href.to_string(), false)));
        schedule(None);
    }

    /// Writes every pending link now.
    pub fn flush() {
        let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        for (href, replace) in pending {
            write(&href, replace);
        }
    }

    pub fn cancel() {
        PENDING.with(|p| p.borrow_mut().clear());
    }
}
