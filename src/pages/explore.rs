//! The Explore view: a query box, facets with live counts, and the matching passages and
//! events. All state is the URL's; this view only reads it and writes it back.

use crate::nav::{use_route, use_ui, Link};
use crate::pages::events::country_name;
use crate::pages::share::FilteredViewHead;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventType, Lang};
use milcoop_core::query::filter::{apply, spans, Filters, Results};
use milcoop_core::query::order;
use milcoop_core::{Route, Ui};

/// How many passages (and events) are listed at first, and how many more each "show more"
/// adds; the counts always give the full number, and the downloads hold every one.
const PAGE: usize = 20;

/// How many documents the document facet lists before "show all".
const DOCS_SHOWN: usize = 12;

/// The filters in the URL, validated against the dataset, and the notices for what was dropped.
pub struct UseFilters {
    pub filters: Memo<Filters>,
    pub notices: Memo<Vec<String>>,
    /// Sets new filters in the same view: a new history entry, or (while typing) the current one.
    pub set: Callback<(Filters, bool)>,
}

/// The filter state of the Explore or Timeline view, whichever the URL shows.
pub fn use_filters(data: &'static Dataset) -> UseFilters {
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
        set: Callback::new(move |(f, typing): (Filters, bool)| {
            let route = nav.location.with_untracked(|l| l.route().with_filters(f));
            if typing {
                nav.replace(route);
            } else {
                nav.navigate(route);
            }
        }),
    }
}

/// The notices for filter values the dataset does not have.
#[component]
pub fn FilterNotices(notices: Memo<Vec<String>>) -> impl IntoView {
    move || {
        let n = notices.get();
        (!n.is_empty()).then(|| {
            view! {
                <p class="notice" role="status" data-testid="filter-notice">
                    {use_ui().pick("Ignored: ", "已忽略：")}
                    {n.join("; ")}
                </p>
            }
        })
    }
}

#[component]
pub fn Explore(data: &'static Dataset) -> impl IntoView {
    let UseFilters {
        filters,
        notices,
        set,
    } = use_filters(data);
    let ui = use_ui();
    let results: Memo<Results> = Memo::new(move |_| apply(data, &filters.get()));
    // A run of keystrokes is one history entry: the first pushes, the rest replace.
    let typing = StoredValue::new(false);
    let update = move |change: &dyn Fn(&mut Filters)| {
        let mut f = filters.get_untracked();
        change(&mut f);
        typing.set_value(false);
        set.run((f, false));
    };

    let on_input = move |ev: leptos::ev::Event| {
        let mut f = filters.get_untracked();
        f.q = event_target_value(&ev)
            .chars()
            .take(milcoop_core::query::filter::MAX_QUERY)
            .collect();
        let replace = typing.get_value();
        typing.set_value(true);
        set.run((f, replace));
    };

    view! {
        <section class="explore" aria-labelledby="explore-title">
            <FilteredViewHead
                data=data
                id="explore-title"
                title=ui.pick("Explore", "浏览与搜索")
                hint=ui.pick("Filters combine with AND across kinds and OR within a kind. A passage matches a year if it reports an event in that year or states a date in it; a country if it names it in either language or reports an event with it.", "不同类别的筛选条件同时满足（与），同一类别内任一即可（或）。段落若报道该年的事件或提及该年的日期，即与年份匹配；若以任一语言提及某国或报道与其有关的事件，即与该国匹配。")
                notices=notices
                results=results
            />
            <div class="search-row">
                <label for="q">{ui.pick("Search the Chinese and English text", "搜索中文和英文文本")}</label>
                <input
                    id="q"
                    type="search"
                    autocomplete="off"
                    placeholder=ui.pick("e.g. 联合演习, Golden Dragon, \"joint exercise\", Russia", "例如 联合演习、Golden Dragon、\"joint exercise\"、俄罗斯")
                    prop:value=move || filters.get().q
                    on:input=on_input
                    on:change=move |_| typing.set_value(false)
                />
            </div>
            <div class="explore-grid">
                <Facets data=data results=results filters=filters update=update />
                <div class="results">
                    <ResultList data=data results=results filters=filters update=update />
                </div>
            </div>
        </section>
    }
}

#[component]
fn Facets(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: Memo<Filters>,
    update: impl Fn(&dyn Fn(&mut Filters)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ui = use_ui();
    let years = move || {
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.track();
        // Borrowed, not `get()`: a clone of the results copies every matching passage.
        let counts = results.with(|r| r.facets.years.clone());
        let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        let selected = filters.get().years;
        counts
            .iter()
            .map(|&(y, n)| {
                let on = selected.is_some_and(|(a, b)| (a..=b).contains(&y));
                // An SVG bar rather than a style attribute: the site runs under a strict
                // Content-Security-Policy (no inline styles).
                let width = (n * 100 / max).max(4);
                view! {
                    <li>
                        <button
                            type="button"
                            class="year"
                            aria-pressed=if on { "true" } else { "false" }
                            data-year=y
                            on:click=move |ev: leptos::ev::MouseEvent| {
                                let extend = ev.shift_key();
                                update(&|f: &mut Filters| {
                                    f.years = match (f.years, extend) {
                                        (Some((a, b)), true) => Some((a.min(y), b.max(y))),
                                        (Some((a, b)), false) if a == y && b == y => None,
                                        _ => Some((y, y)),
                                    };
                                });
                            }
                        >
                            <span class="year-label">{y}</span>
                            <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                                <rect width=width height=6 rx=1 />
                            </svg>
                            <span class="count">{n}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let countries = move || {
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.track();
        let selected = filters.get().countries;
        results
            .with(|r| r.facets.countries.clone())
            .iter()
            .map(|(code, n)| {
                let code = code.clone();
                let name = country_name(data, &code, ui);
                let checked = selected.contains(&code);
                let c2 = code.clone();
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-country=code.clone()
                                prop:checked=checked
                                on:change=move |_| {
                                    let c = c2.clone();
                                    update(&move |f: &mut Filters| toggle(&mut f.countries, c.clone()));
                                }
                            />
                            <span class="code">{code}</span>
                            " "
                            {name}
                            <span class="count">{*n}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let types = move || {
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.track();
        let selected = filters.get().types;
        let counts = results.with(|r| r.facets.types.clone());
        EventType::ALL
            .into_iter()
            .map(|t| {
                let n = counts.iter().find(|(k, _)| *k == t).map_or(0, |(_, n)| *n);
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-type=t.slug()
                                prop:checked=selected.contains(&t)
                                on:change=move |_| update(&move |f: &mut Filters| toggle(&mut f.types, t))
                            />
                            <span class=format!("type-chip type-{}", t.slug())>{ui.event_type(t)}</span>
                            <span class="count">{n}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    // A long document list shows the documents with the most matching passages first, and
    // only a dozen of them (the selected ones always) until the reader asks for all: the
    // facet is redrawn on every keystroke, and at hundreds of documents it was most of it.
    let all_docs = RwSignal::new(false);
    let docs = move || {
        filters.track();
        let selected = filters.get().docs;
        let mut counts = vec![0usize; data.documents.len()];
        results.with(|r| {
            for &(d, n) in &r.facets.docs {
                counts[d as usize] = n;
            }
        });
        let cut = !all_docs.get() && data.documents.len() > DOCS_SHOWN;
        let order = if cut {
            order::permutation(counts.len(), &|a, b| {
                counts[b as usize].cmp(&counts[a as usize])
            })
        } else {
            (0..counts.len() as u32).collect()
        };
        let items = order
            .into_iter()
            .enumerate()
            .filter(|&(rank, i)| {
                !cut || rank < DOCS_SHOWN || selected.contains(&data.documents[i as usize].id)
            })
            .map(|(_, i)| {
                let d = &data.documents[i as usize];
                let id = d.id.clone();
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-doc=d.id.clone()
                                prop:checked=selected.contains(&d.id)
                                on:change=move |_| {
                                    let id = id.clone();
                                    update(&move |f: &mut Filters| toggle(&mut f.docs, id.clone()));
                                }
                            />
                            <span lang="zh">{d.title.clone()}</span>
                            <span class="count">{counts[i as usize]}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        let more = cut.then(|| {
            let label = match ui {
                Ui::En => format!("Show all {} documents", data.documents.len()),
                Ui::Zh => format!("显示全部 {} 份文献", data.documents.len()),
            };
            view! {
                <li>
                    <button type="button" class="show-all" on:click=move |_| all_docs.set(true)>{label}</button>
                </li>
            }
        });
        view! { {items} {more} }
    };
    let langs = move || {
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.track();
        let current = filters.get().lang;
        let counts = results.with(|r| r.facets.langs.clone());
        let option = move |value: Option<Lang>, label: &'static str, n: Option<usize>| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="lang"
                        data-lang=value.map_or("all", |l| l.code())
                        prop:checked=current == value
                        on:change=move |_| update(&move |f: &mut Filters| f.lang = value)
                    />
                    {label}
                    {n.map(|n| view! { <span class="count">{n}</span> })}
                </label>
            }
        };
        let n = |l: Lang| counts.iter().find(|(k, _)| *k == l).map(|(_, n)| *n);
        view! {
            {option(None, ui.pick("Both", "全部"), None)}
            {option(Some(Lang::Zh), ui.lang(Lang::Zh), n(Lang::Zh))}
            {option(Some(Lang::En), ui.lang(Lang::En), n(Lang::En))}
        }
    };
    view! {
        <aside class="facets" aria-label=ui.pick("Filters", "筛选")>
            <fieldset>
                <legend>{ui.pick("Year", "年份")}</legend>
                <p class="facet-help">{ui.pick("Click a year; shift-click to extend the range.", "点击年份；按住 Shift 点击可扩展范围。")}</p>
                <ul class="years" data-testid="year-histogram">{years}</ul>
            </fieldset>
            <fieldset>
                <legend>{ui.pick("Type of event", "事件类型")}</legend>
                <ul>{types}</ul>
            </fieldset>
            <fieldset>
                <legend>{ui.pick("Partner country", "合作国家")}</legend>
                <ul class="countries">{countries}</ul>
            </fieldset>
            <fieldset>
                <legend>{ui.pick("Document", "文献")}</legend>
                <ul>{docs}</ul>
            </fieldset>
            <fieldset>
                <legend>{ui.pick("Language", "语言")}</legend>
                {langs}
            </fieldset>
        </aside>
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|x| *x == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

#[component]
fn ResultList(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: Memo<Filters>,
    update: impl Fn(&dyn Fn(&mut Filters)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ui = use_ui();
    let count = move || results.with(|r| r.passages.len());
    // How far the reader has paged, for the filters it was paged under: new filters start
    // again at one page (derived, so nothing has to reset it).
    let paged = RwSignal::new((Filters::default(), PAGE));
    let shown = Memo::new(move |_| {
        let f = filters.get();
        paged.with(|(g, n)| if *g == f { *n } else { PAGE })
    });
    let more = move |_| {
        let n = shown.get_untracked() + PAGE;
        paged.set((filters.get_untracked(), n));
    };
    let passages = move || {
        filters.track();
        let query = filters.with(|f| f.q.clone());
        let limit = shown.get();
        results.with(|r| {
            r.passages
                .iter()
                .take(limit)
                .map(|hit| {
                    let p = &data.passages[hit.passage as usize];
                    let doc = &data.documents[p.doc as usize];
                    view! {
                        <li class="result" data-passage-id=p.id.clone() lang=p.lang.code()>
                            <p class="result-head">
                                <Link route=Route::Passage(p.id.clone())>
                                    {format!("{} ¶{}", doc.title, p.index)}
                                </Link>
                            </p>
                            <p class="passage-text">{highlighted(&p.text, &spans(data, hit.passage, &query))}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let events = move || {
        results.with(|r| {
            r.events
                .iter()
                .take(shown.get())
                .map(|&i| {
                    let e = &data.events[i as usize];
                    let first = &data.passages[e.sources[0].passage as usize];
                    view! {
                        <li class="event" data-event-id=e.id.clone() data-type=e.kind.slug()>
                            <span class=format!("type-chip type-{}", e.kind.slug())>{ui.event_type(e.kind)}</span>
                            <span class="event-date">{ui.when(e.start, e.end)}</span>
                            {e.name.clone().map(|n| view! { <span class="event-name" lang="zh">{n}</span> })}
                            {e.countries.iter().map(|c| view! { <abbr class="partner" title=country_name(data, c, ui)>{c.clone()}</abbr> }).collect_view()}
                            <Link route=Route::Passage(first.id.clone())>{ui.pick("source", "出处")}</Link>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || {
        (count() == 0).then(|| {
            let f = filters.get();
            let loosen = f
                .pairs()
                .into_iter()
                .map(|(key, value)| {
                    view! {
                        <li>
                            <button type="button" on:click=move |_| update(&move |f: &mut Filters| clear(f, key))>
                                {format!("{} {key}={value}", ui.pick("Remove", "去掉"))}
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
        })
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
            {move || results.with(|r| r.events.len())}
            {ui.pick(" events", " 个事件")}
            {move || {
                let n = shown.get();
                (count() > n || results.with(|r| r.events.len()) > n).then(|| match ui {
                    Ui::En => format!(" (the first {n} of each are listed)"),
                    Ui::Zh => format!("（各列出前 {n} 项）"),
                })
            }}
        </p>
        {empty}
        <details class="event-results" open>
            <summary>{ui.pick("Matching events", "匹配的事件")}</summary>
            <ul class="events">{events}</ul>
        </details>
        <ol class="result-list">{passages}</ol>
        {move || {
            let n = shown.get();
            (count() > n || results.with(|r| r.events.len()) > n).then(|| {
                view! {
                    <button type="button" class="show-more" data-testid="show-more" on:click=more>
                        {match ui {
                            Ui::En => format!("Show {PAGE} more"),
                            Ui::Zh => format!("再显示 {PAGE} 项"),
                        }}
                    </button>
                }
            })
        }}
    }
}

fn clear(f: &mut Filters, key: &str) {
    match key {
        "q" => f.q.clear(),
        "year" => f.years = None,
        "country" => f.countries.clear(),
        "type" => f.types.clear(),
        "doc" => f.docs.clear(),
        "lang" => f.lang = None,
        _ => {}
    }
}

/// The text with its matched spans in `<mark>`, as text nodes: nothing is parsed as HTML.
fn highlighted(text: &str, spans: &[(usize, usize)]) -> impl IntoView {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(a, b) in spans {
        if a < at || b > chars.len() {
            continue;
        }
        pieces.push((chars[at..a].iter().collect::<String>(), false));
        pieces.push((chars[a..b].iter().collect::<String>(), true));
        at = b;
    }
    pieces.push((chars[at..].iter().collect::<String>(), false));
    pieces
        .into_iter()
        .map(|(s, mark)| {
            if mark {
                view! { <mark>{s}</mark> }.into_any()
            } else {
                s.into_any()
            }
        })
        .collect_view()
}
