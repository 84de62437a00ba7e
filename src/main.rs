//! Mounts the explorer and registers the service worker; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    // Offline after the first visit (public/sw.js, copied next to index.html). A browser
    // without service workers simply stays online-only.
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().service_worker().register("./sw.js");
    }
    leptos::mount::mount_to_body(milcoop_web::App);
}
