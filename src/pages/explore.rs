//! The Explore view: a query box, facets with live counts, and the matching passages and
//! events. All state is the URL's; this view only reads it and writes it back.

use crate::components::events::EventRow;
use crate::components::facets::Facets;
use crate::components::filtered::{use_filters, FilteredViewHead, UseFilters};
use crate::components::highlight::highlighted;
use crate::components::labels::{aria_bool, names_list, PassageLink};
use crate::nav::use_ui;
use crate::on_demand;
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::present::cite;
use milcoop_core::query::filter::{apply_searched, FilterKey, Filters, Marks, Results, Searched};
use milcoop_core::Ui;

/// How many passages (and events) are listed at first, and how many more each "show more"
/// adds; the counts always give the full number, and the downloads hold every one.
const PAGE: usize = 10;

#[component]
pub fn Explore(data: &'static Dataset) -> impl IntoView {
    #[cfg(feature = "bench")]
    crate::perf::expose_search(data);
    let filters = use_filters(data);
    let ui = use_ui();
    // The search runs when the query changes, not on every filter click.
    let typed = Memo::new(move |_| filters.filters.with(|f| (f.q.clone(), f.literal.clone())));
    let searched = Memo::new(move |before: Option<&Searched>| {
        typed.with(|(q, literal)| on_demand::search(data, q, literal, before))
    });
    let results: Memo<Results> = Memo::new(move |_| {
        let f = filters.filters.get();
        searched.with(|s| apply_searched(data, &f, s))
    });
    let sheet = RwSignal::new(false);
    view! {
        <section class="explore" aria-labelledby="explore-title">
            <FilteredViewHead
                data=data
                id="explore-title"
                title=ui.pick("Explore", "浏览与搜索")
                hint=ui.pick("Filters combine with AND across kinds and OR within a kind. A passage matches a year if it reports an event in that year or states a date in it; a country if it names it in either language or reports an event with it.", "不同类别的筛选条件同时满足（与），同一类别内任一即可（或）。段落若报道该年的事件或提及该年的日期，即与年份匹配；若以任一语言提及某国或报道与其有关的事件，即与该国匹配。")
                notices=filters.notices
                results=results
            />
            <div class="search-row">
                <label for="q">{ui.pick("Search the Chinese and English text", "搜索中文和英文文本")}</label>
                <input
                    id="q"
                    type="search"
                    autocomplete="off"
                    placeholder=ui.pick("e.g. 联合演习, Golden Dragon, \"joint exercise\", Russia", "例如 联合演习、金龙、维和、俄罗斯")
                    prop:value=move || filters.filters.get().q
                    on:input=move |ev| filters.type_query(&event_target_value(&ev))
                    on:change=move |_| filters.end_typing()
                />
            </div>
            <Expansions data=data results=results filters=filters />
            <div class="explore-grid">
                <Facets data=data results=results filters=filters open=sheet />
                <div class="results">
                    <div class="active-filters">
                        <button
                            type="button"
                            class="filters-toggle"
                            data-testid="filters-toggle"
                            aria-controls="facets"
                            aria-expanded=move || aria_bool(sheet.get())
                            on:click=move |_| sheet.set(true)
                        >
                            {move || {
                                let n = filters.filters.with(|f| f.pairs().len());
                                match ui {
                                    Ui::En => format!("Filters ({n})"),
                                    Ui::Zh => format!("筛选（{n}）"),
                                }
                            }}
                        </button>
                        <FilterChips data=data filters=filters />
                    </div>
                    <ResultList data=data results=results filters=filters />
                </div>
            </div>
        </section>
    }
}

/// How far the reader has paged, for the filters it was paged under: new filters start
/// again at one page (derived, so nothing has to reset it).
fn use_paging(filters: UseFilters) -> (Memo<usize>, impl Fn() + Copy) {
    let paged = RwSignal::new((Filters::default(), PAGE));
    let shown = Memo::new(move |_| {
        let f = filters.filters.get();
        paged.with(|(g, n)| if *g == f { *n } else { PAGE })
    });
    let more = move || {
        paged.set((
            filters.filters.get_untracked(),
            shown.get_untracked() + PAGE,
        ))
    };
    (shown, more)
}

#[component]
fn ResultList(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    let count = move || results.with(|r| r.passages.len());
    let events_count = move || results.with(|r| r.events.len());
    let (shown, more) = use_paging(filters);
    let cut = move || count() > shown.get() || events_count() > shown.get();
    // Keyed lists: a passage or event still listed after a change keeps its row; a
    // passage's marks are redrawn only when the query changes, not on every filter click.
    let query = Memo::new(move |_| filters.derived(results, |r| r.query.clone()));
    let marks = Memo::new(move |_| query.with(|q| Marks::new(data, q)));
    let listed_passages = Memo::new(move |_| {
        let limit = shown.get();
        filters.derived(results, |r| {
            r.passages
                .iter()
                .take(limit)
                .map(|h| h.passage)
                .collect::<Vec<u32>>()
        })
    });
    let listed_events = Memo::new(move |_| {
        let limit = shown.get();
        filters.derived(results, |r| {
            r.events.iter().take(limit).copied().collect::<Vec<u32>>()
        })
    });
    let passage_row = move |i: u32| {
        let p = &data.passages[i as usize];
        view! {
            <li class="result" data-passage-id=p.id.clone() lang=p.lang.code()>
                <p class="result-head"><PassageLink data=data passage=p /></p>
                // Busy until its document's text arrives (the list shows it as it comes).
                // (`try_with`: these closures also follow the page-wide arrivals, which can
                // reach a row whose list is being taken down.)
                <p class="passage-text" aria-busy=move || on_demand::text(data, i).is_empty().to_string()>
                    {move || {
                        let text = on_demand::text(data, i);
                        highlighted(text, &marks.try_with(|m| m.spans(data, i)).unwrap_or_default())
                    }}
                </p>
            </li>
        }
    };
    view! {
        <p class="result-count">
            <span data-testid="result-count">{count}</span>
            {move || match ui {
                Ui::En if count() == 1 => " passage",
                Ui::En => " passages",
                Ui::Zh => " 段",
            }}
            " · "
            {events_count}
            {ui.pick(" events", " 个事件")}
            {move || cut().then(|| {
                let n = shown.get();
                match ui {
                    Ui::En => format!(" (the first {n} of each are listed)"),
                    Ui::Zh => format!("（各列出前 {n} 项）"),
                }
            })}
        </p>
        {move || {
            let none = !on_demand::searching() && results.try_with(|r| r.passages.is_empty())?;
            let set = filters.filters.try_get()?.pairs();
            none.then(|| view! { <EmptyState filters=filters set=set /> })
        }}
        <details class="event-results" open>
            <summary>{ui.pick("Matching events", "匹配的事件")}</summary>
            <ul class="events">
                <For each=move || listed_events.get() key=|&i| i let:i>
                    <EventRow data=data event=&data.events[i as usize] />
                </For>
            </ul>
        </details>
        <ol class="result-list">
            <For each=move || listed_passages.get() key=|&i| i children=passage_row />
        </ol>
        {move || cut().then(|| view! {
            <button type="button" class="show-more" data-testid="show-more" on:click=move |_| more()>
                {match ui {
                    Ui::En => format!("Show {PAGE} more"),
                    Ui::Zh => format!("再显示 {PAGE} 项"),
                }}
            </button>
        })}
    }
}

/// What the query was expanded to ("also: 维和, 维持和平"), each concept with a button that
/// searches it as typed, and the concepts searched as typed with one that expands them
/// again (docs/search.md).
#[component]
fn Expansions(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    // Drawn again only when what it shows changes, not on every filter click.
    let shown = Memo::new(move |_| {
        let concepts = filters.derived(results, |r| r.query.concepts());
        filters
            .filters
            .with(|f| (concepts, f.literal.clone(), f.q.to_lowercase()))
    });
    move || {
        let (concepts, literal, q) = shown.get();
        let expanded = concepts.into_iter().filter_map(|i| data.concepts.get(i as usize)).map(|c| {
            let others: Vec<&str> = c
                .names
                .iter()
                .map(String::as_str)
                .filter(|n| n.to_lowercase() != q)
                .take(8)
                .collect();
            let id = c.id.clone();
            view! {
                <li class="expansion" data-concept=c.id.clone()>
                    <span class="also">{ui.pick("also searched: ", "同时搜索：")}</span>
                    <span class="names">{names_list(&others, ui)}</span>
                    " "
                    <button type="button" data-testid="expansion-off" on:click=move |_| filters.edit(|f| f.toggle_literal(&id))>
                        {format!("{} {}", ui.pick("search only as typed, not as", "仅按输入搜索，不作为"), c.label(ui == Ui::Zh))}
                    </button>
                </li>
            }
        }).collect_view();
        let restore = literal.into_iter().map(|id| {
            let name = data.concept(&id).map_or(id.clone(), |c| c.label(ui == Ui::Zh).to_string());
            view! {
                <li class="expansion off">
                    <button type="button" data-testid="expansion-on" on:click=move |_| filters.edit(|f| f.toggle_literal(&id))>
                        {format!("{} {name}", ui.pick("search all names of", "搜索全部名称："))}
                    </button>
                </li>
            }
        }).collect_view();
        view! { <ul class="expansions" aria-live="polite" data-testid="expansions">{expanded}{restore}</ul> }
    }
}

/// The filters that are set, each a chip that removes it.
#[component]
fn FilterChips(data: &'static Dataset, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    move || {
        let f = filters.filters.get();
        f.pairs()
            .into_iter()
            .filter_map(|(key, _)| cite::filter_words(data, &f, key, ui).map(|w| (key, w)))
            .map(|(key, words)| {
                view! {
                    <button
                        type="button"
                        class="chip"
                        data-testid="filter-chip"
                        data-key=key.param()
                        aria-label=format!("{} {words}", ui.pick("Remove", "去掉"))
                        on:click=move |_| filters.edit(|f| f.clear(key))
                    >
                        {words.clone()}
                        <span aria-hidden="true">" ×"</span>
                    </button>
                }
            })
            .collect_view()
    }
}

/// No passage matches: each filter that is set, with a button that removes it.
#[component]
fn EmptyState(filters: UseFilters, set: Vec<(FilterKey, String)>) -> impl IntoView {
    let ui = use_ui();
    let loosen = set
        .into_iter()
        .map(|(key, value)| {
            view! {
                <li>
                    <button type="button" on:click=move |_| filters.edit(|f| f.clear(key))>
                        {format!("{} {}={value}", ui.pick("Remove", "去掉"), key.param())}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="empty" data-testid="empty-state">
            <p>{ui.pick("No passage matches all these filters. Loosen one:", "没有段落满足全部条件。可放宽其中一项：")}</p>
            <ul>{loosen}</ul>
        </div>
    }
}
