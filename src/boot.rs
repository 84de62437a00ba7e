//! Getting the corpus to the page. When the corpus is fetched (the site build), a deep
//! link's document is drawn from its small preview file while the dataset is on its way,
//! then replaced by the full view; a file that cannot be fetched or is damaged is named in
//! the page, and a deep link keeps its preview when only the dataset fails.

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
    let shown = RwSignal::new(None);
    let preview_problem = RwSignal::new(None::<SiteFileError>);
    let (doc, target) = linked(location.route());
    leptos::task::spawn_local(async move {
        // A deep link's document is drawn first from its own small file (build.rs writes
        // one per document), from the linked passage on; the dataset is fetched, decoded
        // and the full view built once that is on screen.
        let mut texts = None;
        if let Some(doc) = doc {
            match data::preview(&doc).await {
                Ok(Some(p)) => {
                    texts = Some(p.clone());
                    shown.set(Some(p));
                    data::passage_on_screen(std::time::Duration::from_millis(300)).await;
                }
                Ok(None) => {}
                Err(e) => preview_problem.set(Some(e)),
            }
        }
        let loaded = data::load().await;
        // The dataset is a shell without texts; the preview holds this document's.
        if let (Ok(data), Some(texts)) = (&loaded, texts) {
            data.add_preview_texts(texts);
        }
        corpus.set(Some(loaded));
    });
    let problem = move || {
        preview_problem
            .get()
            .map(|e| file_alert(&e, ui, "preview-error"))
    };
    let body = move || match corpus.get() {
        Some(Ok(data)) => untrack(|| explorer(data)),
        Some(Err(e)) => view! {
            <CorpusError error=e ui=ui />
            // A deep link keeps the text it already shows.
            {untrack(|| shown.get().map(|p| preview(p, target.clone(), ui)))}
        }
        .into_any(),
        None => shown
            .get()
            .map(|p| preview(p, target.clone(), ui))
            .into_any(),
    };
    view! { {problem} {body} }.into_any()
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
    data::warm_index(data);
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
