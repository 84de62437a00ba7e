//! The Explore view's facets: one component per kind of filter, each listing its values with
//! live counts (each count with every *other* filter applied, `filter::Facets`) and editing
//! the filters through [`UseFilters`].

use crate::components::filtered::UseFilters;
use crate::components::labels::country_name;
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventType, Lang};
use milcoop_core::query::filter::{CountryMode, Results};
use milcoop_core::query::order;
use milcoop_core::Ui;

/// How many documents the document facet lists before "show all".
const DOCS_SHOWN: usize = 12;

/// The facets. On a narrow screen they are a sheet over the results, opened by the
/// "Filters (n)" button (`open`) and closed by its "Show results" button.
#[component]
pub fn Facets(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
    open: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let shown = move || results.with(|r| r.passages.len());
    view! {
        <aside id="facets" class="facets" class:open=move || open.get() aria-label=ui.pick("Filters", "筛选") data-testid="facets">
            <div class="sheet-head">
                <button type="button" class="sheet-done" data-testid="filters-done" on:click=move |_| open.set(false)>
                    {move || match ui {
                        Ui::En => format!("Show {} passages", shown()),
                        Ui::Zh => format!("显示 {} 段", shown()),
                    }}
                </button>
            </div>
            <YearFacet results=results filters=filters />
            <TypeFacet results=results filters=filters />
            <CountryFacet data=data results=results filters=filters />
            <DocFacet data=data results=results filters=filters />
            <LangFacet results=results filters=filters />
        </aside>
    }
}

/// Years as a histogram of buttons: a click shows one year, a shift-click extends the
/// range; with "Range" pressed, two taps choose the first and the last year (touch has no
/// shift key).
#[component]
fn YearFacet(results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    // `Some(None)`: range mode, waiting for the first tap; `Some(Some(y))`: for the last.
    let ranging = RwSignal::new(None::<Option<u16>>);
    let tap = move |y: u16, shift: bool| match ranging.get_untracked() {
        Some(None) => {
            ranging.set(Some(Some(y)));
            filters.edit(|f| f.select_range(y, y));
        }
        Some(Some(first)) => {
            ranging.set(None);
            filters.edit(|f| f.select_range(first, y));
        }
        None => filters.edit(|f| f.select_year(y, shift)),
    };
    let years = move || {
        // Borrowed, not `get()`: a clone of the results copies every matching passage.
        let counts = filters.derived(results, |r| r.facets.years.clone());
        let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        let selected = filters.filters.get().years;
        counts
            .iter()
            .map(|&(y, n)| {
                let on = selected.is_some_and(|(a, b)| (a..=b).contains(&y));
                // An SVG bar rather than a style attribute: the site runs under a strict
                // Content-Security-Policy (no inline styles).
                let width = (n * 100 / max).max(4);
                let click = move |ev: leptos::ev::MouseEvent| tap(y, ev.shift_key());
                view! {
                    <li>
                        <button type="button" class="year" aria-pressed=if on { "true" } else { "false" } data-year=y on:click=click>
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
    let range_help = move || match ranging.get() {
        None => ui.pick(
            "Click a year; shift-click, or Range then two taps, for a range.",
            "点击年份；按住 Shift 点击，或先按“范围”再点两个年份，可选范围。",
        ),
        Some(None) => ui.pick("Tap the first year of the range.", "请点击范围的起始年份。"),
        Some(Some(_)) => ui.pick("Now tap the last year.", "请点击范围的结束年份。"),
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Year", "年份")}</legend>
            <p class="facet-help" role="status">{range_help}</p>
            <button
                type="button"
                class="year-range"
                data-testid="year-range"
                aria-pressed=move || if ranging.get().is_some() { "true" } else { "false" }
                on:click=move |_| ranging.update(|r| *r = if r.is_some() { None } else { Some(None) })
            >
                {ui.pick("Range", "范围")}
            </button>
            <ul class="years" data-testid="year-histogram">{years}</ul>
        </fieldset>
    }
}

#[component]
fn TypeFacet(results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let types = move || {
        let counts = filters.derived(results, |r| r.facets.types.clone());
        let selected = filters.filters.get().types;
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
                                on:change=move |_| filters.edit(|f| f.toggle_type(t))
                            />
                            <span class=format!("type-chip type-{}", t.slug())>{ui.event_type(t)}</span>
                            <span class="count">{n}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Type of event", "事件类型")}</legend>
            <ul>{types}</ul>
        </fieldset>
    }
}

#[component]
fn CountryFacet(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    let countries = move || {
        let counts = filters.derived(results, |r| r.facets.countries.clone());
        let selected = filters.filters.get().countries;
        counts
            .into_iter()
            .map(|(code, n)| {
                let checked = selected.contains(&code);
                let name = country_name(data, &code, ui);
                let toggled = code.clone();
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-country=code.clone()
                                prop:checked=checked
                                on:change=move |_| filters.edit(|f| f.toggle_country(&toggled))
                            />
                            <span class="code">{code}</span>
                            " "
                            {name}
                            <span class="count">{n}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let mode = move || {
        let current = filters.filters.get().country_mode;
        let option = move |value: CountryMode, label: &'static str, slug: &'static str| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="cmode"
                        data-cmode=slug
                        prop:checked=current == value
                        on:change=move |_| filters.edit(|f| f.country_mode = value)
                    />
                    {label}
                </label>
            }
        };
        view! {
            <div class="country-mode" role="radiogroup" aria-label=ui.pick("Count a country as", "国家的计算方式")>
                {option(CountryMode::Partner, ui.pick("Partner in an event", "事件中的合作方"), "partner")}
                {option(CountryMode::Named, ui.pick("Named in the text", "原文提及"), "named")}
            </div>
        }
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Country", "国家")}</legend>
            {mode}
            <ul class="countries">{countries}</ul>
        </fieldset>
    }
}

/// Documents, with the most matching passages first and only a dozen of them (the selected
/// ones always) until the reader asks for all: the facet is redrawn on every keystroke, and
/// at hundreds of documents it was most of it.
#[component]
fn DocFacet(data: &'static Dataset, results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let all_docs = RwSignal::new(false);
    let docs = move || {
        let mut counts = vec![0usize; data.documents.len()];
        filters.derived(results, |r| {
            for &(d, n) in &r.facets.docs {
                if let Some(c) = counts.get_mut(d as usize) {
                    *c = n;
                }
            }
        });
        let selected = filters.filters.get().docs;
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
                                on:change=move |_| filters.edit(|f| f.toggle_doc(&id))
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
    view! {
        <fieldset>
            <legend>{ui.pick("Document", "文献")}</legend>
            <ul>{docs}</ul>
        </fieldset>
    }
}

#[component]
fn LangFacet(results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let langs = move || {
        let counts = filters.derived(results, |r| r.facets.langs.clone());
        let current = filters.filters.get().lang;
        let option = move |value: Option<Lang>, label: &'static str, n: Option<usize>| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="lang"
                        data-lang=value.map_or("all", |l| l.code())
                        prop:checked=current == value
                        on:change=move |_| filters.edit(|f| f.lang = value)
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
        <fieldset>
            <legend>{ui.pick("Language", "语言")}</legend>
            {langs}
        </fieldset>
    }
}
