//! The reactive-graph behaviour that shapes how views read memos (docs/architecture.md,
//! "Reading memos"), shown in a minimal component: a closure that first reads a memo
//! derived from another memo, whose value does not change, can miss the change of the other
//! memo. Views read derived memos through `UseFilters::derived`, which tracks the source
//! first; this test keeps both behaviours in view, so an upgrade of the reactive graph that
//! changes either is seen.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{mount, text};

#[wasm_bindgen_test]
async fn tracking_the_source_first_sees_every_change() {
    // `filters` stands for the filters from the URL; `group` for a memo derived from them
    // that one kind of change leaves equal (a ranking that ignores the selection).
    let url = RwSignal::new((1, 0));
    let filters = Memo::new(move |_| url.get());
    let group = Memo::new(move |_| filters.get().0);
    let (root, _handle) = mount("", move || {
        view! {
            <p id="derived-first">{move || format!("{}-{}", group.get(), filters.get().1)}</p>
            <p id="source-first">{move || { filters.track(); format!("{}-{}", group.get(), filters.get().1) }}</p>
        }
    });
    leptos::task::tick().await;
    let shown = |id: &str| text(&root.query_selector(&format!("#{id}")).unwrap().unwrap());
    assert_eq!(shown("source-first"), "1-0");

    // Only the part `group` ignores changes.
    url.set((1, 1));
    leptos::task::tick().await;
    assert_eq!(
        shown("source-first"),
        "1-1",
        "tracking the source first sees the change"
    );
    let derived_first = shown("derived-first");
    web_sys::console::log_1(&format!("derived memo read first shows {derived_first}").into());
    assert_eq!(derived_first, "1-0", "reactive_graph 0.2: the closure that reads the unchanged derived memo first missed the change");
}
