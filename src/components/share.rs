//! Taking a view away: download its events (CSV, JSON) and passages (CSV), made in the
//! browser from the same results the view shows, and cite the view (its link and a line
//! saying what it shows). The file contents come from `milcoop_core::present::table`.

use crate::nav::{use_route, use_ui};
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::present::cite;
use milcoop_core::present::table::{self, About};
use milcoop_core::query::filter::Results;
use milcoop_core::Ui;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The outcome of the last copy, shown in a live region with the text, so it can still be
/// selected by hand when the clipboard is not allowed.
#[derive(Clone, Debug, PartialEq)]
pub enum Copied {
    Done(String),
    Failed(String),
}

/// Copies `text` to the clipboard and reports the outcome into `copied`.
pub fn copy_text(text: String, copied: RwSignal<Option<Copied>>) {
    leptos::task::spawn_local(async move {
        let result = JsFuture::from(window().navigator().clipboard().write_text(&text)).await;
        copied.set(Some(match result {
            Ok(_) => Copied::Done(text),
            Err(_) => Copied::Failed(text),
        }));
    });
}

/// The live region that says what was copied.
#[component]
pub fn CopyStatus(copied: RwSignal<Option<Copied>>, #[prop(into)] testid: String) -> impl IntoView {
    let ui = use_ui();
    view! {
        <p class="copy-status" role="status" aria-live="polite" data-testid=testid>
            {move || match copied.get() {
                None => ().into_any(),
                Some(Copied::Done(text)) => view! {
                    {ui.pick("Copied: ", "已复制：")}
                    <code>{text}</code>
                }
                .into_any(),
                Some(Copied::Failed(text)) => view! {
                    {ui.pick("Copying is not allowed here; select the text: ", "此处不允许复制，请手动选取：")}
                    <input class="copy-fallback" readonly value=text aria-label=ui.pick("Text to copy", "待复制文本") />
                }
                .into_any(),
            }}
        </p>
    }
}

/// Offers `contents` as a file download named `name`, without any request.
fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download reads the blob after this returns; let it go a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Downloads and "cite this view" for a filtered view.
#[component]
pub fn ShareBar(
    data: &'static Dataset,
    /// What the view matches: its passages (in its order) and events.
    results: Memo<Results>,
) -> impl IntoView {
    let nav = use_route();
    let ui = use_ui();
    let copied = RwSignal::new(None::<Copied>);
    // One line about the view, in a language: the files say it in English, the citation
    // in the interface language.
    let describe = move |ui: Ui| {
        let (passages, events) = results.with_untracked(|r| (r.passages.len(), r.events.len()));
        nav.location
            .with_untracked(|l| cite::view(data, &l.url, passages, events, ui))
    };
    let about = move || About {
        description: describe(Ui::En),
        link: nav.current_absolute(),
    };
    let passages = move || {
        results.with_untracked(|r| r.passages.iter().map(|m| m.passage).collect::<Vec<u32>>())
    };
    let events = move || results.with_untracked(|r| r.events.clone());
    let events_csv = move |_| {
        let text = table::events_csv(data, &events(), &about());
        download("milcoop-events.csv", "text/csv;charset=utf-8", &text);
    };
    let events_json = move |_| {
        let text = table::events_json(data, &events(), &about());
        download("milcoop-events.json", "application/json", &text);
    };
    let passages_csv = move |_| {
        let text = table::passages_csv(data, &passages(), &about());
        download("milcoop-passages.csv", "text/csv;charset=utf-8", &text);
    };
    let cite_view = move |_| {
        copy_text(
            format!("{} — {}", describe(ui), nav.current_absolute()),
            copied,
        );
    };
    view! {
        <div class="share" role="group" aria-label=ui.pick("Download and cite", "下载与引用")>
            <button type="button" data-testid="download-events-csv" on:click=events_csv>
                {ui.pick("Events CSV", "事件 CSV")}
            </button>
            <button type="button" data-testid="download-events-json" on:click=events_json>
                {ui.pick("Events JSON", "事件 JSON")}
            </button>
            <button type="button" data-testid="download-passages-csv" on:click=passages_csv>
                {ui.pick("Passages CSV", "段落 CSV")}
            </button>
            <button type="button" data-testid="cite-view" on:click=cite_view>
                {ui.pick("Cite this view", "引用此视图")}
            </button>
        </div>
        <CopyStatus copied=copied testid="cite-view-status" />
    }
}
