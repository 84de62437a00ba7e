//! The dataset embedded in the page at build time (see `build.rs`), decoded once on first use.

use milcoop_core::Dataset;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));
static DATASET: OnceLock<Result<Dataset, String>> = OnceLock::new();

/// The corpus, or why it could not be read (shown in the page rather than panicking).
pub fn dataset() -> Result<&'static Dataset, &'static str> {
    DATASET
        .get_or_init(|| {
            // Timed for the benchmark (`milcoop:decode` in the Performance timeline).
            let performance = web_sys::window().and_then(|w| w.performance());
            if let Some(p) = &performance {
                let _ = p.mark("milcoop:decode-start");
            }
            let decoded = Dataset::decode(BYTES).map_err(|e| e.to_string());
            if let Some(p) = &performance {
                let _ = p.measure_with_start_mark("milcoop:decode", "milcoop:decode-start");
            }
            decoded
        })
        .as_ref()
        .map_err(String::as_str)
}

/// Builds the search index while the browser is idle after the first view, so the first
/// search does not wait for it (timed as `milcoop:index`).
pub fn warm_index(ds: &'static Dataset) {
    leptos::prelude::request_idle_callback(move || {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark("milcoop:index-start");
        }
        let _ = ds.index();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("milcoop:index", "milcoop:index-start");
        }
    });
}

/// The passages (indexes, best first) a query finds, searched the way the Explore view does
/// but without drawing anything: the benchmark times it against MiniSearch on the same
/// queries and counts the relevant passages it finds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn search_passages(query: &str) -> Vec<u32> {
    match dataset() {
        Ok(ds) => ds
            .index()
            .ranked(query, |p| ds.passages[p as usize].text.as_str())
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
        Err(_) => Vec::new(),
    }
}
