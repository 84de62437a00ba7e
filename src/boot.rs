//! Getting the corpus to the page. When the corpus is fetched (the site build), a deep
//! link fetches only its document's excerpt (drawn first as plain text, then as the reader)
//! and the whole dataset is fetched when the reader leaves that document; other links fetch
//! the whole dataset at once. A file that cannot be fetched or is damaged is named in the
//! page.

use crate::data::{self, SiteFileError};
use crate::explorer::Explorer;
use crate::nav::Location;
use crate::pages::preview::preview;
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::{Route, Ui};

/// The page: the corpus, or a clear message if it cannot be read.
#[component]
pub fn App() -> impl IntoView {
    let location = Location::current();
    let ui = location.ui;
    if let Some(data) = data::dataset() {
        return explorer(data);
    }
    // Plain signals set by a spawned future: a `LocalResource` would do, at 24 KB of wasm.
    let corpus = RwSignal::new(None::<Result<&'static Dataset, SiteFileError>>);
    provide_context(Whole(corpus));
    let shown = RwSignal::new(None);
    let preview_problem = RwSignal::new(None::<SiteFileError>);
    let (doc, target) = linked(location.route());
    leptos::task::spawn_local(async move {
        // A deep link needs its document's excerpt only: drawn first as plain text, from
        // the linked passage on, then as the reader once that is on screen. The whole
        // dataset waits until the reader leaves the document (`Whole`).
        if let Some(doc) = doc {
            match data::excerpt(&doc).await {
                Ok(Some(excerpt)) => {
                    if let Some(only) = excerpt.only_document() {
                        shown.set(Some(excerpt.preview(only)));
                    }
                    data::passage_on_screen(std::time::Duration::from_millis(300)).await;
                    corpus.set(Some(Ok(excerpt)));
                    return;
                }
                Ok(None) => {}
                Err(e) => preview_problem.set(Some(e)),
            }
        }
        corpus.set(Some(data::load().await));
    });
    let problem = move || {
        preview_problem
            .get()
            .map(|e| file_alert(&e, ui, "preview-error"))
    };
    let body = move || match corpus.get() {
        Some(Ok(data)) => untrack(|| explorer(data)),
        Some(Err(e)) => view! { <CorpusError error=e ui=ui /> }.into_any(),
        None => shown
            .get()
            .map(|p| preview(p, target.clone(), ui))
            .into_any(),
    };
    view! { {problem} {body} }.into_any()
}

/// The page's dataset, to replace a document's excerpt with the whole dataset when the
/// reader leaves that document: the explorer is then built again over it.
#[derive(Clone, Copy)]
pub struct Whole(RwSignal<Option<Result<&'static Dataset, SiteFileError>>>);

impl Whole {
    /// The whole dataset, fetched and decoded (once), with the texts the excerpt brought;
    /// the page then shows it in place of the excerpt.
    pub fn load(
        excerpt: &'static Dataset,
    ) -> impl std::future::Future<Output = Result<(), SiteFileError>> {
        let page = use_context::<Whole>();
        async move {
            let whole = data::load().await?;
            whole.add_texts_from(excerpt);
            if let Some(Whole(corpus)) = page {
                // The new explorer reads the link from the address bar.
                crate::nav::write_history_now();
                corpus.set(Some(Ok(whole)));
            }
            Ok(())
        }
    }
}

/// The document and passage a deep link opens; passage ids are `<document>.<hash>`.
fn linked(route: &Route) -> (Option<String>, Option<String>) {
    match route {
        Route::Document(doc) => (Some(doc.clone()), None),
        Route::Passage(id) => (
            id.split_once('.').map(|(doc, _)| doc.to_string()),
            Some(id.clone()),
        ),
        _ => (None, None),
    }
}

fn explorer(data: &'static Dataset) -> AnyView {
    view! { <Explorer data=data /> }.into_any()
}

/// Why the corpus cannot be shown, in place of the explorer.
#[component]
pub fn CorpusError(error: SiteFileError, ui: Ui) -> impl IntoView {
    view! {
        <section class="missing" role="alert" data-testid="corpus-error">
            <h1>{ui.pick("The corpus could not be read", "无法读取语料库")}</h1>
            <p>{error.message(ui)}</p>
        </section>
    }
}

/// A site file that could not be used, named in the page.
fn file_alert(e: &SiteFileError, ui: Ui, testid: &'static str) -> AnyView {
    view! { <p class="notice" role="alert" data-testid=testid>{e.message(ui)}</p> }.into_any()
}
