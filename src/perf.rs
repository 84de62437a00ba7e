//! Marks in the browser's Performance timeline that the benchmark reads
//! (`scripts/bench.mjs`): `milcoop:mount`, `milcoop:decode`, `milcoop:index`; and, in the
//! benchmark's build only, the search it times.

/// Runs `f`, measured as `milcoop:<name>` in the Performance timeline when there is one.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("milcoop:{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(&format!("milcoop:{name}"), &start);
    }
    out
}

/// Gives the page `milcoopSearch(query)`: the passages (indexes, best first) the Explore
/// view's search finds, ranked and verified, without drawing anything. The benchmark times
/// it against MiniSearch on the same queries and counts the relevant passages it finds.
/// Only in the benchmark's build (feature `bench`), and set by the Explore view, so that
/// the search stays in its chunk and the main module is the one the site ships.
#[cfg(feature = "bench")]
pub fn expose_search(ds: &'static milcoop_core::Dataset) {
    use wasm_bindgen::closure::Closure;
    let search = Closure::<dyn Fn(String) -> Vec<u32>>::new(move |q: String| {
        (ds.index().ranked(&q, |p| ds.text(p)).into_iter())
            .map(|(p, _)| p)
            .collect::<Vec<u32>>()
    });
    // Where the page searches through shards, the warm searches the benchmark times need
    // them all: `milcoopAllShards()` fetches every one not read yet.
    let all = Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
        wasm_bindgen_futures::future_to_promise(async move {
            crate::data::shards_in_batches(ds, ds.shards_unread(), 64)
                .await
                .map(|()| wasm_bindgen::JsValue::UNDEFINED)
                .map_err(|e| e.message(milcoop_core::Ui::En).into())
        })
    });
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"milcoopSearch".into(), search.as_ref());
        let _ = js_sys::Reflect::set(&window, &"milcoopAllShards".into(), all.as_ref());
    }
    search.forget();
    all.forget();
}
