//! Partner countries: the events of the current filters ranked by country with counts by
//! type, and a world map shaded by event count. Clicking a country (in the list or on the
//! map) toggles it in the country filter; with one country chosen the view is that
//! country's page. The list is the map's text equivalent.
//!
//! The map is Natural Earth's outlines, projected and simplified at generation time by
//! `scripts/gen-world.mjs` into `core/data/world.tsv` (see docs/views.md). It is a file of
//! the site (`world.tsv`, beside `index.html`), fetched the first time this view opens, so
//! the first load does not carry it.

use crate::components::events::EventRow;
use crate::components::figures::FigureTable;
use crate::components::filtered::{use_filters, FilteredViewHead, UseFilters};
use crate::components::labels::{aria_bool, country_name, PassageLink};
use crate::data::{fetch_site_file, js_error};
use crate::nav::{use_ui, Link};
use crate::on_demand;
use leptos::prelude::*;
use milcoop_core::model::Dataset;
use milcoop_core::query::entity;
use milcoop_core::query::filter::{CountryMode, Results};
use milcoop_core::query::order;
use milcoop_core::query::stats::{per_country, ByType, CountryCount};
use milcoop_core::{Route, Ui};
use std::sync::OnceLock;
use wasm_bindgen_futures::JsFuture;

/// The map file once fetched: kept for the life of the page.
static WORLD: OnceLock<String> = OnceLock::new();

/// Fetches the map file from the site (same origin, relative to the page).
async fn fetch_world() -> Result<&'static str, String> {
    if let Some(w) = WORLD.get() {
        return Ok(w.as_str());
    }
    let response = fetch_site_file("world.tsv").await?;
    let text = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .as_string()
        .unwrap_or_default();
    if !text.starts_with('#') {
        return Err("not a map file".into());
    }
    Ok(WORLD.get_or_init(|| text).as_str())
}

/// One outline of the map: code, SVG path, and a marker point for states too small to see.
pub struct Shape {
    pub code: &'static str,
    pub path: &'static str,
    pub marker: Option<(i32, i32)>,
}

pub fn shapes(world: &'static str) -> impl Iterator<Item = Shape> {
    world
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let code = cols.next()?;
            let path = cols.next()?;
            let marker = cols.next().and_then(|m| {
                let (x, y) = m.split_once(' ')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            });
            Some(Shape { code, path, marker })
        })
}

/// Shade class 1–5 for a count against the largest count (0 for none).
fn shade(n: u32, max: u32) -> u32 {
    if n == 0 || max == 0 {
        0
    } else {
        (n * 5).div_ceil(max).clamp(1, 5)
    }
}

#[component]
pub fn Countries(data: &'static Dataset) -> impl IntoView {
    let ui = use_ui();
    let filters = use_filters(data);
    // Every filter but the country one, so the list shows every partner to choose from.
    let ranked = Memo::new(move |_| {
        let mut f = filters.filters.get();
        f.countries.clear();
        let r = on_demand::apply(data, &f);
        per_country(data, &r.events)
    });
    let results = Memo::new(move |_| on_demand::apply(data, &filters.filters.get()));
    view! {
        <section class="countries-view" aria-labelledby="countries-title">
            <FilteredViewHead
                data=data
                id="countries-title"
                title=ui.pick("Partner countries", "合作国家")
                hint=ui.pick("Countries named as partners in the events of the current filters, most events first. Click a country in the list or on the map to filter by it.", "当前筛选下各事件中的合作国家，按事件数排列。点击列表或地图中的国家即按其筛选。")
                notices=filters.notices
                results=results
            />
            {move || match filters.filters.with(|f| (f.countries.len() == 1).then(|| f.countries[0].clone())) {
                Some(code) => view! { <CountryPage data=data code=code filters=filters /> }.into_any(),
                None => view! {
                    <div class="map-frame"><WorldMap data=data ranked=ranked filters=filters /></div>
                    <CountryList data=data ranked=ranked filters=filters />
                    <CountryEvents data=data results=results filters=filters />
                }
                .into_any(),
            }}
        </section>
    }
}

/// One country's page (`?view=countries&country=LB`): how often it is a partner and how
/// often only named, its events by year and type, the events, the figures that count or
/// name it, and the passages that name it; the other filters still apply.
#[component]
fn CountryPage(data: &'static Dataset, code: String, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let name = country_name(data, &code, ui);
    let c = code.clone();
    let profile = Memo::new(move |_| {
        let f = filters.filters.get();
        // The profile searches its query: it runs again when the query's shards arrive.
        let _ = on_demand::searchable(data, &data.expand(&f.q, &f.literal));
        entity::country(data, &c, &f)
    });
    let back = {
        let mut f = filters.filters.get_untracked();
        f.countries.clear();
        f.country_mode = Default::default();
        Route::Countries(f)
    };
    let counts = move || {
        profile.with(|p| match ui {
            Ui::En => format!(
                "Partner in {} · reported with it in {} passages · named in {} passages",
                ui.count(p.events.len(), "event", "events", ""),
                p.partner_passages,
                p.named_passages.len()
            ),
            Ui::Zh => format!(
                "参与 {} 个事件 · {} 段报道与其有关的事件 · {} 段提及该国",
                p.events.len(),
                p.partner_passages,
                p.named_passages.len()
            ),
        })
    };
    let links = move || {
        let f = filters.filters.get();
        let mut named = f.clone();
        named.country_mode = CountryMode::Named;
        view! {
            <p>
                <Link route=back.clone()>{ui.pick("← All partner countries", "← 全部合作国家")}</Link>
                " · "
                <Link route=Route::Timeline(f.clone())>{ui.pick("On the timeline", "在时间线上查看")}</Link>
                " · "
                <Link route=Route::Explore(f)>{ui.pick("Passages with its events", "报道其事件的段落")}</Link>
                " · "
                <Link route=Route::Explore(named)>{ui.pick("Every passage that names it", "提及该国的全部段落")}</Link>
            </p>
        }
    };
    let years = move || {
        let rows: Vec<(String, ByType)> = profile.with(|p| {
            p.per_year
                .iter()
                .map(|(y, c)| (y.to_string(), *c))
                .collect()
        });
        year_table(rows, ui)
    };
    let events = move || {
        profile.with(|p| {
            p.events
                .iter()
                .map(|&e| view! { <EventRow data=data event=&data.events[e as usize] /> })
                .collect_view()
        })
    };
    let figures = move || {
        let list = profile.with(|p| p.figures.clone());
        (!list.is_empty()).then(|| {
            view! {
                <h3>{ui.pick("Figures that count or name it", "计入或提及该国的统计数字")}</h3>
                <FigureTable data=data figures=list />
            }
        })
    };
    let passages = move || {
        profile.with(|p| {
            p.named_passages
                .iter()
                .take(PASSAGES)
                .map(|&i| view! { <li><PassageLink data=data passage=&data.passages[i as usize] /></li> })
                .collect_view()
        })
    };
    view! {
        <section class="country-page" data-testid="country-page" data-country=code.clone()>
            <h2>{name}" "<span class="code">{code.clone()}</span></h2>
            <p data-testid="country-counts">{counts}</p>
            {links}
            <h3>{ui.pick("Its events by year and type", "按年份和类型的事件")}</h3>
            {years}
            <h3>{ui.pick("Events", "事件")}</h3>
            <ul class="events" data-testid="country-events">{events}</ul>
            {figures}
            <h3>{ui.pick("Passages that name it", "提及该国的段落")}</h3>
            <ul class="country-passages" data-testid="country-passages">{passages}</ul>
        </section>
    }
}

/// How many of the passages that name a country its page lists (Explore lists them all).
const PASSAGES: usize = 30;

/// A small table of events per year, with their types: the country's own timeline.
fn year_table(rows: Vec<(String, ByType)>, ui: Ui) -> impl IntoView {
    let body = rows
        .into_iter()
        .filter(|(_, c)| c.total() > 0)
        .map(|(year, c)| {
            let chips = c
                .nonzero()
                .map(|(t, n)| view! { <span class=format!("type-chip type-{}", t.slug())>{format!("{} {n}", ui.event_type(t))}</span> })
                .collect_view();
            view! { <tr><th scope="row">{year}</th><td>{c.total()}</td><td class="by-type">{chips}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-frame" tabindex="0" role="region" aria-label=ui.pick("Events per year", "各年事件")>
            <table class="country-years" data-testid="country-years">
                <thead><tr>
                    <th scope="col">{ui.pick("Year", "年份")}</th>
                    <th scope="col">{ui.pick("Events", "事件")}</th>
                    <th scope="col">{ui.pick("By type", "按类型")}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The map, shaded by each country's events; a click on a partner toggles it in the filter.
#[component]
fn WorldMap(
    data: &'static Dataset,
    ranked: Memo<Vec<CountryCount>>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    let world = RwSignal::new(None::<Result<&'static str, String>>);
    leptos::task::spawn_local(async move { world.set(Some(fetch_world().await)) });
    move || {
        let world = match world.get() {
            None => return view! { <p class="map-status">{ui.pick("Loading the map…", "正在载入地图…")}</p> }.into_any(),
            Some(Err(e)) => {
                return view! {
                    <p class="map-status" role="status" data-testid="map-error">
                        {ui.pick("The map could not be loaded", "地图无法载入")}
                        {format!(" ({e}). ")}
                        {ui.pick("The list below holds the same counts.", "下方列表给出相同数字。")}
                    </p>
                }
                .into_any()
            }
            Some(Ok(w)) => w,
        };
        let ranked = filters.derived(ranked, Clone::clone);
        let selected = filters.filters.get().countries;
        map_svg(data, world, &ranked, &selected, filters, ui).into_any()
    }
}

/// The map's outlines and the markers of states too small to see, shaded and selectable.
fn map_svg(
    data: &'static Dataset,
    world: &'static str,
    ranked: &[CountryCount],
    selected: &[String],
    filters: UseFilters,
    ui: Ui,
) -> impl IntoView {
    let toggle = move |code: &str| filters.edit(|f| f.toggle_country(code));
    let max = ranked.first().map_or(0, |c| c.events.total());
    let count = |code: &str| {
        ranked
            .iter()
            .find(|c| c.code == code)
            .map_or(0, |c| c.events.total())
    };
    let mut markers = Vec::new();
    let outlines = shapes(world)
        .map(|s| {
            let n = count(s.code);
            // One class string (no `class:` toggles beside it): rebuilt as a whole.
            let class = format!(
                "land shade-{}{}{}",
                shade(n, max),
                if n > 0 { " partner" } else { "" },
                if selected.iter().any(|c| c == s.code) { " selected" } else { "" }
            );
            let title = (!s.code.starts_with("X-")).then(|| {
                format!(
                    "{} ({}): {}",
                    country_name(data, s.code, ui),
                    s.code,
                    ui.count(n as usize, "event", "events", "个事件")
                )
            });
            if let (Some((x, y)), true) = (s.marker, n > 0) {
                markers.push((s.code, x, y, class.clone(), title.clone().unwrap_or_default()));
            }
            let code = s.code;
            view! {
                <path class=class d=s.path data-country=code on:click=move |_| { if n > 0 { toggle(code) } }>
                    {title.map(|t| view! { <title>{t}</title> })}
                </path>
            }
        })
        .collect_view();
    let markers = markers
        .into_iter()
        .map(|(code, x, y, class, title)| {
            view! {
                <circle class=format!("{class} marker") cx=x cy=y r=5 data-country=code on:click=move |_| toggle(code)>
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    view! {
        <svg
            class="world"
            data-testid="world-map"
            viewBox="0 0 1000 500"
            role="img"
            aria-label=ui.pick("World map of partner countries shaded by number of events; the list below holds the same counts", "按事件数着色的合作国家世界地图；下方列表给出相同数字")
        >
            {outlines}
            {markers}
        </svg>
    }
}

/// The partners ranked by their events, with counts by type: the map's text equivalent.
#[component]
fn CountryList(
    data: &'static Dataset,
    ranked: Memo<Vec<CountryCount>>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    let rows = move || {
        let ranked = filters.derived(ranked, Clone::clone);
        let selected = filters.filters.get().countries;
        ranked
            .into_iter()
            .enumerate()
            .map(|(rank, CountryCount { code, events })| {
                let on = selected.contains(&code);
                let by_type = events
                    .nonzero()
                    .map(|(t, n)| view! { <span class=format!("type-chip type-{}", t.slug())>{format!("{} {n}", ui.event_type(t))}</span> })
                    .collect_view();
                let c = code.clone();
                view! {
                    <li class=if on { "country-row selected" } else { "country-row" } data-country=code.clone()>
                        <span class="rank">{rank + 1}</span>
                        <button type="button" class="country-name" aria-pressed=aria_bool(on) on:click=move |_| filters.edit(|f| f.toggle_country(&c))>
                            {country_name(data, &code, ui)}
                            " "
                            <span class="code">{code.clone()}</span>
                        </button>
                        <span class="count">{events.total()}</span>
                        <span class="by-type">{by_type}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ol class="country-list" data-testid="country-list" aria-label=ui.pick("Partner countries by number of events", "按事件数排列的合作国家")>{rows}</ol>
    }
}

/// The events with the selected countries, in date order (undated last).
#[component]
fn CountryEvents(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    move || {
        let mut events = filters.derived(results, |r| r.events.clone());
        let f = filters.filters.get();
        (!f.countries.is_empty()).then(|| {
            order::sort_by_key(&mut events, |&i| {
                let e = &data.events[i as usize];
                (e.start.is_none(), e.start, i)
            });
            let items = events
                .iter()
                .map(|&i| view! { <EventRow data=data event=&data.events[i as usize] /> })
                .collect_view();
            let names: Vec<String> = f.countries.iter().map(|c| country_name(data, c, ui)).collect();
            view! {
                <section class="chosen" data-testid="country-events">
                    <h2>{format!("{} {}", ui.pick("Events with", "合作事件："), names.join(", "))}</h2>
                    <p>
                        <Link route=Route::Timeline(f.clone())>{ui.pick("On the timeline", "在时间线上查看")}</Link>
                        " · "
                        <Link route=Route::Explore(f.clone())>{ui.pick("Passages in Explore", "在浏览页查看段落")}</Link>
                    </p>
                    <ul class="events">{items}</ul>
                </section>
            }
        })
    }
}
