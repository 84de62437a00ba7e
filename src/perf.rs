//! Marks in the browser's Performance timeline that the benchmark reads
//! (`scripts/bench.mjs`): `milcoop:mount`, `milcoop:decode`, `milcoop:index`.

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
