//! "Cite": a small menu that writes one reference (a passage, a document, an event, a
//! view) in the format the reader picks, to copy or to download. What a reference holds
//! and how each format lays it out is `milcoop_core::present::cite`; the layouts (with the
//! Unicode case tables they need) are a wasm chunk of their own in the site build, fetched
//! the first time a reader copies or downloads a citation, so a passage link does not load
//! them.

use crate::components::share::{copy_text, download, Copied, CopyStatus};
use crate::lazy::Unloaded;
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, PartialDate};
use milcoop_core::present::cite::reference::{Reading, Reference};
use milcoop_core::present::cite::styles::Format;

/// Today in the reader's time zone: the access date every citation carries.
fn today() -> PartialDate {
    let now = js_sys::Date::new_0();
    PartialDate {
        year: now.get_full_year() as u16,
        month: Some(now.get_month() as u8 + 1),
        day: Some(now.get_date() as u8),
    }
}

/// `reference` written in `format`: through a chunk with `site`, directly without.
#[cfg(feature = "site")]
#[leptos::wasm_split::wasm_split(cite, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn written(format: Format, reference: Reference) -> Result<String, Unloaded> {
    Ok(format.render(&reference))
}

/// `reference` written in `format` (no chunk without `site`).
#[cfg(not(feature = "site"))]
pub async fn written(format: Format, reference: Reference) -> Result<String, Unloaded> {
    Ok(format.render(&reference))
}

/// The format chosen last: every menu of the page starts there.
fn chosen() -> RwSignal<Format> {
    use_context::<RwSignal<Format>>().unwrap_or_else(|| RwSignal::new(Format::ChicagoNote))
}

/// Provides the chosen citation format to the page below (call once, high up).
pub fn provide_citation_format() {
    provide_context(RwSignal::new(Format::ChicagoNote));
}

/// A "Cite" disclosure: the format menu, Copy and Download. `reference` is asked for the
/// reference only when the reader acts, so a long document does not build one per passage.
#[component]
pub fn CiteMenu<F>(
    data: &'static Dataset,
    reference: F,
    /// What is cited, for the button's accessible name ("Cite passage 5").
    #[prop(into)]
    what: String,
    /// The summary's text, "Cite" unless given.
    #[prop(optional, into)]
    label: Option<String>,
    #[prop(into, default = "cite".to_string())] testid: String,
) -> impl IntoView
where
    F: Fn(Reading<'static>) -> Reference + Copy + Send + Sync + 'static,
{
    let ui = use_ui();
    let format = chosen();
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<Copied>);
    // The reference written in the chosen format, then `then(text, its key, the format)`.
    let write = move |then: fn(String, String, Format, RwSignal<Option<Copied>>)| {
        let r = reference(Reading {
            ds: data,
            accessed: today(),
        });
        let f = format.get_untracked();
        let key = r.key.clone();
        leptos::task::spawn_local(async move {
            match written(f, r).await {
                Ok(text) => then(text, key, f, copied),
                Err(_) => copied.set(Some(Copied::Unloaded)),
            }
        });
    };
    let copy = move |_| write(|text, _, _, copied| copy_text(text, copied));
    let save = move |_| {
        write(|text, key, f, _| {
            let (ext, mime) = f.file();
            download(&format!("{key}.{ext}"), mime, &text);
        })
    };
    let options = move || {
        Format::ALL
            .into_iter()
            .map(|f| view! { <option value=f.slug() selected=move || format.get() == f>{f.label(ui)}</option> })
            .collect_view()
    };
    let body = move || {
        open.get().then(|| {
            view! {
                <div class="cite-body">
                    <label>
                        {ui.pick("Format", "格式")}
                        " "
                        <select
                            data-testid="cite-format"
                            on:change=move |ev| {
                                if let Some(f) = Format::from_slug(&event_target_value(&ev)) {
                                    format.set(f);
                                }
                            }
                        >
                            {options()}
                        </select>
                    </label>
                    <button type="button" data-testid="cite-copy" on:click=copy>{ui.pick("Copy", "复制")}</button>
                    <button type="button" data-testid="cite-download" on:click=save>{ui.pick("Download", "下载")}</button>
                    <CopyStatus copied=copied testid="cite-status" />
                </div>
            }
        })
    };
    // A visible label names itself; "Cite" alone gets what it cites in its name.
    let name = label
        .is_none()
        .then(|| format!("{} {what}", ui.pick("Cite", "引用")));
    view! {
        <details class="cite-menu" data-testid=testid on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let details = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
            open.set(details.is_some_and(|d| d.open()));
        }>
            <summary aria-label=name>
                {label.unwrap_or_else(|| ui.pick("Cite", "引用").to_string())}
            </summary>
            {body}
        </details>
    }
}
