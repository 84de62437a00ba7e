//! "A new version is available": the service worker (src/sw.js) tells the open pages its
//! version when it takes over; a page of another version offers to reload. The page's own
//! version is the `milcoop-version` meta tag that the build writes (scripts/write-sw.mjs).

use crate::nav::use_ui;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's service workers, where this browser offers them: not on a page served over
/// plain http from a host other than localhost, where the page stays online-only.
pub fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker and, on a page it already controls, asks the browser to
/// look for a new version now. The browser looks by itself when a controlled page is
/// opened, but Chromium puts that check off while the old worker keeps answering the
/// page's requests, so a returning reader could stay on the old version for a whole visit
/// (and the redeploy e2e test waited in vain on a slow machine). A first visit has nothing
/// to update: its registration is the newest.
pub fn register_worker() {
    let Some(container) = service_workers() else {
        return;
    };
    let returning = container.controller().is_some();
    let registered = container.register("./sw.js");
    if !returning {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registered).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if let Ok(checked) = registration.update() {
            // A failed check (offline, say) leaves the current version in charge.
            let _ = wasm_bindgen_futures::JsFuture::from(checked).await;
        }
    });
}

/// The version of the files this page was loaded from, if the build named one.
fn page_version() -> Option<String> {
    document()
        .query_selector("meta[name=\"milcoop-version\"]")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// The version a message from the worker announces, if it is one.
fn announced(message: &web_sys::MessageEvent) -> Option<String> {
    let data = message.data();
    let kind = js_sys::Reflect::get(&data, &"type".into())
        .ok()?
        .as_string()?;
    (kind == "milcoop-version")
        .then(|| {
            js_sys::Reflect::get(&data, &"version".into())
                .ok()?
                .as_string()
        })
        .flatten()
}

/// Whether a worker of another version has taken over this page.
pub fn use_new_version() -> ReadSignal<bool> {
    let (newer, set_newer) = signal(false);
    let Some(mine) = page_version() else {
        return newer;
    };
    let Some(container) = service_workers() else {
        return newer;
    };
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
            if announced(&m).is_some_and(|v| v != mine) {
                set_newer.set(true);
            }
        });
    container.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    // The page lives as long as the listener is needed.
    listener.forget();
    newer
}

/// The notice offering the new version.
#[component]
pub fn NewVersion() -> impl IntoView {
    let newer = use_new_version();
    move || {
        let ui = use_ui();
        newer.get().then(|| {
            view! {
                <p class="notice update" role="status" data-testid="new-version">
                    {ui.pick("A new version of Milcoop is available. ", "Milcoop 有新版本。")}
                    <button type="button" on:click=move |_| { let _ = window().location().reload(); }>
                        {ui.pick("Reload", "重新载入")}
                    </button>
                </p>
            }
        })
    }
}
