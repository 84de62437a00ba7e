//! A long list drawn a page at a time: "Show 20 more of 3,000 figures". Lists that grow
//! with the corpus (figures, the timeline as text) never draw more than the reader asked
//! for (docs/scale.md, step 5).

use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::Ui;

/// What a list holds, in each language, for the button's words.
#[derive(Clone, Copy)]
pub struct Listed {
    pub en: &'static str,
    pub zh: &'static str,
}

/// How many of a list's `total` items to draw: `page` at first, and a button that draws
/// `page` more while there are more.
pub struct UseShowMore {
    pub shown: RwSignal<usize>,
    pub button: AnyView,
}

/// The count of items to draw, and its button ([`UseShowMore`]), for a list of `total`.
pub fn use_show_more(
    total: Signal<usize>,
    page: usize,
    what: Listed,
    testid: &'static str,
) -> UseShowMore {
    let ui = use_ui();
    let shown = RwSignal::new(page);
    let button = move || {
        let (total, now) = (total.get(), shown.get());
        (total > now).then(|| {
            let left = (total - now).min(page);
            view! {
                <button type="button" class="show-more" data-testid=testid on:click=move |_| shown.update(|n| *n += page)>
                    {match ui {
                        Ui::En => format!("Show {left} more of {total} {}", what.en),
                        Ui::Zh => format!("再显示 {left} {}（共 {total} {}）", what.zh, what.zh),
                    }}
                </button>
            }
        })
    };
    UseShowMore {
        shown,
        button: button.into_any(),
    }
}
