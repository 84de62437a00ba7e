//! Milcoop's web view: a thin layer of Leptos components over `milcoop-core`.
//!
//! `App` composes the page: it provides the route (the query string), decodes the embedded
//! dataset and picks the view. Domain logic stays in `milcoop-core`.

pub mod data;
pub mod nav;
pub mod pages;

use leptos::prelude::*;
use milcoop_core::model::{Dataset, Resolution};
use milcoop_core::Route;
use nav::{provide_route, Link, Location};
use pages::documents::Documents;
use pages::explore::Explore;
use pages::missing::{NotFound, Orphaned};
use pages::reader::Reader;
use pages::timeline::Timeline;

/// The page: the embedded corpus, or a clear message if it cannot be read.
#[component]
pub fn App() -> impl IntoView {
    match data::dataset() {
        Ok(data) => view! { <Explorer data=data /> }.into_any(),
        Err(e) => view! {
            <section class="missing" role="alert">
                <h1>"The corpus could not be read"</h1>
                <p>{format!("The embedded dataset is damaged: {e}")}</p>
            </section>
        }
        .into_any(),
    }
}

/// Which page the route shows. Filters are left out, so changing them (typing a query)
/// updates the Explore page in place instead of rebuilding it.
#[derive(Clone, Debug, PartialEq)]
enum Page {
    Home,
    Document(String),
    Passage(String),
    Explore,
    Timeline,
}

impl From<Route> for Page {
    fn from(route: Route) -> Page {
        match route {
            Route::Home => Page::Home,
            Route::Document(d) => Page::Document(d),
            Route::Passage(p) => Page::Passage(p),
            Route::Explore(_) => Page::Explore,
            Route::Timeline(_) => Page::Timeline,
        }
    }
}

/// The explorer over a given dataset: site frame, URL notices and the view the route asks for.
#[component]
pub fn Explorer(data: &'static Dataset) -> impl IntoView {
    let nav = provide_route();
    let page = Memo::new(move |_| Page::from(nav.location.get().route));
    Effect::new(move |_| {
        let title = match &page.get() {
            Page::Home => None,
            Page::Explore => Some("Explore".to_string()),
            Page::Timeline => Some("Timeline".to_string()),
            Page::Document(id) => data.document(id).map(|(_, d)| d.title.clone()),
            Page::Passage(id) => match data.resolve(id) {
                Resolution::Current(p) | Resolution::Moved(p, _) => Some(format!(
                    "¶{} · {}",
                    p.index, data.documents[p.doc as usize].title
                )),
                _ => None,
            },
        };
        document().set_title(&match title {
            Some(t) => format!("{t} — Milcoop"),
            None => "Milcoop — China's international military cooperation".to_string(),
        });
    });
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <header class="site-head">
            <Link route=Route::Home class="brand">"Milcoop"</Link>
            <span class="tagline">"China's international military cooperation, in the sources' own words"</span>
            <nav class="site-nav" aria-label="Views">
                <Link route=Route::Home>"Documents"</Link>
                <Link route=Route::Explore(Default::default())>"Explore & search"</Link>
                <Link route=Route::Timeline(Default::default())>"Timeline"</Link>
            </nav>
        </header>
        <Ignored location=nav.location />
        <main id="main" tabindex="-1">{move || view_for(data, page.get())}</main>
        <footer class="site-foot">
            "Texts are quoted verbatim from their sources; what a source does not say is shown as unknown."
        </footer>
    }
}

/// Names the URL parameters that were not understood, instead of failing on them.
#[component]
fn Ignored(location: ReadSignal<Location>) -> impl IntoView {
    move || {
        let ignored = location.get().ignored;
        (!ignored.is_empty()).then(|| {
            view! {
                <p class="notice" role="status" data-testid="url-notice">
                    "Ignored parts of the link that could not be understood: " {ignored.join(", ")}
                </p>
            }
        })
    }
}

fn view_for(data: &'static Dataset, page: Page) -> AnyView {
    match page {
        Page::Home => view! { <Documents data=data /> }.into_any(),
        Page::Explore => view! { <Explore data=data /> }.into_any(),
        Page::Timeline => view! { <Timeline data=data /> }.into_any(),
        Page::Document(id) => match data.document(&id) {
            Some((doc, _)) => view! { <Reader data=data doc=doc /> }.into_any(),
            None => view! { <NotFound what="Document" id=id.clone() /> }.into_any(),
        },
        Page::Passage(id) => match data.resolve(&id) {
            Resolution::Current(p) => view! { <Reader data=data doc=p.doc current=p /> }.into_any(),
            Resolution::Moved(p, alias) => {
                let notice = format!(
                    "This link was made for an earlier version of the corpus ({}). It now opens passage ¶{}, found again by {}.",
                    alias.old,
                    p.index,
                    alias.method.label()
                );
                view! { <Reader data=data doc=p.doc current=p notice=notice /> }.into_any()
            }
            Resolution::Orphaned(o) => view! { <Orphaned data=data orphan=o /> }.into_any(),
            Resolution::Unknown => view! { <NotFound what="Passage" id=id.clone() /> }.into_any(),
        },
    }
}
