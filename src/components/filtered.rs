//! The frame every filtered view (Explore, Timeline, Countries, Statistics) is built in:
//! the filters read from the URL and the edits written back ([`use_filters`]), the notices
//! for values that were dropped, and the head with the download and cite bar.

use crate::components::share::ShareBar;
use crate::nav::{use_route, use_ui, UseRoute};
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::query::filter::{Filters, Results};
use milcoop_core::query::notice::Notice;

/// Whether a change of filters is a new step in the browser's history, or replaces the
/// current one (each keystroke after the first of a typed query, each wheel step).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

/// The filter state of the view the URL shows, and the way to change it.
#[derive(Clone, Copy)]
pub struct UseFilters {
    /// The filters in the URL, validated against the dataset.
    pub filters: Memo<Filters>,
    /// What validation dropped, for [`FilterNotices`].
    pub notices: Memo<Vec<Notice>>,
    typing: StoredValue<bool>,
    nav: UseRoute,
}

impl UseFilters {
    /// Shows the same view with `f`, keeping the link's other parts (a selected event).
    pub fn update(&self, f: Filters, history: History) {
        let mut url = self.nav.location.with_untracked(|l| l.url.clone());
        url.route = url.route.with_filters(f);
        self.nav.open(url, history == History::Replace);
    }

    /// Applies one edit (a click on a facet, a map, a chip) as a new step in history.
    pub fn edit(&self, change: impl FnOnce(&mut Filters)) {
        let mut f = self.filters.get_untracked();
        change(&mut f);
        self.typing.set_value(false);
        self.update(f, History::Push);
    }

    /// The query as typed: a run of keystrokes is one step in history (the first pushes,
    /// the rest replace it) until [`UseFilters::end_typing`].
    pub fn type_query(&self, typed: &str) {
        let mut f = self.filters.get_untracked();
        f.set_query(typed);
        let history = match self.typing.get_value() {
            true => History::Replace,
            false => History::Push,
        };
        self.typing.set_value(true);
        self.update(f, history);
    }

    pub fn end_typing(&self) {
        self.typing.set_value(false);
    }

    /// Reads a memo derived from the filters, tracking the filters first. A view closure
    /// that reads such a memo before the filters can miss a change of the filters that
    /// leaves the memo equal (docs/architecture.md, "Reading memos"); every view reads
    /// derived memos through here.
    pub fn derived<T: Send + Sync + 'static, R>(
        &self,
        memo: Memo<T>,
        read: impl FnOnce(&T) -> R,
    ) -> R {
        self.filters.track();
        memo.with(read)
    }
}

/// The filter state of the filtered view the URL shows.
pub fn use_filters(data: &'static Dataset) -> UseFilters {
    // The views that filter also search: build what a search needs (the facet data, the
    // thesaurus; the index where the texts are embedded) while the reader looks at the
    // first view. Called here, in the views' own chunks, so that the search's code stays
    // out of the main module a passage link loads (and again once the search table is
    // here, by `on_demand::prepare`).
    crate::data::warm_index(data);
    let nav = use_route();
    let validated = Memo::new(move |_| {
        let mut f = nav
            .location
            .with(|l| l.route().filters().cloned())
            .unwrap_or_default();
        let notices = f.validate(data);
        (f, notices)
    });
    UseFilters {
        filters: Memo::new(move |_| validated.get().0),
        notices: Memo::new(move |_| validated.get().1),
        typing: StoredValue::new(false),
        nav,
    }
}

/// The notices for filter values the dataset does not have.
#[component]
pub fn FilterNotices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        let n = notices.get();
        let ui = use_ui();
        (!n.is_empty()).then(|| {
            view! {
                <p class="notice" role="status" data-testid="filter-notice">
                    {ui.pick("Ignored: ", "已忽略：")}
                    {n.iter().map(|x| x.words(ui)).collect::<Vec<_>>().join(ui.pick("; ", "；"))}
                </p>
            }
        })
    }
}

/// The head every filtered view opens with: its title, a line on how to read it, the
/// notices for filter values that were dropped, and the download and cite bar.
#[component]
pub fn FilteredViewHead(
    data: &'static Dataset,
    /// The `id` of the title, which the view's section is labelled by.
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    notices: Memo<Vec<Notice>>,
    results: Memo<Results>,
) -> impl IntoView {
    view! {
        <h1 id=id>{title}</h1>
        <p class="hint">{hint}</p>
        <FilterNotices notices=notices />
        <crate::on_demand::SearchStatus />
        <ShareBar data=data results=results />
    }
}
