//! What the browser test files share: mounting the app at a URL, and reading the DOM.
//! Each test file uses some of it.

#![allow(dead_code)]

use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_web::{App, Explorer};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Sets the page URL's query, then mounts `view` into a fresh container.
pub fn mount<V: IntoView + 'static>(
    query: &str,
    view: impl FnOnce() -> V + 'static,
) -> (
    Element,
    leptos::mount::UnmountHandle<<V as leptos::tachys::view::Render>::State>,
) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let doc = window.document().unwrap();
    let container = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into::<HtmlElement>(), view);
    (container, handle)
}

/// The whole app, as the page mounts it, at `query`.
pub fn mount_at(query: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    mount(query, App)
}

/// The explorer over a given dataset at `query`.
pub fn mount_view_at(
    query: &str,
    data: &'static Dataset,
) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    mount(query, move || view! { <Explorer data=data /> })
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// Waits (up to a second) for `ready` to hold, for DOM changes driven by browser promises.
pub async fn until(ready: impl Fn() -> bool) {
    for _ in 0..50 {
        if ready() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}
