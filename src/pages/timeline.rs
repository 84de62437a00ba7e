//! The timeline of events: an overview of the whole span (events per year, stacked by
//! type) that drives a zoomable detail view with one lane per type. The visible years are
//! the `year` filter in the URL, changed by the overview, the buttons, the keyboard, the
//! wheel and a two-finger pinch. Clicking an event opens it (`event=` in the URL) with all
//! its source passages. Layout (scale, stacking, zoom) is `milcoop_core::query::timeline`.

use crate::nav::{use_route, use_ui, Link};
use crate::pages::events::partners;
use crate::pages::explore::use_filters;
use crate::pages::share::FilteredViewHead;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Event, EventType, Precision};
use milcoop_core::query::filter::{apply, Filters};
use milcoop_core::query::order;
use milcoop_core::query::stats::{per_year, span};
use milcoop_core::query::timeline::{layout, pan, zoom, zoom_at, Scale, LANES};
use milcoop_core::{Route, Ui, Url};
use wasm_bindgen::JsCast;

const WIDTH: i32 = 1000;
const GUTTER: i32 = 150;
const ROW: i32 = 16;
const LANE_PAD: i32 = 10;
const AXIS: i32 = 28;
const OVERVIEW_HEIGHT: i32 = 84;

/// One line about an event: type, date, name, partners.
fn describe(data: &Dataset, e: &Event, ui: Ui) -> String {
    let mut parts = vec![ui.event_type(e.kind).to_string(), ui.when(e.start, e.end)];
    if let Some(n) = &e.name {
        parts.push(n.clone());
    }
    let who = partners(data, e, ui);
    if !who.is_empty() {
        parts.push(who);
    }
    parts.join(" · ")
}

/// The link that opens an event on the timeline, keeping the filters.
fn select(f: &Filters, event: Option<String>) -> Url {
    Url {
        route: Route::Timeline(f.clone()),
        event,
        ..Url::default()
    }
}

#[component]
pub fn Timeline(data: &'static Dataset) -> impl IntoView {
    let nav = use_route();
    let ui = use_ui();
    let filters = use_filters(data);
    let all = span(data, 0..data.events.len() as u32).unwrap_or((2000, 2025));
    let range = Memo::new(move |_| filters.filters.get().years.unwrap_or(all));
    let selected = Memo::new(move |_| nav.location.with(|l| l.url.event.clone()));
    let events = Memo::new(move |_| {
        // Everything but the year filter applies; the year range is the visible window.
        let mut f = filters.filters.get();
        f.years = None;
        apply(data, &f).events
    });
    // What the view shows with every filter, the visible years included: what it downloads.
    let shown = Memo::new(move |_| apply(data, &filters.filters.get()));
    let hovered = RwSignal::new(None::<u32>);
    let set_range = move |r: (u16, u16), replace: bool| {
        let mut f: Filters = filters.filters.get_untracked();
        f.years = if r == all { None } else { Some(r) };
        let event = selected.get_untracked();
        nav.open(select(&f, event), replace);
    };
    let zoom_by = move |factor: f32| set_range(zoom(range.get_untracked(), factor, all), false);
    let pan_by = move |dir: i32| {
        let (a, b) = range.get_untracked();
        let step = ((b - a) as i32 / 4).max(1) * dir;
        set_range(pan((a, b), step, all), false);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "+" | "=" => zoom_by(0.5),
        "-" | "_" => zoom_by(2.0),
        "ArrowLeft" => pan_by(-1),
        "ArrowRight" => pan_by(1),
        _ => {}
    };
    // Where the pointer is across the chart's time axis, 0 (left) to 1 (right).
    let at = move |client_x: f64| -> f32 {
        let Some(svg) = document().query_selector("svg.timeline").ok().flatten() else {
            return 0.5;
        };
        let r = svg.get_bounding_client_rect();
        let scale = r.width() / WIDTH as f64;
        let left = r.left() + GUTTER as f64 * scale;
        let width = (WIDTH - GUTTER - 10) as f64 * scale;
        ((client_x - left) / width) as f32
    };
    // The wheel zooms under the pointer (a trackpad pinch arrives as a wheel with ctrl);
    // a sideways wheel pans. Each step replaces the history entry, so Back leaves the chart.
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        if ev.delta_x().abs() > ev.delta_y().abs() {
            let (a, b) = range.get_untracked();
            let step = ((b - a) as i32 / 8).max(1) * ev.delta_x().signum() as i32;
            set_range(pan((a, b), step, all), true);
        } else if ev.delta_y() != 0.0 {
            let factor = if ev.delta_y() < 0.0 { 0.8 } else { 1.25 };
            set_range(
                zoom_at(range.get_untracked(), factor, at(ev.client_x() as f64), all),
                true,
            );
        }
    };
    // Two-finger pinch on a touch screen: the ratio of finger distances is the zoom.
    let pinch = StoredValue::new(None::<(f64, f64, f64)>);
    let touch_spread = |ev: &web_sys::TouchEvent| -> Option<(f64, f64)> {
        let t = ev.touches();
        let (a, b) = (t.get(0)?, t.get(1)?);
        let dx = (a.client_x() - b.client_x()) as f64;
        let dy = (a.client_y() - b.client_y()) as f64;
        Some((dx.hypot(dy), (a.client_x() + b.client_x()) as f64 / 2.0))
    };
    let on_touchstart = move |ev: web_sys::TouchEvent| {
        pinch.set_value(touch_spread(&ev).map(|(d, x)| (d, d, x)));
    };
    let on_touchmove = move |ev: web_sys::TouchEvent| {
        if let (Some((d0, _, x)), Some((d, _))) = (pinch.get_value(), touch_spread(&ev)) {
            ev.prevent_default();
            pinch.set_value(Some((d0, d, x)));
        }
    };
    let on_touchend = move |_: web_sys::TouchEvent| {
        if let Some((d0, d1, x)) = pinch.get_value() {
            if d0 > 0.0 && d1 > 0.0 && (d1 / d0 - 1.0).abs() > 0.15 {
                set_range(
                    zoom_at(range.get_untracked(), (d0 / d1) as f32, at(x), all),
                    false,
                );
            }
        }
        pinch.set_value(None);
    };

    let overview = move || {
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.filters.track();
        let (from, to) = range.get();
        let rows = per_year(data, &events.get(), all);
        let scale = Scale::new(all.0, all.1, GUTTER, WIDTH - GUTTER - 10);
        let max = rows
            .iter()
            .map(|(_, r)| r.total())
            .max()
            .unwrap_or(1)
            .max(1);
        let unit = (OVERVIEW_HEIGHT - 16) as f32 / max as f32;
        let band = (
            scale.x(from),
            scale.x(to) + (scale.x(to + 1) - scale.x(to)).max(2),
        );
        let columns = rows
            .into_iter()
            .map(|(year, counts)| {
                let x0 = scale.x(year);
                let w = (scale.x(year + 1) - x0 - 1).max(1);
                let mut y = OVERVIEW_HEIGHT - 14;
                let stack = counts
                    .nonzero()
                    .map(|(t, n)| {
                        let h = ((n as f32 * unit).round() as i32).max(2);
                        y -= h;
                        view! { <rect class=format!("bar type-{}", t.slug()) x=x0 y=y width=w height=h /> }
                    })
                    .collect_view();
                let total = counts.total();
                let label = match ui {
                    Ui::En => format!("{year}: {total} events — show this year"),
                    Ui::Zh => format!("{year}年：{total} 个事件——只看这一年"),
                };
                view! {
                    <g class="overview-year" data-year=year>
                        {stack}
                        <rect
                            class="hit"
                            x=x0
                            y=0
                            width=w.max(2)
                            height=OVERVIEW_HEIGHT
                            on:click=move |ev: leptos::ev::MouseEvent| {
                                let (a, b) = range.get_untracked();
                                let r = if ev.shift_key() { (a.min(year), b.max(year)) } else { (year, year) };
                                set_range(r, false);
                            }
                        >
                            <title>{label}</title>
                        </rect>
                    </g>
                }
            })
            .collect_view();
        let ticks = scale
            .ticks(48)
            .into_iter()
            .map(|t| view! { <text class="overview-tick" x=scale.x(t) y=OVERVIEW_HEIGHT - 2>{t}</text> })
            .collect_view();
        view! {
            <svg
                class="overview"
                data-testid="overview"
                viewBox=format!("0 0 {WIDTH} {OVERVIEW_HEIGHT}")
                role="group"
                aria-label=ui.pick("Events per year over the whole span; click a year to show it", "全时段每年事件数；点击某年以显示该年")
            >
                <text class="overview-label" x=6 y=20>{ui.pick("All years", "全部年份")}</text>
                <rect class="band" x=band.0 y=0 width=(band.1 - band.0).max(2) height=OVERVIEW_HEIGHT - 12 />
                {columns}
                {ticks}
            </svg>
        }
    };

    let chart = move || {
        selected.track();
        // Track the filters first: read after a memo derived from them, a change can be missed
        // (see docs/architecture.md, "Reading memos").
        filters.filters.track();
        let (from, to) = range.get();
        let scale = Scale::new(from, to, GUTTER, WIDTH - GUTTER - 10);
        let indexes = events.get();
        let list: Vec<&'static Event> = indexes.iter().map(|&i| &data.events[i as usize]).collect();
        let placed = layout(&list, &scale);
        let mut lane_top = vec![0; LANES.len()];
        let mut y = AXIS;
        for (lane, rows) in placed.rows.iter().enumerate() {
            lane_top[lane] = y;
            y += (*rows).max(1) as i32 * ROW + LANE_PAD;
        }
        let height = y;
        let ticks = scale
            .ticks(56)
            .into_iter()
            .map(|t| {
                let x = scale.x(t);
                view! {
                    <g class="tick">
                        <line x1=x x2=x y1=AXIS - 6 y2=height />
                        <text x=x + 3 y=AXIS - 10>{t}</text>
                    </g>
                }
            })
            .collect_view();
        let lanes = LANES
            .iter()
            .enumerate()
            .map(|(lane, t)| {
                let top = lane_top[lane];
                let h = placed.rows[lane].max(1) as i32 * ROW;
                view! {
                    <g class="lane">
                        <rect class="lane-bg" x=0 y=top - 3 width=WIDTH height=h + 6 />
                        <text class="lane-label" x=6 y=top + 12>{ui.event_type(*t)}</text>
                    </g>
                }
            })
            .collect_view();
        let open_id = selected.get();
        let marks = placed
            .marks
            .iter()
            .map(|m| {
                let e = list[m.event];
                let index = indexes[m.event];
                let top = lane_top[m.lane] + m.row as i32 * ROW;
                let label = describe(data, e, ui);
                let title = label.clone();
                let id = e.id.clone();
                let open = move || {
                    let f = filters.filters.get_untracked();
                    nav.open(select(&f, Some(id.clone())), false);
                };
                let open2 = open.clone();
                let shape = match m.precision {
                    Precision::Day => view! {
                        <circle cx=(m.x0 + m.x1) / 2 cy=top + 6 r=5 />
                    }
                    .into_any(),
                    Precision::Month => view! {
                        <rect x=m.x0 y=top + 1 width=m.x1 - m.x0 height=10 rx=2 />
                    }
                    .into_any(),
                    Precision::Year => view! {
                        <rect class="year-only" x=m.x0 y=top + 3 width=m.x1 - m.x0 height=6 rx=3 />
                    }
                    .into_any(),
                };
                let is_open = open_id.as_deref() == Some(e.id.as_str());
                view! {
                    <g
                        class=format!("mark type-{}{}", e.kind.slug(), if is_open { " selected" } else { "" })
                        data-event-id=e.id.clone()
                        role="button"
                        tabindex="0"
                        aria-label=label
                        aria-pressed=if is_open { "true" } else { "false" }
                        on:click=move |_| open()
                        on:mouseenter=move |_| hovered.set(Some(index))
                        on:focus=move |_| hovered.set(Some(index))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                open2();
                            }
                        }
                    >
                        <title>{title}</title>
                        {shape}
                    </g>
                }
            })
            .collect_view();
        let undated = placed
            .undated
            .iter()
            .map(|&i| event_item(data, list[i], ui))
            .collect_view();
        // The same events as text, in date order: the timeline's text equivalent.
        let mut dated: Vec<&milcoop_core::query::timeline::Mark> = placed.marks.iter().collect();
        order::sort_by_key(&mut dated, |m| (list[m.event].start, m.event));
        let as_text = dated
            .into_iter()
            .map(|m| event_item(data, list[m.event], ui))
            .collect_view();
        let count = placed.marks.len();
        let summary = match ui {
            Ui::En => format!(" dated events from {from} to {to}"),
            Ui::Zh => format!(" 个有日期的事件，{from}—{to}年"),
        };
        view! {
            <p class="result-count">
                <span data-testid="timeline-count">{count}</span>
                {summary}
            </p>
            <p class="mark-detail" aria-live="polite" data-testid="mark-detail">
                {move || hovered.get().map(|i| describe(data, &data.events[i as usize], ui)).unwrap_or_else(|| ui.pick("Point at or focus an event to see it here; click it to open its sources.", "指向或聚焦某个事件即在此显示；点击可查看出处。").to_string())}
            </p>
            <div
                class="timeline-frame"
                on:wheel=on_wheel
                on:touchstart=move |ev: leptos::ev::TouchEvent| on_touchstart(ev.unchecked_into())
                on:touchmove=move |ev: leptos::ev::TouchEvent| on_touchmove(ev.unchecked_into())
                on:touchend=move |ev: leptos::ev::TouchEvent| on_touchend(ev.unchecked_into())
            >
                <svg
                    class="timeline"
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="group"
                    aria-label=match ui {
                        Ui::En => format!("Timeline of {count} events, {from} to {to}"),
                        Ui::Zh => format!("{from}—{to}年 {count} 个事件的时间线"),
                    }
                >
                    {lanes}
                    {ticks}
                    {marks}
                </svg>
            </div>
            <details class="as-text">
                <summary>{ui.pick("The timeline as a list", "以列表显示时间线")}</summary>
                <ol data-testid="timeline-list">{as_text}</ol>
            </details>
            <section class="undated" aria-labelledby="undated-title">
                <h2 id="undated-title">{ui.pick("Undated", "日期不详")}</h2>
                <p class="hint">{ui.pick("Events the text gives no date for; they are not placed on the timeline.", "原文未给出日期的事件，不放在时间线上。")}</p>
                <ul data-testid="undated">{undated}</ul>
            </section>
        }
    };

    let panel = move || {
        let id = selected.get()?;
        let Some(e) = data.event(&id) else {
            return Some(
                view! {
                    <p class="notice" role="status" data-testid="event-notice">
                        {format!("{} event={id}", ui.pick("No such event:", "没有此事件："))}
                    </p>
                }
                .into_any(),
            );
        };
        let sources = e
            .sources
            .iter()
            .map(|s| {
                let p = &data.passages[s.passage as usize];
                let doc = &data.documents[p.doc as usize];
                view! {
                    <li>
                        <Link route=Route::Passage(p.id.clone())>{format!("{} ¶{}", doc.title, p.index)}</Link>
                        <blockquote lang=p.lang.code()>{s.quote.clone()}</blockquote>
                    </li>
                }
            })
            .collect_view();
        let close = move |_| {
            let f = filters.filters.get_untracked();
            nav.open(select(&f, None), false);
        };
        let who = partners(data, e, ui);
        Some(
            view! {
                <section class="event-panel" data-testid="event-panel" data-event-id=e.id.clone() aria-labelledby="event-title">
                    <h2 id="event-title">
                        <span class=format!("type-chip type-{}", e.kind.slug())>{ui.event_type(e.kind)}</span>
                        " "
                        {e.name.clone().unwrap_or_else(|| ui.pick("(unnamed)", "（未具名）").to_string())}
                    </h2>
                    <dl class="meta">
                        <dt>{ui.pick("Date", "日期")}</dt>
                        <dd>{ui.when(e.start, e.end)}</dd>
                        <dt>{ui.pick("Partners", "合作方")}</dt>
                        <dd>{if who.is_empty() { ui.pick("not named in the text", "原文未指明").to_string() } else { who }}</dd>
                    </dl>
                    <h3>{ui.pick("Sources", "出处")}</h3>
                    <ul class="event-sources" data-testid="event-sources">{sources}</ul>
                    <button type="button" on:click=close>{ui.pick("Close", "关闭")}</button>
                </section>
            }
            .into_any(),
        )
    };

    let lane_types: Vec<EventType> = LANES.to_vec();
    let legend = lane_types
        .into_iter()
        .map(|t| view! { <li><span class=format!("swatch type-{}", t.slug())></span>{ui.event_type(t)}</li> })
        .collect_view();

    view! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <FilteredViewHead
                data=data
                id="timeline-title"
                title=ui.pick("Timeline of events", "事件时间线")
                hint=ui.pick("A dot is a day, a bar a month, a thin bar a year-only date; ranges are bars. Zoom with the wheel, a pinch, the buttons or + and −; click an event to open its sources. All Explore filters apply; the visible years are the year filter.", "圆点为具体日期，短条为月份，细条为仅知年份；时间段显示为条。可用滚轮、双指、按钮或 + − 缩放；点击事件可查看出处。浏览页的筛选条件同样适用；可见年份即年份筛选。")
                notices=filters.notices
                results=shown
            />
            {overview}
            <ul class="legend" aria-label=ui.pick("Event types", "事件类型")>{legend}</ul>
            <div class="zoom" role="toolbar" aria-label=ui.pick("Zoom and pan", "缩放与平移") on:keydown=on_key>
                <button type="button" data-testid="zoom-in" on:click=move |_| zoom_by(0.5)>{ui.pick("Zoom in (+)", "放大 (+)")}</button>
                <button type="button" data-testid="zoom-out" on:click=move |_| zoom_by(2.0)>{ui.pick("Zoom out (−)", "缩小 (−)")}</button>
                <button type="button" on:click=move |_| pan_by(-1)>{ui.pick("← Earlier", "← 更早")}</button>
                <button type="button" on:click=move |_| pan_by(1)>{ui.pick("Later →", "更晚 →")}</button>
                <button type="button" on:click=move |_| set_range(all, false)>{ui.pick("All years", "全部年份")}</button>
            </div>
            {panel}
            {chart}
        </section>
    }
}

/// An event as a line of text that opens it on the timeline.
fn event_item(data: &'static Dataset, e: &'static Event, ui: Ui) -> impl IntoView {
    let nav = use_route();
    let id = e.id.clone();
    let href = {
        let f = nav
            .location
            .with_untracked(|l| l.route().filters().cloned().unwrap_or_default());
        let mut url = select(&f, Some(id.clone()));
        url.ui = (ui == Ui::Zh).then_some(Ui::Zh);
        url.to_query()
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let f = nav
            .location
            .with_untracked(|l| l.route().filters().cloned().unwrap_or_default());
        nav.open(select(&f, Some(id.clone())), false);
    };
    view! {
        <li data-event-id=e.id.clone()>
            <a href=href on:click=open>{describe(data, e, ui)}</a>
        </li>
    }
}
