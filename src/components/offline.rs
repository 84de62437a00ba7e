//! "Make everything available offline": what the service worker (src/sw.js) holds, the
//! size of the rest before anything is downloaded, and the download with a progress bar.
//! The worker does the work; this only asks and shows.

use crate::nav::use_ui;
use crate::update::service_workers;
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::Ui;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What the worker reports, in bytes (as stored: uncompressed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stored {
    /// The page, its code, styles and the dataset shell: always kept.
    pub shell: f64,
    /// Every text and preview file of this version.
    pub data: f64,
    /// The part of `data` kept now.
    pub cached: f64,
    pub everything: bool,
    /// How much `data` is kept while reading, least recently used out first.
    pub budget: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Offline {
    /// No service worker here (an old browser, or a page not served over http(s)).
    Unsupported,
    /// The worker has not taken charge of the page yet (the first visit).
    Waiting,
    /// No worker took charge in time (blocked by a setting or a private window).
    Unavailable,
    Known(Stored),
    Downloading {
        done: f64,
        total: f64,
    },
    Failed(String),
}

/// The worker's state as a signal, and the action that downloads everything.
pub struct UseOffline {
    pub state: ReadSignal<Offline>,
    pub download_all: Callback<()>,
}

fn number(data: &JsValue, key: &str) -> f64 {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// A message of the worker, read into what the panel shows.
fn read_message(data: &JsValue) -> Option<Offline> {
    let kind = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    Some(match kind.as_str() {
        "milcoop-offline-status" => Offline::Known(Stored {
            shell: number(data, "shell"),
            data: number(data, "data"),
            cached: number(data, "cached"),
            everything: js_sys::Reflect::get(data, &"everything".into())
                .is_ok_and(|v| v.is_truthy()),
            budget: number(data, "budget"),
        }),
        "milcoop-offline-progress" => Offline::Downloading {
            done: number(data, "done"),
            total: number(data, "total"),
        },
        "milcoop-offline-failed" => Offline::Failed(
            js_sys::Reflect::get(data, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default(),
        ),
        _ => return None,
    })
}

/// Sends `{type}` to the worker in charge of the page; false when there is none yet.
fn tell_worker(kind: &str) -> bool {
    let Some(worker) = service_workers().and_then(|c| c.controller()) else {
        return false;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    worker.post_message(&message).is_ok()
}

/// Asks the worker what it holds (again when it takes charge) and listens to its answers.
pub fn use_offline() -> UseOffline {
    let (state, set_state) = signal(Offline::Unsupported);
    let download_all = Callback::new(move |()| {
        if tell_worker("milcoop-offline-all") {
            set_state.set(Offline::Downloading {
                done: 0.0,
                total: 0.0,
            });
        }
    });
    let Some(container) = service_workers() else {
        return UseOffline {
            state,
            download_all,
        };
    };
    set_state.set(Offline::Waiting);
    // A worker that never starts must not leave "Preparing…" on screen for good.
    set_timeout(
        move || {
            let _ = set_state.try_update(|s| {
                if *s == Offline::Waiting {
                    *s = Offline::Unavailable;
                }
            });
        },
        std::time::Duration::from_secs(15),
    );
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
            if let Some(next) = read_message(&m.data()) {
                set_state.set(next);
            }
        });
    let on_controller = Closure::<dyn Fn()>::new(move || {
        tell_worker("milcoop-offline-status");
    });
    let _ =
        container.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let _ = container.add_event_listener_with_callback(
        "controllerchange",
        on_controller.as_ref().unchecked_ref(),
    );
    tell_worker("milcoop-offline-status");
    let listeners = send_wrapper::SendWrapper::new((container, on_message, on_controller));
    on_cleanup(move || {
        let (container, on_message, on_controller) = listeners.take();
        let _ = container
            .remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        let _ = container.remove_event_listener_with_callback(
            "controllerchange",
            on_controller.as_ref().unchecked_ref(),
        );
    });
    UseOffline {
        state,
        download_all,
    }
}

/// Megabytes with one decimal: storage, not transfer (the transfer is brotli, smaller).
fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

/// The panel on the home view.
#[component]
pub fn OfflinePanel(data: &'static Dataset) -> impl IntoView {
    let ui = use_ui();
    let UseOffline {
        state,
        download_all,
    } = use_offline();
    let documents = data.documents.len();
    view! {
        <section class="offline" aria-labelledby="offline-title" data-testid="offline">
            <h2 id="offline-title">{ui.pick("Offline", "离线使用")}</h2>
            {move || offline_body(ui, documents, state.get(), download_all)}
        </section>
    }
}

fn offline_body(ui: Ui, documents: usize, state: Offline, download_all: Callback<()>) -> AnyView {
    match state {
        Offline::Unsupported => view! {
            <p>{ui.pick("This browser cannot keep Milcoop for offline use.", "此浏览器无法保存 Milcoop 以供离线使用。")}</p>
        }
        .into_any(),
        Offline::Waiting => view! {
            <p role="status">{ui.pick("Preparing offline use…", "正在准备离线使用…")}</p>
        }
        .into_any(),
        Offline::Unavailable => view! {
            <p data-testid="offline-unavailable">
                {ui.pick(
                    "Offline use is not available: the page's offline worker did not start (a browser setting or a private window may block it).",
                    "无法离线使用：页面的离线程序未能启动（浏览器设置或隐私窗口可能阻止了它）。",
                )}
            </p>
        }
        .into_any(),
        // Everything is here, downloaded at once or read piece by piece.
        Offline::Known(s) if s.cached >= s.data => view! {
            <p data-testid="offline-everything">
                {format!(
                    "{} ({}).",
                    ui.pick(
                        "Everything is available offline: every document, passage, event and view",
                        "全部内容均可离线使用：所有文献、段落、事件和视图",
                    ),
                    megabytes(s.shell + s.data),
                )}
            </p>
        }
        .into_any(),
        Offline::Known(s) => {
            let rest = s.data - s.cached;
            let kept = match ui {
                Ui::En => format!(
                    "The explorer itself ({}) is kept for offline use; texts are kept as you read them, up to {}. Kept now: {} of {} of texts for {documents} documents.",
                    megabytes(s.shell), megabytes(s.budget), megabytes(s.cached), megabytes(s.data)
                ),
                Ui::Zh => format!(
                    "浏览器已保存本工具本身（{}）以供离线使用；文本在阅读时保存，最多 {}。{documents} 篇文献的文本共 {}，目前已保存 {}。",
                    megabytes(s.shell), megabytes(s.budget), megabytes(s.data), megabytes(s.cached)
                ),
            };
            view! {
                <p>{kept}</p>
                <button type="button" data-testid="offline-all" on:click=move |_| download_all.run(())>
                    {format!("{} ({})", ui.pick("Make everything available offline", "全部下载以供离线使用"), megabytes(rest))}
                </button>
            }
            .into_any()
        }
        Offline::Downloading { done, total } => view! {
            <p role="status">
                {ui.pick("Downloading for offline use… ", "正在下载以供离线使用…")}
                <progress max=total.max(1.0) value=done data-testid="offline-progress"></progress>
                {format!(" {} / {}", megabytes(done), megabytes(total))}
            </p>
        }
        .into_any(),
        Offline::Failed(why) => view! {
            <p role="alert">
                {ui.pick("The download stopped: ", "下载中断：")}{why}
                " "
                <button type="button" on:click=move |_| download_all.run(())>{ui.pick("Try again", "重试")}</button>
            </p>
        }
        .into_any(),
    }
}
