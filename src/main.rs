//! Mounts the explorer and registers the service worker; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    milcoop_web::perf::measured("mount", || leptos::mount::mount_to_body(milcoop_web::App));
    // Offline after the first visit (src/sw.js, written next to index.html by the build). Registered
    // once the first view is painted and the browser is idle, so its install (which fetches
    // every asset again to cache it) does not compete with the first paint. A browser
    // without service workers simply stays online-only.
    milcoop_web::data::after_first_paint(milcoop_web::update::register_worker);
}
