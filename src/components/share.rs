//! Taking a view away: download its events (CSV, JSON) and passages (CSV), made in the
//! browser from the same results the view shows, and cite the view (its link and a line
//! saying what it shows). The file contents come from `milcoop_core::present::table`.

use crate::components::cite::CiteMenu;
use crate::nav::{use_route, use_ui};
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::present::cite::{self, reference::Reading};
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
    /// What was to be copied could not be written: its code could not be fetched.
    Unloaded,
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
                Some(Copied::Unloaded) => ui
                    .pick(
                        "The citation formats could not be loaded. Check the connection and try again.",
                        "无法载入引用格式。请检查网络连接后重试。",
                    )
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
pub fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    offer(name, mime, &parts);
}

/// Offers `bytes` as a file download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer(name, mime, &parts);
}

fn offer(name: &str, mime: &str, parts: &js_sys::Array) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
    else {
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

/// The events as a workbook, made in the spreadsheet chunk; a failure is said in `status`.
fn events_xlsx(
    data: &'static Dataset,
    events: Vec<u32>,
    about: About,
    status: RwSignal<Option<String>>,
    ui: Ui,
) {
    let (columns, rows) = table::events_table(data, &events, &about);
    let sheet = crate::xlsx::Sheet {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
        about: vec![
            ("Events".into(), events.len().to_string()),
            ("Filters".into(), about.description.clone()),
            ("Link".into(), about.link.clone()),
            ("Dataset version".into(), about.version.clone()),
            ("Dates".into(), "start and end are the first and last day the stated dates allow; precision and date_stated say what the text gives.".into()),
        ],
    };
    status.set(Some(
        ui.pick("Making the spreadsheet…", "正在生成电子表格…")
            .into(),
    ));
    leptos::task::spawn_local(async move {
        match crate::xlsx::workbook(sheet).await {
            Ok(bytes) => {
                status.set(None);
                download_bytes(
                    &format!("milcoop-events-{}.xlsx", about.version),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                );
            }
            Err(crate::xlsx::Failed::Unloaded) => status.set(Some(
                ui.pick(
                    "The spreadsheet writer could not be loaded — it is not available offline yet. The CSV works offline once the texts are kept (“Make everything available offline” on the home view).",
                    "无法载入电子表格生成器：尚不能离线使用。文本保存后（首页的“全部下载以供离线使用”），CSV 可离线下载。",
                )
                .into(),
            )),
            Err(crate::xlsx::Failed::Write(e)) => status.set(Some(format!(
                "{} {e}",
                ui.pick("The spreadsheet could not be made:", "无法生成电子表格：")
            ))),
        }
    });
}

/// Runs `make` (a download) once every passage's text is here: the files quote the texts,
/// which the site's first download leaves out (the texts file is fetched once, and said in
/// `status` while it comes, or why it could not be).
fn with_texts(
    data: &'static Dataset,
    status: RwSignal<Option<String>>,
    ui: Ui,
    make: impl FnOnce() + 'static,
) {
    if !data.texts_missing(None) {
        return make();
    }
    status.set(Some(ui.pick("Fetching the texts…", "正在获取文本…").into()));
    // `try_set`: the view may be gone when the texts arrive (the download still comes).
    leptos::task::spawn_local(async move {
        match crate::on_demand::all_texts(data).await {
            Ok(()) => {
                status.try_set(None);
                make();
            }
            Err(e) => {
                status.try_set(Some(e.message(ui)));
            }
        }
    });
}

/// A text file a filtered view downloads: what it holds (`events`, `passages`) and its
/// format.
struct TextFile {
    what: &'static str,
    extension: &'static str,
    mime: &'static str,
}

impl TextFile {
    fn csv(what: &'static str) -> Self {
        let (extension, mime) = ("csv", "text/csv;charset=utf-8");
        TextFile {
            what,
            extension,
            mime,
        }
    }

    fn json(what: &'static str) -> Self {
        let (extension, mime) = ("json", "application/json");
        TextFile {
            what,
            extension,
            mime,
        }
    }
}

/// Downloads `file`, which `write` writes once every text is here ([`with_texts`]).
fn text_download(
    data: &'static Dataset,
    status: RwSignal<Option<String>>,
    ui: Ui,
    file: TextFile,
    write: impl FnOnce() -> String + 'static,
) {
    with_texts(data, status, ui, move || {
        let name = format!("milcoop-{}-{}.{}", file.what, data.version, file.extension);
        download(&name, file.mime, &write())
    })
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
        version: data.version.clone(),
    };
    let passages = move || {
        results.with_untracked(|r| r.passages.iter().map(|m| m.passage).collect::<Vec<u32>>())
    };
    let events = move || results.with_untracked(|r| r.events.clone());
    let sheet_status = RwSignal::new(None::<String>);
    // What was clicked is taken at once: the view may change (or be gone) by the time the
    // texts have arrived.
    let events_csv = move |_| {
        let (events, about) = (events(), about());
        let write = move || table::events_csv(data, &events, &about);
        text_download(data, sheet_status, ui, TextFile::csv("events"), write)
    };
    let events_json = move |_| {
        let (events, about) = (events(), about());
        let write = move || table::events_json(data, &events, &about);
        text_download(data, sheet_status, ui, TextFile::json("events"), write)
    };
    let events_sheet = move |_| {
        let (events, about) = (events(), about());
        with_texts(data, sheet_status, ui, move || {
            events_xlsx(data, events, about, sheet_status, ui)
        })
    };
    let passages_csv = move |_| {
        let (passages, about) = (passages(), about());
        let write = move || table::passages_csv(data, &passages, &about);
        text_download(data, sheet_status, ui, TextFile::csv("passages"), write)
    };
    let cite_view = move |r: Reading<'static>| r.view(&describe(Ui::En), &nav.current_absolute());
    view! {
        <div class="share" role="group" aria-label=ui.pick("Download and cite", "下载与引用")>
            <button type="button" data-testid="download-events-csv" on:click=events_csv>
                {ui.pick("Events CSV", "事件 CSV")}
            </button>
            <button type="button" data-testid="download-events-json" on:click=events_json>
                {ui.pick("Events JSON", "事件 JSON")}
            </button>
            <button type="button" data-testid="download-events-xlsx" on:click=events_sheet>
                {ui.pick("Events spreadsheet (.xlsx)", "事件电子表格 (.xlsx)")}
            </button>
            <button type="button" data-testid="download-passages-csv" on:click=passages_csv>
                {ui.pick("Passages CSV", "段落 CSV")}
            </button>
            <CiteMenu
                data=data
                reference=cite_view
                what=ui.pick("this view", "此视图")
                label=ui.pick("Cite this view", "引用此视图")
                testid="cite-view"
            />
        </div>
        <p class="sheet-status" role="status" data-testid="xlsx-status">{move || sheet_status.get()}</p>
    }
}
